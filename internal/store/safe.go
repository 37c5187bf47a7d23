package store

import (
	"strings"
	"unicode/utf8"
)

// maxReasonBytes bounds a stored reject's file and reason: a reason
// quotes input, and input is untrusted.
const maxReasonBytes = 2000

// safeText makes untrusted text storable in any backend: PostgreSQL
// refuses NUL and invalid UTF-8 in TEXT, and either would fail the
// whole transaction the reject was meant to record. NUL becomes the
// visible escape \x00, bad bytes U+FFFD; the result is cut at max bytes
// on a rune boundary.
func safeText(s string, max int) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", `\x00`)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
