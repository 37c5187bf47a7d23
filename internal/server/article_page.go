package server

import (
	"sort"

	"github.com/flashpoint/flashpoint/internal/store"
)

// segment is a run of text with the highlight classes it carries
// ("src", "tgt", "trg"); html/template escapes the text.
type segment struct {
	Text  string
	Class string
	Event string // anchor of the event the run belongs to ("" plain text)
}

// articlePage is the article view's model.
type articlePage struct {
	Article store.StoredArticle
	Body    []segment // the whole text with every event's spans marked
	Events  []eventCard
	Explain string
}

type eventCard struct {
	articleEvent
	Anchor   string
	Sentence []segment // the sentence with this event's spans
	Dyad     string
}

// span is a highlight in characters of the article text.
type span struct {
	start, end int
	class      string
	anchor     string
}

// markRuns cuts text into runs at span boundaries; where spans overlap,
// the trigger wins over the source, the source over the target.
func markRuns(text []rune, spans []span) []segment {
	rank := map[string]int{"tgt": 1, "src": 2, "trg": 3}
	cls := make([]int, len(text)) // index into spans, -1 none
	for i := range cls {
		cls[i] = -1
	}
	for k, s := range spans {
		for i := max(s.start, 0); i < min(s.end, len(text)); i++ {
			if cls[i] < 0 || rank[s.class] > rank[spans[cls[i]].class] {
				cls[i] = k
			}
		}
	}
	var out []segment
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && cls[j] == cls[i] {
			j++
		}
		seg := segment{Text: string(text[i:j])}
		if k := cls[i]; k >= 0 {
			seg.Class, seg.Event = spans[k].class, spans[k].anchor
		}
		out = append(out, seg)
		i = j
	}
	return out
}

func eventSpans(e *articleEvent, offset int, anchor string) []span {
	var out []span
	for _, x := range []struct {
		start, end int
		class      string
	}{{e.Target.Start, e.Target.End, "tgt"}, {e.Source.Start, e.Source.End, "src"}, {e.Trigger.Start, e.Trigger.End, "trg"}} {
		if x.end > x.start {
			out = append(out, span{offset + x.start, offset + x.end, x.class, anchor})
		}
	}
	return out
}

func buildArticlePage(v *articleView) articlePage {
	p := articlePage{Article: v.Article, Explain: v.ExplainSource}
	var all []span
	for i := range v.Events {
		e := &v.Events[i]
		anchor := "ev-" + e.ID
		card := eventCard{articleEvent: *e, Anchor: anchor, Dyad: e.Source.Country + "-" + e.Target.Country}
		card.Sentence = markRuns([]rune(e.Sentence), eventSpans(e, 0, anchor))
		p.Events = append(p.Events, card)
		if e.SentenceOffset >= 0 {
			all = append(all, eventSpans(e, e.SentenceOffset, anchor)...)
		}
	}
	if v.Article.HasText {
		sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })
		p.Body = markRuns([]rune(v.Article.Text), all)
	}
	return p
}
