-- Every look-up the ingest runs is a seek (store/explain_test.go checks
-- the plans). The denied-event look-up (WHERE id = ? AND incident_id IS
-- NOT NULL ORDER BY seq LIMIT 1) was planned on PostgreSQL as a walk of
-- the primary key, reading every event when no row matched; (id, seq)
-- serves both the equality and the order. It replaces events(id).
CREATE INDEX IF NOT EXISTS events_id_seq ON events(id, seq);
DROP INDEX IF EXISTS events_id;
