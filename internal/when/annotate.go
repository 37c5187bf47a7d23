package when

import (
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Background is anything that ended more than this many days before the
// article date.
const backgroundDays = 30

// Annotate sets Date, DatePrecision, DateText and Background on each event
// of one article. An event without a time expression of its own takes the
// article date at day precision with an empty DateText. The rules that
// pick the expression are in choose and docs/time.md.
func Annotate(art event.Article, sents []event.Sentence, evs []event.Event) {
	for i := range evs {
		ev := &evs[i]
		ev.Date, ev.DatePrecision, ev.DateText, ev.Background = art.Date, "day", "", false
	}
	a, err := time.Parse("2006-01-02", art.Date)
	if err != nil {
		return // nothing to resolve against; the raw date is kept
	}
	c := annotator{a: a, sents: sents, found: map[int][]Expr{}, carried: map[int]*Expr{}}
	for i := range evs {
		ev := &evs[i]
		text := ev.Sentence
		if text == "" {
			if pos := c.position(ev.SentenceIndex); pos >= 0 {
				text = sents[pos].Text
			}
		}
		xs := c.find(ev.SentenceIndex, text)
		if len(xs) > 0 {
			if x := choose(text, ev.Trigger, ev.Clause, xs); x != nil {
				apply(ev, x, x.Text)
			}
			continue
		}
		if x := c.carry(ev.SentenceIndex); x != nil {
			apply(ev, x, "")
		}
	}
}

func apply(ev *event.Event, x *Expr, text string) {
	ev.Date, ev.DatePrecision, ev.DateText = x.Value, x.Precision, text
	if x.Precision == "decade" {
		ev.Date = "" // no ISO 8601 date fits a decade
	}
	ev.Background = x.Days > backgroundDays
}

// annotator caches the expressions of the article's sentences.
type annotator struct {
	a       time.Time
	sents   []event.Sentence
	found   map[int][]Expr // by sentence Index
	carried map[int]*Expr  // by sentence Index; nil = nothing carried
}

// position finds the slice position of the sentence with Index idx.
func (c *annotator) position(idx int) int {
	if idx >= 0 && idx < len(c.sents) && c.sents[idx].Index == idx {
		return idx
	}
	for i := range c.sents {
		if c.sents[i].Index == idx {
			return i
		}
	}
	return -1
}

func (c *annotator) find(idx int, text string) []Expr {
	xs, ok := c.found[idx]
	if !ok {
		xs = Find(text, c.a)
		c.found[idx] = xs
	}
	return xs
}

// carry returns the expression a sentence without one of its own takes
// from the previous sentence of its paragraph, or nil. It does so only
// when the sentence opens by pointing back (see continues): "The latter
// conflict saw...", "Peskov also rejected...".
func (c *annotator) carry(idx int) *Expr {
	if x, ok := c.carried[idx]; ok {
		return x
	}
	c.carried[idx] = nil // guards against cycles
	pos := c.position(idx)
	if pos <= 0 {
		return nil
	}
	cur, prev := &c.sents[pos], &c.sents[pos-1]
	if prev.Paragraph != cur.Paragraph || len(c.find(cur.Index, cur.Text)) > 0 {
		return nil
	}
	pick, ok := continues(cur.Text)
	if !ok {
		return nil
	}
	var x *Expr
	if xs := c.find(prev.Index, prev.Text); len(xs) > 0 {
		x = pickCarried(xs, pick)
	} else {
		x = c.carry(prev.Index)
	}
	c.carried[idx] = x
	return x
}

// pickCarried chooses among the previous sentence's expressions: the
// last for "the latter", the first for "the former"; otherwise the last
// background expression if there is one ("...in the 1990s and again in
// 2020. That war..."), else the first that is not a possessive
// ("Sunday's election").
func pickCarried(xs []Expr, pick int) *Expr {
	switch pick {
	case wLatter:
		return &xs[len(xs)-1]
	case wFormer:
		return &xs[0]
	}
	for i := len(xs) - 1; i >= 0; i-- {
		if xs[i].Days > backgroundDays {
			return &xs[i]
		}
	}
	for i := range xs {
		if !possessive(xs[i].Text) {
			return &xs[i]
		}
	}
	return nil
}

func possessive(s string) bool {
	n := len(s)
	return n > 2 && s[n-2:] == "'s" || n > 4 && s[n-4:] == "\u2019s"
}
