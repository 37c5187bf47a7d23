package ingest_test

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// A generated corpus and a tiny deterministic coder stand in for the
// reader and the pipeline: a sentence "AZE shelled ARM in Shusha." is
// one event; "Reportedly ..." makes it a claim of the target; "AZE
// denied it." denies the sentence before.

var (
	countries = []string{"AZE", "ARM", "RUS", "UKR", "TUR", "IRN", "GEO", "ISR", "SYR", "IRQ"}
	verbs     = map[string]string{"shelled": "190", "attacked": "190", "met": "040", "criticized": "111", "threatened": "130", "aided": "070"}
	verbList  = []string{"shelled", "attacked", "met", "criticized", "threatened", "aided"}
	places    = []string{"Shusha", "Lachin", "Kyiv", "Kharkiv", "Tbilisi", "Aleppo", "Mosul", "", "", ""}
	roots     = map[string]int{"19": 4, "04": 1, "11": 3, "13": 3, "07": 2}
)

// filler words make every article's text distinct.
var filler = func() []string {
	w := make([]string, 2000)
	for i := range w {
		w[i] = fmt.Sprintf("w%x", i*7919%65521)
	}
	return w
}()

// corpus returns n articles: mostly distinct reports, with exact
// copies, edited wire copies and invalid records mixed in.
func corpus(n int, seed int64) []event.Article {
	r := rand.New(rand.NewSource(seed))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]event.Article, 0, n)
	var b strings.Builder
	for i := 0; i < n; i++ {
		day := base.AddDate(0, 0, i*120/n) // about n/120 articles a day
		a := event.Article{ID: fmt.Sprintf("art%06d", i), Date: day.Format(time.DateOnly),
			Source: []string{"Reuters", "AFP", "AP", "BBC", "TASS"}[r.Intn(5)], Origin: fmt.Sprintf("corpus.jsonl:%d", i+1)}
		switch {
		case i > 0 && i%53 == 0: // exact copy of an earlier article
			c := out[r.Intn(len(out))]
			a.Text, a.Date = c.Text, c.Date
		case i > 0 && i%37 == 0: // wire copy with an edit
			c := out[len(out)-1]
			a.Text, a.Date = strings.Replace(c.Text, " the ", " a ", 1)+" Edited.", c.Date
		case i%101 == 0:
			a.Date = "yesterday"
			a.Text = "Invalid record."
		default:
			b.Reset()
			sentences := 2 + r.Intn(4)
			for s := 0; s < sentences; s++ {
				switch r.Intn(5) {
				case 0, 1, 2:
					src, tgt := countries[r.Intn(4)], countries[r.Intn(len(countries))]
					if src == tgt {
						tgt = "TUR"
					}
					if r.Intn(6) == 0 {
						b.WriteString("Reportedly ")
					}
					fmt.Fprintf(&b, "%s %s %s", src, verbList[r.Intn(len(verbList))], tgt)
					if p := places[r.Intn(len(places))]; p != "" {
						fmt.Fprintf(&b, " in %s", p)
					}
					b.WriteString(". ")
					if r.Intn(8) == 0 {
						fmt.Fprintf(&b, "%s denied it. ", src)
					}
				default:
					for k := 0; k < 6+r.Intn(10); k++ {
						b.WriteString(filler[r.Intn(len(filler))])
						b.WriteString(" the ")
					}
					b.WriteString("end. ")
				}
			}
			a.Text = b.String()
		}
		out = append(out, a)
	}
	return out
}

// sentences counts the corpus sentences, for throughput figures.
func sentences(arts []event.Article) int {
	n := 0
	for _, a := range arts {
		n += strings.Count(a.Text, ". ") + 1
	}
	return n
}

// code is the tiny deterministic coder.
func code(a event.Article) ([]event.Event, error) {
	if strings.Contains(a.Text, "PANIC") {
		panic("coder bug")
	}
	if strings.Contains(a.Text, "FAIL") {
		return nil, fmt.Errorf("cannot code")
	}
	var evs []event.Event
	for i, s := range strings.Split(a.Text, ". ") {
		f := strings.Fields(s)
		claimed := len(f) > 0 && f[0] == "Reportedly"
		if claimed {
			f = f[1:]
		}
		if len(f) == 3 && f[1] == "denied" && f[2] == "it" && len(evs) > 0 {
			prev := evs[len(evs)-1]
			d := prev
			d.ID = fmt.Sprintf("%s-%d", a.ID, i)
			denied := prev.ID
			d.Denies, d.ClaimedBy, d.Sentence, d.SentenceIndex = &denied, nil, s, i
			evs = append(evs, d)
			continue
		}
		if len(f) < 3 || len(f[0]) != 3 || len(f[2]) != 3 {
			continue
		}
		c, ok := verbs[f[1]]
		if !ok {
			continue
		}
		e := event.Event{
			ID: fmt.Sprintf("%s-%d", a.ID, i), DocID: a.ID,
			Source: event.Actor{Code: f[0], Country: f[0], Span: event.Span{Text: f[0], Start: 0, End: 3}},
			Target: event.Actor{Code: f[2], Country: f[2], Span: event.Span{Text: f[2], Start: len(f[0]) + len(f[1]) + 2, End: len(f[0]) + len(f[1]) + 5}},
			Code:   c, Root: c[:2], QuadClass: roots[c[:2]], Plover: "ASSAULT",
			Date: a.Date, DatePrecision: "day", SentenceIndex: i, Sentence: s,
			Trigger: event.Span{Text: f[1], Start: 4, End: 4 + len(f[1])},
		}
		if len(f) >= 5 && f[3] == "in" {
			e.Location = &event.Location{Text: f[4], Name: f[4], Country: f[2], Precision: "city", Confidence: 1}
		}
		if claimed {
			claimant := f[2]
			e.ClaimedBy = &claimant
		}
		evs = append(evs, e)
	}
	return evs, nil
}
