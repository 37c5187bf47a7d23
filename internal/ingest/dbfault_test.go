package ingest_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// The database disappears mid-run. Two ways, both on PostgreSQL:
//
//   - terminate: every connection to the test's own database is killed
//     with pg_terminate_backend (other users of the server are
//     untouched), so it runs wherever PostgreSQL is reachable;
//   - restart: the whole cluster is restarted with pg_ctlcluster. That
//     disturbs anything else using the server, so it runs only as root
//     with FLASHPOINT_FAULT_TESTS=1 (scripts/test.sh runs it alone).
//
// Either way the run must end by itself, either finishing (database/sql
// reconnected between transactions) or with a connection error, never
// recording the articles it lost as rejects; a re-run must then leave
// exactly what a clean run stores.
func TestDatabaseGoneMidRun(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	t.Run("terminate", func(t *testing.T) {
		dbFault(t, func(t *testing.T, admin *sql.DB, dbname string) {
			_, err := admin.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", dbname)
			if err != nil {
				t.Fatalf("terminate: %v", err)
			}
		})
	})
	t.Run("restart", func(t *testing.T) {
		if os.Getenv("FLASHPOINT_FAULT_TESTS") != "1" {
			// scripts/test.sh runs it alone after the other tests, so the
			// restart cannot break a test of another package running at
			// the same time
			t.Skip("restarts the shared PostgreSQL server: set FLASHPOINT_FAULT_TESTS=1 to run")
		}
		if os.Geteuid() != 0 {
			t.Skip("needs root to restart PostgreSQL with pg_ctlcluster")
		}
		version := clusterVersion(t)
		dbFault(t, func(t *testing.T, admin *sql.DB, dbname string) {
			out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart").CombinedOutput()
			if err != nil {
				t.Fatalf("pg_ctlcluster restart: %v %s", err, out)
			}
		})
	})
}

// dbFault ingests a corpus into a fresh PostgreSQL database, calls fault
// once a fifth is committed, checks how the run ended, re-runs and
// compares with a clean SQLite run.
func dbFault(t *testing.T, fault func(t *testing.T, admin *sql.DB, dbname string)) {
	url := storetest.Postgres(t)
	dbname := url[strings.LastIndexByte(url, '/')+1:]
	if i := strings.IndexByte(dbname, '?'); i >= 0 {
		dbname = dbname[:i]
	}
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	arts := corpus(3000, 13)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	st := open(t, url)
	type result struct {
		stats ingest.Stats
		err   error
	}
	done := make(chan result, 1)
	go func() {
		s, err := ingest.Run(ctx, st, slowFeed(ctx, arts), code, ingest.Options{BatchSize: 50})
		done <- result{s, err}
	}()
	var n int64
	for n < int64(len(arts)/5) {
		select {
		case r := <-done:
			t.Fatalf("the run finished before the fault (%+v, %v): make the corpus larger", r.stats, r.err)
		case <-time.After(20 * time.Millisecond):
		}
		admin.QueryRow("SELECT COUNT(*) FROM articles").Scan(&n)
	}
	fault(t, admin, dbname)
	t.Logf("fault after %d articles committed", n)
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		t.Fatal("the run did not end after the database went away")
	}
	t.Logf("first run: stored %d, then %v", r.stats.Stored, r.err)
	if r.err != nil && !connectionError(r.err) {
		t.Errorf("first run failed with an unexpected error: %v", r.err)
	}
	for _, rj := range r.stats.Rejects {
		if connectionError(errString(rj.Reason)) {
			t.Errorf("a lost connection was recorded as a reject: %+v", rj)
		}
	}
	st.Close()

	// Resume as a new process would, once the server answers again.
	waitPG(t, admin)
	st = open(t, url)
	before := counts(t, st)
	rest, err := ingest.Run(ctx, st, feed(arts), code, ingest.Options{})
	if err != nil {
		t.Fatalf("re-run: %v", err)
	}
	if rest.Duplicate < int(before.Articles) {
		t.Errorf("re-run stored again what was committed: %+v after %+v", rest, before)
	}
	ref := open(t, storetest.SQLite(t))
	run(t, ref, arts, ingest.Options{})
	compareStores(t, st, ref)
}

// slowFeed sends the articles at about 2,000 a second, so the fault
// lands mid-run even on a fast machine.
func slowFeed(ctx context.Context, arts []event.Article) <-chan event.Article {
	ch := make(chan event.Article)
	go func() {
		defer close(ch)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for i, a := range arts {
			if i%20 == 0 {
				select {
				case <-tick.C:
				case <-ctx.Done():
					return
				}
			}
			select {
			case ch <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

type errString string

func (e errString) Error() string { return string(e) }

// connectionError recognises the ways a lost server shows up.
func connectionError(err error) bool {
	s := strings.ToLower(err.Error())
	for _, m := range []string{"57p01", "terminating connection", "connection", "conn closed", "eof", "broken pipe", "reset by peer", "shutting down", "08006", "57p03"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// waitPG waits up to 30 s for the server to accept queries again.
func waitPG(t *testing.T, db *sql.DB) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var one int
		err := db.QueryRow("SELECT 1").Scan(&one)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("PostgreSQL did not come back: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// clusterVersion is the version of the cluster named main
// (FLASHPOINT_PG_VERSION overrides), from pg_lsclusters.
func clusterVersion(t *testing.T) string {
	t.Helper()
	if v := os.Getenv("FLASHPOINT_PG_VERSION"); v != "" {
		return v
	}
	out, err := exec.Command("pg_lsclusters", "-h").Output()
	if err != nil {
		t.Skipf("pg_lsclusters: %v (set FLASHPOINT_PG_VERSION)", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[1] == "main" {
			return f[0]
		}
	}
	t.Skip("no PostgreSQL cluster named main")
	return ""
}
