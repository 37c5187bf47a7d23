package coder

import (
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
)

// accusationFrames codes claimed acts: an accusation's complement is coded
// with the accused as subject, on the accuser's word. It returns the frame
// each analysis belongs to (keyed by a stand-in draft) and the accusations
// that denied allegations imply, to be coded after the others.
func (sc *sent) accusationFrames(as []*analysis) (map[*analysis]*draft, []*analysis) {
	forced := map[*analysis]*draft{}
	var extra []*analysis
	for i, a := range as {
		if synth := sc.accusationFrame(a, as[i+1:], forced); synth != nil {
			extra = append(extra, synth)
		}
	}
	return forced, extra
}

// accusationFrame reshapes one accusation and the acts it claims, from
// the analyses after it, and records them in forced under one frame. For
// a denied allegation it returns the accusation the allegation stands for.
func (sc *sent) accusationFrame(a *analysis, later []*analysis, forced map[*analysis]*draft) *analysis {
	denied := a.m.p.Has("deny") && len(a.tgt) > 0 && a.m.end < len(sc.lower) && sc.lower[a.m.end] == "that"
	if !(a.m.p.Has("accuse") || denied) || a.negated || a.hypothetic {
		return nil
	}
	accusers, accused := a.src, a.tgt
	nominal := a.m.p.Has("nominal") || denied
	if a.m.p.Has("nominal") {
		accusers = sc.nominalOwner(a.m)
		accused = nil
	}
	if denied {
		// "rejected U.S. allegations that Tehran…": the allegation is an accusation by the target
		accusers, accused = a.tgt, nil
	}
	if accusers == nil {
		return nil
	}
	compEnd := sc.complementEnd(a)
	acts := sc.accusedActs(a, later, nominal, compEnd)
	a.blamedFor = !nominal && len(accused) > 0 && sc.definiteAttack(a.m.end, compEnd)
	recip := recipAccusation(a)
	for _, b := range acts {
		sc.chargeAct(b, accusers, accused, nominal, recip)
	}
	acc := &draft{accusation: true}
	var synth *analysis
	if denied {
		if synth = sc.deniedAccusation(a, acts, accusers); synth != nil {
			forced[synth] = acc
		}
	} else {
		forced[a] = acc
	}
	for _, b := range acts {
		forced[b] = acc
		if !nominal {
			b.cs, b.ce = a.m.end, max(compEnd, b.m.end)
		}
	}
	if !nominal && !denied {
		a.ce = a.m.end // the accusation's own date and place are not the act's
	}
	if a.m.p.Has("nominal") {
		sc.nominalAccused(a, acts, accusers)
	}
	if recip && len(a.src) >= 2 {
		a.tgt = nil
		for _, b := range acts {
			b.tgt = nil
			b.src = a.src
			b.pairwise = true
		}
	}
	return synth
}

// complementEnd returns where an accusation's accused act ends: the
// clause end or a comma ("of killing 500 people in March 2022, calling…").
func (sc *sent) complementEnd(a *analysis) int {
	for t := a.m.end; t < a.ce; t++ {
		if sc.lower[t] == "," && sc.groupOf(t) < 0 {
			return t
		}
	}
	return a.ce
}

// accusedActs picks, from the analyses after an accusation, the acts it
// claims.
func (sc *sent) accusedActs(a *analysis, later []*analysis, nominal bool, compEnd int) []*analysis {
	var acts []*analysis
	hasComplement := nominal || sc.complementAfter(a.m)
	for _, b := range later {
		if !hasComplement || b.m.head >= compEnd && !nominal || !nominal && b.m.head > 0 && sc.lower[b.m.head-1] == "and" && !strings.HasSuffix(sc.lower[b.m.head], "ing") {
			// "blamed Israel for the blasts and vowed retaliation": a
			// predicate joined by "and" is the accuser's own
			// "Hezbollah blamed Israel and vowed retaliation": with no
			// "of"/"for" complement the next predicate is not the accused act
			break
		}
		if b.m.p.Has("say") || b.m.p.Has("accuse") || b.m.p.Has("deny") {
			continue
		}
		acts = append(acts, b)
		if nominal || !recipAccusation(a) {
			// one accused act: "of torturing people detained since…"
			// does not also accuse of the detention
			break
		}
	}
	return acts
}

// chargeAct makes a claimed act the accused's, aimed at the victim the
// text names, else at the accusers' countries.
func (sc *sent) chargeAct(b *analysis, accusers, accused []ref, nominal, recip bool) {
	src := accused
	if src == nil || nominal {
		src = b.src
	}
	if recip {
		src = nil
	}
	b.src = src
	if len(b.tgt) == 0 || sameRefs(b.tgt, src) {
		b.tgt = nil
		for _, r := range accusers {
			c := r
			if cc, ok := sideCountry(r.code); ok {
				c.code = cc
			}
			b.tgt = append(b.tgt, c)
		}
	}
}

// deniedAccusation returns the accusation a denied allegation stands
// for, by the accusers against the act's agent, or nil if no one is
// accused.
func (sc *sent) deniedAccusation(a *analysis, acts []*analysis, accusers []ref) *analysis {
	var accusedBy []ref
	if len(acts) > 0 {
		accusedBy = acts[0].src
	} else {
		// "rejected Guyana's claim that Venezuelan soldiers had
		// crossed the border": an act with no CAMEO category, so
		// only the accusation of whoever the claim is about
		end := a.m.end + 1
		for end < len(sc.lower) && sc.lower[end] != "," && sc.lower[end] != "." && sc.lower[end] != ";" {
			end++
		}
		accusedBy = sc.rightGroup(a.m.end+1, end, accusers, false)
	}
	if len(accusedBy) == 0 {
		return nil
	}
	return &analysis{m: &match{p: accusePattern, head: a.m.end, start: a.m.end, end: a.m.end + 1, target: -1},
		cs: a.cs, ce: a.ce, src: accusers, tgt: accusedBy}
}

// nominalAccused makes a nominal accusation ("U.S. allegations") the
// accusers' against the agent of the act, or the party named after it.
func (sc *sent) nominalAccused(a *analysis, acts []*analysis, accusers []ref) {
	if len(acts) > 0 && len(acts[0].src) == 0 {
		// "accusations by Azerbaijan about Armenia's movements and the
		// concentration of forces": an act with no agent is the party's
		// the accusation is about
		if about := sc.topicActor(a.m.end, a.ce, accusers); len(about) > 0 {
			for _, b := range acts {
				b.src = about
			}
		}
	}
	if len(acts) > 0 {
		a.src, a.tgt = accusers, acts[0].src
		return
	}
	// "accusations by Azerbaijan about Armenia's movements"
	a.src, a.tgt = accusers, sc.rightGroup(a.m.end, a.ce, accusers, false)
	if len(a.tgt) > 0 && sc.byGroupStart(a.m) == a.tgt[0].start {
		a.tgt = sc.rightGroup(a.tgt[len(a.tgt)-1].end, a.ce, accusers, false)
	}
	if len(a.tgt) == 0 {
		a.tgt = sc.topicActor(a.m.end, a.ce, accusers)
	}
}

// topicActor returns the party an accusation is about ("about Armenia's
// troop movements"), which a topic preposition normally keeps from being
// a target; nil if none.
func (sc *sent) topicActor(from, ce int, accusers []ref) []ref {
	for t := from + 1; t < ce; t++ {
		if g := sc.groupAt[t]; g >= 0 && topicPreps[sc.lower[t-1]] {
			if rs := sc.refsOf(g); !sameRefs(rs, accusers) {
				return rs
			}
		}
	}
	return nil
}

// denials negates what is denied ("Rwanda denied that its troops were
// fighting…"): it is not reported as fact.
func (sc *sent) denials(as []*analysis) {
	for i, a := range as {
		if !a.m.p.Has("deny") || a.m.target >= 0 || !sc.mentions("that", a.m.end, a.m.end+4) {
			continue
		}
		for _, b := range as[i+1:] {
			if b.m.p.Has("accuse") || sc.mentions(",", a.m.end, b.m.head) {
				// "dismissed U.S. allegations that…" is the allegation
				// frame, and a comma ends the denied clause
				break
			}
			b.negated = true
		}
	}
}

// wireAccusations links each frame's accusations to the acts they claim
// and codes them by what they claim; a denial in this sentence (its
// events from firstEv on) of an accusation denies the claimed act.
func (sc *sent) wireAccusations(groups []*accusationGroup, firstEv int) {
	for _, g := range groups {
		accs := g.accs
		for _, act := range g.acts {
			for _, acc := range accs {
				if actors.CountryOf(acc.tgt.code) == actors.CountryOf(act.src.code) || len(accs) == 1 {
					act.claimedBy = claimant(acc.src.code)
					if acc.claims == nil {
						acc.claims = act
					}
				}
			}
			if act.claimedBy == "" && len(accs) > 0 {
				act.claimedBy = claimant(accs[0].src.code)
			}
		}
		for _, acc := range accs {
			acc.code = accusationCode(acc.code, acc.claims, sc)
			sc.d.ctx.accusations = append(sc.d.ctx.accusations, acc)
			for _, e := range sc.d.evs[firstEv:] {
				if e.denies == acc && acc.claims != nil {
					e.denies = acc.claims
				}
			}
		}
	}
}

// definiteAttack reports whether the accusation's complement in [from,
// to) is a definite attack noun: "for the attacks", "of the bombing".
func (sc *sent) definiteAttack(from, to int) bool {
	k := from
	if k < to && complementMarkers[sc.lower[k]] {
		k++
	}
	if k >= to || !articles[sc.lower[k]] && sc.lower[k] != "these" && sc.lower[k] != "this" {
		return false
	}
	for k++; k < to && k < len(sc.lower); k++ {
		if attackNouns[sc.lower[k]] {
			return true
		}
		if !isLowerWord(sc.toks[k].Text) {
			return false
		}
	}
	return false
}

// maxBlamedGap bounds how many sentences back an attack "the attacks" refers to.
const maxBlamedGap = 20

// blamedAttack returns, for an accusation of an attack told before ("blamed
// Iran for the attacks"), that attack as the accused's act on the
// accuser's word, or nil when the article told none.
func (sc *sent) blamedAttack(a *analysis) *draft {
	if n := len(sc.d.unclaimed); n > 0 {
		// an attack told with no agent: the accused's on the accuser's word
		e := sc.d.unclaimed[n-1]
		sc.d.unclaimed = sc.d.unclaimed[:n-1]
		act := sc.newDraft(a.tgt[0], e.tgt, e.code, a)
		if sc.d.c.Explain {
			act.explain = append(act.explain, "the agentless attack of sentence "+strconv.Itoa(e.s.Index)+", blamed on "+a.tgt[0].code)
		}
		return act
	}
	for i := len(sc.d.evs) - 1; i >= 0; i-- {
		e := sc.d.evs[i]
		if e.s.Index < sc.s.Index-maxBlamedGap {
			break
		}
		if e.s.Index == sc.s.Index || !violent(e.code) || e.accusation {
			continue
		}
		act := sc.newDraft(a.tgt[0], e.tgt, e.code, a)
		if sc.d.c.Explain {
			act.explain = append(act.explain, "the attack of sentence "+strconv.Itoa(e.s.Index)+", blamed on "+a.tgt[0].code)
		}
		return act
	}
	return nil
}
