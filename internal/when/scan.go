package when

import (
	"unicode"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/text"
)

// The time grammar reads finer pieces than the text stage's tokens: each
// token is split into runs of letters, runs of digits and single
// punctuation marks, each with its byte offsets. Letters and digits are
// separate runs, so "1990s" is "1990" + "s", "112th" is "112" + "th" and
// "1,500" is "1" + "," + "500"; the adjacency of runs is kept (glued) for
// such checks.

const (
	tWord = iota
	tNum
	tPunct
)

// token is one piece of a text-stage token, as the time grammar reads it.
type token struct {
	start, end int
	kind       uint8
	cls        uint8 // lexicon class (words only)
	glued      bool  // no space between this token and the previous one
	upper      bool  // word starts with an upper-case ASCII letter
	val        int   // lexicon value for words, the number for digit runs
}

// interesting reports whether the token can head a time expression; a
// sentence without one is not parsed at all.
func (t *token) interesting() bool {
	switch t.kind {
	case tNum:
		return t.end-t.start == 4
	case tWord:
		switch t.cls {
		case cMonth, cMonAbbr, cWeekday:
			return true
		case cWord:
			switch t.val {
			case wToday, wTonight, wYesterday, wTomorrow, wOvernight, wWeek, wWeekend,
				wMonth, wYear, wAgo:
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pieces appends the pieces of the tokens of s to toks and reports
// whether any of them can head an expression; only then are all words
// looked up in the lexicon.
func pieces(s string, shared []text.Token, toks []token) ([]token, bool) {
	any := false
	prevEnd := -1
	for _, st := range shared {
		for i := st.Start; i < st.End; {
			c := s[i]
			t := token{start: i, glued: i == prevEnd}
			switch {
			case isDigit(c):
				n := 0
				for i < st.End && isDigit(s[i]) {
					if n < 1e6 {
						n = n*10 + int(s[i]-'0')
					}
					i++
				}
				t.kind, t.val = tNum, n
			case isASCIILetter(c) || c >= utf8.RuneSelf && letterAt(s, i) > 0:
				for i < st.End {
					if c := s[i]; c < utf8.RuneSelf {
						if !isASCIILetter(c) {
							break
						}
						i++
					} else if w := letterAt(s, i); w > 0 {
						i += w
					} else {
						break
					}
				}
				t.kind = tWord
				t.upper = c >= 'A' && c <= 'Z'
			default:
				// A mark, dash, quote or symbol ("-", "’", "€").
				_, w := utf8.DecodeRuneInString(s[i:st.End])
				t.kind, i = tPunct, i+w
			}
			t.end = i
			prevEnd = i
			if !any && (t.kind != tWord || mayHead(s[t.start:i])) {
				t.classify(s)
				any = t.interesting()
			}
			toks = append(toks, t)
		}
	}
	if any {
		// Worth parsing: every word needs its class.
		for k := range toks {
			if t := &toks[k]; t.kind == tWord && t.cls == cNone {
				t.classify(s)
			}
		}
	}
	return toks, any
}

// classify sets a word's lexicon class and value.
func (t *token) classify(s string) {
	if t.kind != tWord {
		return
	}
	if e, ok := lookup(s[t.start:t.end]); ok {
		t.cls, t.val = e.cls, e.val
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// letterAt returns the width of the letter, mark or digit that starts a
// rune beyond ASCII at s[i:] ("é", "ş"), or 0.
func letterAt(s string, i int) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
		return w
	}
	return 0
}

// lookup finds w in the lexicon, ignoring ASCII case, without allocating.
func lookup(w string) (entry, bool) {
	if len(w) > maxWord {
		return entry{}, false
	}
	var buf [maxWord]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	e, ok := lexicon[string(buf[:len(w)])]
	return e, ok
}
