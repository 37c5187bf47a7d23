package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// ErrNoDatabase says a read-only open found no database file.
var ErrNoDatabase = errors.New("no such database")

// SQLitePath returns the file a SQLite store URL names, and false for a
// PostgreSQL URL.
func SQLitePath(u string) (string, bool) {
	if IsPostgres(u) {
		return "", false
	}
	p := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite://"), "sqlite:")
	p = strings.TrimPrefix(p, "file:")
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if p == "" {
		p = DefaultPath
	}
	return p, true
}

// OpenReadOnly opens an existing store for queries only: it creates
// nothing, applies no migration and writes nothing, so the query commands
// and the server work on a database they may not write (a chmod 444 file,
// a read-only PostgreSQL role), and a mistyped path is an error instead
// of a new empty database. A store whose schema is older than this
// binary's is refused with the way to upgrade it.
func OpenReadOnly(ctx context.Context, u string) (*Store, error) {
	s := &Store{stmts: map[string]*sql.Stmt{}, pgq: map[string]string{}}
	if path, ok := SQLitePath(u); ok {
		fi, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", path, ErrNoDatabase)
		}
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory, not a database", path)
		}
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(30000)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Set("mode", "ro")
		if readOnlyMount(filepath.Dir(path)) {
			// On a read-only mount SQLite cannot create the WAL's shared
			// memory file, and even a read fails; nothing can change the
			// file there, so it is opened as immutable.
			q.Set("immutable", "1")
		}
		if s.db, err = sql.Open("sqlite", "file:"+path+"?"+q.Encode()); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
		s.db.SetMaxOpenConns(4)
	} else {
		s.dialect = postgresDialect
		cfg, err := pgx.ParseConfig(postgresURL(u))
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", redact(u), redactedError{err})
		}
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
		if _, set := cfg.RuntimeParams["plan_cache_mode"]; !set {
			cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
		}
		s.db = stdlib.OpenDB(*cfg)
		s.db.SetMaxOpenConns(8)
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: connect %s: %w", redact(u), redactedError{err})
	}
	if err := s.schemaCurrent(ctx, u); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// schemaCurrent checks that every embedded migration has been applied.
func (s *Store) schemaCurrent(ctx context.Context, u string) error {
	names, err := s.migrationFiles()
	if err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := s.db.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return fmt.Errorf("%s is not a flashpoint database (no schema_migrations table)", redact(u))
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return err
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range names {
		base := name[strings.LastIndexByte(name, '/')+1:]
		v, _ := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if !applied[v] {
			return fmt.Errorf("%s was written by an older flashpoint (migration %s not applied): run 'flashpoint alerts --db %s' once with write access to upgrade it", redact(u), base, redact(u))
		}
	}
	return nil
}

// SchemaVersion is the number of the newest migration this binary
// applies: a database at a lower version is upgraded when opened for
// writing.
func SchemaVersion() int {
	names, _ := fs.Glob(migrations, "migrations/sqlite/*.sql")
	top := 0
	for _, name := range names {
		base := name[strings.LastIndexByte(name, '/')+1:]
		if v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0]); err == nil {
			top = max(top, v)
		}
	}
	return top
}

// readOnlyMount reports whether dir is on a read-only file system.
// Only there is immutable safe: elsewhere another process may write.
func readOnlyMount(dir string) bool {
	return syscall.Access(dir, 2 /* W_OK */) == syscall.EROFS
}
