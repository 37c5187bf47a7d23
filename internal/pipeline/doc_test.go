package pipeline

import (
	"reflect"
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
			if m.Sent == sent && m.Text == txt && toks[m.First].Start <= m.Span.Start && toks[m.End-1].End >= m.Span.End {
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

// TestCoderLayers: the coder adds its parse and its actor mentions to the
// document. Every actor mark lies on the document's tokens, every
// event's source and target is one of them, and the syntax layer's words
// lie on the tokens with their heads inside their sentence. The events
// are those Process returns.
func TestCoderLayers(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text string
		actors     []string // some of the actor layer's texts
		parsed     bool     // whether the coder parses some sentence
		clitic     bool     // whether a parsed token holds two words
	}{
		{"two sentences", "Russian forces shelled Ukrainian positions near Kharkiv on Saturday, officials said. " +
			"Talks between Armenia and Azerbaijan resumed in Almaty on Friday.", []string{"Russian forces", "Armenia", "Azerbaijan"}, true, false},
		{"dateline", "MANILA, Sept 3 (AP) - A Chinese ship rammed a Philippine vessel near Second Thomas Shoal, the Philippine coast guard said.",
			[]string{"Chinese", "Philippine coast guard"}, true, false},
		{"clitic and pronoun", "Israel accused Hamas of firing rockets at Ashkelon. It didn't say how many were launched, but Israeli warplanes later struck Gaza.",
			[]string{"Israel", "Hamas", "It", "Israeli warplanes"}, true, true},
		{"no actor", "The weather was mild on Sunday. Rain is expected later in the week.", nil, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			art := event.Article{ID: "layers", Date: "2024-04-14", Text: tc.text}
			evs, doc, err := p.ProcessDoc(art)
			if err != nil {
				t.Fatal(err)
			}
			if plain, _ := p.Process(art); !reflect.DeepEqual(plain, evs) {
				t.Errorf("ProcessDoc's events differ from Process's:\n%+v\n%+v", evs, plain)
			}
			texts := map[string]bool{}
			for i, m := range doc.Actors {
				texts[m.Text] = true
				if m.Sent < 0 || m.Sent >= len(doc.Sentences) {
					t.Fatalf("mark %+v: no sentence %d", m, m.Sent)
				}
				s := doc.Sentences[m.Sent]
				if m.First < 0 || m.First >= m.End || m.End > len(s.Tokens) {
					t.Fatalf("mark %+v: tokens [%d,%d) outside the sentence's %d", m, m.First, m.End, len(s.Tokens))
				}
				if s.Tokens[m.First].Start != m.Span.Start || s.Tokens[m.End-1].End != m.Span.End || s.Text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("mark %+v does not lie on its tokens %+v", m, s.Tokens[m.First:m.End])
				}
				if m.Value == "" || m.How == "" {
					t.Errorf("mark %+v: no code or no way it was resolved", m)
				}
				if i > 0 && (m.Sent < doc.Actors[i-1].Sent || m.Sent == doc.Actors[i-1].Sent && m.First < doc.Actors[i-1].First) {
					t.Errorf("mark %+v out of order", m)
				}
			}
			for _, want := range tc.actors {
				if !texts[want] {
					t.Errorf("no actor mark %q in %+v", want, doc.Actors)
				}
			}
			for _, e := range evs {
				for _, a := range []event.Actor{e.Source, e.Target} {
					if a.Text == "" {
						continue
					}
					found := false
					for _, m := range doc.Actors {
						found = found || m.Sent == e.SentenceIndex && m.Span == a.Span
					}
					if !found {
						t.Errorf("event %s: actor %q (%s) is no actor mark", e.ID, a.Text, a.Code)
					}
				}
			}
			clitic := false
			for k, ps := range doc.Syntax {
				if ps.Sent < 0 || ps.Sent >= len(doc.Sentences) || k > 0 && ps.Sent <= doc.Syntax[k-1].Sent {
					t.Fatalf("parse of sentence %d: no such sentence, or out of order", ps.Sent)
				}
				s := doc.Sentences[ps.Sent]
				roots := 0
				for i, w := range ps.Words {
					if w.Tok < 0 || w.Tok >= len(s.Tokens) {
						t.Fatalf("sentence %d word %d: token %d outside the sentence", ps.Sent, i, w.Tok)
					}
					if tok := s.Tokens[w.Tok]; w.Start < tok.Start || w.End > tok.End || w.Start >= w.End {
						t.Errorf("sentence %d word %d [%d,%d) outside its token %+v", ps.Sent, i, w.Start, w.End, tok)
					}
					clitic = clitic || i > 0 && w.Tok == ps.Words[i-1].Tok
					if i > 0 && w.Tok != ps.Words[i-1].Tok && w.Tok != ps.Words[i-1].Tok+1 {
						t.Errorf("sentence %d word %d: token %d after %d", ps.Sent, i, w.Tok, ps.Words[i-1].Tok)
					}
					if w.Head < -1 || w.Head >= len(ps.Words) || w.Head == i {
						t.Errorf("sentence %d word %d: head %d outside the sentence", ps.Sent, i, w.Head)
					}
					if w.Head == -1 {
						roots++
					}
					if w.UPOS == "" || w.Lemma == "" || w.Rel == "" {
						t.Errorf("sentence %d word %d: %+v", ps.Sent, i, w)
					}
				}
				if len(ps.Words) == 0 || roots == 0 || ps.Words[len(ps.Words)-1].Tok != len(s.Tokens)-1 {
					t.Errorf("sentence %d: %d words, %d roots", ps.Sent, len(ps.Words), roots)
				}
			}
			if (len(doc.Syntax) > 0) != tc.parsed {
				t.Errorf("%d sentences parsed, want some: %v", len(doc.Syntax), tc.parsed)
			}
			if clitic != tc.clitic {
				t.Errorf("a token parsed as two words: %v, want %v", clitic, tc.clitic)
			}
			if !tc.parsed && len(doc.Actors) > 0 {
				t.Errorf("actor marks %+v in a text without actors", doc.Actors)
			}
		})
	}
}
