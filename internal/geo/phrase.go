package geo

import (
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// phraseName makes a mention of the place phrase the coder gives an event
// (s is its sentence, toks the sentence's tokens) when detection found
// none inside it: a gazetteer name with no cue word
// ("Kharkiv was shelled") is no mention on its own, but the parse says the
// force fell on it. It counts as a verb cue, so a bare country is refused
// as a target actor, not a place.
func (g *Gazetteer) phraseName(s string, toks []text.Token, span event.Span, rs []raw) (raw, bool) {
	if span.End <= span.Start || span.End > len(s) {
		return raw{}, false
	}
	for _, r := range rs {
		if r.start >= span.Start && r.end <= span.End {
			return raw{}, false
		}
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.toks, sc.keys = words(s, toks, sc.toks, sc.keys)
	i, j := -1, -1
	for k, t := range sc.toks {
		if t.start >= span.Start && t.end <= span.End {
			if i < 0 {
				i = k
			}
			j = k + 1
		}
	}
	if i < 0 || !sc.toks[i].cap {
		return raw{}, false
	}
	key := sc.spanKey(i, j)
	if !g.hasKey(key) {
		return raw{}, false
	}
	return raw{start: sc.toks[i].start, end: sc.toks[j-1].end, key: string(key), cue: "target", kind: cueVerb}, true
}
