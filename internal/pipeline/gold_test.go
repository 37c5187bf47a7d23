package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/read"
)

// The shared evaluation material lives beside the repository; these
// tests skip where it is absent and run in CI, where it is present.
const (
	devGold = "../../../shared/eval/dev.jsonl"
	seedDir = "../../../shared/seed"
)

func primary(code string) string {
	if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || len(code) < 3 {
		return code
	}
	return code[:3]
}

// TestSeedReport checks the events the canonical wire report must yield.
func TestSeedReport(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skip("no ../shared/seed here")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var evs []event.Event
	err = read.Read([]string{seedDir}, read.Options{}, nil, func(a event.Article) error {
		got, err := p.Process(a)
		evs = append(evs, got...)
		return err
	}, func(r read.Reject) { t.Errorf("seed rejected: %v", r) })
	if err != nil {
		t.Fatal(err)
	}
	find := func(src, tgt, codePrefix string, claimed string) *event.Event {
		for i, e := range evs {
			if strings.HasPrefix(e.Source.Code, src) && e.Target.Code == tgt && strings.HasPrefix(e.Code, codePrefix) {
				if claimed == "" || (e.ClaimedBy != nil && *e.ClaimedBy == claimed) {
					return &evs[i]
				}
			}
		}
		return nil
	}
	tests := []struct{ name, src, tgt, code, claimed string }{
		{"Azerbaijan accuses Armenian troops", "AZE", "ARMMIL", "1123", ""},
		{"the accused fire, claimed by Azerbaijan", "ARMMIL", "AZE", "19", "AZE"},
		{"Armenia's defence ministry denies", "ARMGOVMIL", "AZE", "016", ""},
		{"and counter-accuses", "ARMGOVMIL", "AZE", "1123", ""},
		{"the US urges Azerbaijan", "USA", "AZE", "0256", ""},
		{"the US urges Armenia", "USA", "ARM", "0256", ""},
	}
	for _, tt := range tests {
		if find(tt.src, tt.tgt, tt.code, tt.claimed) == nil {
			t.Errorf("%s: no %s → %s %s event", tt.name, tt.src, tt.tgt, tt.code)
		}
	}
	if e := find("ARMMIL", "AZE", "19", "AZE"); e != nil {
		if e.Date != "2024-04-01" || e.Location == nil || e.Location.Country != "AZE" {
			t.Errorf("the claimed fire should be dated 2024-04-01 near Nakhchivan: %s %+v", e.Date, e.Location)
		}
	}
	if e := find("ARMGOVMIL", "AZE", "016", ""); e == nil || e.Denies == nil {
		t.Errorf("the denial is not linked to the claim it denies")
	}
	for _, e := range evs {
		if e.Background && e.Date == "2024-04-02" {
			t.Errorf("background event dated as news: %+v", e)
		}
	}
}

// TestDevGold scores the pipeline on the shared gold set the way
// ../shared/tools/score.py does (events matched per document on source
// country, target country and CAMEO root) and guards against regressions.
func TestDevGold(t *testing.T) {
	f, err := os.Open(devGold)
	if err != nil {
		t.Skip("no ../shared/eval here")
	}
	defer f.Close()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tp, fp, fn := 0, 0, 0
	emptyDocs, emptyHit := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var doc struct {
			event.Article
			Events []struct{ Source, Target, Code string } `json:"events"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		evs, err := p.Process(doc.Article)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		for _, g := range doc.Events {
			want[primary(g.Source)+" "+primary(g.Target)+" "+g.Code[:2]]++
		}
		if len(doc.Events) == 0 {
			emptyDocs++
			if len(evs) > 0 {
				emptyHit++
			}
		}
		for _, e := range evs {
			k := primary(e.Source.Code) + " " + primary(e.Target.Code) + " " + e.Root
			if want[k] > 0 {
				want[k]--
				tp++
			} else {
				fp++
			}
		}
		for _, n := range want {
			fn += n
		}
	}
	prec := float64(tp) / float64(tp+fp)
	rec := float64(tp) / float64(tp+fn)
	f1 := 2 * prec * rec / (prec + rec)
	t.Logf("dev gold: F1 %.3f (P %.3f R %.3f), %d/%d no-event documents got events", f1, prec, rec, emptyHit, emptyDocs)
	if f1 < 0.78 {
		t.Errorf("dev F1 %.3f fell below 0.78", f1)
	}
	if emptyHit > 1 {
		t.Errorf("%d of %d no-event documents produced events", emptyHit, emptyDocs)
	}
}
