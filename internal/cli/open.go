package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

// openDB opens the store at db for writing, creating it if needed (the
// commands that store: ingest, watch, worker).
func openDB(ctx context.Context, db string, stderr io.Writer) (*store.Store, bool) {
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return nil, false
	}
	return st, true
}

// openRead opens an existing store read-only (the query commands and the
// server): a mistyped path is an error, never a new empty database, and a
// database the user may not write can still be read.
func openRead(ctx context.Context, db string, stderr io.Writer) (*store.Store, bool) {
	st, err := store.OpenReadOnly(ctx, db)
	if err != nil {
		reportOpen(stderr, db, err)
		return nil, false
	}
	return st, true
}

func reportOpen(stderr io.Writer, db string, err error) {
	if errors.Is(err, store.ErrNoDatabase) {
		fmt.Fprintf(stderr, "flashpoint: %v: create it with 'flashpoint ingest --db %s FILE...' (or 'flashpoint demo' for flashpoint-demo.db)\n", err, store.Redact(db))
		return
	}
	fmt.Fprintln(stderr, "flashpoint:", err)
}

// openUpdated opens an existing store and brings its tension series up to
// date with what was ingested since the last update. A SQLite file this
// user may not write is opened read-only instead, with the series as they
// were last stored, and a note saying so.
func openUpdated(ctx context.Context, db string, stderr io.Writer) (*store.Store, bool) {
	if path, ok := store.SQLitePath(db); ok && !writable(path) {
		st, ok := openRead(ctx, db, stderr)
		if ok {
			fmt.Fprintf(stderr, "flashpoint: %s is read-only: tension series as last stored\n", path)
		}
		return st, ok
	}
	if path, ok := store.SQLitePath(db); ok {
		if !fileExists(path) {
			reportOpen(stderr, db, fmt.Errorf("%s: %w", path, store.ErrNoDatabase))
			return nil, false
		}
	}
	st, ok := openDB(ctx, db, stderr)
	if !ok {
		return nil, false
	}
	if _, err := tension.Update(ctx, st, tension.DefaultConfig()); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		st.Close()
		return nil, false
	}
	return st, true
}

// writable reports whether an existing file may and should be written: it
// opens for writing and its mode keeps a write bit (a chmod 444 file is
// read-only by intent, even to root). A missing file counts as writable;
// opening it will say it is missing.
func writable(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return true
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return false
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return !errors.Is(err, os.ErrPermission) && !errors.Is(err, syscall.EROFS)
	}
	f.Close()
	return true
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
