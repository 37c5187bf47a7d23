package geo

import (
	"fmt"
	"slices"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// Annotate sets ev.Location for each event of one article (sentences as
// split by the text stage). A location is set only when the text names
// where the event happened: a place mention inside the event's clause,
// outside its actors' spans, nearest the trigger (after it preferred); or,
// failing that, the sentence's only place mention.
func (g *Gazetteer) Annotate(art event.Article, sents []event.Sentence, evs []event.Event) {
	if len(evs) == 0 {
		return
	}
	g.AnnotateDoc(art, text.DocOf(sents), evs)
}

// AnnotateDoc is Annotate on the text stage's document: it reads the
// sentences' tokens and sets the document's place layer (doc.Places) to
// every place mention it detected. An article without events is not read.
func (g *Gazetteer) AnnotateDoc(art event.Article, doc *event.Doc, evs []event.Event) {
	if len(evs) == 0 {
		return
	}
	sents := doc.Sentences
	// Countries of all the article's actors are a weaker preference than
	// the event's own; both go in the prefer list, the event's first.
	var artCountries []string
	for i := range evs {
		artCountries = addCountry(artCountries, evs[i].Source.Country)
		artCountries = addCountry(artCountries, evs[i].Target.Country)
	}
	// Every sentence's mentions, found once: the event's sentence's to
	// choose from, all of them for the article's context and the layer.
	sc, raws := g.articleScope(sents, artCountries)
	doc.Places = placeLayer(doc.Places[:0], sents, raws)
	for i := range evs {
		ev := &evs[i]
		s := ev.Sentence
		idx := -1
		if ev.SentenceIndex >= 0 && ev.SentenceIndex < len(sents) && (s == "" || sents[ev.SentenceIndex].Text == s) {
			idx = ev.SentenceIndex
			s = sents[idx].Text
		}
		var rs []raw
		var toks []text.Token
		if idx >= 0 {
			rs = raws[idx]
		} else {
			toks = text.Tokens(s)
			rs = g.detect(s, toks)
		}
		var named raw
		hasNamed := false
		if ev.PlaceSpan.End > ev.PlaceSpan.Start {
			if idx >= 0 {
				toks = text.SentenceTokens(&sents[idx])
			}
			if named, hasNamed = g.phraseName(s, toks, ev.PlaceSpan, rs); hasNamed {
				rs = append(rs[:len(rs):len(rs)], named)
			}
		}
		r, ok := pickMention(ev, s, rs)
		if !ok {
			if idx >= 0 {
				// a place the text names that no gazetteer holds is
				// reported by name, not dropped
				if loc, ok := namedPlace(ev, &sents[idx]); ok {
					ev.Location = loc
				} else {
					g.sceneOf(ev, idx, sents, raws, sc)
				}
			}
			continue
		}
		prefer := addCountry(addCountry(nil, ev.Source.Country), ev.Target.Country)
		for _, c := range sc.prefer {
			prefer = addCountry(prefer, c)
		}
		evScope := &scope{prefer: prefer, anchors: sc.anchors}
		self := &anchor{sent: idx, start: r.start}
		m, cs, ok := g.resolveCands(s, r, evScope, self)
		if !ok {
			continue
		}
		ev.Location = location(m, m.Confidence)
		if hasNamed && r == named && idx >= 0 { // the layer holds every place an event names
			doc.Places = append(doc.Places, placeMark(idx, &sents[idx], toks, r))
		}
		if len(ev.Explain) > 0 { // the coder records explain traces: add the place's
			ev.Explain = append(ev.Explain, g.placeTrace(m, r, cs, evScope))
		}
	}
}

// sceneSentences bounds how far back an event with no place of its own
// takes the place the article last put its parties in.
const sceneSentences = 3

// sceneOf gives an event whose sentence names no place the town or region
// a sentence just before it put the story in ("Protests in Belgrade
// turned violent. The protesters clashed with the police…"): the nearest
// earlier place below country level in the country of one of the event's
// parties, with lower confidence. Countries alone are not a scene.
func (g *Gazetteer) sceneOf(ev *event.Event, idx int, sents []event.Sentence, raws [][]raw, sc *scope) {
	for k := idx - 1; k >= 0 && k >= idx-sceneSentences; k-- {
		for _, r := range raws[k] {
			if r.alias != nil && r.alias.skip || r.cue == "from" {
				continue
			}
			s := sents[k].Text
			m, _, ok := g.resolveCands(s, r, &scope{prefer: addCountry(addCountry(nil, ev.Source.Country), ev.Target.Country), anchors: sc.anchors}, &anchor{sent: k, start: r.start})
			if !ok || m.Place.Precision == PrecCountry || m.Place.Country != ev.Source.Country && m.Place.Country != ev.Target.Country {
				continue
			}
			ev.Location = location(m, m.Confidence*0.7)
			if len(ev.Explain) > 0 {
				ev.Explain = append(ev.Explain, fmt.Sprintf("place %q of sentence %d, where the story last was → %s (%s)", m.Text, k, m.Place.Name, m.Place.Country))
			}
			return
		}
	}
}

// placeLayer appends the mentions detected in each sentence to a layer.
func placeLayer(layer []event.Mark, sents []event.Sentence, raws [][]raw) []event.Mark {
	n := 0
	for _, rs := range raws {
		n += len(rs)
	}
	layer = slices.Grow(layer, n)
	for si, rs := range raws {
		if len(rs) == 0 {
			continue
		}
		s := &sents[si]
		toks := text.SentenceTokens(s)
		for _, r := range rs {
			layer = append(layer, placeMark(si, s, toks, r))
		}
	}
	return layer
}

// placeMark is mention r of sentence si (tokens toks) as a layer mark.
func placeMark(si int, s *event.Sentence, toks []text.Token, r raw) event.Mark {
	first, end := text.Cover(toks, r.start, r.end)
	return event.Mark{Sent: si, First: first, End: end,
		Span: event.Span{Text: s.Text[r.start:r.end], Start: r.start, End: r.end}, Value: r.key}
}

// location is the event location of a resolved mention.
func location(m Mention, confidence float64) *event.Location {
	return &event.Location{
		Text: m.Text, Name: m.Place.Name, GeonameID: m.Place.GeonameID,
		Lat: m.Place.Lat, Lon: m.Place.Lon, Country: m.Place.Country, Admin1: m.Place.Admin1,
		Precision: m.Place.Precision, Confidence: confidence,
	}
}

// addCountry appends an ISO-3 country code once; actor codes that are not
// three letters (IGO, NGO parts) are not countries.
func addCountry(list []string, c string) []string {
	if len(c) != 3 || c[0] < 'A' || c[0] > 'Z' || preferred(c, list) {
		return list
	}
	return append(list, c)
}

func overlaps(aStart, aEnd int, s event.Span) bool {
	return s.End > s.Start && aStart < s.End && s.Start < aEnd
}

// pickMention chooses the event's place among the sentence's mentions.
func pickMention(ev *event.Event, text string, raws []raw) (raw, bool) {
	clause := ev.Clause
	if clause.End <= clause.Start || clause.End > len(text) {
		clause = event.Span{Start: 0, End: len(text)}
	}
	best, bestDist := -1, 0
	places := 0
	only := -1
	for k, r := range raws {
		if r.alias != nil && r.alias.skip {
			continue
		}
		places++
		only = k
		if r.cue == "from" {
			continue // "a response from Israel", "imports from Mexico": an origin, not the place
		}
		inPhrase := ev.PlaceSpan.End > ev.PlaceSpan.Start && r.start >= ev.PlaceSpan.Start && r.end <= ev.PlaceSpan.End
		if (overlaps(r.start, r.end, ev.Source.Span) || overlaps(r.start, r.end, ev.Target.Span)) && !whereCue[r.cue] && r.kind != cueVerb && !inPhrase {
			// an actor is not a place, unless the text says the event
			// happened in it: "arrived in Moscow", "into Gaza"
			continue
		}
		if r.start < clause.Start || r.end > clause.End {
			continue
		}
		d := distance(r, ev.Trigger)
		if r.kind == cueStrong {
			d /= 4 // "the Amhara town of Merawi": the named town is the place
		}
		if inPhrase {
			d = -1 // inside the locative phrase the parse gives the predicate
		}
		if best < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	if best >= 0 {
		return raws[best], true
	}
	// Outside the clause only the sentence's single place will do.
	if places == 1 {
		r := raws[only]
		if !overlaps(r.start, r.end, ev.Source.Span) && !overlaps(r.start, r.end, ev.Target.Span) {
			return r, true
		}
	}
	return raw{}, false
}

// distance from the trigger in bytes; places before the trigger count
// double, since news names the place after the verb ("shelled X").
func distance(r raw, trig event.Span) int {
	if trig.End <= trig.Start {
		return r.start
	}
	if r.start >= trig.End {
		return r.start - trig.End
	}
	if r.end <= trig.Start {
		return 2 * (trig.Start - r.end)
	}
	return 0
}

// whereCue lists the prepositions that make an actor's name also the
// place of the event.
var whereCue = map[string]bool{"in": true, "into": true, "across": true, "inside": true, "near": true, "at": true}
