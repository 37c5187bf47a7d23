package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// each runs f against a fresh SQLite file and a fresh PostgreSQL database.
func each(t *testing.T, f func(t *testing.T, st *store.Store)) {
	t.Helper()
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			st, err := store.Open(context.Background(), b.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			f(t, st)
		})
	}
}

func art(id, date, source, text string) event.Article {
	return event.Article{ID: id, Date: date, Source: source, Text: text, Title: "t " + id, URL: "https://example.org/" + id}
}

// ev builds an event: src and tgt are country codes, place "" for none.
func ev(id, src, tgt, code, date, place string) event.Event {
	e := event.Event{
		ID: id, Source: event.Actor{Code: src + "MIL", Country: src, Span: event.Span{Text: src, Start: 0, End: 3}},
		Target: event.Actor{Code: tgt, Country: tgt, Span: event.Span{Text: tgt, Start: 10, End: 13}},
		Code:   code, Root: code[:2], QuadClass: 4, Goldstein: -10, Plover: "ASSAULT", PloverMode: "aerial",
		Date: date, DatePrecision: "day", SentenceIndex: 1, Sentence: src + " shelled " + tgt,
		Trigger: event.Span{Text: "shelled", Start: 4, End: 11},
	}
	if place != "" {
		e.Location = &event.Location{Text: place, Name: place, GeonameID: 42, Lat: 39.75, Lon: 46.75,
			Country: tgt, Admin1: "01", Precision: "city", Confidence: 0.9}
	}
	return e
}

// add stores articles with their events in one batch.
func add(t *testing.T, st *store.Store, docs ...doc) []store.Result {
	t.Helper()
	b, err := st.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Result
	for _, d := range docs {
		r, err := b.Add(&d.a, store.FingerprintOf(d.a.Title, d.a.Text), d.evs)
		if err != nil {
			b.Rollback()
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

type doc struct {
	a   event.Article
	evs []event.Event
}

func events(t *testing.T, st *store.Store, f store.Filter) []store.StoredEvent {
	t.Helper()
	var out []store.StoredEvent
	for e, err := range st.Events(context.Background(), f) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func incidents(t *testing.T, st *store.Store, f store.Filter) []store.Incident {
	t.Helper()
	var out []store.Incident
	for i, err := range st.Incidents(context.Background(), f) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, i)
	}
	return out
}

func counts(t *testing.T, st *store.Store) store.Counts {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, b.URL)
			if err != nil {
				t.Fatal(err)
			}
			add(t, st, doc{art("a1", "2024-03-05", "Reuters", "text one"), []event.Event{ev("a1-1", "AZE", "ARM", "190", "2024-03-05", "")}})
			st.Close()
			st, err = store.Open(ctx, b.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var n int
			want := migrationCount(t, st.Postgres())
			if err := st.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != want {
				t.Fatalf("schema_migrations rows = %d, %v; want %d (one per migration file, applied once)", n, err, want)
			}
			if c := counts(t, st); c.Articles != 1 || c.Events != 1 || c.Incidents != 1 {
				t.Fatalf("counts after reopen = %+v", c)
			}
		})
	}
}

func TestAddTwiceStoresOnce(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		a := art("a1", "2024-03-05", "Reuters", "Azerbaijani forces shelled Armenian positions near Shusha.")
		d := doc{a, []event.Event{ev("a1-1", "AZE", "ARM", "190", "2024-03-05", "Shusha")}}
		same := d
		same.a.ID = "a1-copy"
		same.a.Text = "  AZERBAIJANI forces shelled   Armenian positions, near Shusha! "
		same.evs = []event.Event{ev("a1-copy-1", "AZE", "ARM", "190", "2024-03-05", "Shusha")}
		r1 := add(t, st, d)
		r2 := add(t, st, d, same)
		if r1[0].Outcome != store.Stored || r1[0].Events != 1 || r1[0].NewIncidents != 1 {
			t.Errorf("first add = %+v", r1[0])
		}
		for i, r := range r2 {
			if r.Outcome != store.Duplicate || r.Events != 0 {
				t.Errorf("re-add %d = %+v, want Duplicate", i, r)
			}
		}
		// The same id with another text is no duplicate: Add reports it.
		other := art("a1", "2024-03-05", "Reuters", "A different report.")
		seen, err := st.Seen(context.Background(), "a1", store.FingerprintOf(other.Title, other.Text))
		if err != nil || seen {
			t.Errorf("Seen(a1, other text) = %v, %v; want false", seen, err)
		}
		b, err := st.Begin(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var ae *store.ArticleError
		if _, err := b.Add(&other, store.FingerprintOf(other.Title, other.Text), nil); !errors.As(err, &ae) || !errors.Is(err, store.ErrIDConflict) {
			t.Errorf("Add(a1, other text) = %v; want an ArticleError with ErrIDConflict", err)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		if c := counts(t, st); c != (store.Counts{Articles: 1, Events: 1, Incidents: 1}) {
			t.Errorf("counts = %+v", c)
		}
	})
}

// wire is a long agency text; copies of it with one word changed are
// near-duplicates.
func wire(n int, edit string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Word%d said the ministry of region%d in statement%d. ", i, i%17, i%13)
	}
	if edit != "" {
		return strings.Replace(b.String(), "Word7 ", edit+" ", 1)
	}
	return b.String()
}

func TestNearDuplicateLinksToOriginal(t *testing.T) {
	base := wire(120, "")
	copyText := wire(120, "Wort7")
	if d := store.Hamming(store.FingerprintOf("", base).SimHash, store.FingerprintOf("", copyText).SimHash); d > 3 {
		t.Fatalf("test texts differ by %d bits; pick another edit", d)
	}
	each(t, func(t *testing.T, st *store.Store) {
		orig := doc{art("orig", "2024-03-05", "AFP", base), []event.Event{ev("orig-1", "AZE", "ARM", "190", "2024-03-05", "")}}
		// The copy dates the event two days later: outside the incident
		// window, but a copy's events are mentions of the original's.
		cp := doc{art("copy", "2024-03-07", "Yahoo", copyText), []event.Event{ev("copy-1", "AZE", "ARM", "193", "2024-03-07", "")}}
		late := doc{art("late", "2024-03-12", "Yahoo", copyText), nil}
		rs := add(t, st, orig, cp)
		if rs[1].Outcome != store.NearDuplicate || rs[1].DuplicateOf != "orig" || rs[1].NewIncidents != 0 {
			t.Fatalf("copy = %+v, want near-duplicate of orig", rs[1])
		}
		// Exact text of the copy but outside ±3 days of the original: the
		// exact hash still catches it.
		if r := add(t, st, late); r[0].Outcome != store.Duplicate {
			t.Errorf("late exact copy = %+v", r[0])
		}
		inc := incidents(t, st, store.Filter{})
		if len(inc) != 1 || inc[0].Mentions != 2 || inc[0].Articles != 2 ||
			!reflect.DeepEqual(inc[0].Sources, []string{"AFP", "Yahoo"}) || inc[0].LastSeen != "2024-03-07" {
			t.Errorf("incidents = %+v", inc)
		}
		var dupOf string
		if err := st.DB().QueryRow("SELECT duplicate_of FROM articles WHERE id = 'copy'").Scan(&dupOf); err != nil || dupOf != "orig" {
			t.Errorf("duplicate_of = %q, %v", dupOf, err)
		}
		// Far outside the window a similar text is a new original.
		far := doc{art("far", "2024-04-20", "AFP", wire(120, "Wirt7")), nil}
		if r := add(t, st, far); r[0].Outcome != store.Stored {
			t.Errorf("far copy = %+v, want Stored", r[0])
		}
	})
}

func TestIncidentsMergeAcrossArticles(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		docs := []doc{
			{art("r1", "2024-03-05", "Reuters", "Reuters report"), []event.Event{ev("r1-1", "AZE", "ARM", "190", "2024-03-05", "Shusha")}},
			{art("r2", "2024-03-06", "AFP", "AFP report"), []event.Event{ev("r2-1", "AZE", "ARM", "193", "2024-03-05", "")}},
			{art("r3", "2024-03-07", "BBC", "BBC report"), []event.Event{ev("r3-1", "AZE", "ARM", "190", "2024-03-05", "Shusha")}},
			// Not the same happening: another place, reverse dyad, another
			// root, another day, and a background mention.
			{art("r4", "2024-03-05", "TASS", "TASS report"), []event.Event{
				ev("r4-1", "AZE", "ARM", "190", "2024-03-05", "Lachin"),
				ev("r4-2", "ARM", "AZE", "190", "2024-03-05", ""),
				ev("r4-3", "AZE", "ARM", "111", "2024-03-05", ""),
				ev("r4-4", "AZE", "ARM", "190", "2024-03-06", ""),
			}},
		}
		bg := ev("r5-1", "AZE", "ARM", "190", "2024-03-05", "")
		bg.Background = true
		docs = append(docs, doc{art("r5", "2024-05-05", "BBC", "background"), []event.Event{bg}})
		add(t, st, docs[:2]...)
		add(t, st, docs[2:]...)

		got := incidents(t, st, store.Filter{Dyad: "AZE-ARM", Root: "19"})
		if len(got) != 4 {
			t.Fatalf("AZE-ARM 19 incidents = %d, want 4: %+v", len(got), got)
		}
		var main *store.Incident
		for i := range got {
			if got[i].Mentions == 3 {
				main = &got[i]
			}
		}
		if main == nil {
			t.Fatalf("no incident with 3 mentions: %+v", got)
		}
		want := store.Incident{ID: main.ID, SourceCountry: "AZE", TargetCountry: "ARM", Root: "19", Code: "190", QuadClass: 4,
			Date: "2024-03-05", Location: "Shusha", FirstSeen: "2024-03-05", LastSeen: "2024-03-07",
			Mentions: 3, Articles: 3, Sources: []string{"AFP", "BBC", "Reuters"}}
		if !reflect.DeepEqual(*main, want) {
			t.Errorf("incident\n got %+v\nwant %+v", *main, want)
		}
		if evs := events(t, st, store.Filter{Incident: main.ID}); len(evs) != 3 {
			t.Errorf("events of the incident = %d, want 3", len(evs))
		}
		if c := counts(t, st); c.Incidents != 6 || c.Events != 8 {
			t.Errorf("counts = %+v, want 6 incidents, 8 events", c)
		}
		bgs := 0
		for _, i := range incidents(t, st, store.Filter{}) {
			if i.Background {
				bgs++
			}
		}
		if bgs != 1 {
			t.Errorf("background incidents = %d, want 1", bgs)
		}
	})
}

func ptr(s string) *string { return &s }

func TestClaimsAndDenialsStayAttached(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		claim := ev("c1-1", "AZE", "ARM", "190", "2024-03-05", "")
		claim.ClaimedBy = ptr("ARMGOV")
		denial := ev("c1-2", "AZE", "ARM", "190", "2024-03-06", "Tartar") // place would conflict
		denial.Denies = ptr("c1-1")
		other := ev("c2-1", "ARM", "AZE", "111", "2024-03-06", "")
		other.Denies = ptr("c1-1") // a later article's denial of the same claim
		unknown := ev("c2-2", "TUR", "ARM", "111", "2024-03-06", "")
		unknown.Denies = ptr("never-stored")
		// The denial comes first in the article: it must still find the claim.
		add(t, st, doc{art("c1", "2024-03-05", "Reuters", "claim and denial"), []event.Event{denial, claim}})
		add(t, st, doc{art("c2", "2024-03-06", "AFP", "second denial"), []event.Event{other, unknown}})

		inc := incidents(t, st, store.Filter{Denied: true, Dyad: "AZE-ARM"})
		if len(inc) != 1 || inc[0].Mentions != 3 || inc[0].Location != "" || inc[0].Claims != 1 || inc[0].Denials != 2 || inc[0].Articles != 2 {
			t.Fatalf("denied incidents = %+v", inc)
		}
		evs := events(t, st, store.Filter{Incident: inc[0].ID})
		if len(evs) != 3 {
			t.Fatalf("events of incident = %d", len(evs))
		}
		if c := incidents(t, st, store.Filter{Claimed: true}); len(c) != 1 || c[0].ID != inc[0].ID {
			t.Errorf("claimed incidents = %+v", c)
		}
		if e := events(t, st, store.Filter{Claimed: true}); len(e) != 1 || *e[0].ClaimedBy != "ARMGOV" {
			t.Errorf("claimed events = %+v", e)
		}
		// Denied: the claim, both denials, and the denial of nothing stored.
		if e := events(t, st, store.Filter{Denied: true}); len(e) != 4 {
			t.Errorf("denied events = %d, want 4", len(e))
		}
		if d := incidents(t, st, store.Filter{Denied: true}); len(d) != 2 {
			t.Errorf("incidents with a denial = %d, want 2", len(d))
		}
		if c := counts(t, st); c.Incidents != 2 {
			t.Errorf("incidents = %d, want 2 (the unknown denial gets its own)", c.Incidents)
		}
	})
}

func TestEventsRoundTripAndFilters(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		e1 := ev("q1-1", "AZE", "ARM", "190", "2024-03-05", "Shusha")
		e1.DateText = "on Tuesday"
		e1.Explain = []string{"not stored"}
		e2 := ev("q1-2", "RUS", "UKR", "0231", "2024-03", "")
		e2.Root, e2.QuadClass, e2.DatePrecision, e2.Goldstein = "02", 1, "month", 3.4
		e3 := ev("q2-1", "ARM", "AZE", "111", "2024-03-09", "")
		e3.Root, e3.QuadClass = "11", 3
		e1.Assertion, e1.Confidence = "claimed", 0.95
		e2.Assertion, e2.Confidence = "asserted", 0.5
		e3.Assertion, e3.Confidence = "asserted", 0.75
		add(t, st, doc{art("q1", "2024-03-05", "Reuters", "q one"), []event.Event{e1, e2}},
			doc{art("q2", "2024-03-10", "AFP", "q two"), []event.Event{e3}})

		all := events(t, st, store.Filter{})
		if len(all) != 3 {
			t.Fatalf("events = %d", len(all))
		}
		want := e1
		want.DocID, want.Explain = "q1", nil
		var got event.Event
		for _, e := range all {
			if e.ID == "q1-1" {
				got = e.Event
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip\n got %+v\nwant %+v", got, want)
		}
		ids := func(f store.Filter) string {
			var s []string
			for _, e := range events(t, st, f) {
				s = append(s, e.ID)
			}
			return strings.Join(s, ",")
		}
		for _, c := range []struct {
			f    store.Filter
			want string
		}{
			{store.Filter{}, "q1-2,q1-1,q2-1"}, // "2024-03" sorts before its days
			{store.Filter{Dyad: "aze-arm"}, "q1-1"},
			{store.Filter{Dyad: "ARM-AZE"}, "q2-1"},
			{store.Filter{Actor: "AZEMIL"}, "q1-1"},
			{store.Filter{Actor: "AZE"}, "q1-1,q2-1"},
			{store.Filter{Code: "023"}, "q1-2"},
			{store.Filter{Root: "19"}, "q1-1"},
			{store.Filter{QuadClass: 3}, "q2-1"},
			{store.Filter{Country: "UKR"}, "q1-2"},
			{store.Filter{Since: "2024-03-05"}, "q1-1,q2-1"},
			{store.Filter{Until: "2024-03-05"}, "q1-2,q1-1"},
			{store.Filter{Since: "2024-03-06", Until: "2024-03-09"}, "q2-1"},
			{store.Filter{Limit: 2}, "q1-2,q1-1"},
			{store.Filter{Assertion: "asserted"}, "q1-2,q2-1"},
			{store.Filter{MinConfidence: 0.7}, "q1-1,q2-1"},
			{store.Filter{Assertion: "claimed", MinConfidence: 0.9}, "q1-1"},
		} {
			if got := ids(c.f); got != c.want {
				t.Errorf("Events(%+v) = %s, want %s", c.f, got, c.want)
			}
		}
		if _, err := func() (any, error) {
			for _, err := range st.Events(context.Background(), store.Filter{Dyad: "AZE"}) {
				return nil, err
			}
			return nil, nil
		}(); err == nil {
			t.Error("bad dyad: no error")
		}
		for _, f := range []store.Filter{{Assertion: "rumoured"}, {MinConfidence: 1.5}} {
			if _, err := func() (any, error) {
				for _, err := range st.Events(context.Background(), f) {
					return nil, err
				}
				return nil, nil
			}(); err == nil {
				t.Errorf("filter %+v: no error", f)
			}
		}
		if inc := incidents(t, st, store.Filter{Actor: "RUS"}); len(inc) != 1 || inc[0].Date != "2024-03" {
			t.Errorf("incidents by actor = %+v", inc)
		}
	})
}

func TestRejects(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		b, err := st.Begin(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := []store.Reject{{"in.jsonl", 3, "missing date"}, {"in.jsonl", 9, "bad JSON"}}
		for _, r := range want {
			if err := b.Reject(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		got, err := st.Rejects(context.Background(), 0)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Rejects = %+v, %v", got, err)
		}
	})
}

func TestBadArticleIsUndoneAlone(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		b, err := st.Begin(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		good := art("g1", "2024-03-05", "AFP", "good one")
		bad := art("b1", "2024-03-05", "AFP", "bad one")
		twice := []event.Event{ev("b1-1", "AZE", "ARM", "190", "2024-03-05", ""), ev("b1-1", "AZE", "ARM", "190", "2024-03-05", "")}
		if _, err := b.Add(&good, store.FingerprintOf("", good.Text), []event.Event{ev("g1-1", "AZE", "ARM", "190", "2024-03-05", "")}); err != nil {
			t.Fatal(err)
		}
		_, err = b.Add(&bad, store.FingerprintOf("", bad.Text), twice)
		var ae *store.ArticleError
		if !errors.As(err, &ae) || ae.ID != "b1" {
			t.Fatalf("bad article: err = %v, want ArticleError", err)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		if c := counts(t, st); c != (store.Counts{Articles: 1, Events: 1, Incidents: 1}) {
			t.Errorf("counts = %+v", c)
		}
		if inc := incidents(t, st, store.Filter{}); len(inc) != 1 || inc[0].Mentions != 1 {
			t.Errorf("incidents = %+v", inc)
		}
	})
}

// migrationCount counts the embedded migration files of a dialect.
func migrationCount(t *testing.T, postgres bool) int {
	t.Helper()
	dir := "migrations/sqlite"
	if postgres {
		dir = "migrations/postgres"
	}
	files, err := filepath.Glob(dir + "/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations in %s: %v", dir, err)
	}
	return len(files)
}

// TestConcurrentFirstOpen opens one fresh SQLite file from several stores
// at once, as a crash-resume child and its parent do: the migrations run
// once and every open succeeds.
func TestConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fresh.db")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			st, err := store.Open(context.Background(), path)
			if err == nil {
				err = st.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent open: %v", err)
		}
	}
}
