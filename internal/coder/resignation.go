package coder

import (
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
)

// leadershipDemands are the codes of acts that demand a leader go: appeals
// (0241) and demands (1041) for a change of leadership, and protests
// (1411) with that aim.
var leadershipDemands = []string{"0241", "1041", "1411"}

// resolveResignations gives the resignations told before any demand for
// them the source of the first such demand the article makes later; the
// others are no events.
func (d *doc) resolveResignations() {
	for _, r := range d.resignations {
		for _, e := range d.evs {
			if e.s.Index <= r.s.Index || !demandsGoing(e, r.src.code) {
				continue
			}
			r.tgt = e.src
			r.tgt.start = -1
			d.evs = append(d.evs, r)
			break
		}
	}
	d.resignations = d.resignations[:0]
}

// demandsGoing reports whether e is someone else's appeal, demand or
// protest for a change of leadership in leaver's country.
func demandsGoing(e *draft, leaver string) bool {
	if actors.CountryOf(e.tgt.code) != actors.CountryOf(leaver) || e.src.code == leaver {
		return false
	}
	for _, c := range leadershipDemands {
		if strings.HasPrefix(e.code, c) {
			return true
		}
	}
	return false
}

// demanders returns who demanded, earlier in the article, that the source
// of a resignation go: the sources of appeals, demands and protests for a
// change of leadership aimed at the source's country; nil if none.
func (sc *sent) demanders(a *analysis) []ref {
	if len(a.src) == 0 {
		return nil
	}
	for i := len(sc.d.evs) - 1; i >= 0; i-- {
		if e := sc.d.evs[i]; demandsGoing(e, a.src[0].code) {
			r := e.src
			r.start = -1
			r.explain = append(r.explain[:len(r.explain):len(r.explain)], "who demanded the resignation in sentence "+strconv.Itoa(e.s.Index))
			return []ref{r}
		}
	}
	return nil
}
