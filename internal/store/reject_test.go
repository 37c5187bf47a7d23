package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/store"
)

// A reject quoting hostile input (NUL, invalid UTF-8, megabytes) is
// stored on both backends instead of failing its batch, and the same
// reject logged again by a resumed run is kept once.
func TestRejectStoredSafelyOnce(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		hostile := []store.Reject{
			{File: "in\x00.jsonl", Line: 3, Reason: "article \"a\x00\": bad \xff byte"},
			{File: "big.jsonl", Line: 4, Reason: strings.Repeat("x", 1<<20)},
		}
		for run := 0; run < 2; run++ {
			b, err := st.Begin(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range hostile {
				if err := b.Reject(r); err != nil {
					t.Fatalf("run %d: Reject: %v", run, err)
				}
			}
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.Rejects(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("%d rejects after two runs, want 2: %v", len(got), got)
		}
		if got[0].File != `in\x00.jsonl` || got[0].Reason != "article \"a\\x00\": bad \uFFFD byte" {
			t.Errorf("stored %q %q", got[0].File, got[0].Reason)
		}
		if len(got[1].Reason) > 2100 {
			t.Errorf("stored a reason of %d bytes", len(got[1].Reason))
		}
	})
}
