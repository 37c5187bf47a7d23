-- The map's points (store/map_query.go) walk the located events newest
-- first and keep each incident's first matching one, so a request reads
-- about as many index entries as it returns points. events_located is
-- that walk, in (date, seq) order, with the filters the map asks most
-- (background, code) and the incident; events_located_incident answers
-- "an earlier located event of this incident matches too?" without
-- reading the table. Both hold located events only.
CREATE INDEX IF NOT EXISTS events_located ON events(date, seq, background, code, incident_id)
    WHERE loc_lat IS NOT NULL AND incident_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_located_incident ON events(incident_id, seq, background, code, date)
    WHERE loc_lat IS NOT NULL;
