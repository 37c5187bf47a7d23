package when

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// TestPieces: the time grammar reads the text stage's tokens split into
// runs of letters and digits and single marks, glued when no space
// stands between them.
func TestPieces(t *testing.T) {
	tests := []struct{ in, want string }{
		// + before a piece: glued to the one before
		{"in the 1990s", "in the 1990 +s"},
		{"on 2024-04-01 at 13:40", "on 2024 +- +04 +- +01 at 13 +: +40"},
		{"1,500 troops", "1 +, +500 troops"},
		{"the 112th", "the 112 +th"},
		{"mid-2020", "mid +- +2020"},
		{"Sunday’s vote", "Sunday +’ +s vote"},
		{"at 9 a.m.", "at 9 a +. +m +."},
		{"Zürich «Monday»", "Zürich « +Monday +»"},
	}
	for _, tt := range tests {
		ps, _ := pieces(tt.in, text.Tokens(tt.in), nil)
		var got []string
		for _, p := range ps {
			g := ""
			if p.glued {
				g = "+"
			}
			got = append(got, g+tt.in[p.start:p.end])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("pieces(%q) = %s, want %s", tt.in, g, tt.want)
		}
	}
}

// TestTimeLayer: AnnotateDoc sets the document's time layer, every
// expression of every sentence with the tokens it covers, also in
// sentences without events.
func TestTimeLayer(t *testing.T) {
	doc := text.Document("Troops crossed the border on Monday. The talks of March 2023 had failed. Nothing happened.")
	s0 := doc.Sentences[0].Text
	evs := []event.Event{{SentenceIndex: 0, Sentence: s0, Trigger: event.Span{Text: "crossed", Start: 7, End: 14}}}
	AnnotateDoc(event.Article{Date: "2024-04-14"}, doc, evs)
	var got []string
	for _, m := range doc.Times {
		toks := doc.Sentences[m.Sent].Tokens
		got = append(got, fmt.Sprintf("%d:%q=%s[%s..%s]", m.Sent, m.Text, m.Value, toks[m.First].Text, toks[m.End-1].Text))
	}
	want := `0:"Monday"=2024-04-08[Monday..Monday] 1:"March 2023"=2023-03[March..2023]`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("times\n got %s\nwant %s", g, want)
	}
	if evs[0].Date != "2024-04-08" || evs[0].DateText != "Monday" {
		t.Errorf("event dated %s %q, want 2024-04-08 Monday", evs[0].Date, evs[0].DateText)
	}
}
