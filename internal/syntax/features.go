package syntax

import (
	"unicode"
	"unicode/utf8"
)

// tokInfo holds the per-token string hashes computed once per sentence;
// every feature is built from these by integer mixing.
type tokInfo struct {
	low   uint64    // lower-cased form
	exact uint64    // form as written
	suf   [4]uint64 // lower-cased suffixes of 1..4 bytes
	pre   [3]uint64 // lower-cased prefixes of 1..3 bytes
	shape uint64    // Xxx / dd / x-x style shape, runs collapsed
	flags uint64    // bit set of orthographic flags
	amb   uint64    // ambiguity class: tags seen with the word, or 0 if rare
	fixed int8      // tag for frequent unambiguous words, -1 otherwise
}

var padTok = tokInfo{low: 1, exact: 1, suf: [4]uint64{1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}, shape: 1, flags: 1 << 10, amb: 1 << 40, fixed: -1}

const (
	flCap = 1 << iota
	flAllCap
	flDigit
	flHyphen
	flFirst
	flPunct
	flLong
)

// lexEntry is what the model knows about a frequent lower-cased word.
type lexEntry struct {
	amb   uint32 // bit set of UPOS seen with the word (>= 5% of uses)
	fixed int8   // tag if frequent and unambiguous, else -1
}

// appendLower appends the lower-cased s to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf
}

// fillTok computes the hashes of one word; low is its lower-cased bytes.
func fillTok(t *tokInfo, word string, low []byte, first bool, lex map[uint64]lexEntry) {
	t.low = hbytes(low)
	t.exact = hstr(word)
	for k := range t.suf {
		n := min(k+1, len(low))
		t.suf[k] = hbytes(low[len(low)-n:]) + uint64(k)
	}
	for k := range t.pre {
		n := min(k+1, len(low))
		t.pre[k] = hbytes(low[:n]) + uint64(k)
	}
	var fl uint64
	h := uint64(fnvOffset)
	var last byte
	run := 0
	nUpper, nLetter := 0, 0
	for i, r := range word {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			nUpper++
			nLetter++
			if i == 0 {
				fl |= flCap
			}
		case unicode.IsLetter(r):
			c = 'x'
			nLetter++
		case unicode.IsDigit(r):
			c = 'd'
			fl |= flDigit
		case r == '-':
			c = '-'
			fl |= flHyphen
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	t.shape = h
	if nUpper > 1 && nUpper == nLetter {
		fl |= flAllCap
	}
	if nLetter == 0 && fl&flDigit == 0 {
		fl |= flPunct
	}
	if len(word) > 12 {
		fl |= flLong
	}
	if first {
		fl |= flFirst
	}
	t.flags = fl
	t.amb, t.fixed = 0, -1
	if e, ok := lex[t.low]; ok {
		t.amb = uint64(e.amb)
		t.fixed = e.fixed
	}
}

func hbytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// prepare fills toks (resized to len(words)) and returns the lower-cased
// forms packed in lowBuf with their end offsets in lowEnd.
func prepare(words []string, toks []tokInfo, lowBuf []byte, lowEnd []int, lex map[uint64]lexEntry) ([]tokInfo, []byte, []int) {
	toks = toks[:0]
	lowBuf = lowBuf[:0]
	lowEnd = lowEnd[:0]
	for i, w := range words {
		start := len(lowBuf)
		lowBuf = appendLower(lowBuf, w)
		lowEnd = append(lowEnd, len(lowBuf))
		toks = append(toks, tokInfo{})
		fillTok(&toks[i], w, lowBuf[start:], i == 0, lex)
	}
	return toks, lowBuf, lowEnd
}
