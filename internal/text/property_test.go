package text

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
)

// checkOffsets verifies the invariants every caller relies on: Start slices
// back to Text, sentences are ordered, trimmed, non-empty and numbered.
func checkOffsets(t testing.TB, body string, got []event.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range got {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prev || s.Start+len(s.Text) > len(body) || body[s.Start:s.Start+len(s.Text)] != s.Text {
			t.Fatalf("sentence %d %q: Start %d does not slice back (body len %d)", i, s.Text, s.Start, len(body))
		}
		if s.Text == "" {
			t.Fatalf("sentence %d is empty", i)
		}
		if a, b := trim(s.Text, 0, len(s.Text)); a != 0 || b != len(s.Text) {
			t.Fatalf("sentence %d %q is not trimmed", i, s.Text)
		}
		if i > 0 && s.Paragraph < got[i-1].Paragraph {
			t.Fatalf("sentence %d paragraph goes back", i)
		}
		prev = s.Start + len(s.Text)
	}
}

// checkTokens verifies that tokens are ordered slices of s that cover every
// non-space rune.
func checkTokens(t testing.TB, s string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d %q [%d,%d) invalid in %q", i, tk.Text, tk.Start, tk.End, s)
		}
		if gap := s[prev:tk.Start]; strings.TrimFunc(gap, isSpaceRune) != "" {
			t.Fatalf("token %d: uncovered text %q before it in %q", i, gap, s)
		}
		prev = tk.End
	}
	if gap := s[prev:]; strings.TrimFunc(gap, isSpaceRune) != "" {
		t.Fatalf("uncovered tail %q in %q", gap, s)
	}
}

func isSpaceRune(r rune) bool {
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	_, ok := spaceAt(string(b[:n]), 0)
	return ok && r != utf8.RuneError
}

// TestOffsetsProperty builds random bodies from awkward fragments and
// checks the offset invariants of Sentences and Tokens.
func TestOffsetsProperty(t *testing.T) {
	frags := []string{
		"The U.S. said", " no.", " Gen. Smith", "\n\n", "\n", "Advertisement", "Background of the Conflict",
		" \"We will", " win.\" ", "He left...", " and", "\u201cQuoted.\u201d", " 4.2%", " $3.49", " e.g.",
		" Armenia's", " Israelis'", " U.S.-drafted", "\u00a0", "\t", "?!", " a.m.", " Inc.", " The",
		"\r\n", "Caf\u00e9", " \u2026", " \xff", "(", ")", " J.", " 1,500", "'s", "\u2019s", " -", ".",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := r.IntN(40); k >= 0; k-- {
			b.WriteString(frags[r.IntN(len(frags))])
		}
		body := b.String()
		checkOffsets(t, body, Sentences(body))
		checkTokens(t, body, Tokens(body))
	}
}

// TestGoldTexts runs every gold text when the shared folder is present.
func TestGoldTexts(t *testing.T) {
	f, err := os.Open("../../../shared/eval/dev.jsonl")
	if err != nil {
		t.Skip("shared gold set not present:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var doc struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &doc) != nil {
			continue
		}
		ss := Sentences(doc.Text)
		checkOffsets(t, doc.Text, ss)
		for _, s := range ss {
			checkTokens(t, s.Text, Tokens(s.Text))
		}
	}
}
