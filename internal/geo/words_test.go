package geo

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/wordclass"
)

// TestWordClasses checks the embedded words.txt parses with every class
// the mention finder uses, and spot-checks that each variable is its own
// class.
func TestWordClasses(t *testing.T) {
	if _, err := wordclass.Parse("words.txt", wordsTxt, wordClassNames); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		m    map[string]bool
		word string
	}{
		{preps, "near"}, {ofHeads, "outskirts"}, {directions, "northern"}, {regionWords, "oblast"},
		{facilityWords, "airport"}, {noStart, "reuters"}, {connectors, "de"}, {reportVerbs, "said"},
		{placeVerbs, "shelled"}, {nameHeads, "capital"},
	} {
		if !tc.m[tc.word] {
			t.Errorf("%q missing from its class", tc.word)
		}
	}
	if preps["city"] || placeVerbs["said"] {
		t.Error("a word leaked into another class")
	}
}
