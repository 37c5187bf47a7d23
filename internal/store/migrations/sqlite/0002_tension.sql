-- Tension series and alerts (internal/tension), SQLite dialect. Keep in
-- step with migrations/postgres/0002_tension.sql.

-- One row per dyad and day: tallies of the day's non-background
-- incidents. level is 'country' or 'actor' (CAMEO actor codes);
-- directed is 1 for source a → target b, 0 for the unordered pair a < b.
-- pair is the unordered country pair ("ARM|AZE") whose incidents the row
-- derives from: the unit the incremental update recomputes.
CREATE TABLE tension_daily (
    level          TEXT NOT NULL,
    directed       INTEGER NOT NULL,
    a              TEXT NOT NULL,
    b              TEXT NOT NULL,
    day            TEXT NOT NULL,
    pair           TEXT NOT NULL,
    incidents      INTEGER NOT NULL,
    q1             INTEGER NOT NULL,
    q2             INTEGER NOT NULL,
    q3             INTEGER NOT NULL,
    q4             INTEGER NOT NULL,
    goldstein_sum  REAL NOT NULL,
    weight         REAL NOT NULL,
    reports        INTEGER NOT NULL,
    claimed        INTEGER NOT NULL,
    denied         INTEGER NOT NULL,
    sources        TEXT NOT NULL DEFAULT '',
    claimants      TEXT NOT NULL DEFAULT '',
    conflict_reports TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (level, directed, a, b, day)
);
CREATE INDEX tension_daily_pair ON tension_daily(pair, day);

-- One row per alert episode; evidence is JSON (top incidents with their
-- articles and sentences).
CREATE TABLE tension_alerts (
    id          INTEGER PRIMARY KEY,
    level       TEXT NOT NULL,
    directed    INTEGER NOT NULL,
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    first_day   TEXT NOT NULL,
    peak_day    TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    window_days INTEGER NOT NULL,
    observed    REAL NOT NULL,
    expected    REAL NOT NULL,
    ratio       REAL NOT NULL,
    z           REAL NOT NULL,
    incidents   INTEGER NOT NULL,
    reports     INTEGER NOT NULL,
    sources     INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (level, directed, a, b, first_day)
);
CREATE INDEX tension_alerts_day ON tension_alerts(peak_day);

-- Watermarks of the incremental update (name → events.seq processed).
CREATE TABLE tension_state (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
