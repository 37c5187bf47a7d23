package geo

import (
	"fmt"
	"math"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// scope is what an article says about where it takes place: the countries
// it is about and places it names without doubt. Ambiguous names are
// resolved in it ("Banjska" in an article on Kosovo is the Kosovo village,
// not the larger Bulgarian one).
type scope struct {
	// prefer lists ISO-3 codes: the event's actors' countries, the
	// article's actors' countries, the dateline's, the countries it names.
	prefer []string
	// anchors are the dateline's place and the places the article names
	// unambiguously; a candidate near one of them gains.
	anchors []anchor
	// notes say where the context came from, for Explain.
	notes []string
}

// anchor is a place an article names without doubt.
type anchor struct {
	name     string
	lat, lon float64
	cosLat   float64
	sent     int // sentence index, -1 for the dateline
	start    int // byte offset of the mention in its sentence
}

// context reports whether there is anything to judge a candidate by.
func (sc *scope) context() bool {
	return sc != nil && (len(sc.prefer) > 0 || len(sc.anchors) > 0)
}

// nearest returns the distance in km from (lat, lon) to the nearest
// anchor other than self and the anchor's index, or -1, -1 if no anchor is
// within vicinityKm.
func (sc *scope) nearest(lat, lon float64, self *anchor) (float64, int) {
	if sc == nil {
		return -1, -1
	}
	best, at := -1.0, -1
	// A degree of latitude is 111 km; a degree of longitude no more. Most
	// candidates are rejected on that, before the trigonometry.
	const maxDeg = vicinityKm / 111.0
	for i := range sc.anchors {
		a := &sc.anchors[i]
		if self != nil && a.sent == self.sent && a.start == self.start {
			continue
		}
		if math.Abs(lat-a.lat) > maxDeg || math.Abs(lon-a.lon)*a.cosLat > maxDeg && math.Abs(lon-a.lon) < 360-maxDeg {
			continue
		}
		if d := distanceKm(lat, lon, a.lat, a.lon); d <= vicinityKm && (best < 0 || d < best) {
			best, at = d, i
		}
	}
	return best, at
}

// maxAnchors bounds the anchors of an article: every candidate is measured
// against each, and a long text names the same places again and again.
const maxAnchors = 32

// addAnchor adds a place as an anchor, once, up to maxAnchors.
func (sc *scope) addAnchor(name string, lat, lon float64, sent, start int) {
	if len(sc.anchors) >= maxAnchors {
		return
	}
	for _, a := range sc.anchors {
		if a.lat == lat && a.lon == lon {
			return
		}
	}
	sc.anchors = append(sc.anchors, anchor{name: name, lat: lat, lon: lon, cosLat: math.Cos(lat * math.Pi / 180), sent: sent, start: start})
}

// addCountry adds a country to the scope once; the note --explain prints
// (why, then what: "named: ", "Kosovo") is built only when it is added,
// not for every repeated mention.
func (sc *scope) addCountry(iso3, why, what string) {
	if len(iso3) != 3 || preferred(iso3, sc.prefer) {
		return
	}
	sc.prefer = append(sc.prefer, iso3)
	if why != "" {
		sc.notes = append(sc.notes, iso3+" ("+why+what+")")
	}
}

// distanceKm is the great-circle distance.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Anchors must be unambiguous: a lone candidate or a clear winner
// (decisiveness at least anchorDecisive), and either in a country the
// article is about, or a division, or a large city; a village alone in
// some far country (a name clash) anchors nothing.
const (
	anchorDecisive = 0.9
	anchorCityPop  = 100000
)

// articleScope detects the place mentions of every sentence (returned by
// sentence position) and gathers the context of the article: its actors'
// countries (given), its dateline, the countries it names, and the places
// its sentences name without doubt. Each sentence's words are made once
// from its tokens, for both.
func (g *Gazetteer) articleScope(sents []event.Sentence, actors []string) (*scope, [][]raw) {
	sc := &scope{prefer: append([]string(nil), actors...)}
	for _, c := range actors {
		sc.notes = append(sc.notes, c+" (actor)")
	}
	if len(sents) > 0 {
		g.dateline(sc, sents[0].Text)
	}
	sentRaws := make([][]raw, len(sents))
	w := scratchPool.Get().(*scratch)
	for i := range sents {
		s := &sents[i]
		w.toks, w.keys = words(s.Text, text.SentenceTokens(s), w.toks, w.keys)
		sentRaws[i] = g.detectWords(s.Text, w)
		g.namedCountries(sc, s.Text, w)
	}
	scratchPool.Put(w)
	// Mentions are resolved in the context so far; the unambiguous ones
	// become anchors, and a division or alias names its country.
	base := &scope{prefer: sc.prefer, anchors: sc.anchors}
	for si, raws := range sentRaws {
		for _, r := range raws {
			m, cs, ok := g.resolveCands(sents[si].Text, r, base, nil)
			if !ok {
				continue
			}
			p := m.Place
			if p.Precision == PrecCountry {
				continue
			}
			isDivision := p.Precision == PrecAdmin1
			if r.alias != nil || isDivision {
				sc.addCountry(p.Country, "named: ", m.Text)
			}
			dec := decisiveness(cs)
			if r.alias == nil && (dec < anchorDecisive || !(isDivision || preferred(p.Country, base.prefer) || p.Population >= anchorCityPop)) {
				continue
			}
			if p.Lat == 0 && p.Lon == 0 {
				continue
			}
			sc.addAnchor(p.Name, p.Lat, p.Lon, si, r.start)
		}
	}
	return sc, sentRaws
}

// dateline reads a wire dateline ("BAKU, April 3 (Reuters) -", "ZVECAN,
// Kosovo (AP) —", "Kyiv, 5 March (Reuters) -") at the start of the first
// sentence: its place is an anchor and its country preferred.
func (g *Gazetteer) dateline(sc *scope, s string) {
	name, qual, ok := parseDateline(s)
	if !ok {
		return
	}
	var qualCountry string
	if qual != "" {
		if p, ok := g.Lookup(qual, sc.prefer); ok {
			qualCountry = p.Country
		}
	}
	prefer := sc.prefer
	if qualCountry != "" {
		prefer = []string{qualCountry}
	}
	p, ok := g.Lookup(name, prefer)
	if !ok || qualCountry != "" && p.Country != qualCountry {
		return
	}
	sc.addCountry(p.Country, "dateline ", name)
	if p.Precision != PrecCountry {
		sc.addAnchor(p.Name, p.Lat, p.Lon, -1, -1)
		sc.notes = append(sc.notes, fmt.Sprintf("dateline place %s (%s)", p.Name, p.Country))
	}
}

// parseDateline splits a dateline into its place and the qualifier after
// it (a country or state, "" if none); the text stage reads it.
func parseDateline(s string) (name, qual string, ok bool) {
	d, ok := text.ReadDateline(s)
	return d.Place, d.Qualifier, ok
}

// namedCountries adds the countries a sentence names anywhere ("Kosovo
// police", "Armenia's northern Tavush province"), not only where a cue
// makes them a place: a name counts when, in the context so far, it
// resolves to a country ("Georgia" in an article on the United States is
// the state and names nothing).
func (g *Gazetteer) namedCountries(sc *scope, s string, w *scratch) {
	toks := w.toks
	at := g.aliases.Load()
	for i := 0; i < len(toks); i++ {
		if !toks[i].cap {
			continue
		}
		for L := min(4, len(toks)-i); L >= 1; L-- {
			if !joinedRun(toks, i, i+L) || !toks[i+L-1].cap {
				continue
			}
			b := w.spanKey(i, i+L)
			iso3, ok := "", false
			if a := at.byKey[string(b)]; a != nil {
				iso3, ok = a.place.Country, !a.skip && a.place.Precision == PrecCountry
			} else if h, found := g.index[string(b)]; found && g.hasCountry(h) {
				if p, found := g.Lookup(string(b), sc.prefer); found && p.Precision == PrecCountry {
					iso3, ok = p.Country, true
				}
			}
			if ok {
				sc.addCountry(iso3, "named: ", s[toks[i].start:toks[i+L-1].end])
				i += L - 1
				break
			}
		}
	}
}

// hasCountry reports whether the key chain starting at h holds a country.
func (g *Gazetteer) hasCountry(h int32) bool {
	for j := h; j >= 0; j = g.next[j] {
		if g.entries[entryOf(g.refs[j])].kind == kCountry {
			return true
		}
	}
	return false
}
