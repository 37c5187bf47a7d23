package ingest_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// TestDiskFullThenResume ingests into a SQLite file on a 2 MiB tmpfs
// (mounted by the test, so it needs root), which fills part-way. The run
// must stop with a clear error, not record the failing articles as
// rejects, and leave a store that a re-run, once the filesystem is
// enlarged, completes to exactly the state of a clean run.
func TestDiskFullThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := smallFS(t, "2m")
	url := "sqlite:" + filepath.Join(dir, "fp.db")
	arts := corpus(6000, 11)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	st := open(t, url)
	stats, err := ingest.Run(ctx, st, feed(arts), code, ingest.Options{BatchSize: 100})
	if err == nil {
		t.Fatalf("ingest into 2 MiB finished without an error: %+v", stats)
	}
	if !strings.Contains(err.Error(), "full") {
		t.Errorf("error does not say the disk is full: %v", err)
	}
	for _, r := range stats.Rejects {
		if strings.Contains(r.Reason, "full") {
			t.Errorf("a disk-full failure was recorded as a reject of one article: %+v", r)
		}
	}
	st.Close()
	t.Logf("stopped after %d stored: %v", stats.Stored, err)

	// Free space: grow the filesystem (tmpfs keeps its files), then resume.
	if out, err := exec.Command("mount", "-o", "remount,size=64m", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v %s", err, out)
	}
	st = open(t, url)
	before := counts(t, st)
	if before.Articles == 0 {
		t.Logf("nothing was committed before the disk filled")
	}
	rest, err := ingest.Run(ctx, st, feed(arts), code, ingest.Options{})
	if err != nil {
		t.Fatalf("re-run after freeing space: %v", err)
	}
	if rest.Duplicate < int(before.Articles) {
		t.Errorf("re-run stored again what was committed: %+v after %+v", rest, before)
	}
	ref := open(t, storetest.SQLite(t))
	run(t, ref, arts, ingest.Options{})
	compareStores(t, st, ref)
}

// compareStores checks got holds exactly what a clean run stored in want:
// same articles, events and incidents (so nothing lost, nothing twice),
// same incident tallies.
func compareStores(t *testing.T, got, want *store.Store) {
	t.Helper()
	g, w := counts(t, got), counts(t, want)
	g.Rejects, w.Rejects = 0, 0 // an interrupted run may log a reader reject twice
	if g != w {
		t.Errorf("after resume: %+v\nclean run:    %+v", g, w)
	}
	if dg, dw := digest(t, got), digest(t, want); dg != dw {
		t.Errorf("incidents differ after resume:\n got %s\nwant %s", dg, dw)
	}
	for _, q := range []string{
		"SELECT COUNT(*) FROM (SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1) d",
		"SELECT COUNT(*) FROM (SELECT doc_id, id FROM events GROUP BY doc_id, id HAVING COUNT(*) > 1) d",
	} {
		var n int
		if err := got.DB().QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s = %d, %v; want 0", q, n, err)
		}
	}
}

// smallFS mounts a tmpfs of the given size on a new directory and
// unmounts it when the test ends; it skips the test when not root or
// when mounting is not allowed (an unprivileged container).
func smallFS(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (a full disk is simulated with one)")
	}
	dir, err := os.MkdirTemp("", "fp-diskfull")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		os.Remove(dir)
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
			return
		}
		os.Remove(dir)
	})
	return dir
}
