package coder

import (
	_ "embed"
	"strings"

	"github.com/flashpoint/flashpoint/internal/text"
)

// Discards are cues of sentences that borrow the words of politics and
// war without being either: sport ("Brazil beat Argentina 2-1 to win the
// cup"), markets ("shares fell"), entertainment. A sentence holding one
// is not coded. The cues are data (data/discards.txt): one phrase a line,
// matched on lower-cased tokens; a line "#score" stands for a match score
// ("2-1", "1 - 0").
//
//go:embed data/discards.txt
var discardsTxt string

type discards struct {
	byFirst map[string][][]string
	score   bool
}

var defaultDiscards = parseDiscards(discardsTxt)

func parseDiscards(s string) *discards {
	d := &discards{byFirst: map[string][][]string{}}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "#score":
			d.score = true
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			var seq []string
			for _, t := range text.Tokens(strings.ToLower(line)) {
				seq = append(seq, t.Text)
			}
			d.byFirst[seq[0]] = append(d.byFirst[seq[0]], seq)
		}
	}
	return d
}

// discarded reports whether the sentence's tokens hold a discard cue.
func (c *Coder) discarded(toks []text.Token) bool {
	d := defaultDiscards
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		for _, seq := range d.byFirst[w] {
			if i+len(seq) <= len(toks) && tokensAre(toks[i:i+len(seq)], seq) {
				return true
			}
		}
		if d.score && i+2 < len(toks) && isNumber(t.Text) && toks[i+1].Text == "-" && isNumber(toks[i+2].Text) &&
			len(t.Text) <= 2 && len(toks[i+2].Text) <= 2 && !(i+3 < len(toks) && isNumber(toks[i+3].Text)) {
			return true
		}
	}
	return false
}

func tokensAre(toks []text.Token, seq []string) bool {
	for k, w := range seq {
		if !strings.EqualFold(toks[k].Text, w) {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
