package geo

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// PrecNamed is the precision of a place the text names ("the village of
// Sotk") that no gazetteer holds: reported by name, with the country the
// event's participants give, never dropped.
const PrecNamed = "named"

// namedPlace finds, in the event's clause, a place the text introduces by
// its kind ("the village of Sotk", "the town of Kafr Qaddum") but that no
// gazetteer resolved, and reports it by name in the country of the event's
// target (else its source): ok is false when there is none or no country.
func namedPlace(ev *event.Event, s *event.Sentence) (*event.Location, bool) {
	country := ""
	for _, c := range []string{ev.Target.Country, ev.Source.Country} {
		if len(c) == 3 && c != "IGO" && c != "NGO" && c != "IMG" {
			country = c
			break
		}
	}
	if country == "" {
		return nil, false
	}
	toks := text.SentenceTokens(s)
	clause := ev.Clause
	if clause.End <= clause.Start {
		clause = event.Span{Start: 0, End: len(s.Text)}
	}
	lower := func(i int) string { return strings.ToLower(toks[i].Text) }
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Start < clause.Start || toks[i].End > clause.End {
			continue
		}
		var first int
		switch {
		case ofHeads[lower(i)] && lower(i+1) == "of":
			first = i + 2 // "the village of Sotk"
		case nameHeads[lower(i)]:
			first = i + 1 // "the village Sotk"
		default:
			continue
		}
		last := first
		for last < len(toks) && last-first < 4 && isName(toks[last].Text) {
			last++
		}
		if last == first {
			continue
		}
		span := event.Span{Text: s.Text[toks[first].Start:toks[last-1].End], Start: toks[first].Start, End: toks[last-1].End}
		if overlaps(span.Start, span.End, ev.Source.Span) || overlaps(span.Start, span.End, ev.Target.Span) {
			continue
		}
		return &event.Location{Text: span.Text, Name: span.Text, Country: country, Precision: PrecNamed, Confidence: 0.3}, true
	}
	return nil, false
}

// isName reports whether a token is a capitalised word.
func isName(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
