package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrations embed.FS

// migrationLock is the PostgreSQL advisory lock key that serialises
// migrations when several processes open a fresh database at once.
const migrationLock = 0x666c617368 // "flash"

// migrate applies, in order, every embedded migration of the store's
// dialect that schema_migrations does not list. Each migration runs in
// its own transaction together with its schema_migrations row.
func (s *Store) migrate(ctx context.Context) (err error) {
	names, err := s.migrationFiles()
	if err != nil {
		return err
	}

	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.dialect == postgresDialect {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLock); err != nil {
			return fmt.Errorf("store: migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLock)
	}
	sqlite := s.dialect != postgresDialect
	if sqlite {
		// One write transaction for the whole check-and-apply: a second
		// process opening a fresh file waits for the first (busy timeout)
		// and then finds its migrations applied.
		if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			return fmt.Errorf("store: migration lock: %w", err)
		}
		committed := false
		defer func() {
			if !committed {
				conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			}
		}()
		defer func() {
			if err == nil {
				if _, err = conn.ExecContext(ctx, "COMMIT"); err == nil {
					committed = true
				}
			}
		}()
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store: schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	for _, name := range names {
		base := name[strings.LastIndexByte(name, '/')+1:]
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("store: migration %s: name must start with a number", base)
		}
		if applied[version] {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if err := s.apply(ctx, conn, sqlite, base, version, string(body)); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration with its schema_migrations row: in its own
// transaction on PostgreSQL, inside migrate's write transaction on SQLite.
func (s *Store) apply(ctx context.Context, conn *sql.Conn, sqlite bool, base string, version int, body string) error {
	insert := s.rebind("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
	now := time.Now().UTC().Format(time.RFC3339)
	if sqlite {
		if _, err := conn.ExecContext(ctx, body); err != nil {
			return fmt.Errorf("store: migration %s: %w", base, err)
		}
		if _, err := conn.ExecContext(ctx, insert, version, base, now); err != nil {
			return fmt.Errorf("store: migration %s: %w", base, err)
		}
		return nil
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Both drivers accept several statements in one Exec.
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return fmt.Errorf("store: migration %s: %w", base, err)
	}
	if _, err := tx.ExecContext(ctx, insert, version, base, now); err != nil {
		return fmt.Errorf("store: migration %s: %w", base, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: %w", base, err)
	}
	return nil
}

// migrationFiles lists the embedded migrations of the store's dialect,
// in the order they apply.
func (s *Store) migrationFiles() ([]string, error) {
	dir := "migrations/sqlite"
	if s.dialect == postgresDialect {
		dir = "migrations/postgres"
	}
	names, err := fs.Glob(migrations, dir+"/*.sql")
	sort.Strings(names)
	return names, err
}
