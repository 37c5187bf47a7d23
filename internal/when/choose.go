package when

import "github.com/flashpoint/flashpoint/internal/event"

// choose picks the expression that dates an event, or nil. In order:
//
//  1. an expression right before the trigger ("Russia on Friday vetoed",
//     "Sunday's election" for the trigger "election");
//  2. the nearest expression after the trigger inside the clause;
//  3. the nearest expression before the trigger inside the clause;
//  4. the first expression of the sentence before the clause: a date
//     phrase covers the coordinated and subordinate predicates that
//     follow it ("fired on Tuesday after demonstrators stormed...");
//  5. an expression attached to a speech verb ("the ministry said on
//     Sunday"), nearest to the trigger.
//
// Speech-attached expressions are skipped in steps 1-4 unless the event's
// trigger is that speech verb: "Iran launched drones late on Saturday,
// the military said on Sunday" dates the launch to Saturday. Step 5 still
// lets them date what was reported when nothing else does. Possessives
// date only the noun right after them (step 1).
func choose(text string, trig, clause event.Span, xs []Expr) *Expr {
	n := len(text)
	ts, te := clamp(trig.Start, n), clamp(trig.End, n)
	cs, ce := clamp(clause.Start, n), clamp(clause.End, n)
	if ce <= cs {
		cs, ce = 0, n
	}
	var after, before, outside, speech *Expr
	for i := range xs {
		x := &xs[i]
		if x.Start < te && x.End > ts && te > ts {
			return x // the trigger is part of the expression
		}
		if vs, ve, ok := speechBefore(text, x.Start); ok && !(ts < ve && te > vs) {
			if speech == nil || dist(x, ts, te) < dist(speech, ts, te) {
				speech = x
			}
			continue
		}
		mod := yearModifier(text, x)
		if x.End <= ts && adjacent(text[x.End:ts], possessive(x.Text) || mod) {
			return x
		}
		if possessive(x.Text) || mod {
			// "Sunday's election", "the 2020 ceasefire agreement": the
			// expression dates only the noun it qualifies
			continue
		}
		in := x.Start >= cs && x.End <= ce
		switch {
		case in && x.Start >= te:
			if after == nil || x.Start < after.Start {
				after = x
			}
		case in && x.End <= ts:
			if before == nil || x.End > before.End {
				before = x
			}
		case !in && x.End <= cs:
			if outside == nil {
				outside = x
			}
		}
	}
	for _, x := range []*Expr{after, before, outside, speech} {
		if x != nil {
			return x
		}
	}
	return nil
}

func clamp(v, n int) int {
	if v < 0 {
		return 0
	}
	if v > n {
		return n
	}
	return v
}

func dist(x *Expr, ts, te int) int {
	if x.Start >= te {
		return x.Start - te
	}
	return ts - x.End
}

// adjacent reports whether gap, the text between an expression and the
// trigger, binds them: only spaces, or for a possessive up to two
// modifier words ("Sunday's presidential election").
// yearModifier reports whether x is a bare year qualifying the noun
// after it ("the 2020 ceasefire agreement", "the 2021 coup").
func yearModifier(text string, x *Expr) bool {
	if x.Precision != "year" || len(x.Text) != 4 {
		return false
	}
	before := text[:x.Start]
	if !(len(before) >= 4 && before[len(before)-4:] == "the ") {
		return false
	}
	after := text[x.End:]
	return len(after) >= 2 && after[0] == ' ' && after[1] >= 'a' && after[1] <= 'z'
}

func adjacent(gap string, poss bool) bool {
	words, inWord := 0, false
	for i := 0; i < len(gap); i++ {
		c := gap[i]
		switch {
		case c == ' ':
			inWord = false
		case isLetter(c) || c == '-':
			if !inWord {
				words++
			}
			inWord = true
		default:
			return false
		}
	}
	if poss {
		return words <= 2
	}
	return words == 0
}

// speechBefore reports a speech verb that governs the expression starting
// at start: "said on Sunday", "said Sunday", "told reporters on Sunday",
// "said in a statement on Sunday", "told Reuters on Sunday". It returns
// the verb's byte span.
func speechBefore(text string, start int) (int, int, bool) {
	end := start
	for n := 0; n < 6; n++ {
		s, e := prevWord(text, end)
		if s < 0 {
			return 0, 0, false
		}
		en, _ := lookup(text[s:e])
		switch {
		case en.cls == cSpeech:
			return s, e, true
		case en.cls == cWord && (en.val == wFiller || en.val == wA || en.val == wThe ||
			en.val == wOn || en.val == wIn || en.val == wAt || en.val == wStatement ||
			en.val == wLate || en.val == wEarly || en.val == wLater || en.val == wEarlier):
		case text[s] >= 'A' && text[s] <= 'Z':
			// "told Reuters on Sunday": a name right after "told".
			ps, pe := prevWord(text, s)
			if ps < 0 || text[ps:pe] != "told" {
				return 0, 0, false
			}
		default:
			return 0, 0, false
		}
		end = s
	}
	return 0, 0, false
}

// prevWord returns the word that ends just before end, skipping spaces;
// (-1, -1) at the start of the text or at punctuation.
func prevWord(text string, end int) (int, int) {
	e := end
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	s := e
	for s > 0 && (isLetter(text[s-1]) && text[s-1] != 0xE2 || text[s-1] == '-') {
		s--
	}
	if s == e {
		return -1, -1
	}
	return s, e
}

// isLetter reports an ASCII letter or a byte of a rune beyond ASCII, for
// the few words read around an expression (prevWord, continues).
func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
