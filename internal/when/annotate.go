package when

import (
	"slices"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// Background is anything that ended more than this many days before the
// article date.
const backgroundDays = 30

// Annotate sets Date, DatePrecision, DateText and Background on each event
// of one article. An event without a time expression of its own takes the
// article date at day precision with an empty DateText. The rules that
// pick the expression are in choose and docs/time.md.
func Annotate(art event.Article, sents []event.Sentence, evs []event.Event) {
	if len(evs) == 0 {
		return
	}
	AnnotateDoc(art, text.DocOf(sents), evs)
}

// AnnotateDoc is Annotate on the text stage's document: it reads the
// sentences' tokens and sets the document's time layer (doc.Times) to
// every time expression of its sentences. An article without events, or
// without a valid date to resolve against, is not read.
func AnnotateDoc(art event.Article, doc *event.Doc, evs []event.Event) {
	for i := range evs {
		ev := &evs[i]
		ev.Date, ev.DatePrecision, ev.DateText, ev.Background = art.Date, "day", "", false
	}
	if len(evs) == 0 {
		return
	}
	a, err := time.Parse("2006-01-02", art.Date)
	if err != nil {
		return // nothing to resolve against; the raw date is kept
	}
	sents := doc.Sentences
	c := annotator{a: a, sents: sents, found: make([][]Expr, len(sents))}
	n := 0
	for pos := range sents {
		c.found[pos] = FindTokens(sents[pos].Text, text.SentenceTokens(&sents[pos]), a)
		n += len(c.found[pos])
	}
	doc.Times = timeLayer(doc.Times[:0], sents, c.found, n)
	for i := range evs {
		ev := &evs[i]
		s, pos := ev.Sentence, c.position(ev.SentenceIndex)
		var xs []Expr
		if pos >= 0 && (s == "" || s == sents[pos].Text) {
			s, xs = sents[pos].Text, c.found[pos]
		} else {
			xs = Find(s, a)
		}
		if len(xs) > 0 {
			if x := choose(s, ev.Trigger, ev.Clause, xs); x != nil {
				apply(ev, x, x.Text)
			}
			continue
		}
		if x := c.carry(pos); x != nil {
			apply(ev, x, "")
		}
	}
}

// timeLayer appends the n expressions found in the sentences to a layer.
func timeLayer(layer []event.Mark, sents []event.Sentence, found [][]Expr, n int) []event.Mark {
	layer = slices.Grow(layer, n)
	for pos, xs := range found {
		if len(xs) == 0 {
			continue
		}
		toks := text.SentenceTokens(&sents[pos])
		for _, x := range xs {
			first, end := text.Cover(toks, x.Start, x.End)
			layer = append(layer, event.Mark{Sent: pos, First: first, End: end, Span: x.Span, Value: x.Value})
		}
	}
	return layer
}

func apply(ev *event.Event, x *Expr, text string) {
	ev.Date, ev.DatePrecision, ev.DateText = x.Value, x.Precision, text
	if x.Precision == "decade" {
		ev.Date = "" // no ISO 8601 date fits a decade
	}
	ev.Background = x.Days > backgroundDays
}

// annotator holds the expressions of the article's sentences.
type annotator struct {
	a       time.Time
	sents   []event.Sentence
	found   [][]Expr      // by sentence position
	carried map[int]*Expr // by sentence position; nil = nothing carried
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

// carry returns the expression the sentence at position pos takes, when
// it has none of its own, from the previous sentence of its paragraph, or
// nil. It does so only when the sentence opens by pointing back (see
// continues): "The latter conflict saw...", "Peskov also rejected...".
func (c *annotator) carry(pos int) *Expr {
	if pos <= 0 {
		return nil
	}
	if x, ok := c.carried[pos]; ok {
		return x
	}
	if c.carried == nil {
		c.carried = map[int]*Expr{}
	}
	c.carried[pos] = nil // guards against cycles
	cur, prev := &c.sents[pos], &c.sents[pos-1]
	if prev.Paragraph != cur.Paragraph || len(c.found[pos]) > 0 {
		return nil
	}
	pick, ok := continues(cur.Text)
	if !ok {
		return nil
	}
	var x *Expr
	if xs := c.found[pos-1]; len(xs) > 0 {
		x = pickCarried(xs, pick)
	} else {
		x = c.carry(pos - 1)
	}
	c.carried[pos] = x
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
