package geo

import (
	"math"
	"sort"

	"github.com/flashpoint/flashpoint/internal/event"
)

// cand is a scored gazetteer candidate for a name.
type cand struct {
	ref   int32 // entry index
	alt   bool  // matched through an alternate name
	score float64
}

// Scoring weights (log10 population is the base; see docs/geo.md).
const (
	bonusCountry   = 7.0 // a country beats same-named towns and divisions
	bonusPreferred = 3.0 // a place in a preferred country
	bonusRegionCue = 4.0 // admin1 after "region", "province", ...
	malusAdmin1    = 1.0 // otherwise a city beats its same-named division
	malusAlternate = 1.0 // matched through an alternate name
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

// candidates scores every entry called key, best first.
func (g *Gazetteer) candidates(key string, ck cueKind, prefer []string) []cand {
	h, ok := g.index[key]
	if !ok {
		return nil
	}
	var cs []cand
	prefAdmin := false // a division of a preferred country has this name
	for j := h; j >= 0; j = g.next[j] {
		ref := g.refs[j]
		i := entryOf(ref)
		cs = append(cs, cand{ref: i, alt: ref < 0})
		if e := &g.entries[i]; e.kind == kAdmin1 && preferred(e.country, prefer) {
			prefAdmin = true
		}
	}
	for k := range cs {
		c := &cs[k]
		e := &g.entries[c.ref]
		s := math.Log10(float64(e.pop) + 10)
		pref := preferred(e.country, prefer)
		if pref {
			s += bonusPreferred
		}
		switch e.kind {
		case kCountry:
			// "Georgia" is the country unless the article prefers a
			// country with a division of that name and not Georgia.
			if !prefAdmin || pref {
				s += bonusCountry
			}
		case kAdmin1:
			if ck == cueRegion {
				s += bonusRegionCue
			} else {
				s -= malusAdmin1
			}
		default:
			s += fcodeBonus[e.fcode]
			if ck == cueRegion {
				s -= 2
			}
		}
		if c.alt {
			s -= malusAlternate
		}
		c.score = s
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].score != cs[b].score {
			return cs[a].score > cs[b].score
		}
		return cs[a].ref < cs[b].ref
	})
	return cs
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

// resolve turns a detected phrase into a Mention.
func (g *Gazetteer) resolve(s string, r raw, prefer []string) (Mention, bool) {
	m := Mention{Span: event.Span{Text: s[r.start:r.end], Start: r.start, End: r.end}, Cue: r.cue}
	if r.alias != nil {
		if r.alias.skip {
			return m, false
		}
		m.Place = r.alias.place
		m.Confidence = baseConfidence(r)
		return m, true
	}
	cs := g.candidates(r.key, r.kind, prefer)
	if len(cs) == 0 {
		return m, false
	}
	if (r.kind == cueVerb || r.cue == "at") && g.entries[cs[0].ref].kind == kCountry {
		return m, false // "attacked Israel", "aimed at Iran": a target actor
	}
	m.Place = g.place(cs[0].ref)
	m.Confidence = round2(baseConfidence(r) * g.decisiveness(cs))
	return m, true
}

// decisiveness is 1 for a lone candidate and falls towards 0.5 as the
// runner-up's score approaches the winner's.
func (g *Gazetteer) decisiveness(cs []cand) float64 {
	if len(cs) < 2 {
		return 1
	}
	// The runner-up is the best candidate in another country: a city and
	// its same-named division do not make a name ambiguous.
	k := 1
	for k < len(cs) && g.entries[cs[k].ref].country == g.entries[cs[0].ref].country {
		k++
	}
	if k == len(cs) {
		return 1
	}
	margin := cs[0].score - cs[k].score
	return 0.5 + 0.5*(1-math.Exp(-margin/1.5))
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
