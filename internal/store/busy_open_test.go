package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// A second process opening an SQLite file that another one holds (as
// when one ingest creates a fresh store while another opens it) waits for
// the file instead of failing with SQLITE_BUSY.
func TestOpenWaitsForLockedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "CREATE TABLE x (a INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(300 * time.Millisecond)
		conn.ExecContext(context.Background(), "COMMIT")
		conn.Close()
		close(released)
	}()
	st, err := store.Open(context.Background(), "sqlite:"+path)
	if err != nil {
		t.Fatalf("open while another connection holds the file: %v", err)
	}
	st.Close()
	<-released
}
