-- Flashpoint event store, SQLite dialect. Keep in step with
-- migrations/postgres/0001_init.sql: same tables, columns and indexes.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    date         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL UNIQUE,
    simhash      INTEGER NOT NULL,
    sh0          INTEGER NOT NULL,
    sh1          INTEGER NOT NULL,
    sh2          INTEGER NOT NULL,
    sh3          INTEGER NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_sh0 ON articles(sh0, date);
CREATE INDEX articles_sh1 ON articles(sh1, date);
CREATE INDEX articles_sh2 ON articles(sh2, date);
CREATE INDEX articles_sh3 ON articles(sh3, date);

CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    source_country TEXT NOT NULL,
    target_country TEXT NOT NULL,
    root           TEXT NOT NULL,
    code           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    date           TEXT NOT NULL,
    location       TEXT NOT NULL DEFAULT '',
    background     INTEGER NOT NULL DEFAULT 0,
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL,
    mentions       INTEGER NOT NULL,
    articles       INTEGER NOT NULL,
    sources        TEXT NOT NULL DEFAULT '',
    claims         INTEGER NOT NULL DEFAULT 0,
    denials        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incidents_dyad ON incidents(source_country, target_country, root, date);
CREATE INDEX incidents_date ON incidents(date);

CREATE TABLE events (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL,
    doc_id          TEXT NOT NULL REFERENCES articles(id),
    source_code     TEXT NOT NULL,
    source_country  TEXT NOT NULL,
    source_text     TEXT NOT NULL,
    source_start    INTEGER NOT NULL,
    source_end      INTEGER NOT NULL,
    target_code     TEXT NOT NULL,
    target_country  TEXT NOT NULL,
    target_text     TEXT NOT NULL,
    target_start    INTEGER NOT NULL,
    target_end      INTEGER NOT NULL,
    code            TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover          TEXT NOT NULL,
    plover_mode     TEXT NOT NULL,
    date            TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    date_text       TEXT NOT NULL,
    background      INTEGER NOT NULL,
    loc_text        TEXT,
    loc_name        TEXT,
    loc_geonameid   INTEGER,
    loc_lat         REAL,
    loc_lon         REAL,
    loc_country     TEXT,
    loc_admin1      TEXT,
    loc_precision   TEXT,
    loc_confidence  REAL,
    claimed_by      TEXT,
    denies          TEXT,
    sentence_index  INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    trigger_text    TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    incident_id     INTEGER REFERENCES incidents(id),
    UNIQUE (doc_id, id)
);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_incident ON events(incident_id);
CREATE INDEX events_denies ON events(denies) WHERE denies IS NOT NULL;

CREATE TABLE rejects (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    rejected_at TEXT NOT NULL
);
