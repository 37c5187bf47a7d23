package pipeline

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// TestProcessDoc: the stages read one document; every event's place and
// date text lie on the place and time layers of its sentence.
func TestProcessDoc(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	art := event.Article{ID: "doc", Date: "2024-04-14", Text: "Russian forces shelled Ukrainian positions near Kharkiv on Saturday, officials said. " +
		"Talks between Armenia and Azerbaijan resumed in Almaty on Friday."}
	evs, doc, err := p.ProcessDoc(art)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 || len(doc.Sentences) != 2 || len(doc.Places) == 0 || len(doc.Times) == 0 {
		t.Fatalf("%d events, %d sentences, %d places, %d times", len(evs), len(doc.Sentences), len(doc.Places), len(doc.Times))
	}
	for _, s := range doc.Sentences {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", s.Index)
		}
	}
	on := func(layer []event.Mark, sent int, txt string) bool {
		for _, m := range layer {
			toks := doc.Sentences[m.Sent].Tokens
			if m.Sent == sent && m.Text == txt && toks[m.First].Start <= m.Start && toks[m.End-1].End >= m.End {
				return true
			}
		}
		return false
	}
	placed, dated := 0, 0
	for _, e := range evs {
		if e.Location != nil {
			placed++
		}
		if e.DateText != "" {
			dated++
		}
		if e.DateText != "" && !on(doc.Times, e.SentenceIndex, e.DateText) {
			t.Errorf("event %s: date %q not on the time layer %+v", e.ID, e.DateText, doc.Times)
		}
		if e.Location != nil && !on(doc.Places, e.SentenceIndex, e.Location.Text) {
			t.Errorf("event %s: place %q not on the place layer %+v", e.ID, e.Location.Text, doc.Places)
		}
	}
	if placed == 0 || dated == 0 {
		t.Errorf("%d events placed, %d dated: %+v", placed, dated, evs)
	}
}
