package coder

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("FP_DEBUG")
	if s == "" {
		t.Skip()
	}
	c, _ := New()
	d := &doc{c: c, art: event.Article{ID: "x", Date: "2024-01-01"}}
	for _, se := range text.Sentences(s) {
		sc := &sent{d: d, s: se, toks: text.Tokens(se.Text)}
		sc.actors()
		sc.triggers()
		sc.markSpeakers()
		for _, r := range sc.refs {
			fmt.Println("ref", r.code, sc.span(r.start, r.end))
		}
		for _, m := range sc.matches {
			a := sc.analyse(m, nil)
			_ = a
			fmt.Println("match", m.p.Line, m.p.Text, "head", sc.toks[m.head].Text, "src", codes(a.src), "tgt", codes(a.tgt), "neg", a.negated, "hyp", a.hypothetic, "pass", a.passive, "prep", sc.nominalPrep(m.head, m.p.Nominal && !strings.HasSuffix(sc.lower[m.head], "ing")), "cs", a.cs, "ce", a.ce)
		}
		before := len(d.evs)
		sc.code()
		for _, e := range d.evs[before:] {
			fmt.Println("  draft", e.src.code, e.tgt.code, e.code, "claimed", e.claimedBy)
		}
	}
}
