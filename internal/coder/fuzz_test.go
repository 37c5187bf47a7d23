package coder

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// FuzzCode checks that any text codes without a panic and that every
// event's evidence points into its sentence.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Azerbaijan has accused Armenian troops of opening fire near the border.",
		"Iran rejected U.S. allegations that Tehran had sent drones to Russia.",
		"\"This aggression will not go unpunished,\" a Houthi spokesman said.",
		"Both countries accused each other of shelling.",
		"the the the 's 's , , and and by by",
		"Russia-mediated ceasefire between Armenia and Azerbaijan",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4096 {
			return
		}
		sents := text.Sentences(s)
		for _, e := range c.Code(event.Article{ID: "f", Date: "2025-01-01", Text: s}, sents) {
			for _, sp := range []event.Span{e.Source.Span, e.Target.Span, e.Trigger} {
				if sp.End < sp.Start || sp.End > len(e.Sentence) || (sp.End > sp.Start && !strings.Contains(e.Sentence, sp.Text)) {
					t.Fatalf("bad span %+v in %q", sp, e.Sentence)
				}
			}
			if e.Source.Code == "" || e.Target.Code == "" || e.Code == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}
