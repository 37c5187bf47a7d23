package geo

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// TestWords: place names are keyed on the text stage's tokens, split at
// the periods and commas inside them and without punctuation; a hyphen,
// a possessive or an abbreviation's period says how a word joins the one
// before it.
func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		// key, then c (capitalised), h (hyphen), j (joined), p (possessive)
		{"the Moscow-based group", "the|moscow cj|based hj|group j"},
		{"Côte d'Ivoire's army", "cote c|divoire jp|army"},
		// "U.S." is two words that do not join: never the start of a name
		{"the U.S. and St. Petersburg", "the|u cj|s c|and j|st cj|petersburg cj"},
		{"Kyiv’s 1,500 troops", "kyiv cp|1|500|troops j"},
		{"Ras al-Khaimah, Washington", "ras c|al j|khaimah chj|washington c"},
		{"on 2024-04-01 at 13:40", "on|2024 j|04 hj|01 hj|at j|13 j|40"},
		// the possessive of "U.S." is no possessive of a word
		{"the U.S.'s role", "the|u cj|s c|s|role j"},
	}
	for _, tt := range tests {
		toks, keys := words(tt.in, text.Tokens(tt.in), nil, nil)
		var got []string
		for _, w := range toks {
			f := ""
			if w.cap {
				f += "c"
			}
			if w.hyph {
				f += "h"
			}
			if w.joined {
				f += "j"
			}
			if w.poss {
				f += "p"
			}
			got = append(got, strings.TrimSpace(string(keys[w.kstart:w.kend])+" "+f))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("words(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

// TestPlaceLayer: AnnotateDoc sets the document's place layer, each
// mention with its span and the tokens it covers.
func TestPlaceLayer(t *testing.T) {
	g := Default()
	doc := text.Document("Russian drones struck northern Kharkiv on Monday. Talks resumed in the Saudi city of Jeddah.")
	s0 := doc.Sentences[0].Text
	evs := []event.Event{{SentenceIndex: 0, Sentence: s0, Trigger: span(s0, "struck"),
		Source: event.Actor{Code: "RUSMIL", Country: "RUS", Span: span(s0, "Russian drones")}}}
	g.AnnotateDoc(event.Article{ID: "a"}, doc, evs)
	var got []string
	for _, m := range doc.Places {
		toks := doc.Sentences[m.Sent].Tokens
		got = append(got, fmt.Sprintf("%d:%q=%q[%s..%s]", m.Sent, m.Text, m.Value, toks[m.First].Text, toks[m.End-1].Text))
	}
	want := `0:"northern Kharkiv"="kharkiv"[northern..Kharkiv] 1:"Jeddah"="jeddah"[Jeddah..Jeddah]`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("places\n got %s\nwant %s", g, want)
	}
	if evs[0].Location == nil || evs[0].Location.Name != "Kharkiv" {
		t.Errorf("location %+v, want Kharkiv", evs[0].Location)
	}
	// Annotate on sentences without tokens places the same.
	evs2 := []event.Event{evs[0]}
	evs2[0].Location = nil
	g.Annotate(event.Article{ID: "a"}, text.Sentences("Russian drones struck northern Kharkiv on Monday."), evs2)
	if evs2[0].Location == nil || *evs2[0].Location != *evs[0].Location {
		t.Errorf("Annotate location %+v, want %+v", evs2[0].Location, evs[0].Location)
	}
}
