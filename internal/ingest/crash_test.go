package ingest_test

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// The crash test ingests a generated corpus in a child process (this
// test binary re-executed with FP_CRASH_URL set), SIGKILLs it part-way,
// runs the ingest again and checks the store equals an uninterrupted
// run's. FLASHPOINT_KILL_N sets the corpus size (default 20,000; use
// 100000 for the long variant).

const crashSeed = 7

func crashN(t *testing.T) int {
	if s := os.Getenv("FLASHPOINT_KILL_N"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 100 {
			t.Fatalf("FLASHPOINT_KILL_N=%q: want a number >= 100", s)
		}
		return n
	}
	return 20000
}

// TestCrashChild is the child's body; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	url := os.Getenv("FP_CRASH_URL")
	if url == "" {
		t.Skip("child process of TestCrashResume only")
	}
	st := open(t, url)
	run(t, st, corpus(crashN(t), crashSeed), ingest.Options{BatchSize: 100})
}

func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			n := crashN(t)
			if b.Name == "postgres" && os.Getenv("FLASHPOINT_KILL_N") == "" {
				n = 2000 // keeps the suite inside its time budget on 2 cores
			}
			t0 := time.Now()
			arts := corpus(n, crashSeed)
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "FP_CRASH_URL="+b.URL, "FLASHPOINT_KILL_N="+strconv.Itoa(n))
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()

			// Kill once about a third is committed.
			st := open(t, b.URL)
			killedAt := int64(-1)
			deadline := time.Now().Add(2 * time.Minute)
		poll:
			for time.Now().Before(deadline) {
				select {
				case err := <-exited:
					t.Fatalf("child finished before it could be killed (%v); raise FLASHPOINT_KILL_N", err)
				case <-time.After(20 * time.Millisecond):
				}
				var c store.Counts
				if err := st.DB().QueryRow("SELECT COUNT(*) FROM articles").Scan(&c.Articles); err != nil {
					continue // schema not there yet
				}
				if c.Articles >= int64(n/3) {
					cmd.Process.Signal(syscall.SIGKILL)
					<-exited
					killedAt = c.Articles
					break poll
				}
			}
			if killedAt < 0 {
				cmd.Process.Kill()
				t.Fatal("child made no progress")
			}

			// Re-run over the same input, then compare with a clean run.
			t1 := time.Now()
			// Resume as a new process would, with a store opened afresh.
			st.Close()
			st = open(t, b.URL)
			before := counts(t, st)
			rest := run(t, st, arts, ingest.Options{})
			if rest.Duplicate < int(before.Articles) {
				t.Errorf("re-run stored again what the killed run committed: %+v after %+v", rest, before)
			}
			t2 := time.Now()
			ref := open(t, storetest.SQLite(t))
			run(t, ref, arts, ingest.Options{})
			t.Logf("kill after %v, resume %v, clean run %v", t1.Sub(t0), t2.Sub(t1), time.Since(t2))
			got, want := counts(t, st), counts(t, ref)
			got.Rejects, want.Rejects = 0, 0 // the killed run logged some rejects twice
			if got != want {
				t.Errorf("killed at %d articles then resumed: %+v\nuninterrupted: %+v", killedAt, got, want)
			}
			if g, w := digest(t, st), digest(t, ref); g != w {
				t.Errorf("incidents differ after resume:\n got %s\nwant %s", g, w)
			}
			t.Logf("%d articles, killed after %d committed; %+v", n, killedAt, got)
		})
	}
}

// digest summarises every incident's shape and tallies, in order.
func digest(t *testing.T, st *store.Store) string {
	var sum uint64
	var n int
	for inc, err := range st.Incidents(context.Background(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		s := inc.SourceCountry + inc.TargetCountry + inc.Root + inc.Date + inc.Location + inc.FirstSeen + inc.LastSeen +
			strconv.Itoa(inc.Mentions) + "/" + strconv.Itoa(inc.Articles) + "/" + strconv.Itoa(inc.Claims) + "/" + strconv.Itoa(inc.Denials)
		for _, c := range s {
			sum = sum*1099511628211 + uint64(c)
		}
	}
	return strconv.Itoa(n) + ":" + strconv.FormatUint(sum, 16)
}
