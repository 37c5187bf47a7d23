package geo

import (
	"cmp"
	"math"
	"slices"

	"github.com/flashpoint/flashpoint/internal/event"
)

// cand is a scored gazetteer candidate for a name.
type cand struct {
	e    *entry
	ref  int32 // index in g.entries; -1 for an entry of the imported file
	alt  bool  // matched through an alternate name
	pref bool  // in a preferred country
	out  bool  // not taken (see outOfContext)
	// near is the distance in km to the nearest anchor, -1 if none is
	// within vicinityKm; nearAt is that anchor.
	near   float64
	nearAt int
	score  float64
}

// outOfContext says why a candidate is not taken: a place only the imported
// gazetteer knows, in a country the article is not about and far from its
// places, named with no more than a preposition or a verb, is more likely
// a name clash than the place.
const outOfContext = "imported place outside the article's countries and far from its places"

// Scoring weights (log10 population is the base; see docs/geo.md).
const (
	bonusCountry   = 7.0 // a country beats same-named towns and divisions
	bonusPreferred = 3.0 // a place in a preferred country
	bonusRegionCue = 4.0 // admin1 after "region", "province", ...
	bonusNear      = 2.0 // within nearKm of a place the article names
	bonusVicinity  = 1.0 // within vicinityKm of one
	malusAdmin1    = 1.0 // otherwise a city beats its same-named division
	malusAlternate = 1.0 // matched through an alternate name
	malusFeature   = 0.5 // a shoal, camp or base yields to a same-named town

	nearKm     = 100.0
	vicinityKm = 300.0
)

var fcodeBonus = map[string]float64{
	"PPLC": 2, "PPLG": 1.2, "PPLA": 1.2, "PPLA2": 0.6, "PPLA3": 0.2, "PPLX": -1.5, "PPLL": -0.5,
}

func preferred(c string, prefer []string) bool {
	for _, p := range prefer {
		if p == c {
			return true
		}
	}
	return false
}

// candidates scores every entry called key, best first, in the context sc
// (nil: none); self is the mention's own position among sc's anchors.
func (g *Gazetteer) candidates(key string, ck cueKind, sc *scope, self *anchor) []cand {
	cs := g.collect(key)
	if len(cs) == 0 {
		return nil
	}
	var prefer []string
	if sc != nil {
		prefer = sc.prefer
	}
	prefAdmin := false // a division of a preferred country has this name
	for k := range cs {
		if e := cs[k].e; e.kind == kAdmin1 && preferred(e.country, prefer) {
			prefAdmin = true
		}
	}
	weakCue := ck != cueStrong && ck != cueRegion
	for k := range cs {
		c := &cs[k]
		e := c.e
		s := math.Log10(float64(e.pop) + 10)
		c.pref = preferred(e.country, prefer)
		if c.pref {
			s += bonusPreferred
		}
		c.near, c.nearAt = -1, -1
		if e.kind != kCountry {
			c.near, c.nearAt = sc.nearest(e.lat, e.lon, self)
			switch {
			case c.near < 0:
			case c.near <= nearKm:
				s += bonusNear
			case c.near <= vicinityKm:
				s += bonusVicinity
			}
		}
		switch e.kind {
		case kCountry:
			// "Georgia" is the country unless the article prefers a
			// country with a division of that name and not Georgia.
			if !prefAdmin || c.pref {
				s += bonusCountry
			}
		case kAdmin1, kDivision:
			switch {
			case ck == cueRegion && e.kind == kAdmin1:
				s += bonusRegionCue
			case ck == cueRegion:
				s += bonusRegionCue - 1
			default:
				s -= malusAdmin1
			}
		default:
			s += fcodeBonus[e.fcode]
			if e.kind == kFeature {
				s -= malusFeature
			}
			if ck == cueRegion {
				s -= 2
			}
		}
		if c.alt {
			s -= malusAlternate
		}
		c.score = s
		// A feature of no country (a shoal in disputed waters) cannot be
		// outside the article's countries.
		if e.imported && weakCue && sc.context() && e.country != "" && !c.pref && c.near < 0 {
			c.out = true
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case (a.ref < 0) != (b.ref < 0):
			if a.ref >= 0 {
				return -1 // the embedded entry first
			}
			return 1
		case a.ref != b.ref:
			return cmp.Compare(a.ref, b.ref)
		}
		return cmp.Compare(a.e.id, b.e.id)
	})
	return cs
}

// usable keeps the candidates that may be taken, best first, in place:
// the candidates are the caller's own.
func usable(cs []cand) []cand {
	return slices.DeleteFunc(cs, func(c cand) bool { return c.out })
}

// baseConfidence is how sure the cue alone makes us that the phrase is a place.
func baseConfidence(r raw) float64 {
	switch {
	case r.alias != nil && r.kind != cueNone:
		return 0.95
	case r.alias != nil:
		return 0.85
	case r.kind == cueStrong || r.kind == cueRegion:
		return 0.95
	default:
		return 0.9
	}
}

// resolve turns a detected phrase into a Mention, in the context sc (nil:
// none); self is the phrase's position among sc's anchors.
func (g *Gazetteer) resolve(s string, r raw, sc *scope, self *anchor) (Mention, bool) {
	m, _, ok := g.resolveCands(s, r, sc, self)
	return m, ok
}

// resolveCands is resolve that also returns the usable candidates.
func (g *Gazetteer) resolveCands(s string, r raw, sc *scope, self *anchor) (Mention, []cand, bool) {
	m := Mention{Span: event.Span{Text: s[r.start:r.end], Start: r.start, End: r.end}, Cue: r.cue}
	if r.alias != nil {
		if r.alias.skip {
			return m, nil, false
		}
		m.Place = r.alias.place
		m.Confidence = baseConfidence(r)
		return m, nil, true
	}
	cs := usable(g.candidates(r.key, r.kind, sc, self))
	if len(cs) == 0 {
		return m, nil, false
	}
	if (r.kind == cueVerb || r.cue == "at") && cs[0].e.kind == kCountry {
		return m, nil, false // "attacked Israel", "aimed at Iran": a target actor
	}
	m.Place = g.placeOf(cs[0].e)
	m.Confidence = round2(baseConfidence(r) * decisiveness(cs))
	return m, cs, true
}

// decisiveness is 1 for a lone candidate and falls towards 0.5 as the
// runner-up's score approaches the winner's.
func decisiveness(cs []cand) float64 {
	if len(cs) < 2 {
		return 1
	}
	// The runner-up is the best candidate in another country: a city and
	// its same-named division do not make a name ambiguous.
	k := 1
	for k < len(cs) && cs[k].e.country == cs[0].e.country {
		k++
	}
	if k == len(cs) {
		return 1
	}
	margin := cs[0].score - cs[k].score
	return 0.5 + 0.5*(1-math.Exp(-margin/1.5))
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
