package when

// A small scanner: a sentence becomes runs of letters, runs of digits and
// single punctuation marks, each with its byte offsets. Letters and
// digits are separate runs, so "1990s" is "1990" + "s" and "112th" is
// "112" + "th"; the adjacency of runs is kept (glued) for such checks.

const (
	tWord = iota
	tNum
	tPunct
)

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

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scan appends the tokens of s to toks and reports whether any of them
// can head an expression.
func scan(s string, toks []token) ([]token, bool) {
	any := false
	prevEnd := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		t := token{start: i, glued: i == prevEnd}
		switch {
		case c == 0xE2 && i+1 < len(s) && s[i+1] == 0x80:
			// General punctuation block: dashes, curly quotes and apostrophes.
			t.kind, i = tPunct, min(i+3, len(s))
		case isDigit(c):
			n := 0
			for i < len(s) && isDigit(s[i]) {
				if n < 1e6 {
					n = n*10 + int(s[i]-'0')
				}
				i++
			}
			t.kind, t.val = tNum, n
		case isLetter(c):
			i++ // c itself: the loop below may stop at once
			for i < len(s) && isLetter(s[i]) && !(s[i] == 0xE2 && i+1 < len(s) && s[i+1] == 0x80) {
				i++
			}
			t.kind = tWord
			t.upper = c >= 'A' && c <= 'Z'
			if e, ok := lookup(s[t.start:i]); ok {
				t.cls, t.val = e.cls, e.val
			}
		default:
			t.kind, i = tPunct, i+1
		}
		t.end = i
		prevEnd = i
		if !any && t.interesting() {
			any = true
		}
		toks = append(toks, t)
	}
	return toks, any
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
