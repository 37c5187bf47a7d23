package text

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"they don't know", "they|do|n't|know"},
		{"Moscow can't and won't", "Moscow|ca|n't|and|wo|n't"},
		{"We'll see, they're here, I'd go, I'm in", "We|'ll|see|,|they|'re|here|,|I|'d|go|,|I|'m|in"},
		{"Kyiv’s troops didn’t", "Kyiv|’s|troops|did|n’t"},
		{"rock'n'roll O'Neil", "rock'n'roll|O'Neil"},
	}
	for _, tc := range tests {
		s := tc.in
		ws := Words(nil, Tokens(s))
		var got []string
		for _, w := range ws {
			if s[w.Start:w.End] != w.Text {
				t.Errorf("%q: word %q has offsets %d-%d", s, w.Text, w.Start, w.End)
			}
			got = append(got, w.Text)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Words(%q) = %s, want %s", s, g, tc.want)
		}
	}
}
