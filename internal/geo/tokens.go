package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
	"github.com/flashpoint/flashpoint/internal/text"
)

// keyOf appends the lookup key of s to dst.
func keyOf(dst []byte, s string) []byte { return norm.AppendKey(dst, s) }

// token is a word of a sentence as place names are keyed: a word token
// of the text stage, split at the periods and commas inside it ("U.S."
// is "U" + "S", "1,500" is "1" + "500"), punctuation left out. Hyphens
// are tokens of their own already ("Moscow-based" is "Moscow" + "based"),
// so keys of spans equal norm keys of their text.
type token struct {
	start, end   int // byte offsets in the sentence
	kstart, kend int // the word's key in the scratch key buffer
	cap          bool
	hyph         bool // joined to the previous word by a hyphen
	joined       bool // joined to the previous word by spaces or a hyphen only
	poss         bool // followed by a possessive 's
}

// words turns the text stage's tokens of s into words and their keys,
// reusing the scratch buffers.
func words(s string, shared []text.Token, toks []token, keys []byte) ([]token, []byte) {
	toks, keys = toks[:0], keys[:0]
	prevEnd := -1
	for _, st := range shared {
		// Possessive: "Kyiv's", "Kyiv’s" (a token of its own).
		if n := len(toks); n > 0 && st.Start == toks[n-1].end && isPossessive(st.Text) {
			toks[n-1].poss = true
			prevEnd = st.End
			continue
		}
		for i := st.Start; i < st.End; {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if !isWordRune(r) {
				i += n // punctuation, and the periods and commas inside a token
				continue
			}
			start := i
			cap := unicode.IsUpper(r)
			i += n
			for i < st.End {
				r, n = rune(s[i]), 1
				if r >= utf8.RuneSelf {
					r, n = utf8.DecodeRuneInString(s[i:])
				}
				if isWordRune(r) || unicode.IsMark(r) {
					i += n
					continue
				}
				// An apostrophe inside a word ("d'Ivoire").
				if isApos(r) && i+n < st.End {
					if r2, n2 := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(r2) {
						i += n + n2
						continue
					}
				}
				break
			}
			t := token{start: start, end: i, cap: cap}
			if prevEnd >= 0 {
				gap := s[prevEnd:start]
				t.hyph = gap == "-"
				prev := toks[len(toks)-1]
				t.joined = !prev.poss && (t.hyph || allSpaces(gap) || abbrevDot(s, prev, gap))
			}
			t.kstart = len(keys)
			keys = keyOf(keys, s[t.start:t.end])
			t.kend = len(keys)
			toks = append(toks, t)
			prevEnd = i
		}
	}
	return toks, keys
}

// isPossessive reports whether a token is a possessive "'s" or "’s".
func isPossessive(w string) bool {
	switch w {
	case "'s", "'S", "\u2019s", "\u2019S":
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func allSpaces(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

// abbrevDot accepts "St. Petersburg": a period after a short capitalised
// abbreviation, then one space.
func abbrevDot(s string, prev token, gap string) bool {
	return gap == ". " && prev.cap && prev.end-prev.start <= 3
}
