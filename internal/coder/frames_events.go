package coder

import (
	"slices"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
)

// analyseAll analyses each match in the light of those before it.
func (sc *sent) analyseAll() []*analysis {
	as := sc.analyseMatches()
	if kept := confirmed(sc.matches, as); len(kept) < len(sc.matches) {
		// an imported match the tree does not confirm must not shape the
		// analysis of the others (their subjects, objects and clauses)
		sc.matches = kept
		as = sc.analyseMatches()
	}
	return as
}

func (sc *sent) analyseMatches() []*analysis {
	var as []*analysis
	for _, m := range sc.matches {
		as = append(as, sc.analyse(m, as))
	}
	return as
}

// speakers returns the subjects of the sentence's speech verbs.
func (sc *sent) speakers(as []*analysis) []ref {
	var out []ref
	for _, a := range as {
		if sc.speechVerb(a.m) && a.src != nil {
			out = append(out, a.src...)
		}
	}
	return out
}

// accusationGroup holds the drafts of one accusation frame: the
// accusations and the acts they claim.
type accusationGroup struct {
	accs, acts []*draft
	blamed     *analysis // an accusation of an attack told before, if any
}

// events turns each analysis that is an event into drafts, reported by
// the sentence's speakers, and returns the drafts of each accusation
// frame for wiring.
func (sc *sent) events(as []*analysis, forced map[*analysis]*draft) []*accusationGroup {
	speakers := sc.speakers(as)
	first := len(sc.d.evs)
	var groups []*accusationGroup
	byAcc := map[*draft]*accusationGroup{}
	for _, a := range as {
		if !sc.isEvent(a, as) {
			continue
		}
		ds := sc.drafts(a, as)
		if key, ok := forced[a]; ok {
			g := byAcc[key]
			if g == nil {
				g = &accusationGroup{}
				byAcc[key] = g
				groups = append(groups, g)
			}
			if a.m.p.Has("accuse") {
				for _, d := range ds {
					d.accusation = true
				}
				g.accs = append(g.accs, ds...)
				if a.blamedFor && len(ds) > 0 {
					g.blamed = a
				}
			} else {
				g.acts = append(g.acts, ds...)
			}
		}
		reportBy(ds, speakers)
		sc.d.evs = append(sc.d.evs, ds...)
		if a.src != nil {
			sc.d.ctx.lastSubject = codes(a.src)
		}
	}
	// after all of the sentence's acts: "a man has been arrested after
	// the mayor was stabbed" tells the arrest first
	sc.notePerpetrator(sc.d.evs[first:])
	for _, g := range groups {
		// "blamed Iran for the attacks": no act of this sentence is
		// claimed, the attack told before is
		if g.blamed != nil && len(g.acts) == 0 {
			if act := sc.blamedAttack(g.blamed); act != nil {
				g.acts = append(g.acts, act)
				sc.d.evs = append(sc.d.evs, act)
			}
		}
	}
	return groups
}

// isEvent reports whether an analysis is coded as an event of its own.
func (sc *sent) isEvent(a *analysis, as []*analysis) bool {
	if a.m.p.Has("say") || a.m.p.Has("noevent") || a.negated || a.unconfirmed || a.hypothetic && !a.m.p.Has("threat") {
		return false
	}
	if slices.Contains(sc.ownedOps, a.m.head) {
		return false // the operation an earlier act was done in
	}
	if prep := sc.nominalPrep(a.m.head, a.m.p.Nominal && !strings.HasSuffix(sc.lower[a.m.head], "ing")); prep != "" &&
		!a.m.p.Has("accuse") && !prepositions[sc.lower[a.m.start]] && (reasonPreps[prep] || sc.otherEventIn(a, as)) {
		// a noun that gives the reason or object of something else
		// ("in retaliation for the attack"), or only qualifies another
		// event of its clause, is not an event
		return false
	}
	if (a.m.p.Has("control") || sc.controlVerb(a)) && sc.controlsCoded(a, as) {
		// "agreed to release the prisoners": the act agreed to is
		// the event (as an intent), not the agreeing
		return false
	}
	// "condemned the strike": the strike is what is condemned
	return a.cancelled || !sc.objectOfAnother(a, as)
}

// reportBy marks the drafts a speaker of another side reports: another
// country, or in a civil war the other side.
func reportBy(ds []*draft, speakers []ref) {
	for _, d := range ds {
		for _, sp := range speakers {
			if claimant(sp.code) != claimant(d.src.code) {
				d.reportedBy = claimant(sp.code)
			}
		}
	}
}

// noteSubject keeps the sentence's subject for the next sentence's
// pronouns: the main clause's, else the last analysis's.
func (sc *sent) noteSubject(as []*analysis) {
	// with a parse, the subject of the main clause: of the predicates
	// whose source the text names (not "the protesters who were
	// arrested", whose police nobody named), the one nearest the root
	if t := sc.tree; t != nil {
		best, bestDepth := -1, 0
		for i, a := range as {
			if len(a.src) == 0 || a.src[0].start < 0 {
				continue
			}
			if d := t.depth(t.word(a.m.head)); best < 0 || d <= bestDepth {
				best, bestDepth = i, d
			}
		}
		if best >= 0 {
			sc.d.ctx.lastSubject = codes(as[best].src)
			return
		}
	}
	if len(as) > 0 && as[len(as)-1].src != nil {
		sc.d.ctx.lastSubject = codes(as[len(as)-1].src)
	}
}

// notePerpetrator takes the private person an arrest detains, when the
// article told an attack with no agent, as its perpetrator: "the shooter
// of Fico = the man detained at the scene" (the gold conventions).
func (sc *sent) notePerpetrator(ds []*draft) {
	ctx := &sc.d.ctx
	if ctx.perpetrator != "" || len(sc.d.unclaimed) == 0 {
		return
	}
	for _, d := range ds {
		if strings.HasPrefix(d.code, "173") && actors.RoleOf(d.tgt.code) == "CVL" {
			ctx.perpetrator, ctx.perpetratorAt = d.tgt.code, sc.s.Index
			return
		}
	}
}
