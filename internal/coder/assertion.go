package coder

import "github.com/flashpoint/flashpoint/internal/verbs"

// assertion says how the text puts an event (docs/output.md). Events the
// text cancels (negated, conditional, speculative, wished for) are never
// coded, so they have no value here.
func assertion(e *draft) string {
	switch {
	case e.claimedBy != "":
		return "claimed"
	case verbs.Root(e.code) == "03":
		return "intended"
	case verbs.Root(e.code) == "13":
		return "threatened"
	}
	return "asserted"
}

// confidence rates how directly the text gives an event's participants:
// a participant the dependency tree names (subject, agent, object) or the
// pattern's own target slot is read off the sentence; one found by word
// order is a guess; one taken from the article's context (a pronoun, "the
// ministry", "its troops") depends on an earlier sentence being right.
func confidence(a *analysis, src, tgt ref) float64 {
	c := 0.5
	if a.treeSrc {
		c += 0.25
	}
	if a.treeTgt {
		c += 0.2
	}
	if src.context || src.pronoun {
		c -= 0.15
	}
	if tgt.context || tgt.pronoun {
		c -= 0.1
	}
	return c
}
