package actors

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/wordclass"
)

// TestWordClasses checks the embedded words.txt parses with every class
// the matcher uses, and spot-checks that each variable is its own class.
func TestWordClasses(t *testing.T) {
	if _, err := wordclass.Parse("words.txt", wordsTxt, wordClassNames); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		m    map[string]bool
		word string
	}{
		{adjectival, "military"}, {modifiedNouns, "build-up"}, {functionWords, "during"}, {nameStops, "On"},
		{nameParticles, "bin"}, {nameSuffixes, "iii"}, {besideNames, "Tuesday"}, {nonNames, "Administration"}, {familyNameFirst, "CHN"},
	} {
		if !tc.m[tc.word] {
			t.Errorf("%q missing from its class", tc.word)
		}
	}
	if adjectival["attack"] || nameStops["on"] {
		t.Error("a word leaked into another class")
	}
}
