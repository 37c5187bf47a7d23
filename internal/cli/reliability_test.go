package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// The tests here run the binary against faults and hostile input (issue
// "no hang, no poisoned run, bounded work"). Each run has its own hang
// guard: a run that would hang is killed and fails the test.

// guarded runs the binary with stdin, killed after limit. It returns the
// result and the run's peak resident memory in bytes.
func guarded(t *testing.T, limit time.Duration, stdin io.Reader, args ...string) (result, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, flashpointBinary(t), args...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	peak := watchPeak(cmd.Process.Pid)
	defer peak() // stops the sampling however the run ends
	err := cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("flashpoint %s: still running after %v (hang); stderr:\n%s", strings.Join(args, " "), limit, tail(errb.String()))
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	rss := peak()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && rss == 0 {
		rss = ru.Maxrss << 10 // kilobytes on Linux
	}
	return result{code, out.String(), errb.String()}, rss
}

// watchPeak samples the high-water mark of a running process's memory
// (VmHWM in /proc) until it ends, and returns a function giving the last
// sample, 0 where /proc has none. The child's rusage cannot serve: Linux
// carries the test process's own peak over the fork and exec into it.
func watchPeak(pid int) func() int64 {
	var peak atomic.Int64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		path := fmt.Sprintf("/proc/%d/status", pid)
		for {
			if b, err := os.ReadFile(path); err == nil {
				for _, line := range strings.Split(string(b), "\n") {
					if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
						if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil && kb<<10 > peak.Load() {
							peak.Store(kb << 10)
						}
					}
				}
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	var once sync.Once
	return func() int64 {
		once.Do(func() { close(done); <-stopped })
		return peak.Load()
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// articlesJSONL writes n distinct articles; bad, if not nil, replaces
// line i (from 1) with bad(i).
func articlesJSONL(t *testing.T, path string, n int, bad map[int]string) {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := bad[i]; ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, `{"id":"r%d","date":"2024-03-%02d","text":"Report %d: Azerbaijani forces shelled Armenian positions near village number %d, officials in Yerevan said on day %d of the sequence %x."}`+"\n",
			i, 1+i%28, i, i*7919, i, i*104729)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pgCount(t *testing.T, url, q string) int {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func pgExec(t *testing.T, url, q string) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// Item 1: the store fails mid-run (PostgreSQL says "disk full" once 300
// articles are in; SQLite on a full tmpfs). ingest stops within the
// guard, names the failure, exits 2; after the fault a re-run finishes.
func TestIngestStoreFailsMidRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	articlesJSONL(t, in, 3000, nil)
	t.Run("postgres", func(t *testing.T) {
		url := storetest.Postgres(t)
		if r, _ := guarded(t, time.Minute, nil, "ingest", "--quiet", "--db", url, "--date", "2024-03-01", "-"); r.code == 0 {
			t.Fatal("empty input accepted") // creates the schema
		}
		pgExec(t, url, `CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF (SELECT count(*) FROM articles) >= 300 THEN
				RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
			END IF; RETURN NEW; END $$`)
		pgExec(t, url, `CREATE TRIGGER full_disk BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION full_disk()`)
		r, _ := guarded(t, 2*time.Minute, nil, "ingest", "--quiet", "--db", url, in)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "No space left on device") {
			t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 naming the failure", r.code, tail(r.stderr))
		}
		stored := pgCount(t, url, "SELECT count(*) FROM articles")
		if !strings.Contains(r.stderr, fmt.Sprintf("stored %d ", stored)) {
			t.Errorf("summary does not say the %d stored articles:\n%s", stored, tail(r.stderr))
		}
		pgExec(t, url, "DROP TRIGGER full_disk ON articles")
		r, _ = guarded(t, 2*time.Minute, nil, "ingest", "--quiet", "--db", url, in)
		if r.code != ExitOK || pgCount(t, url, "SELECT count(*) FROM articles") != 3000 {
			t.Fatalf("re-run: exit %d, %d articles stored, want 3000:\n%s", r.code, pgCount(t, url, "SELECT count(*) FROM articles"), tail(r.stderr))
		}
	})
	t.Run("sqlite full disk", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting a tmpfs needs root")
		}
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt).CombinedOutput(); err != nil {
			t.Skipf("mount tmpfs: %v %s", err, out)
		}
		defer exec.Command("umount", mnt).Run()
		db := filepath.Join(mnt, "events.db")
		r, _ := guarded(t, 2*time.Minute, nil, "ingest", "--quiet", "--db", db, in)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "full") {
			t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 naming the full disk", r.code, tail(r.stderr))
		}
	})
}

// Item 2: a NUL in one id (line 301 of 500) is rejected alone, on
// PostgreSQL and SQLite; the summary counts what is stored; a re-run
// stores nothing more and logs the reject once.
func TestIngestNULInID(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	articlesJSONL(t, in, 500, map[int]string{301: `{"id":"a\u0000","date":"2024-03-05","text":"An article whose id holds a NUL byte."}`})
	backends := storetest.Backends(t)
	for _, b := range backends {
		t.Run(b.Name, func(t *testing.T) {
			for run := 1; run <= 2; run++ {
				r, _ := guarded(t, 2*time.Minute, nil, "ingest", "--quiet", "--db", b.URL, in)
				want := "stored 499 "
				if run == 2 {
					want = "stored 0 "
				}
				if r.code != ExitSkipped || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "rejected 1") ||
					!strings.Contains(r.stderr, `\x00`) {
					t.Fatalf("run %d: exit %d, stderr:\n%s\nwant exit 1, %q, one reject naming the NUL", run, r.code, tail(r.stderr), want)
				}
			}
			if b.Name == "postgres" {
				if n := pgCount(t, b.URL, "SELECT count(*) FROM articles"); n != 499 {
					t.Errorf("%d articles stored, want 499", n)
				}
				if n := pgCount(t, b.URL, "SELECT count(*) FROM rejects"); n != 1 {
					t.Errorf("%d rejects logged after two runs, want 1", n)
				}
			}
		})
	}
}

// endless is `yes`: standard input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p), nil
}

// Item 3: `yes | flashpoint ingest --date 2024-01-01 -` ends with the
// text rejected at 8 MiB, in bounded memory.
func TestIngestEndlessText(t *testing.T) {
	db := filepath.Join(t.TempDir(), "events.db")
	r, rss := guarded(t, time.Minute, endless{}, "ingest", "--quiet", "--db", db, "--date", "2024-01-01", "-")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "text longer than 8388608 bytes") {
		t.Fatalf("exit %d, stderr:\n%s", r.code, tail(r.stderr))
	}
	t.Logf("peak RSS %d MiB", rss>>20)
	if rss > 512<<20 {
		t.Errorf("peak RSS %d MiB reading an endless stream", rss>>20)
	}
}

// Item 7: ids from paths are unique and stable; the same id with
// another text is reported, never counted as a duplicate.
func TestIngestIDsFromPaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/report.txt", "b/report.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("date 2024-03-05\nAzerbaijani forces shelled Armenian positions, said "+f+"."), 0o644)
	}
	db := filepath.Join(dir, "events.db")
	cases := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"two files of one base name", "", []string{"a/report.txt", "b/report.txt"}, ExitOK, "stored 2 "},
		{"the same again", "", []string{"a/report.txt", "b/report.txt"}, ExitOK, "stored 0 (0 near-duplicates), duplicate 2"},
		{"text on stdin", "Georgian police detained protesters in Tbilisi.", []string{"--date", "2024-03-05", "-"}, ExitOK, "stored 1 "},
		{"other text on stdin", "Turkish jets struck targets in northern Iraq.", []string{"--date", "2024-03-05", "-"}, ExitOK, "stored 1 "},
		{"JSONL without ids on stdin", `{"date":"2024-03-05","text":"Russia and China signed an energy deal."}`, []string{"-"}, ExitOK, "stored 1 "},
		{"other JSONL without ids on stdin", `{"date":"2024-03-05","text":"India and Pakistan exchanged fire in Kashmir."}`, []string{"-"}, ExitOK, "stored 1 "},
		{"an id stored with another text", `{"id":"report","date":"2024-03-05","text":"Something else entirely."}`, []string{"-"}, ExitSkipped,
			"id already stored with a different text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, flashpointBinary(t), append([]string{"ingest", "--quiet", "--db", db}, tc.args...)...)
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(tc.stdin)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
			if code != tc.code || !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, errb.String(), tc.code, tc.stderr)
			}
		})
	}
}
