package coder

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/wordclass"
)

// TestWordClasses checks the embedded words.txt defines every class the
// code uses, each with words, and that the variables are those classes.
func TestWordClasses(t *testing.T) {
	c, err := wordclass.Parse("words.txt", wordsTxt, wordClassNames)
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != len(wordClassNames) {
		t.Errorf("words.txt has %d classes, code expects %d", len(c), len(wordClassNames))
	}
	for _, name := range wordClassNames {
		if len(c[name]) == 0 {
			t.Errorf("class [%s] missing or empty", name)
		}
	}
	// spot checks: a variable is filled from its own section
	for _, tc := range []struct {
		m    map[string]bool
		word string
	}{
		{boundaries, "—"}, {beForms, "'s"}, {negations, "n't"}, {coordination, ","},
		{peopleRole, "CVL"}, {stateRoles, "GOVMIL"}, {reasonPreps, "adjective"}, {responseNouns, "retaliation"},
	} {
		if !tc.m[tc.word] {
			t.Errorf("%q missing from its class", tc.word)
		}
	}
	if modals["will"] || pronouns["its"] {
		t.Error("a word leaked into another class")
	}
}
