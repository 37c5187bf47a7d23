package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

// keyOf appends the lookup key of s to dst.
func keyOf(dst []byte, s string) []byte { return norm.AppendKey(dst, s) }

// token is a word of a sentence. Hyphens split words ("Moscow-based" is
// "Moscow" + "based") so that keys of spans equal norm keys of their text.
type token struct {
	start, end   int // byte offsets in the sentence
	kstart, kend int // the word's key in the scratch key buffer
	cap          bool
	hyph         bool // joined to the previous word by a hyphen
	joined       bool // joined to the previous word by spaces or a hyphen only
	poss         bool // followed by a possessive 's
}

// tokenize splits s into words and their keys, reusing the scratch buffers.
func tokenize(s string, toks []token, keys []byte) ([]token, []byte) {
	toks, keys = toks[:0], keys[:0]
	prevEnd := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		cap := unicode.IsUpper(r)
		i += n
		for i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) || unicode.IsMark(r) {
				i += n
				continue
			}
			// An apostrophe inside a word ("d'Ivoire") but not a possessive.
			if isApos(r) && i+n < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i+n:])
				if unicode.IsLetter(r2) && !((r2 == 's' || r2 == 'S') && !wordAt(s, i+n+n2)) {
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
		// Possessive: "Kyiv's", "Kyiv’s".
		if i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isApos(r) && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && !wordAt(s, i+n+1) {
				t.poss = true
				i += n + 1
			}
		}
		t.kstart = len(keys)
		keys = keyOf(keys, s[t.start:t.end])
		t.kend = len(keys)
		toks = append(toks, t)
		prevEnd = i
	}
	return toks, keys
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// wordAt reports whether a word character starts at byte i of s.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

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
