-- A reject is logged once per file, line and reason (a resumed run reads
-- the same bad records again); the index keeps that check a seek.
CREATE INDEX IF NOT EXISTS rejects_file_line ON rejects(file, line);
