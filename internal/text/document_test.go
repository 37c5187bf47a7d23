package text

import (
	"slices"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

func TestDocument(t *testing.T) {
	body := "KYIV, April 3 (Reuters) - Russia's drones hit the U.S.-funded plant at 13:40.\n\nSome 1,500 people fled on 2024-04-01. They don't return."
	doc := Document(body)
	if len(doc.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(doc.Sentences))
	}
	for _, s := range doc.Sentences {
		if want := Tokens(s.Text); !slices.Equal(s.Tokens, want) {
			t.Errorf("sentence %d tokens %v, want %v", s.Index, s.Tokens, want)
		}
		for _, tok := range s.Tokens {
			if body[s.Start+tok.Start:s.Start+tok.End] != tok.Text {
				t.Errorf("token %q at %d+%d is not the body's", tok.Text, s.Start, tok.Start)
			}
		}
	}
	if doc.Places != nil || doc.Times != nil {
		t.Error("the text stage adds no layers")
	}
}

func TestDocOf(t *testing.T) {
	sents := Sentences("Troops crossed the border. Talks failed.")
	doc := DocOf(sents)
	for i, s := range doc.Sentences {
		if !slices.Equal(s.Tokens, Tokens(s.Text)) {
			t.Errorf("sentence %d not tokenised: %v", i, s.Tokens)
		}
		if sents[i].Tokens != nil {
			t.Errorf("DocOf changed the caller's sentence %d", i)
		}
	}
	// Tokenised sentences are taken as they are.
	tok := Document("Troops crossed the border.").Sentences
	if doc := DocOf(tok); &doc.Sentences[0] != &tok[0] {
		t.Error("DocOf copied sentences that have tokens")
	}
	if got := SentenceTokens(&event.Sentence{Text: "it's"}); len(got) != 2 {
		t.Errorf("SentenceTokens without tokens = %v", got)
	}
}

func TestCover(t *testing.T) {
	s := "in northern Gaza on Monday."
	toks := Tokens(s) // in|northern|Gaza|on|Monday|.
	tests := []struct {
		start, end int
		i, j       int
	}{
		{3, 16, 1, 3},  // "northern Gaza"
		{20, 26, 4, 5}, // "Monday"
		{0, len(s), 0, 6},
		{4, 6, 1, 2},   // inside a token: the token
		{16, 17, 3, 3}, // a space: no token
	}
	for _, tt := range tests {
		if i, j := Cover(toks, tt.start, tt.end); i != tt.i || j != tt.j {
			t.Errorf("Cover(%q) = [%d, %d), want [%d, %d)", s[tt.start:tt.end], i, j, tt.i, tt.j)
		}
	}
}
