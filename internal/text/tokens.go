package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Token is a word, number or punctuation mark; Start and End are byte
// offsets into the string tokenised and Text is exactly s[Start:End]. It
// is the data model's token, which sentences of a Document carry.
type Token = event.Token

const (
	cPunct uint8 = iota
	cSpace
	cLetter
	cDigit
)

// ascii classifies the ASCII bytes; everything else goes the slow path.
var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if asciiSpace(byte(c)) {
			t[c] = cSpace
		}
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLetter
		t[c-'a'+'A'] = cLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	return t
}()

// Tokens splits s into words, numbers and punctuation:
//   - words keep internal apostrophes ("don't") and the periods of dotted
//     abbreviations ("U.S.", "a.m."); a possessive "'s"/"’s" or a bare
//     trailing apostrophe ("Israelis'") is a token of its own;
//   - numbers keep decimal points and thousands commas ("1,500", "4.2");
//   - hyphens and every other punctuation rune are single tokens.
func Tokens(s string) []Token {
	toks := make([]Token, 0, len(s)/4+4)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch ascii[c] {
			case cSpace:
				i++
			case cLetter, cDigit:
				toks, i = word(s, i, toks)
			default:
				toks = append(toks, tok(s, i, i+1))
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			i += w
		case isWordRune(r):
			toks, i = word(s, i, toks)
		default:
			toks = append(toks, tok(s, i, i+w))
			i += w
		}
	}
	return toks
}

// tok is the token s[i:j].
func tok(s string, i, j int) Token { return Token{Text: s[i:j], Start: i, End: j} }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAt reports whether a word rune starts at s[i:], and its width.
func wordAt(s string, i int) (int, bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, ascii[c] >= cLetter
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return w, isWordRune(r)
}

// apostropheAt returns the width of an apostrophe (' or ’) at s[i:], or 0.
func apostropheAt(s string, i int) int {
	if s[i] == '\'' {
		return 1
	}
	if s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// possessive returns the width of a possessive "'s" or "’s" at s[i:], or 0.
func possessive(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	a := apostropheAt(s, i)
	if a == 0 || i+a >= len(s) {
		return 0
	}
	k := i + a
	if (s[k] == 's' || s[k] == 'S') && (k+1 == len(s) || !wordAtOK(s, k+1)) {
		return a + 1
	}
	return 0
}

// word appends the word, number or abbreviation starting at s[i] (a word
// rune) and any possessive after it; it returns the index after them.
func word(s string, i int, toks []Token) ([]Token, int) {
	if j := dotted(s, i); j > i {
		toks = append(toks, tok(s, i, j))
		if a := possessive(s, j); a > 0 {
			return append(toks, tok(s, j, j+a)), j + a // "U.S.'s"
		}
		return toks, j
	}
	numeric := ascii[s[i]&0x7f] == cDigit && s[i] < utf8.RuneSelf
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch cl := ascii[c]; {
			case cl == cLetter:
				numeric = false
				j++
				continue
			case cl == cDigit:
				j++
				continue
			case (c == '.' || c == ',') && numeric && j+1 < len(s) && ascii[s[j+1]&0x7f] == cDigit && s[j+1] < utf8.RuneSelf:
				j += 2 // "1,500", "4.2"
				continue
			}
		}
		if p := possessive(s, j); p > 0 {
			// Possessive (or "it's"): split it off as its own token.
			toks = append(toks, tok(s, i, j), tok(s, j, j+p))
			return toks, j + p
		}
		if a := apostropheAt(s, j); a > 0 && j+a < len(s) {
			k := j + a
			if wordAtOK(s, k) {
				numeric = false
				j = k // "don't", "O'Brien"
				continue
			}
			break
		}
		if c < utf8.RuneSelf {
			break
		}
		if w, ok := wordAt(s, j); ok {
			numeric = false
			j += w
			continue
		}
		break
	}
	return append(toks, tok(s, i, j)), j
}

func wordAtOK(s string, i int) bool {
	_, ok := wordAt(s, i)
	return ok
}

// dotted returns the end of a dotted abbreviation at s[i:] ("U.S.", "a.m.",
// "e.g.", "U.S" without the final period), or i if there is none.
func dotted(s string, i int) int {
	k := i
	n := 0
	for k+1 < len(s) && ascii[s[k]&0x7f] == cLetter && s[k] < utf8.RuneSelf && s[k+1] == '.' {
		k += 2
		n++
	}
	if n == 0 {
		return i
	}
	// A final letter without a period: "U.S" at the end of a string.
	if k < len(s) && s[k] < utf8.RuneSelf && ascii[s[k]] == cLetter {
		if k+1 < len(s) && wordAtOK(s, k+1) {
			return i // "a.bcd": not an abbreviation
		}
		k++
		n++
	}
	if n < 2 {
		return i
	}
	if k < len(s) && wordAtOK(s, k) {
		return i // "U.S.A1"-like junk: fall back to plain scanning
	}
	return k
}
