package coder

import (
	"slices"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// CodeDoc is Code for a document made by the text stage: it codes the
// document's sentences and adds the coder's layers to it, the parse of
// every sentence it parsed (doc.Syntax) and every actor mention it
// resolved (doc.Actors). The events are those Code returns.
func (c *Coder) CodeDoc(art event.Article, doc *event.Doc) []event.Event {
	return c.code(art, doc.Sentences, doc)
}

// record adds what the coder found in one sentence to the document's
// layers. The parser's result is reused by the next sentence, so the
// words are copied, into one slice per parsed sentence.
func (d *doc) record(sc *sent) {
	L := d.layers
	if d.pos >= len(L.Sentences) {
		return
	}
	// sc.toks may lack the dateline's tokens, which open the sentence
	off := len(text.SentenceTokens(&L.Sentences[d.pos])) - len(sc.toks)
	if off < 0 {
		return
	}
	if t := sc.tree; t != nil {
		ws := make([]event.Word, len(t.words))
		for i, w := range t.words {
			ws[i] = event.Word{Tok: off + w.Tok, Start: w.Start, End: w.End,
				UPOS: t.s.POS[i].String(), Lemma: t.s.Lemma[i], Head: t.s.Head[i], Rel: t.s.Rel[i].String()}
		}
		L.Syntax = append(L.Syntax, event.Parse{Sent: d.pos, Words: ws})
	}
	first := len(L.Actors)
	for i := range sc.refs {
		r := &sc.refs[i]
		if r.code == "" || r.start < 0 || r.start >= r.end || r.end > len(sc.toks) {
			continue
		}
		a, b := sc.toks[r.start].Start, sc.toks[r.end-1].End
		L.Actors = append(L.Actors, event.ActorMark{
			Mark: event.Mark{Sent: d.pos, First: off + r.start, End: off + r.end,
				Span: event.Span{Text: sc.s.Text[a:b], Start: a, End: b}, Value: r.code},
			How:     refHow(r),
			Entries: r.explain[:len(r.explain):len(r.explain)],
		})
	}
	if ms := L.Actors[first:]; !slices.IsSortedFunc(ms, markOrder) {
		slices.SortStableFunc(ms, markOrder)
	}
}

func markOrder(a, b event.ActorMark) int {
	if a.First != b.First {
		return a.First - b.First
	}
	return a.End - b.End
}

// refHow names what resolved a ref, for ActorMark.How.
func refHow(r *ref) string {
	switch {
	case r.pronoun:
		return "pronoun"
	case r.coreferent:
		return "coreference"
	case r.context:
		return "context"
	case r.pair:
		return "pair"
	case r.agent:
		return "role"
	}
	if len(r.explain) > 0 {
		switch x := r.explain[0]; {
		case strings.HasPrefix(x, "person named earlier"):
			return "name"
		case strings.HasPrefix(x, "definite "):
			return "definite"
		case strings.HasPrefix(x, "\"both ") || strings.HasPrefix(x, "\"two "):
			return "pair" // the second of "both nations"
		}
	}
	return "dictionary"
}
