// Package store keeps coded events in SQLite (the default, one file
// beside the binary) or PostgreSQL (for teams sharing one database):
// articles with their fingerprints, events, incidents that group the
// events of many reports of one happening, and rejected input records.
//
// Both back ends run the same queries through database/sql; the few
// dialect differences live in the migrations and in placeholder
// rebinding.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers "sqlite"
)

// DefaultPath is the SQLite file used when Open gets an empty URL.
const DefaultPath = "flashpoint.db"

// Store is an open event store. It is safe for concurrent use, but only
// one Batch should be writing at a time per process.
type Store struct {
	db      *sql.DB
	dialect dialect
	stmts   map[string]*sql.Stmt
	pgq     map[string]string // writeQueries rebound for PostgreSQL
}

type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// Open opens (creating if needed) the store named by url and applies
// pending migrations:
//
//	""                        ./flashpoint.db (SQLite)
//	path, sqlite:path         a SQLite file
//	postgres://..., postgresql://...   a PostgreSQL database (pgx), scheme in any case
//	host=... dbname=...       a PostgreSQL database (libpq key/value string)
func Open(ctx context.Context, url string) (*Store, error) {
	s := &Store{stmts: map[string]*sql.Stmt{}, pgq: map[string]string{}}
	var err error
	switch {
	case IsPostgres(url):
		s.dialect = postgresDialect
		s.db, err = openPostgres(url)
		if err == nil {
			s.db.SetMaxOpenConns(8)
			s.db.SetMaxIdleConns(8)
		}
	default:
		s.dialect = sqliteDialect
		s.db, err = sql.Open("sqlite", sqliteDSN(url))
		if err == nil {
			// Readers run beside the single writer thanks to WAL; more
			// connections than that only contend for the file lock.
			s.db.SetMaxOpenConns(4)
			s.db.SetMaxIdleConns(4)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", redact(url), redactedError{err})
	}
	if err := s.ping(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: connect %s: %w", redact(url), redactedError{err})
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openPostgres opens a pgx pool whose sessions plan every execution of
// a prepared statement with its parameters (plan_cache_mode
// force_custom_plan). The tables grow from empty during an ingest, and
// a generic plan made while one was tiny (a sequential scan where an
// index lookup is wanted) would otherwise stay cached for the life of
// the connection, slowing each look-up as the table grows: by 20,000
// articles, 3-4 ms per duplicate check instead of 0.05. Planning these
// small queries costs well under a millisecond.
func openPostgres(url string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(postgresURL(url))
	if err != nil {
		return nil, err
	}
	if _, set := cfg.RuntimeParams["plan_cache_mode"]; !set {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	return stdlib.OpenDB(*cfg), nil
}

// busyWait bounds how long opening waits for another process that holds
// a fresh SQLite file, as long as the busy timeout of every statement.
const busyWait = 30 * time.Second

// ping connects. A second process opening an SQLite file the first is
// still creating gets SQLITE_BUSY from the connection's journal-mode
// pragma, which SQLite answers at once instead of through the busy
// timeout: the connection is tried again until the file is free.
func (s *Store) ping(ctx context.Context) error {
	err := s.db.PingContext(ctx)
	for deadline := time.Now().Add(busyWait); err != nil && s.dialect == sqliteDialect && sqliteBusy(err) && time.Now().Before(deadline); {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		err = s.db.PingContext(ctx)
	}
	return err
}

// sqliteBusy reports whether err is SQLite's SQLITE_BUSY (5) or
// SQLITE_LOCKED (6), extended codes included.
func sqliteBusy(err error) bool {
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		c := lite.Code() & 0xff
		return c == 5 || c == 6
	}
	return false
}

// sqliteDSN turns "", "path" or "sqlite:path" into a modernc DSN with
// WAL (readers never block the writer), a busy timeout (a second
// process waits instead of failing), foreign keys, and IMMEDIATE write
// transactions (no lock-upgrade deadlocks between two writers).
// synchronous=NORMAL is durable against process crashes in WAL mode;
// only an OS crash or power loss may drop the last transactions.
func sqliteDSN(u string) string {
	path := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite://"), "sqlite:")
	if path == "" {
		path = DefaultPath
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// 32 MiB of page cache per connection instead of 2: the writer's
	// index look-ups stay in memory as the store grows, instead of
	// costing more the larger the file (the pages are only as many as
	// are touched; a small store uses little).
	q.Add("_pragma", "cache_size(-32768)")
	q.Set("_txlock", "immediate")
	if strings.HasPrefix(path, "file:") {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		return path + sep + q.Encode()
	}
	return "file:" + path + "?" + q.Encode()
}

// redact hides passwords for error messages (dsn.go).
func redact(u string) string { return Redact(u) }

// Close closes the database.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// DB exposes the underlying database for read-only ad-hoc queries
// (reports, the server); writes go through Batch.
func (s *Store) DB() *sql.DB { return s.db }

// Postgres reports whether the store is a PostgreSQL database.
func (s *Store) Postgres() bool { return s.dialect == postgresDialect }

// Rebind rewrites ? placeholders as $1, $2... for PostgreSQL, so that
// packages querying the store's tables write one SQL for both backends.
// Queries must not contain a literal question mark.
func (s *Store) Rebind(q string) string { return s.rebind(q) }

// rebind is Rebind; queries in this package never contain a literal
// question mark.
func (s *Store) rebind(q string) string {
	if s.dialect != postgresDialect || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// prepare compiles the statements the writer runs per article, once.
func (s *Store) prepare(ctx context.Context) error {
	if s.dialect == postgresDialect {
		for name, q := range pgWriteQueries {
			s.pgq[name] = s.rebind(q)
		}
	}
	for name, q := range writeQueries {
		if s.dialect == postgresDialect {
			s.pgq[name] = s.rebind(q)
		}
		st, err := s.db.PrepareContext(ctx, s.rebind(q))
		if err != nil {
			return fmt.Errorf("store: prepare %s: %w", name, err)
		}
		s.stmts[name] = st
	}
	return nil
}

// ErrNotFound is returned by lookups of a single missing row.
var ErrNotFound = errors.New("store: not found")
