package text

import "testing"

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "The U.S. The move.", "Gen. Smith left.\n\nAdvertisement\n\nHeading Here\n\nMore text",
		"\"Quote. Two.\" Three.", "a\u2026 B", "x.\xff Y", "\r\n\r\n.", "U.S.\n\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkOffsets(t, body, Sentences(body))
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"", "Armenia's U.S.-drafted 1,500 4.2% $3.49", "a.b.c", "'s", "\u2019", "1,", "x'\xe2\x80", "U.S",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokens(s))
	})
}
