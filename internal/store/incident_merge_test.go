package store_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/store"
)

// TestIncidentMisMerges codes articles written to reproduce the three
// mis-merges analysts found in the demo (issue 14) with the real
// pipeline, stores them, and checks the incidents:
//   - shelling near Nakhchivan on Sunday and near Sotk on Monday are two;
//   - Scarborough Shoal on Thursday and Second Thomas Shoal on Friday are two;
//   - a 1990s war recalled in a 2024 article keeps its own (unknown) date.
//
// Two outlets reporting Sunday's Nakhchivan shelling stay one incident.
func TestIncidentMisMerges(t *testing.T) {
	arts := readArticles(t, "testdata/mismerges.jsonl")
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	var docs []doc
	for _, a := range arts {
		evs, err := p.Process(a)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{a, evs})
	}
	each(t, func(t *testing.T, st *store.Store) {
		add(t, st, docs...)
		// incident of each article's first event matching the dyad and root
		inc := func(docID, dyad, root string, background bool) store.Incident {
			t.Helper()
			for _, e := range events(t, st, store.Filter{Dyad: dyad, Root: root}) {
				if e.DocID == docID && e.Background == background {
					return incident(t, st, e.IncidentID)
				}
			}
			t.Fatalf("%s: no %s root %s event (background %v): the coder no longer codes the article as written", docID, dyad, root, background)
			return store.Incident{}
		}
		tests := []struct {
			name         string
			a, b         string // articles
			dyad, root   string
			background   bool
			sameIncident bool
		}{
			{"Nakhchivan Sunday vs Sotk Monday", "mm-nakh", "mm-sotk", "AZE-ARM", "19", false, false},
			{"Scarborough Thursday vs Second Thomas Friday", "mm-scar", "mm-stsh", "CHN-PHL", "19", false, false},
			{"two outlets, one shelling", "mm-nakh", "mm-nakh-again", "AZE-ARM", "19", false, true},
		}
		for _, tc := range tests {
			a, b := inc(tc.a, tc.dyad, tc.root, tc.background), inc(tc.b, tc.dyad, tc.root, tc.background)
			if (a.ID == b.ID) != tc.sameIncident {
				t.Errorf("%s: incidents %+v and %+v, want same=%v", tc.name, a, b, tc.sameIncident)
			}
		}
		war := inc("mm-hist", "AZE-ARM", "19", true)
		if war.Date == "2024-04-02" || !war.Background {
			t.Errorf("1990s war: incident %+v, want background with its own date, not the article's", war)
		}
		for _, in := range incidents(t, st, store.Filter{Root: "19", Since: "2024-04-01"}) {
			if in.Background {
				t.Errorf("incidents --root 19 --since 2024-04-01 lists history: %+v", in)
			}
		}
	})
}

func incident(t *testing.T, st *store.Store, id int64) store.Incident {
	t.Helper()
	in := incidents(t, st, store.Filter{Incident: id})
	if len(in) != 1 {
		t.Fatalf("incident %d: %d rows", id, len(in))
	}
	return in[0]
}

func readArticles(t *testing.T, path string) []event.Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []event.Article
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a event.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	return out
}
