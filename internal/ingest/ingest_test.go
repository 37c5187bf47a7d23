package ingest_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// each runs f against a fresh SQLite file and a fresh PostgreSQL database.
func each(t *testing.T, f func(t *testing.T, st *store.Store)) {
	t.Helper()
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			st := open(t, b.URL)
			f(t, st)
		})
	}
}

func open(t testing.TB, url string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func feed(arts []event.Article) <-chan event.Article {
	ch := make(chan event.Article, 64)
	go func() {
		defer close(ch)
		for _, a := range arts {
			ch <- a
		}
	}()
	return ch
}

func run(t testing.TB, st *store.Store, arts []event.Article, opt ingest.Options) ingest.Stats {
	t.Helper()
	s, err := ingest.Run(context.Background(), st, feed(arts), code, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func counts(t testing.TB, st *store.Store) store.Counts {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIngestTwiceStoresOnce(t *testing.T) {
	arts := corpus(600, 1)
	each(t, func(t *testing.T, st *store.Store) {
		var calls []ingest.Progress
		first := run(t, st, arts, ingest.Options{BatchSize: 50, Progress: func(p ingest.Progress) { calls = append(calls, p) }})
		if first.Read != len(arts) || first.Stored+first.Duplicate+first.Rejected != len(arts) {
			t.Fatalf("first run stats don't add up: %+v", first)
		}
		if first.Duplicate == 0 || first.NearDuplicate == 0 || first.Rejected == 0 || first.Events == 0 {
			t.Errorf("corpus should exercise every path: %+v", first)
		}
		if len(calls) == 0 || !calls[len(calls)-1].Done || calls[len(calls)-1].Stored != first.Stored {
			t.Errorf("progress calls = %+v", calls)
		}
		c1 := counts(t, st)
		if c1.Articles != int64(first.Stored) || c1.Events != int64(first.Events) ||
			c1.Incidents != int64(first.Incidents) || c1.NearDuplicates != int64(first.NearDuplicate) ||
			c1.Rejects != int64(first.Rejected) {
			t.Errorf("counts %+v disagree with stats %+v", c1, first)
		}
		second := run(t, st, arts, ingest.Options{})
		if second.Stored != 0 || second.Events != 0 || second.Duplicate != first.Stored+first.Duplicate {
			t.Errorf("second run stored again: %+v", second)
		}
		if second.Rejected != first.Rejected {
			t.Errorf("second run reported %d rejects, first %d", second.Rejected, first.Rejected)
		}
		// Each run reports its rejects; the log keeps each once.
		c2 := counts(t, st)
		if c2 != c1 {
			t.Errorf("counts changed on re-run: %+v -> %+v", c1, c2)
		}
	})
}

func TestSameHappeningThreeReports(t *testing.T) {
	arts := []event.Article{
		{ID: "r1", Date: "2024-03-05", Source: "Reuters", Text: "AZE shelled ARM in Shusha. w1 w2 w3 end."},
		{ID: "r2", Date: "2024-03-05", Source: "AFP", Text: "AZE attacked ARM. v1 v2 v3 v4 end."},
		// the same day: a report dated the next day with no date of its
		// own is another day's event (incidents keep to one day)
		{ID: "r3", Date: "2024-03-05", Source: "BBC", Text: "Reportedly AZE shelled ARM in Shusha. ARM denied it. x1 x2 end."},
	}
	each(t, func(t *testing.T, st *store.Store) {
		s := run(t, st, arts, ingest.Options{})
		if s.Stored != 3 || s.Events != 4 || s.Incidents != 1 {
			t.Errorf("stats = %+v, want 3 stored, 4 events, 1 incident", s)
		}
		var got []store.Incident
		for inc, err := range st.Incidents(context.Background(), store.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, inc)
		}
		if len(got) != 1 || got[0].Articles != 3 || got[0].Mentions != 4 || got[0].Claims != 1 || got[0].Denials != 1 ||
			!reflect.DeepEqual(got[0].Sources, []string{"AFP", "BBC", "Reuters"}) || got[0].Location != "Shusha" {
			t.Errorf("incidents = %+v", got)
		}
	})
}

func TestRejects(t *testing.T) {
	arts := []event.Article{
		{ID: "ok", Date: "2024-03-05", Text: "AZE shelled ARM."},
		{ID: "", Date: "2024-03-05", Text: "no id", Origin: "in.jsonl:2"},
		{ID: "d", Date: "5 March", Text: "bad date", Origin: "in.jsonl:3"},
		{ID: "e", Date: "2024-03-05", Text: "  ", Origin: "in.jsonl:4"},
		{ID: "f", Date: "2024-03-05", Text: "FAIL here", Origin: "in.jsonl:5"},
		{ID: "p", Date: "2024-03-05", Text: "PANIC here", Origin: "in.jsonl:6"},
		{ID: "twice", Date: "2024-03-05", Text: "AZE met ARM. ARM met AZE. end.", Origin: "in.jsonl:7"},
	}
	dup := func(a event.Article) ([]event.Event, error) {
		evs, err := code(a)
		for i := range evs {
			if a.ID == "twice" {
				evs[i].ID = "same" // two events with one id: the store refuses the article
			}
		}
		return evs, err
	}
	each(t, func(t *testing.T, st *store.Store) {
		readerRejects := make(chan store.Reject, 1)
		readerRejects <- store.Reject{File: "in.jsonl", Line: 1, Reason: "bad JSON"}
		close(readerRejects)
		s, err := ingest.Run(context.Background(), st, feed(arts), dup, ingest.Options{Rejects: readerRejects})
		if err != nil {
			t.Fatal(err)
		}
		if s.Stored != 1 || s.Rejected != 7 || len(s.Rejects) != 7 {
			t.Fatalf("stats = %+v", s)
		}
		stored, err := st.Rejects(context.Background(), 0)
		if err != nil || len(stored) != 7 {
			t.Fatalf("stored rejects = %+v, %v", stored, err)
		}
		want := map[int]string{1: "bad JSON", 2: "missing id", 3: "not YYYY-MM-DD", 4: "no text", 5: "cannot code", 6: "coder panic", 7: "same"}
		for _, r := range stored {
			if r.File != "in.jsonl" || !strings.Contains(r.Reason, want[r.Line]) {
				t.Errorf("reject %+v, want line %d to say %q", r, r.Line, want[r.Line])
			}
		}
	})
}

// A cancelled run commits what it took in, and a second run finishes
// the job with nothing stored twice.
func TestCancelThenResume(t *testing.T) {
	arts := corpus(3000, 2)
	st := open(t, storetest.SQLite(t))
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan event.Article)
	go func() {
		defer close(ch)
		for i, a := range arts {
			if i == 1000 {
				cancel()
			}
			select {
			case ch <- a:
			case <-time.After(2 * time.Second):
				return // Run stopped reading
			}
		}
	}()
	s, err := ingest.Run(ctx, st, ch, code, ingest.Options{BatchSize: 64})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	c := counts(t, st)
	if s.Read < 1000 || s.Read >= len(arts) || c.Articles != int64(s.Stored) || c.Events != int64(s.Events) {
		t.Fatalf("cancelled run: stats %+v, counts %+v", s, c)
	}
	rest := run(t, st, arts, ingest.Options{})
	ref := open(t, storetest.SQLite(t))
	all := run(t, ref, arts, ingest.Options{})
	if got, want := counts(t, st), counts(t, ref); got.Articles != want.Articles || got.Events != want.Events ||
		got.Incidents != want.Incidents || got.NearDuplicates != want.NearDuplicates {
		t.Errorf("resumed %+v, uninterrupted %+v (rest %+v, all %+v)", got, want, rest, all)
	}
}
