package text

import (
	"unicode"
	"unicode/utf8"
)

// spaceAt reports whether s[i:] starts with white space, and the width of
// the rune there. Zero-width spaces and byte order marks count as space so
// that they never start a sentence.
func spaceAt(s string, i int) (w int, ok bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1, asciiSpace(c)
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return w, unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// asciiSpace reports whether an ASCII byte separates words: white space
// and the control characters (a NUL escaped in JSON is data, but no word).
func asciiSpace(c byte) bool { return c <= ' ' || c == 0x7f }

// trim narrows [a, b) of s to exclude white space at both ends.
func trim(s string, a, b int) (int, int) {
	for a < b {
		w, ok := spaceAt(s, a)
		if !ok {
			break
		}
		a += w
	}
	for b > a {
		c := s[b-1]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				b--
				continue
			}
			break
		}
		r, w := utf8.DecodeLastRuneInString(s[a:b])
		if !(unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff') {
			break
		}
		b -= w
	}
	return a, b
}

// skipSpace returns the first index >= i (and < end) that is not white space.
func skipSpace(s string, i, end int) int {
	for i < end {
		w, ok := spaceAt(s, i)
		if !ok {
			break
		}
		i += w
	}
	return i
}

// runeAt decodes the rune at s[i:].
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isCloser reports closing quotes and brackets that stay with the sentence
// they end: `."`, `.'`, `.”`, `.)`.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '\u201d', '\u2019', '\u00bb', '\u203a':
		return true
	}
	return false
}

// isOpener reports opening quotes and brackets that may start a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '\u201c', '\u2018', '\u00ab', '\u2039':
		return true
	}
	return false
}

// isTerminal reports sentence-final punctuation (the ellipsis included).
func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '\u2026'
}
