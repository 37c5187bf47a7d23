// Package storetest gives tests real stores to run against: a SQLite
// file in the test's temporary directory and a fresh database on the
// PostgreSQL server named by FLASHPOINT_TEST_PG.
//
// When the server cannot be reached the PostgreSQL variants are skipped,
// except under CI=true, where they fail (CI starts the server with
// scripts/test-services.sh).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// DefaultPG is the server tests use when FLASHPOINT_TEST_PG is unset.
const DefaultPG = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// Backend is one store to test against.
type Backend struct {
	Name string // "sqlite" or "postgres"
	URL  string // for store.Open
}

// Backends returns a fresh SQLite store and a fresh PostgreSQL database.
func Backends(t testing.TB) []Backend {
	t.Helper()
	out := []Backend{{"sqlite", SQLite(t)}}
	if u, ok := postgres(t); ok {
		out = append(out, Backend{"postgres", u})
	}
	return out
}

// SQLite returns the path of a new SQLite file in t.TempDir().
func SQLite(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "flashpoint.db")
}

// Postgres returns the URL of a new, empty PostgreSQL database that is
// dropped when the test ends, or skips (fails under CI) the test.
func Postgres(t testing.TB) string {
	t.Helper()
	u, ok := postgres(t)
	if !ok {
		t.SkipNow()
	}
	return u
}

func postgres(t testing.TB) (string, bool) {
	t.Helper()
	admin := os.Getenv("FLASHPOINT_TEST_PG")
	if admin == "" {
		admin = DefaultPG
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", admin)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at FLASHPOINT_TEST_PG unreachable under CI (run scripts/test-services.sh): %v", err)
		}
		t.Logf("skipping PostgreSQL variant: server unreachable (%v); run scripts/test-services.sh", err)
		return "", false
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	name := "fp_test_" + hex.EncodeToString(rnd[:])
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		db.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		db.Close()
	})
	p, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("FLASHPOINT_TEST_PG: %v", err)
	}
	p.Path = "/" + name
	return p.String(), true
}
