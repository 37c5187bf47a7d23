package server

import (
	"context"
	"net/http"
	"sort"

	"github.com/flashpoint/flashpoint/internal/store"
)

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL); p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	id := r.PathValue("id")
	b, err := s.cachedView(r.Context(), "page\x00"+id, func() ([]byte, error) {
		v, err := s.loadArticle(r.Context(), id, true)
		if err != nil {
			return nil, err
		}
		title := v.Article.Title
		if title == "" {
			title = v.Article.ID
		}
		p := buildArticlePage(v)
		if p.OriginalTitle, err = s.articleTitle(r.Context(), v.Article.DuplicateOf); err != nil {
			return nil, err
		}
		return s.renderBytes("article", title, p)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, b)
}

// articleTitle is an article's title, or its id when it has none ("" for "").
func (s *Server) articleTitle(ctx context.Context, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	t, err := s.cfg.Store.ArticleTitles(ctx, []string{id})
	if t[id] == "" {
		return id, err
	}
	return t[id], err
}

// segment is a run of text with the highlight classes it carries
// ("src", "tgt", "trg"); html/template escapes the text.
type segment struct {
	Text  string
	Class string
	Event string // anchor of the event the run belongs to ("" plain text)
}

// articlePage is the article view's model.
type articlePage struct {
	Article       store.StoredArticle
	OriginalTitle string    // the title of the article this one is a wire copy of
	Body          []segment // the whole text with every event's spans marked
	Events        []eventCard
	Explain       string
}

type eventCard struct {
	articleEvent
	Anchor       string
	Sentence     []segment // the sentence with this event's spans
	Dyad         string
	ArticleTitle string // set where the card stands outside its article (the incident page)
}

func newEventCard(e *articleEvent) eventCard {
	anchor := "ev-" + e.ID
	c := eventCard{articleEvent: *e, Anchor: anchor, Dyad: e.Source.Country + "-" + e.Target.Country}
	c.Sentence = markRuns([]rune(e.Sentence), eventSpans(e, 0, anchor))
	return c
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
		card := newEventCard(e)
		p.Events = append(p.Events, card)
		if e.SentenceOffset >= 0 {
			all = append(all, eventSpans(e, e.SentenceOffset, card.Anchor)...)
		}
	}
	if v.Article.HasText {
		sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })
		p.Body = markRuns([]rune(v.Article.Text), all)
	}
	return p
}
