package text

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|"
	}{
		{"Armenia's army", "Armenia|'s|army"},
		{"accused\u0000 Armenia\u0007 of\u007f firing", "accused|Armenia|of|firing"},
		{"Kennedy\u2019s", "Kennedy|\u2019s"},
		{"the Israelis' claims", "the|Israelis|'|claims"},
		{"a U.S.-drafted text", "a|U.S.|-|drafted|text"},
		{"a Russia-mediated ceasefire", "a|Russia|-|mediated|ceasefire"},
		{"won 1-0", "won|1|-|0"},
		{"on 2024-04-01 at 13:40", "on|2024|-|04|-|01|at|13|:|40"},
		{"1,500 troops", "1,500|troops"},
		{"rose 4.2%", "rose|4.2|%"},
		{"costs $3.49.", "costs|$|3.49|."},
		{"in 2020, 2021.", "in|2020|,|2021|."},
		{"the 1990s.", "the|1990s|."},
		{"don't O'Brien", "don't|O'Brien"},
		{"at 9 a.m. on", "at|9|a.m.|on"},
		{"e.g., the U.N.", "e.g.|,|the|U.N."},
		{"the U.S", "the|U.S"},
		{"John F. Kennedy", "John|F|.|Kennedy"},
		{"J.R.R. Tolkien", "J.R.R.|Tolkien"},
		{"the U.S.'s role", "the|U.S.|'s|role"},
		{"\u201cWe will.\u201d", "\u201c|We|will|.|\u201d"},
		{"'overwhelming'", "'|overwhelming|'"},
		{"Z\u00fcrich's caf\u00e9", "Z\u00fcrich|'s|caf\u00e9"},
		{"war \u2014 again", "war|\u2014|again"},
		{"bad\xffbyte", "bad|\xff|byte"},
		{"non\u00a0breaking", "non|breaking"},
		{"it's", "it|'s"},
		{"end'", "end|'"},
		{"", ""},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in)
		checkTokens(t, tt.in, toks)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}
