package demo

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/ from the generator")

// TestCorpusCommitted checks the embedded corpus is what the generator
// writes; run with -update after changing the generator.
func TestCorpusCommitted(t *testing.T) {
	arts, truth := Generate(Seed)
	if *update {
		var buf bytes.Buffer
		if err := WriteCorpus(&buf, arts); err != nil {
			t.Fatal(err)
		}
		tj, _ := json.MarshalIndent(truth, "", " ")
		if err := os.WriteFile("data/corpus.jsonl.gz", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("data/truth.json", append(tj, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arts) {
		t.Fatalf("embedded corpus has %d articles, generator %d: run go test -run TestCorpusCommitted -update", len(got), len(arts))
	}
	for i := range got {
		got[i].Origin = ""
		if !reflect.DeepEqual(got[i], arts[i]) {
			t.Fatalf("article %d differs from the generator's: run with -update", i)
		}
	}
	et, err := EmbeddedTruth()
	if err != nil || !reflect.DeepEqual(et.Events, truth.Events) && !(len(et.Events) == 0 && len(truth.Events) == 0) {
		t.Fatalf("embedded truth differs (%v): run with -update", err)
	}
}

// TestCorpusShape checks the requirements on the corpus.
func TestCorpusShape(t *testing.T) {
	arts, truth := Generate(Seed)
	if len(arts) < 500 {
		t.Errorf("%d articles, want >= 500", len(arts))
	}
	if arts[0].Date > "2023-09-30" || arts[len(arts)-1].Date < "2024-06-01" {
		t.Errorf("corpus spans %s to %s, want >= 9 months", arts[0].Date, arts[len(arts)-1].Date)
	}
	continents := map[string]bool{}
	for _, d := range truth.Dyads {
		continents[d.Continent] = true
	}
	if len(truth.Dyads) < 8 || len(continents) < 4 {
		t.Errorf("%d dyads on %d continents", len(truth.Dyads), len(continents))
	}
	kinds := map[string]int{}
	for _, e := range truth.Events {
		kinds[e.Kind]++
		if e.Claimed {
			kinds["claim"]++
		}
		if e.Denied {
			kinds["denial"]++
		}
	}
	for _, k := range []string{"material", "verbal", "cooperation", "background", "claim", "denial"} {
		if kinds[k] == 0 {
			t.Errorf("no %s events", k)
		}
	}
	if len(truth.Copies) == 0 {
		t.Error("no wire copies")
	}
	t.Logf("%d articles, %d copies, events by kind %v", len(arts), len(truth.Copies), kinds)
}
