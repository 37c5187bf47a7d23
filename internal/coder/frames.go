package coder

import (
	"slices"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// draft is an event before dates, places and ids are added.
type draft struct {
	src, tgt   ref
	code       string
	s          event.Sentence
	toks       []tokSpan
	head       int
	cs, ce     int
	claimedBy  string
	accusation bool
	claims     *draft // for an accusation: the act it claims
	denies     *draft
	reportedBy string
	explain    []string
	mergedInto *draft
	confidence float64
	place      tokSpan // the tree's locative phrase of the predicate; end 0 if none
}

type tokSpan struct{ start, end int }

// code codes the sentence: a pipeline of steps over the analyses of its
// matches, each reshaping them, and last their events.
func (sc *sent) code() {
	// speakers report events; they are not their targets
	sc.markSpeakers()
	// events before this sentence cannot point at its accusations
	firstEv := len(sc.d.evs)
	// each match's parties and clause; imported patterns only as the tree confirms them
	as := sc.analyseAll()
	// what the text does not state as done is not coded as done
	sc.treeModality(as)
	// what an appeal asks for is its content, not the appealer's act
	sc.appealContents(as)
	// a direct quote's events are the speaker's named after it
	sc.quotes(as)
	// claimed acts are the accused's, on the accuser's word; a denied
	// allegation stands for an accusation of its own
	forced, denied := sc.accusationFrames(as)
	as = append(as, denied...)
	// what is denied is not reported as fact
	sc.denials(as)
	// claims aim at the act's target; a claim of responsibility names the agent
	sc.claims(as)
	// the events, by analysis; accusation frames are gathered for wiring
	groups := sc.events(as, forced)
	// an accusation points at the act it claims, and takes its code from it
	sc.wireAccusations(groups, firstEv)
	// the last subject stands for the next sentence's pronouns
	sc.noteSubject(as)
}

func codes(rs []ref) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.code)
	}
	return out
}

func sameRefs(a, b []ref) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i].code != b[i].code {
			return false
		}
	}
	return true
}

// nominalOwner finds who makes a nominal accusation: "U.S. allegations",
// "Azerbaijan's accusations", "accusations by Azerbaijan".
func (sc *sent) nominalOwner(m *match) []ref {
	t := m.head - 1
	for t >= 0 && (sc.lower[t] == "'s" || sc.lower[t] == "’s" || adjectiveLike(sc.lower[t])) {
		t--
	}
	if t >= 0 && sc.refAt[t] >= 0 {
		return []ref{sc.refs[sc.refAt[t]]}
	}
	return sc.byGroup(&match{end: m.head + 1})
}

// inRole gives the sources named only by their country the role a
// pattern's as= flag names ("appeared in court in New Zealand": NZLJUD).
func inRole(src []ref, role string) []ref {
	out := make([]ref, len(src))
	for i, r := range src {
		if c := actors.ParseCode(r.code); c.State() && c.Role == "" {
			r.code = c.Country + role
			r.explain = append(slices.Clip(r.explain), "the pattern's role as="+role+" → "+r.code)
		}
		out[i] = r
	}
	return out
}

// forRole returns the pattern of a by= match that holds for its source:
// the match's own, else one of the same words for another role, else nil.
func (sc *sent) forRole(a *analysis) *verbs.Pattern {
	if len(a.src) == 0 {
		return nil
	}
	c := actors.ParseCode(a.src[0].code)
	for _, p := range append([]*verbs.Pattern{a.m.p}, a.m.forRoles...) {
		if c.HasRole(p.By) {
			return p
		}
	}
	return nil
}

func adjectiveLike(w string) bool {
	return w == "new" || w == "recent" || w == "fresh" || w == "repeated" || w == "latest"
}

// drafts turns one analysed match into events.
func (sc *sent) drafts(a *analysis, all []*analysis) []*draft {
	p := a.m.p
	if len(p.By) > 0 {
		if p = sc.forRole(a); p == nil {
			return nil // "by=MIL": "the president left Iraq" is no withdrawal
		}
		a.m.p = p // the role decides which of the same words' patterns fired
	}
	code := p.Code
	if p.As != "" {
		a.src = inRole(a.src, p.As)
	}
	if len(a.demandedBy) > 0 {
		// "Russia said Sudan must return the helicopter": Russia's demand on Sudan
		var out []*draft
		for _, s := range a.demandedBy {
			for _, t := range a.obliged {
				d := sc.newDraft(s, t, demanded.of(code), a)
				if sc.d.c.Explain {
					d.explain = append(d.explain, demanded.explainLine(d.code))
				}
				out = append(out, d)
			}
		}
		return out
	}
	if a.future && !p.Has("threat") && (a.announced || cooperative(code)) {
		// "will deliver" is an intent; "will strike" a threat, but
		// "deployed warships to practise a blockade" is neither
		code = intentCode(code)
	}
	if verbs.Root(code) == "14" && p.Has("notarget") && len(a.src) > 0 && stateActor(a.src[0].code) {
		// "Vietnam protested Chinese activity": a government's protest is
		// an official complaint against the party named
		code = "114"
		if len(a.tgt) == 0 {
			a.tgt = sc.rightGroup(a.m.end, a.ce, a.src, violent(a.m.p.Code))
			if len(a.tgt) == 0 {
				// "Vietnam protested Chinese activity": the adjective names the target
				for t := a.m.end; t < a.ce && t < a.m.end+4; t++ {
					if r := sc.refAt[t]; r >= 0 {
						a.tgt = []ref{sc.refs[r]}
						break
					}
				}
			}
		}
	}
	if c := a.content; c != nil && (code == "020" || code == "100") {
		// "called on NATO to supply air defences": what is asked for
		// refines the appeal (0232) or the demand (1032)
		if code == "020" {
			code = appealed.of(c.m.p.Code)
		} else if r := demanded.of(c.m.p.Code); r != "100" {
			code = r
		}
	}
	switch {
	case a.cancelled:
		code = cancelled.of(p.Code)
	case a.refused:
		code = refused.of(p.Code)
	case a.halted:
		// "suspended military cooperation with Peru": a reduction of
		// relations by the side that stops it
		code = halted.of(code)
	case a.prepared:
		code = prepared.of(code)
	}
	if a.conditioned && !a.refused && !cooperative(code) {
		// "will withdraw its force unless…", "threatened to suspend
		// trade": a threat of the act
		code = threatened.of(code)
	}
	code = sc.refine(code, a)
	if len(a.src) == 0 {
		a.src = sc.implicitAgent(a, code)
	}
	selfClaimed := false // "in an attack claimed by a militant group"
	if len(a.src) == 0 && violent(code) {
		a.src, selfClaimed = sc.attributedAgent(a)
	}
	recip := p.Has("recip") && !a.halted && !a.refused
	pairs := [][2]ref{}
	ownerClaimant := "" // who says whose operation an agentless act was
	switch {
	case p.Has("deny"):
		return sc.denial(a, all)
	case p.Has("mediate") || a.agentive && verbs.Root(code) == "04":
		for _, party := range sc.parties(a) {
			for _, s := range a.src {
				pairs = append(pairs, [2]ref{s, party})
			}
		}
		if strings.HasPrefix(a.m.p.Text, "host") && !sc.mentions("talks", 0, a.m.end) && !sc.mentions("negotiations", 0, a.m.end) {
			var out []*draft
			for _, pr := range pairs {
				out = append(out, sc.newDraft(pr[0], pr[1], "043", a), sc.newDraft(pr[1], pr[0], "042", a))
			}
			return out
		}
	case len(a.src) >= 2 && ((len(a.tgt) == 0 || ownUnits(a.tgt, a.src)) && (p.Has("accuse") || cooperative(code) || a.refused && cooperative(p.Code) || code == "196") || recip && !sc.between(a) || a.pairwise):
		// "A and B agreed", "A and B failed to agree", "A and B violated
		// the ceasefire": towards each other
		for _, s := range a.src {
			for _, t := range a.src {
				if s.code != t.code {
					pairs = append(pairs, [2]ref{s, t})
				}
			}
		}
	case len(a.tgt) >= 2 && a.m.head > 0 && sc.between(a) && (len(a.src) == 0 || recip):
		for _, s := range a.tgt {
			for _, t := range a.tgt {
				if s.code != t.code {
					pairs = append(pairs, [2]ref{s, t})
				}
			}
		}
	default:
		tgt := a.tgt
		if strings.HasPrefix(code, "173") {
			// "arrests were made in Australia, Brazil…": where people are
			// arrested is no one arrested
			tgt = sc.notPlaces(tgt)
		}
		if len(tgt) > 0 && len(a.src) > 0 && sameRefs(tgt, a.src[:1]) {
			if p.Imported && a.treeTgt {
				// "bin Laden founded al-Qaeda": the tree's object is the
				// source itself, and a borrowed pattern has no other party
				return nil
			}
			tgt = nil // the object found is the source itself: look further
		}
		if len(tgt) == 0 && p.Has("undergo") {
			// "Mahan has been the subject of US sanctions": the one that
			// undergoes the act is the sentence's own subject or no one;
			// a place undergoes force as its country ("Abqaiq was the
			// target of an Al-Qaeda attack", "the camp was the target of
			// an Israeli operation" after its raid was told)
			if tgt = sc.undergoingPlace(a, code); len(tgt) == 0 {
				return nil
			}
		}
		if r := verbs.Root(code); (r == "09" || r == "11") && !p.Has("accuse") && len(a.src) > 0 {
			// "investigating war crimes by Croatian extremists against
			// Serb civilians", "condemned the killing of civilians by
			// Israeli troops": who is investigated or condemned is the
			// act's agent, not its victims
			if by := sc.byAfter(a.m.head+1, a.ce); len(by) > 0 && !sameRefs(by, a.src) {
				tgt = by
			}
		}
		if r := verbs.Root(code); len(a.src) > 0 && (r == "15" && len(tgt) > 0 && actors.CountryOf(tgt[0].code) == actors.CountryOf(a.src[0].code) ||
			r == "14" && len(tgt) == 0 && p.Has("notarget")) {
			// "mobilized army reservists for a war against Iraq",
			// "blocked a road to show their disapproval of the United
			// States' policies": one's own forces are no target, and a
			// protest's target is the foreign party the sentence names
			tgt = sc.foreignAfter(a)
		}
		if len(tgt) == 0 && verbs.Root(code) == "14" {
			tgt = sc.opposed(a.m.head) // "anti-American rallies": against the United States
		}
		if len(tgt) == 0 && verbs.Root(code) == "10" && a.treeSrc && petitioners[actors.RoleOf(a.src[0].code)] && stateActor(actors.CountryOf(a.src[0].code)) {
			// "protesters demanded the release of…": people and the
			// opposition who name no addressee demand it of their
			// government (when the tree says they are the subject)
			c := actors.CountryOf(a.src[0].code) + "GOV"
			tgt = []ref{{code: c, start: -1, context: true, explain: []string{"a demand with no addressee, of the demanders' government → " + c}}}
		}
		if len(tgt) == 0 && p.Has("notarget") && (verbs.Root(code) == "14" || code == "180" || code == "082") && len(a.src) > 0 {
			// protests and coups with no target are aimed at the
			// government, and so is calling a protest off
			tgt = []ref{{code: actors.CountryOf(a.src[0].code) + "GOV", start: -1}}
		}
		if len(tgt) == 0 && (verbs.Root(code) == "07" || strings.HasPrefix(code, "162")) {
			// "suspended aid deliveries in Baghdad": where aid goes is
			// whom it is for
			tgt = sc.placeAfter(a, "in", "to")
		}
		if strings.HasPrefix(code, "0874") && len(a.src) > 0 && (len(tgt) == 0 || actors.CountryOf(tgt[0].code) == actors.CountryOf(a.src[0].code)) {
			// "withdrew troops from Kherson": one's own troops are no
			// target; the place they leave is
			if c := sc.placeFrom(a); c != "" && c != actors.CountryOf(a.src[0].code) {
				tgt = []ref{{code: c, start: -1, context: true, explain: []string{"the place withdrawn from → " + c}}}
			}
		}
		if len(tgt) == 0 && strings.HasPrefix(code, "0831") {
			// "the governor announced his resignation": a concession to
			// whoever demanded it earlier in the article, else no event
			if tgt = sc.demanders(a); len(tgt) == 0 {
				// the demand may come later in the article
				if len(a.src) > 0 && len(sc.d.resignations) < maxUnclaimed {
					sc.d.resignations = append(sc.d.resignations, sc.newDraft(a.src[0], ref{start: -1}, code, a))
				}
				return nil
			}
		}
		if len(tgt) == 0 && strings.HasPrefix(code, "1712") {
			// "blew up power lines near Kabul": property is the country's
			// where it stands
			if c := sc.sentencePlace(); c != "" {
				tgt = []ref{{code: c, start: -1, context: true, explain: []string{"property in a place of " + c + " → " + c}}}
			}
		}
		if len(tgt) == 0 && (a.refused || verbs.Root(code) == "12") {
			// "declined to resign despite pressure by the commission":
			// the refusal answers whoever presses
			tgt = sc.pressedBy(a)
		}
		if w := sc.lower[a.m.head]; len(tgt) == 0 && a.passive && !killWords[w] && !woundWords[w] {
			// "the village of Dapchi was attacked by Boko Haram": a place
			// that underwent force is its country (people, not places,
			// are killed or wounded: "Hamza was killed" names no town)
			tgt = sc.undergoingPlace(a, code)
		}
		if len(tgt) == 0 {
			// (a meeting's partner, and the party of a statement, appeal,
			// intent or cooperation (01–06), is named in its own sentence:
			// "the G7 was scheduled to meet" meets no one named before)
			tgt = sc.otherParty(a, recip || verbs.Root(code) < "07")
		}
		if len(tgt) == 0 && len(a.src) > 0 && (verbs.Root(code) == "09" || verbs.Root(code) == "11") {
			// "an investigation into killings by the RSF": the agent is the one investigated
			tgt = sc.laterBy(a)
		}
		if len(tgt) == 0 && len(a.src) > 0 {
			// "Pakistan said Indian troops had violated the ceasefire": the
			// reporting side is the one the act was aimed at
			tgt = sc.speakerOtherThan(a.src[0].code)
		}
		if len(tgt) == 0 && len(a.src) > 0 && nationWide(code) && stateActor(a.src[0].code) {
			// "declared a state of emergency": nation-wide measures target
			// the country, each source's own ("Algeria and Morocco banned…")
			for _, s := range a.src {
				if stateActor(s.code) {
					pairs = append(pairs, [2]ref{s, {code: actors.CountryOf(s.code), start: -1}})
				}
			}
		}
		if len(a.src) == 0 && a.passive && violent(code) {
			// "was killed in a US counter-terrorism operation": the
			// operation's owner is the agent; "in what the group said
			// was an Israeli strike", on the group's word
			a.src, ownerClaimant = sc.operationOwner(a)
		}
		if len(a.src) == 0 && (a.passive || sc.subjectAttackKind(a) != "") && violent(code) && !a.future && !a.negated && !a.hypothetic && len(sc.d.unclaimed) < maxUnclaimed {
			// (an attack that is the subject, "a suicide bombing killed
			// 20 soldiers", names no agent either)
			for _, t := range tgt {
				sc.d.unclaimed = append(sc.d.unclaimed, sc.newDraft(ref{start: -1}, t, code, a))
			}
		}
		for _, s := range a.src {
			for _, t := range tgt {
				pairs = append(pairs, [2]ref{s, t})
				if recip && !a.future {
					// "ready to meet Putin" is one side's intent
					pairs = append(pairs, [2]ref{t, s})
				}
			}
		}
	}
	var out []*draft
	for _, pr := range pairs {
		c := sc.partiesCode(code, pr[0], pr[1])
		if c == "" {
			continue
		}
		d := sc.newDraft(pr[0], pr[1], c, a)
		if ownerClaimant != "" && ownerClaimant != claimant(pr[0].code) {
			d.claimedBy = ownerClaimant
		}
		out = append(out, d)
		if selfClaimed {
			// the claim of responsibility is an event of its own
			d.claimedBy = claimant(pr[0].code)
			out = append(out, sc.newDraft(pr[0], pr[1], "015", a))
		}
		if p.Has("visit") && !a.future {
			// a planned visit has no host yet
			out = append(out, sc.newDraft(pr[1], pr[0], "043", a))
		}
	}
	return out
}

func codeWords(p *verbs.Pattern) []string { return strings.Fields(p.Text) }

func (sc *sent) mentions(w string, from, to int) bool {
	for t := from; t < to && t < len(sc.lower); t++ {
		if sc.lower[t] == w {
			return true
		}
	}
	return false
}

func (sc *sent) between(a *analysis) bool {
	if len(a.tgt) == 0 {
		return false
	}
	t := a.tgt[0].start
	return t > 0 && sc.lower[t-1] == "between"
}

// parties of a mediated or hosted event: the sentence's main subject
// group, else the actors of the sentence before.
func (sc *sent) parties(a *analysis) []ref {
	if len(a.tgt) >= 2 {
		return a.tgt // "hosted talks between U.S. and Russian officials"
	}
	var out []ref
	for gi, g := range sc.groups {
		rs := sc.refsOf(gi)
		if sameRefs(rs, a.src) || g.start >= a.m.head {
			continue
		}
		out = append(out, rs...)
		if len(out) >= 2 {
			break
		}
	}
	if len(out) < 2 {
		if last := sc.d.lastPair(); last != nil {
			out = last
		}
	}
	return out
}

// operationOwner returns the actor named as the owner of the operation a
// passive act happened in ("in a US counter-terrorism operation", "in an
// Israeli airstrike"), or nil.
func (sc *sent) operationOwner(a *analysis) (owner []ref, claimedBy string) {
	for t := a.m.end; t+2 < a.ce && t < len(sc.lower); t++ {
		if sc.lower[t] != "in" {
			continue
		}
		d := t + 1
		if sc.lower[d] == "what" {
			// "in what the group said was an Israeli strike", "in
			// what Hezbollah described as…": the speaker claims whose
			// operation it was
			for d++; d < a.ce && d < t+9 && !beForms[sc.lower[d]] && sc.lower[d] != "as"; d++ {
				if r := sc.refAt[d]; r >= 0 && claimedBy == "" {
					claimedBy = claimant(sc.refs[r].code)
				}
			}
			if d >= a.ce || d+2 >= len(sc.lower) {
				return nil, ""
			}
			d++
		}
		if !determiners[sc.lower[d]] {
			continue
		}
		r := sc.refAt[d+1]
		if r < 0 || sc.refs[r].context {
			return nil, ""
		}
		for k := sc.refs[r].end; k < a.ce && k <= sc.refs[r].end+2; k++ {
			if operationNouns[sc.lower[k]] {
				x := sc.refs[r]
				x.explain = append(x.explain[:len(x.explain):len(x.explain)], "owner of the operation → agent")
				sc.ownedOps = append(sc.ownedOps, k)
				return []ref{x}, claimedBy
			}
		}
		return nil, ""
	}
	return nil, ""
}

// opposed returns the actor an "anti-" compound right before the trigger
// names ("anti-American rallies", "anti-government protests"): what the
// protest is against.
func (sc *sent) opposed(head int) []ref {
	k := head - 1
	if k < 2 || sc.refAt[k] < 0 {
		return nil
	}
	r := sc.refs[sc.refAt[k]]
	if r.start < 2 || sc.lower[r.start-1] != "-" || !oppositions[sc.lower[r.start-2]] {
		return nil
	}
	return []ref{r}
}

// attackedPlace returns, for force against a town or region ("shelled
// the city of Kharkiv", "Abqaiq was the target of an attack"), the span
// of that place's name: where force falls is where it happened. The
// target named in the text, or else the subject that underwent the force.
func (sc *sent) attackedPlace(a *analysis, tgt ref) tokSpan {
	if tgt.start >= 0 && tgt.end > tgt.start {
		if sc.placeAt(tgt.start) != "" {
			return tokSpan{tgt.start, tgt.end}
		}
		return tokSpan{}
	}
	if !tgt.context || sc.tree == nil {
		return tokSpan{}
	}
	if s, _ := sc.tree.subject(sc.tree.word(a.m.head), sc.lower); s >= 0 {
		span, _ := sc.subjectPlace(s)
		return span
	}
	return tokSpan{}
}

// subjectPlace returns the name span of subject word s and the country
// of the place it names, or an empty span and "" when it names none.
func (sc *sent) subjectPlace(s int) (tokSpan, string) {
	t := sc.tree
	lo, hi := t.nameSpan(s)
	if lo < 0 {
		return tokSpan{}, ""
	}
	c := sc.placeAt(t.tok(lo))
	if c == "" && placeNouns[sc.lower[t.tok(s)]] {
		// "the village of Dapchi": the place its of-complement names
		for _, n := range t.children(nil, s, relNmod) {
			if ofMarkers[t.caseWord(n, sc.lower)] {
				return sc.subjectPlace(n)
			}
		}
	}
	if c == "" {
		return tokSpan{}, ""
	}
	return tokSpan{t.tok(lo), t.tok(hi) + 1}, c
}

// notPlaces drops the bare countries a locative phrase names ("in Spain,
// Italy and Greece") from refs.
func (sc *sent) notPlaces(refs []ref) []ref {
	var out []ref
	for _, r := range refs {
		start := r.start
		if g := sc.groupOf(r.start); r.start >= 0 && g >= 0 {
			start = sc.refs[sc.groups[g].refs[0]].start
		}
		if r.start >= 0 && actors.RoleOf(r.code) == "" && sc.locative(start) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// undergoingPlace returns, for force a sentence's subject undergoes, the
// country of that subject when it is a place, or else the target of the
// force the sentence before told against it; nil otherwise.
func (sc *sent) undergoingPlace(a *analysis, code string) []ref {
	if !violent(code) || sc.tree == nil {
		return nil
	}
	t := sc.tree
	s, _ := t.subject(t.word(a.m.head), sc.lower)
	if s < 0 {
		return nil
	}
	if _, c := sc.subjectPlace(s); c != "" {
		return []ref{{code: c, start: -1, context: true, explain: []string{"the place that underwent it → " + c}}}
	}
	if t.pos(s) != syntax.NOUN || t.child(s, relDet) < 0 {
		return nil
	}
	for i := len(sc.d.evs) - 1; i >= 0; i-- {
		e := sc.d.evs[i]
		if e.s.Index < sc.s.Index-1 {
			break
		}
		if e.s.Index < sc.s.Index && violent(e.code) {
			x := e.tgt
			x.start = -1
			x.explain = append(x.explain[:len(x.explain):len(x.explain)], "what the force of sentence "+strconv.Itoa(e.s.Index)+" was against")
			return []ref{x}
		}
	}
	return nil
}

// pressedBy returns who a "despite … pressure|calls|demands by|from X"
// phrase after a refusal names, or nil.
func (sc *sent) pressedBy(a *analysis) []ref {
	for t := a.m.end; t < a.m.end+4 && t < len(sc.lower); t++ {
		if sc.lower[t] != "despite" {
			continue
		}
		for k := t + 1; k+1 < len(sc.lower) && k <= t+6; k++ {
			if sc.lower[k] == "by" || sc.lower[k] == "from" {
				return sc.groupAfter(k + 1)
			}
		}
		return nil
	}
	return nil
}

// maxUnclaimed bounds the agentless attacks an article keeps for a claim.
const maxUnclaimed = 8

// violent reports whether a code is an attack (18, 19, 20): what a claim
// of responsibility may own.
func violent(code string) bool {
	r := verbs.Root(code)
	return r == "18" || r == "19" || r == "20"
}

// otherParty supplies a missing target from the event before it in the
// same sentence: "…vetoed a U.S. draft, with Moscow's envoy calling the
// text one-sided" is aimed at the same party; unless thisSentence, also
// from the sentence before.
func (sc *sent) otherParty(a *analysis, thisSentence bool) []ref {
	if len(a.src) == 0 {
		return nil
	}
	me := actors.CountryOf(a.src[0].code)
	reaction := reactionRoots[verbs.Root(a.m.p.Code)]
	for i := len(sc.d.evs) - 1; i >= 0; i-- {
		d := sc.d.evs[i]
		if d.s.Index < sc.s.Index-1 || thisSentence && d.s.Index != sc.s.Index {
			break
		}
		if violent(a.m.p.Code) && !violent(d.code) {
			// force is not aimed at whoever the last talks or
			// statements were with
			continue
		}
		r := d.tgt
		if actors.CountryOf(d.tgt.code) == me || d.tgt.start < 0 ||
			reaction && actors.CountryOf(d.src.code) != me {
			// a rebuke, refusal or threat answers whoever acted
			r = d.src
		}
		if actors.CountryOf(r.code) == me {
			continue
		}
		if d.s.Index != sc.s.Index {
			r = foreign(r)
		}
		return []ref{r}
	}
	// within one country: the other side of this sentence's last event
	// ("kidnapped the father…, and said it would free him")
	for i := len(sc.d.evs) - 1; i >= 0 && sc.d.evs[i].s.Index == sc.s.Index; i-- {
		d := sc.d.evs[i]
		for _, r := range []ref{d.tgt, d.src} {
			if r.code != a.src[0].code {
				return []ref{r}
			}
		}
	}
	return nil
}

// lastPair returns the source and target of the last event coded.
func (d *doc) lastPair() []ref {
	if len(d.evs) == 0 {
		return nil
	}
	e := d.evs[len(d.evs)-1]
	return []ref{foreign(e.src), foreign(e.tgt)}
}

func (sc *sent) newDraft(src, tgt ref, code string, a *analysis) *draft {
	d := &draft{src: src, tgt: tgt, code: code, s: sc.s, head: a.m.head, cs: a.cs, ce: a.ce}
	d.toks = sc.spans()
	d.confidence = confidence(a, src, tgt)
	d.place = sc.placePhrase(a)
	if d.place.end <= d.place.start && violent(code) {
		d.place = sc.attackedPlace(a, tgt)
	}
	if sc.d.c.Explain {
		if a.treeSrc {
			d.explain = append(d.explain, "tree: source is the "+sc.tree.argRel(a, true))
		}
		if a.treeTgt && a.m.target < 0 {
			d.explain = append(d.explain, "tree: target is the "+sc.tree.argRel(a, false))
		}
		d.explain = append(d.explain, "pattern "+a.m.p.Line+" \""+a.m.p.Text+"\" → "+a.m.p.Code+" on \""+sc.span(a.m.start, a.m.end)+"\"")
		for _, e := range src.explain {
			d.explain = append(d.explain, "source "+e)
		}
		for _, e := range tgt.explain {
			d.explain = append(d.explain, "target "+e)
		}
		if a.passive {
			d.explain = append(d.explain, "passive voice: target is the subject")
		}
		switch {
		case a.cancelled:
			d.explain = append(d.explain, cancelled.explainLine(code))
		case a.refused:
			d.explain = append(d.explain, refused.explainLine(code))
		case a.halted:
			d.explain = append(d.explain, halted.explainLine(code))
		case a.prepared:
			d.explain = append(d.explain, prepared.explainLine(code))
		case a.conditioned && code != a.m.p.Code:
			d.explain = append(d.explain, threatened.explainLine(code))
		case a.future && code != a.m.p.Code:
			d.explain = append(d.explain, "future tense: intent code "+code)
		}
	}
	return d
}

func (sc *sent) span(a, b int) string {
	if a >= b || b > len(sc.toks) {
		return ""
	}
	return sc.s.Text[sc.toks[a].Start:sc.toks[b-1].End]
}

// maxDeniedGap bounds how many sentences back a report a denial answers
// may stand when the denial names no accuser.
const maxDeniedGap = 4

// denial codes "B denied the claims" as B → accuser 016, linked to the
// claim it denies.
func (sc *sent) denial(a *analysis, all []*analysis) []*draft {
	if len(a.src) == 0 {
		return nil
	}
	me := actors.CountryOf(a.src[0].code)
	var accuser []ref
	var denied *draft
	// an accusation named in the same sentence: "dismissed U.S. allegations that…"
	for _, b := range all {
		if b != a && b.m.p.Has("accuse") && b.m.head > a.m.head {
			owner := b.src
			if b.m.p.Has("nominal") {
				owner = sc.nominalOwner(b.m)
			}
			if len(owner) > 0 && actors.CountryOf(owner[0].code) != me {
				accuser = owner
				break
			}
		}
	}
	if accuser == nil {
		// an accusation earlier in this sentence: "China accused the
		// Philippines of ramming a vessel, an account Manila denied"
		for i := len(sc.d.evs) - 1; i >= 0 && sc.d.evs[i].s.Index == sc.s.Index; i-- {
			if e := sc.d.evs[i]; e.accusation && actors.CountryOf(e.tgt.code) == me {
				accuser, denied = []ref{e.src}, e
				break
			}
		}
	}
	if accuser == nil {
		for i := len(sc.d.ctx.accusations) - 1; i >= 0; i-- {
			acc := sc.d.ctx.accusations[i]
			if actors.CountryOf(acc.tgt.code) == me {
				accuser = []ref{foreign(acc.src)}
				denied = acc.claims
				if denied == nil {
					denied = acc
				}
				break
			}
		}
	}
	if accuser == nil {
		// "The RSF denied the accusation": the side that reported what
		// the denier did, in the sentences just before (a report twenty
		// sentences back is not what a denial answers)
		for i := len(sc.d.evs) - 1; i >= 0 && sc.d.evs[i].s.Index >= sc.s.Index-maxDeniedGap; i-- {
			if e := sc.d.evs[i]; e.reportedBy != "" && claimant(e.src.code) == claimant(a.src[0].code) {
				accuser, denied = []ref{{code: e.reportedBy, start: -1}}, e
				break
			}
		}
	}
	if accuser == nil && a.m.target >= 0 && len(a.tgt) > 0 && actors.CountryOf(a.tgt[0].code) != me {
		// "rejected India's claim that…": the pattern names the accuser
		accuser = a.tgt
	}
	if accuser == nil {
		return nil
	}
	var out []*draft
	for _, s := range a.src {
		for _, t := range accuser {
			d := sc.newDraft(s, t, "016", a)
			d.denies = denied
			out = append(out, d)
		}
	}
	return out
}

// cooperative reports whether code is one of verbal or material
// cooperation (roots 03–08): with a compound subject and no object ("Czechia
// and Albania upgraded their ties", "the two sides agreed to share
// information") each party acts towards the others.
func cooperative(code string) bool {
	r := verbs.Root(code)
	return r >= "03" && r <= "08"
}

// confirmed returns the matches whose analysis is not an unconfirmed
// imported pattern.
func confirmed(ms []*match, as []*analysis) []*match {
	var out []*match
	for i, m := range ms {
		if !as[i].unconfirmed {
			out = append(out, m)
		}
	}
	return out
}

// accusationCode picks the 112x subcode from the act claimed.
func accusationCode(code string, act *draft, sc *sent) string {
	if !strings.HasPrefix(code, "112") || code != "112" {
		return code
	}
	if act == nil {
		return code
	}
	c := act.code
	switch {
	case strings.HasPrefix(c, "20") || c == "1124" || c == "094" || c == "1823":
		return "1124"
	case c == "1822" || strings.HasPrefix(c, "175") || c == "092":
		return "1122"
	case strings.HasPrefix(c, "171") || c == "1712" || c == "091":
		return "1121"
	case strings.HasPrefix(c, "19") || strings.HasPrefix(c, "18") || strings.HasPrefix(c, "15") || strings.HasPrefix(c, "138"):
		return "1123"
	}
	return code
}

// namedPerson reports whether r names one person, and not as a modifier
// of a noun ("Boko Haram fighters").
func (sc *sent) namedPerson(r ref) bool {
	if !r.person || r.start < 0 || r.end > len(sc.lower) {
		return false
	}
	if sc.tree == nil {
		return true
	}
	w := sc.tree.word(r.end - 1)
	for hops := 0; hops < 4 && sc.tree.rel(w) == relFlat; hops++ {
		w = sc.tree.head(w) // "Boko Haram": the name's first word heads it
	}
	return sc.tree.rel(w) != relCompound
}

// refine sets subcodes the pattern alone cannot know: a protest's aim.
func (sc *sent) refine(code string, a *analysis) string {
	if r := verbs.Root(code); (r == "18" || r == "19") && (sc.verbalObject(a) || sc.onPlatform()) {
		// "attacked the impeachment investigation as a witch hunt",
		// "slammed the decision": force against words is criticism
		return "111"
	}
	if code == "190" && killWords[sc.lower[a.m.head]] && len(a.tgt) > 0 && everyRef(a.tgt, sc.namedPerson) {
		// "killed Qasem Soleimani in an airstrike": killing a person the
		// text names is an assassination, whatever the weapon
		return "186"
	}
	if (code == "190" || code == "182") && woundWords[sc.lower[a.m.head]] && len(a.tgt) > 0 && everyRef(a.tgt, sc.namedPerson) &&
		everyRef(a.tgt, func(r ref) bool { return stateRoles[actors.RoleOf(r.code)] }) {
		// "Prime Minister Robert Fico was shot": shooting or stabbing a
		// named office-holder is an attempt on his life
		return "185"
	}
	if code == "190" {
		if c := sc.subjectAttackKind(a); c != "" {
			return c
		}
		if c := sc.matchedAttackKind(a); c != "" && a.m.p.Has("undergo") {
			return c // "the target of an Al-Qaeda suicide attack"
		}
		if c := sc.instrumentCode(a); c != "" {
			return c
		}
		if c := sc.attackKind(a); c != "" {
			return c
		}
	}
	if code == "190" && len(a.src) > 0 && a.src[0].start >= 0 && a.src[0].end > a.src[0].start && a.src[0].end <= len(sc.lower) {
		// "Turkish warplanes struck…", "Russian drones hit…": force the
		// source's own words name as aerial (195) or by drone (1952)
		switch w := sc.lower[a.src[0].end-1]; {
		case droneAgents[w]:
			return "1952"
		case aerialAgents[w]:
			return "195"
		}
	}
	if len(code) == 3 && code[:2] == "14" && code[2] >= '1' && code[2] <= '5' {
		aim := ""
		for t := a.m.end; t < len(sc.lower); t++ {
			switch sc.lower[t] {
			case "result", "resign", "resignation", "ouster", "step", "election", "regime":
				if aim == "" {
					aim = "1"
				}
			case "against", "protest", "demand", "press", "decision", "policy", "tax", "law", "deal", "wage", "reform":
				if aim == "" {
					aim = "2"
				}
			}
		}
		if aim != "" {
			return code + aim
		}
	}
	if code == "112" && sc.mentionsAny(a.m.end, a.ce, "war crimes", "genocide", "ethnic", "atrocities") {
		return "1124"
	}
	return code
}

func (sc *sent) mentionsAny(from, to int, phrases ...string) bool {
	s := strings.ToLower(sc.span(from, to))
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// markSpeakers marks the actors who speak ("…, the Israeli military
// said"): they report events, they are not their targets.
func (sc *sent) markSpeakers() {
	sc.speaker = grow(&sc.d.speakerBuf, len(sc.toks))
	sc.sayHead = grow(&sc.d.sayHeadBuf, len(sc.toks))
	for _, m := range sc.matches {
		if !sc.speechVerb(m) {
			continue
		}
		sc.sayHead[m.head] = true
		cs, _ := sc.bounds(m)
		if g := sc.leftGroup(cs, m.head, nil); g != nil {
			for _, r := range g {
				for t := r.start; t < r.end; t++ {
					sc.speaker[t] = true
				}
			}
		}
	}
}

// quotes gives a direct quote's events to the speaker named after it:
// "This aggression will not go unpunished," a Houthi spokesman said.
func (sc *sent) quotes(as []*analysis) {
	open := -1
	for t, w := range sc.lower {
		if w == "\"" || w == "“" || w == "”" {
			if open < 0 {
				open = t
				continue
			}
			sc.attribute(as, open, t)
			open = -1
		}
	}
}

func (sc *sent) attribute(as []*analysis, open, close int) {
	var speaker []ref
	for _, a := range as {
		if a.m.p.Has("say") && a.m.head > close && a.m.head <= close+6 {
			for gi, g := range sc.groups {
				if g.start > close && g.start < a.m.head+4 {
					speaker = sc.refsOf(gi)
					break
				}
			}
		}
	}
	if speaker == nil {
		return
	}
	for _, a := range as {
		if a.m.head <= open || a.m.head >= close || a.m.p.Has("say") {
			continue
		}
		if len(a.tgt) == 0 && len(a.src) > 0 && a.src[0].start > open {
			a.tgt = a.src
		}
		a.src = speaker
	}
}

// otherEventIn reports whether another coded predicate shares a's clause.
func (sc *sent) otherEventIn(a *analysis, as []*analysis) bool {
	for _, b := range as {
		if b != a && !b.m.p.Has("say") && !b.negated && b.m.head >= a.cs && b.m.head < a.ce &&
			!sc.nominalInPP(b.m.head, b.m.p.Nominal) {
			return true
		}
	}
	return false
}

// accusePattern stands for the accusation implied by a denied
// allegation ("rejected U.S. allegations that …").
var accusePattern = &verbs.Pattern{Code: "112", Flags: []string{"accuse"}, Text: "(denied allegation)", Line: "frame", Head: 0,
	Elems: []verbs.Elem{{Kind: verbs.Lit}}}

// foreign marks a ref taken from another sentence: its code holds, its
// token span does not.
func foreign(r ref) ref {
	r.start, r.end = -1, -1
	return r
}

// byGroupStart returns the token where a match's "by" actor starts, or -1.
func (sc *sent) byGroupStart(m *match) int {
	if g := sc.byGroup(m); len(g) > 0 {
		return g[0].start
	}
	return -1
}

func recipAccusation(a *analysis) bool { return a.m.p.Has("recip") }

// stateActor reports whether a code names a state: the bare country or
// its government.
func stateActor(code string) bool {
	r := actors.RoleOf(code)
	return (actors.ParseCode(code).State() || actors.CountryOf(code) == "IGO") && (r == "" || r == "GOV" || r == "GOVMIL")
}

// objectOfAnother reports whether a noun trigger is the object of another
// predicate: inside its words ("called the strikes an act of war") or
// right after it ("condemned the strike").
func (sc *sent) objectOfAnother(a *analysis, as []*analysis) bool {
	h := a.m.head
	if t := sc.tree; t != nil && (a.m.p.Nominal || t.pos(t.word(h)) == syntax.NOUN || t.pos(t.word(h)) == syntax.PROPN) {
		// "rallies were banned": a nominal act that another event's
		// predicate takes as object or passive subject is what it acts on
		if w := t.word(h); t.rel(w) == relNsubjPass || t.rel(w) == relObj {
			for _, b := range as {
				if b != a && !b.m.p.Has("say") && t.word(b.m.head) == t.head(w) {
					return true
				}
			}
		}
	}
	if h == 0 || !determiners[sc.lower[h-1]] && sc.lower[h-1] != "'s" {
		return false // not used as a noun
	}
	if forcedAct := a.m.p.Has("accuse") || a.m.p.Has("deny"); forcedAct {
		return false
	}
	for _, b := range as {
		if b == a || b.m.p.Has("say") {
			continue
		}
		if h > b.m.start && h < b.m.end {
			return true
		}
		// "condemned the strike": determiner, optional adjectives, noun
		if e := b.m.end; e <= h-1 && h-e <= 3 && determiners[sc.lower[e]] {
			return true
		}
	}
	return false
}

// speakerOtherThan returns the country of the sentence's speaker when it
// is not the source's, as a target.
func (sc *sent) speakerOtherThan(src string) []ref {
	for t, sp := range sc.speaker {
		if !sp || sc.refAt[t] < 0 {
			continue
		}
		r := sc.refs[sc.refAt[t]]
		if c, ok := sideCountry(r.code); ok && c != actors.CountryOf(src) {
			r.code = c
			return []ref{r}
		}
	}
	return nil
}

// laterBy returns the actor of the first "by" phrase after a match in its
// clause.
func (sc *sent) laterBy(a *analysis) []ref { return sc.byAfter(a.m.end, a.ce) }

// byAfter returns the actors of the first "by" phrase in [from, to).
func (sc *sent) byAfter(from, to int) []ref {
	for t := from; t+1 < to; t++ {
		if sc.lower[t] == "by" {
			g := t + 1
			for g < to && determiners[sc.lower[g]] {
				g++
			}
			if g < len(sc.toks) && sc.groupAt[g] >= 0 {
				return sc.refsOf(sc.groupAt[g])
			}
			if g < len(sc.toks) && sc.refAt[g] >= 0 && sc.refs[sc.refAt[g]].demonym {
				return []ref{sc.refs[sc.refAt[g]]} // "by Croatian extremists"
			}
			return nil
		}
	}
	return nil
}

// spans returns the sentence's token offsets, shared by all its drafts.
func (sc *sent) spans() []tokSpan {
	if sc.tokSpans == nil {
		sc.tokSpans = make([]tokSpan, len(sc.toks))
		for i, t := range sc.toks {
			sc.tokSpans[i] = tokSpan{t.Start, t.End}
		}
	}
	return sc.tokSpans
}

// reactionRoots answer someone's act: disapproval, rejection, threats,
// reduced relations.
var reactionRoots = set("11", "12", "13", "16")

// complementAfter reports whether an accusation match ends in, or is
// followed within two words by, a complement marker.
func (sc *sent) complementAfter(m *match) bool {
	// "Police alleged the accused performed two attacks": a clause with
	// no "that" the tree makes the verb's complement
	return sc.complementMarked(m) || sc.tree != nil && sc.tree.child(sc.tree.word(m.head), relCcomp) >= 0
}

// complementMarked reports whether a complement marker ("of", "that",
// "for") follows the match.
func (sc *sent) complementMarked(m *match) bool {
	for t := m.end - 1; t < len(sc.lower) && t <= m.end+3; t++ {
		if t >= 0 && complementMarkers[sc.lower[t]] {
			return true
		}
	}
	return false
}

// speechVerb reports whether a say-pattern match is a verb of speech, not
// a noun ("declined to confirm the report").
func (sc *sent) speechVerb(m *match) bool {
	return m.p.Has("say") && !(m.head > 0 && determiners[sc.lower[m.head-1]])
}

// controlsCoded reports whether a predicate that a control verb governs
// ("agreed to withdraw", "promised to release") has an event of its own:
// a match whose trigger follows the control verb in its clause.
func (sc *sent) controlsCoded(a *analysis, as []*analysis) bool {
	for _, b := range as {
		if b != a && b.m.head >= a.m.end && b.m.head < a.ce && !b.m.p.Has("say") && !b.negated && !b.hypothetic && !b.unconfirmed && len(b.src) > 0 && (len(b.tgt) > 0 || distinctCountries(b.src) >= 2) {
			return true
		}
	}
	return false
}

// nationWide reports whether a code is a measure a state takes over its
// own country (CAMEO 17: a curfew, a state of emergency), the threat of
// one (132x, 137), its easing (081x) or a promised reform (034x): its
// target may be the state's own country.
func nationWide(code string) bool {
	return verbs.Root(code) == "17" || strings.HasPrefix(code, "132") || code == "137" || strings.HasPrefix(code, "081") ||
		strings.HasPrefix(code, "034")
}

// partiesCode recodes an act by who its parties are ("" when they cannot
// be its parties): a foreign ban is
// reduced relations (160), and force by or against civilians: protesters
// fighting their own police or troops riot (145), police fighting
// civilians repress them (175), and any other civilian's force, being no
// army's, is unconventional violence (180). An army's force, force
// between armed parties and force across borders stay force, and force
// by or against one person is no riot or crackdown ("the attacker was
// shot by police").
func (sc *sent) partiesCode(code string, src, tgt ref) string {
	if code == "054" && tgt.context && actors.RoleOf(tgt.code) == "CVL" {
		// "recognise unions between same-sex couples": recognition is
		// of states, governments and bodies, not of unnamed people
		return ""
	}
	if code == "172" && actors.CountryOf(src.code) != actors.CountryOf(tgt.code) {
		// a ban a state puts on a foreign party ("banned Iran's Mahan
		// Air") reduces relations; administrative sanctions are a
		// state's measures at home
		if s, t := actors.ParseCode(src.code), actors.ParseCode(tgt.code); s.State() && t.State() {
			return "160"
		}
	}
	if verbs.Root(code) != "19" {
		return code
	}
	s, t := actors.RoleOf(src.code), actors.RoleOf(tgt.code)
	home := actors.CountryOf(src.code) == actors.CountryOf(tgt.code)
	switch {
	case home && s == "CVL" && (t == "COP" || t == "MIL") && !sc.individual(src):
		return "145"
	case home && s == "COP" && t == "CVL" && !sc.individual(tgt):
		return "175"
	case s == "CVL":
		return "180"
	}
	return code
}

// individual reports whether an actor is named by a word for one person
// acting alone ("the attacker", "a suspect", "he"), not a crowd.
func (sc *sent) individual(r ref) bool {
	return r.end > 0 && r.end <= len(sc.lower) && (individuals[sc.lower[r.end-1]] || r.pronoun && personPronouns[sc.lower[r.end-1]])
}

// instrumentCode reads the weapon a "with" phrase gives unspecified force
// ("attacked a cargo ship with missiles"), as the gold conventions code
// it: missiles (with or without drones) 195, drones alone 1952, rockets,
// mortars and artillery 194, small arms 193; "" when none is named.
func (sc *sent) instrumentCode(a *analysis) string {
	missile, drone, heavy, small := false, false, false, false
	for t := a.m.end; t < a.ce && t < len(sc.lower); t++ {
		if sc.lower[t] != "with" {
			continue
		}
		for k := t + 1; k < a.ce && k <= t+6 && k < len(sc.lower); k++ {
			w := sc.lower[k]
			missile = missile || missileWords[w]
			drone = drone || droneAgents[w]
			heavy = heavy || heavyWeapons[w]
			small = small || smallArms[w]
		}
	}
	switch {
	case missile:
		return "195"
	case drone:
		return "1952"
	case heavy:
		return "194"
	case small:
		return "193"
	}
	return ""
}

// placeAfter returns the country or capital named after one of the
// prepositions in the predicate's clause ("aid deliveries in Baghdad").
func (sc *sent) placeAfter(a *analysis, preps ...string) []ref {
	for t := a.m.head + 1; t+1 < a.ce && t+1 < len(sc.lower); t++ {
		if !slices.Contains(preps, sc.lower[t]) {
			continue
		}
		if r := sc.refAt[t+1]; r >= 0 && (sc.refs[r].capital || actors.ParseCode(sc.refs[r].code).Role == "" && actors.ParseCode(sc.refs[r].code).State()) {
			return []ref{sc.refs[r]}
		}
	}
	return nil
}

// placeFrom returns the country of the place or state a "from" phrase
// after the trigger names, or "".
func (sc *sent) placeFrom(a *analysis) string {
	for t := a.m.head + 1; t+1 < a.ce && t+1 < len(sc.lower); t++ {
		if sc.lower[t] != "from" {
			continue
		}
		if r := sc.refAt[t+1]; r >= 0 {
			if c := actors.ParseCode(sc.refs[r].code); c.State() && c.Role == "" {
				return c.Country
			}
		}
		return sc.placeAt(t + 1)
	}
	return ""
}

// foreignAfter returns the first state actor of another country than the
// source that a preposition of opposition ("against", "for", "of")
// introduces after the trigger.
func (sc *sent) foreignAfter(a *analysis) []ref {
	me := actors.CountryOf(a.src[0].code)
	for t := a.m.head + 1; t < len(sc.lower); t++ {
		r := sc.refAt[t]
		if r < 0 || sc.refs[r].start != t {
			continue
		}
		x := sc.refs[r]
		prev := t - 1
		for prev > a.m.head && determiners[sc.lower[prev]] {
			prev--
		}
		if !targetPreps[sc.lower[prev]] || x.adjective || x.demonym {
			// "a highway leading to Georgia", "settlement of Russian
			// immigrants": a destination or a description, not a target
			continue
		}
		if c := actors.ParseCode(x.code); c.State() && c.Country != me && !x.context {
			return []ref{x}
		}
	}
	return nil
}

// ownUnits reports whether the targets are units of the sources' own
// countries ("Thailand and Cambodia agreed to withdraw troops"): no other
// party, so a compound subject acts towards each other.
func ownUnits(tgt, src []ref) bool {
	return everyRef(tgt, func(t ref) bool {
		return slices.ContainsFunc(src, func(s ref) bool { return actors.CountryOf(s.code) == actors.CountryOf(t.code) })
	})
}

// verbalObject reports whether the tree's object of the predicate is a
// decision, statement or procedure rather than anyone who can be hurt.
func (sc *sent) verbalObject(a *analysis) bool {
	t := sc.tree
	if t == nil {
		return false
	}
	o := t.child(t.word(a.m.head), relObj)
	return o >= 0 && sc.refAt[t.tok(o)] < 0 && verbalObjects[t.lemma(o)]
}

// onPlatform reports whether the sentence names a platform something was
// said on ("attacked Biden on Twitter", "took to Twitter to attack"):
// force there is words.
func (sc *sent) onPlatform() bool {
	for t := 0; t < len(sc.lower); t++ {
		if platforms[sc.lower[t]] && isCapital(sc.toks[t].Text) && t > 0 && (platformPreps[sc.lower[t-1]] || sc.lower[t-1] == "to") {
			return true
		}
	}
	return false
}

// controlVerb reports whether the match's trigger is a verb whose
// infinitive complement is the act ("helped negotiate the deal", "decided
// to expel", "tried to block"): only the complement is coded then.
func (sc *sent) controlVerb(a *analysis) bool {
	if sc.tree == nil {
		return false
	}
	v := sc.tree.word(a.m.head)
	return controlVerbs[sc.tree.lemma(v)] && sc.tree.child(v, relXcomp) >= 0
}
