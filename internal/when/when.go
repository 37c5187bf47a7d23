// Package when is Flashpoint's time stage: it finds time expressions in
// a sentence, resolves them against the article date, and gives every
// event a date, a precision and a background flag.
//
// All dates are UTC calendar days. See docs/time.md for the expressions
// supported and the rules that attach them to events.
package when

import (
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// Expr is one time expression of a sentence, resolved.
type Expr struct {
	event.Span        // byte offsets in the sentence; Text is the expression as written
	Value      string // ISO 8601 at Precision: 2024-04-13, 2024-W30, 2024-03, 2020; "1990s" for decades
	Precision  string // "day", "week", "month", "year" or "decade"
	// Days is the article date minus the expression's latest day (a
	// period holding the article date ends on it): >= 0 for the past,
	// negative for the future. Annotate uses it for the background flag.
	Days int
}

// Find lists the time expressions in a sentence, left to right, resolved
// against the article date (only its UTC calendar day counts).
func Find(sentence string, article time.Time) []Expr {
	return FindTokens(sentence, text.Tokens(sentence), article)
}

// FindTokens is Find on the sentence's tokens from the text stage
// (event.Sentence.Tokens), which it does not tokenise again. Most
// sentences hold no expression; they cost one pass over the tokens and a
// map lookup per short word.
func FindTokens(sentence string, toks []text.Token, article time.Time) []Expr {
	buf := tokens.Get().(*[]token)
	ps, any := pieces(sentence, toks, (*buf)[:0])
	defer func() { *buf = ps[:0]; tokens.Put(buf) }()
	if !any {
		return nil
	}
	p := parser{s: sentence, toks: ps, a: day(article), lastYear: -1}
	var out []Expr
	floor := 0 // no expression may reach back before this piece
	for i := 0; i < len(ps); i++ {
		t := &ps[i]
		if !t.interesting() && !(t.cls == cWord && (t.val == wAfter || t.val == wBefore)) {
			continue
		}
		m, ok := p.at(i, floor)
		if !ok {
			continue
		}
		out = append(out, p.expr(m))
		p.lastYear = -1
		if m.per.prec == pYear {
			p.lastYear = m.last
		}
		floor = m.last + 1
		i = m.last
	}
	return out
}

// tokens recycles piece buffers: FindTokens then allocates only for
// sentences that hold an expression.
var tokens = sync.Pool{New: func() any { b := make([]token, 0, 64); return &b }}

// match is a parsed expression: tokens first..last and what they mean.
type match struct {
	first, last int
	per         period
}

func (p *parser) expr(m match) Expr {
	s, e := p.toks[m.first].start, p.toks[m.last].end
	return Expr{
		Span:      event.Span{Text: p.s[s:e], Start: s, End: e},
		Value:     m.per.value(),
		Precision: precName[m.per.prec],
		Days:      m.per.daysBefore(p.a),
	}
}
