package coder

import (
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
)

// claims aims admissions, claims of responsibility and borrowed patterns
// at whom the act they are about was aimed at, and gives a claim of
// responsibility the agentless acts told before it.
func (sc *sent) claims(as []*analysis) {
	for i, a := range as {
		sc.claimTarget(a, as[i+1:])
		if a.m.p.Code == "015" && len(a.src) > 0 && strings.Contains(a.m.p.Text, "responsibility") {
			sc.claimResponsibility(a)
		}
		if a.m.p.Code == "015" && len(a.tgt) == 0 && len(a.src) > 0 {
			sc.claimPlace(a)
		}
	}
}

// claimTarget aims an admission, claim of responsibility (015) or
// borrowed pattern without a target at the first target after it.
func (sc *sent) claimTarget(a *analysis, later []*analysis) {
	if !(a.m.p.Has("claim") || a.m.p.Has("borrow") || a.m.p.Code == "015") || len(a.tgt) > 0 {
		return
	}
	for _, b := range later {
		if len(b.tgt) > 0 && !b.m.p.Has("say") {
			a.tgt = b.tgt
			return
		}
	}
}

// claimResponsibility: "The Houthi movement claimed responsibility for
// the attacks": the claimant made the attacks told before without an
// agent, on its own word, and its claim is aimed at their target.
func (sc *sent) claimResponsibility(a *analysis) {
	for _, u := range sc.d.unclaimed {
		if u.s.Index < sc.s.Index-3 {
			continue
		}
		u.src = a.src[0]
		u.src.start = -1
		u.claimedBy = claimant(a.src[0].code)
		if sc.d.c.Explain {
			u.explain = append(u.explain, "source: claimed responsibility in sentence "+strconv.Itoa(sc.s.Index)+" → "+a.src[0].code)
		}
		sc.d.evs = append(sc.d.evs, u)
		if len(a.tgt) == 0 {
			a.tgt = []ref{u.tgt}
		}
	}
	sc.d.unclaimed = sc.d.unclaimed[:0]
}

// claimPlace aims a claim of responsibility with no target ("claimed
// responsibility for the bombing in Kabul") at the country where the act
// happened.
func (sc *sent) claimPlace(a *analysis) {
	if c := sc.sentencePlace(); c != "" && c != actors.CountryOf(a.src[0].code) || c != "" && nonState(a.src[0].code) {
		a.tgt = []ref{{code: c, start: -1, context: true, explain: []string{"the place of the act claimed → " + c}}}
	}
}

// maxPerpetratorGap bounds how far (in sentences) a lone perpetrator's
// mention may stand from the attack it is taken to have made.
const maxPerpetratorGap = 6

// resolvePerpetrators gives the attacks told in the passive with no agent
// and never claimed ("the mayor was stabbed on stage") the lone
// perpetrator the article names near them ("the attacker", "the detained
// suspect"): the conventions code such a passive when the document makes
// its agent unambiguous.
func (d *doc) resolvePerpetrators() {
	p, at := d.ctx.perpetrator, d.ctx.perpetratorAt
	for _, u := range d.unclaimed {
		if p == "" || u.s.Index-at > maxPerpetratorGap || at-u.s.Index > maxPerpetratorGap || u.tgt.code == p {
			continue
		}
		u.src = ref{code: p, start: -1, context: true}
		if d.c.Explain {
			u.explain = append(u.explain, "source: the lone perpetrator the article names in sentence "+strconv.Itoa(at)+" → "+p)
		}
		d.evs = append(d.evs, u)
	}
	d.unclaimed = d.unclaimed[:0]
}
