package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// Items 9 and 10 through the binary: passwords never reach the output,
// libpq strings and upper-case schemes reach PostgreSQL (no stray SQLite
// file), and a database on a read-only mount can still be queried.
func TestDatabaseNamesAndSecrets(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	articlesJSONL(t, in, 20, nil)
	t.Run("secrets never printed", func(t *testing.T) {
		for _, db := range []string{
			"postgres://postgres:topsecret@127.0.0.1:1/fp",
			"postgres://postgres@127.0.0.1:1/fp?password=topsecret&sslmode=disable",
			"postgres://postgres:topsecret@127.0.0.1:1:2:3/fp", // does not parse
			"host=127.0.0.1 port=1 dbname=fp user=postgres password=topsecret",
		} {
			r, _ := guarded(t, time.Minute, nil, "events", "--db", db)
			if r.code == 0 || strings.Contains(r.stdout+r.stderr, "topsecret") {
				t.Errorf("--db %s: exit %d, output shows the password:\n%s%s", db, r.code, r.stdout, r.stderr)
			}
		}
		r, _ := guarded(t, time.Minute, nil, "worker", "--nats", "nats://user:topsecret@127.0.0.1:1", "--db", filepath.Join(dir, "w.db"), "--exit-when-drained")
		if strings.Contains(r.stdout+r.stderr, "topsecret") {
			t.Errorf("worker: output shows the NATS password:\n%s", r.stderr)
		}
	})
	t.Run("postgres spellings", func(t *testing.T) {
		url := storetest.Postgres(t) // postgres://postgres@127.0.0.1:5432/NAME?sslmode=disable
		name := url[strings.LastIndexByte(url, '/')+1:]
		name = name[:strings.IndexByte(name, '?')]
		for _, db := range []string{
			"Postgres" + strings.TrimPrefix(url, "postgres"),
			"host=127.0.0.1 port=5432 dbname=" + name + " user=postgres sslmode=disable",
		} {
			cmd := exec.Command(flashpointBinary(t), "ingest", "--quiet", "--db", db, in)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("--db %q: %v\n%s", db, err, out)
			}
		}
		if n := pgCount(t, url, "SELECT count(*) FROM articles"); n != 20 {
			t.Errorf("%d articles in PostgreSQL, want 20", n)
		}
		if files, _ := filepath.Glob(filepath.Join(dir, "host=*")); len(files) > 0 {
			t.Errorf("a libpq string became SQLite files %v", files)
		}
	})
	t.Run("read-only mount", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting needs root")
		}
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mnt).CombinedOutput(); err != nil {
			t.Skipf("mount tmpfs: %v %s", err, out)
		}
		defer exec.Command("umount", mnt).Run()
		db := filepath.Join(mnt, "events.db")
		if r, _ := guarded(t, time.Minute, nil, "ingest", "--quiet", "--db", db, in); r.code != 0 {
			t.Fatalf("ingest: %s", r.stderr)
		}
		if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
			t.Skipf("remount ro: %v %s", err, out)
		}
		for _, args := range [][]string{{"events", "--db", db}, {"alerts", "--db", db}} {
			r, _ := guarded(t, time.Minute, nil, args...)
			if r.code != 0 {
				t.Errorf("%v on a read-only mount: exit %d\n%s", args, r.code, r.stderr)
			}
		}
	})
}
