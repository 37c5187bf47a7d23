package actors

import (
	"strings"
	"testing"
)

// acronym is the allocation-free form of the check it replaced; both
// must agree on every word of the dictionaries and on non-ASCII ones.
func TestAcronymAsBefore(t *testing.T) {
	before := func(w string) bool {
		return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
	}
	d, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "U", "UN", "Un", "uN", "U.N.", "MIT", "G7", "77", "ÖZ", "Öz", "ÉU", "CAFÉ", "Café", "A’B", "İ", "ǅ", "ß"}
	var walk func(n *node)
	walk = func(n *node) {
		for _, e := range n.entries {
			words = append(words, e.words...)
		}
		for _, m := range n.next {
			walk(m)
		}
	}
	walk(&d.root)
	for _, w := range words {
		if acronym(w) != before(w) {
			t.Errorf("acronym(%q) = %v, was %v", w, acronym(w), before(w))
		}
	}
	for _, w := range words {
		if got := string(appendKey(nil, w)); got != Key(w) {
			t.Errorf("appendKey(%q) = %q, Key gives %q", w, got, Key(w))
		}
	}
}

// BenchmarkLoad is the dictionaries' share of a coding command's
// start-up: go test -run X -bench Load -benchmem ./internal/actors/
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// A capital inside a word marks a name written so on purpose: it matches
// only as written ("LeT" is not "Let's").
func TestInnerCapital(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{{"LeT", true}, {"McConnell", true}, {"FedEx", true}, {"Let", false}, {"UN", true}, {"let", false}, {"", false}, {"eBay", false}} {
		if got := innerCapital(c.w); got != c.want {
			t.Errorf("innerCapital(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
