package coder

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// analysis is what the clause analysis found for one match.
type analysis struct {
	m          *match
	cs, ce     int // clause token range
	passive    bool
	src, tgt   []ref
	negated    bool
	hypothetic bool
	future     bool
	speaker    []ref // for speech matches
	agentive   bool  // the source came from a compound: "Russia-mediated"
	announced  bool  // future by an auxiliary ("will strike"), not a purpose "to"
	halted     bool  // a cooperative act a verb of stopping governs
	prepared   bool  // an act of force its agent is preparing
	// circumstance is the noun of a nominal event whose source is the
	// subject of the clause it is a circumstance of, or 0
	circumstance int
	refused      bool // a cooperative act a verb of refusal governs
	cancelled    bool // a hostile act a verb of cancelling governs
	// blamedFor marks an accusation whose accused act is an attack the
	// article told before ("blamed Iran for the attacks")
	blamedFor bool
	// content is the first act an appeal or demand asks for: it refines
	// a generic appeal's or demand's code
	content *analysis
	// conditioned marks an act announced on a condition ("will withdraw
	// unless…") or threatened ("threatened to expel"): a hostile one is
	// a threat
	conditioned bool
	// demandedBy is the speaker who says the obliged side must or should
	// do the act: the speaker's demand, not the act, is the event
	demandedBy, obliged []ref
	treeSrc             bool // the source is the tree's subject or agent
	treeTgt             bool // the target is the tree's object, or the pattern's own slot
	// unconfirmed marks an imported pattern whose participants the tree
	// does not name: the field's dictionaries are broad, so a match alone
	// is not enough
	unconfirmed bool
	pairwise    bool // code every ordered pair of the compound source
}

// bounds returns the clause of a match: from after the nearest boundary
// word before its trigger to the nearest boundary after its end.
func (sc *sent) bounds(m *match) (int, int) {
	covered := map[int]bool{}
	for _, t := range m.covered {
		covered[t] = true
	}
	cs := 0
	for t := m.head - 1; t >= 0; t-- {
		if t >= 2 && sc.lower[t] == ")" && sc.lower[t-2] == "(" && isCapital(sc.toks[t-1].Text) {
			t -= 2 // "the International Labor Office (ILO) said": an acronym aside
			continue
		}
		if sc.lower[t] == "," && !covered[t] {
			if k := sc.relativeAsideStart(t); k >= 0 {
				// "Turkey, which does not recognise Cyprus, sent
				// warships": the clause the aside interrupts goes on
				// before it
				t = k
				continue
			}
		}
		if (boundaries[sc.lower[t]] || sc.asClause(t)) && !covered[t] {
			cs = t + 1
			break
		}
	}
	ce := len(sc.toks)
	for t := m.end; t < len(sc.toks); t++ {
		if boundaries[sc.lower[t]] && !covered[t] {
			ce = t
			break
		}
	}
	return cs, ce
}

func (sc *sent) analyse(m *match, prev []*analysis) *analysis {
	a := &analysis{m: m}
	a.cs, a.ce = sc.bounds(m)
	covered := map[int]bool{}
	for _, t := range m.covered {
		covered[t] = true
	}
	// voice: a be-form (adverbs aside) right before a verb trigger
	if (m.p.Head > 0 || len(m.p.Elems[0].Words) > 1) && !strings.HasSuffix(sc.lower[m.head], "ing") && !m.p.Has("control") {
		// ("is committed to", "is prepared to" are states of the subject)
		// "was shelled" is passive; "was seeking" is not
		for t := m.head - 1; t >= a.cs && t >= m.head-3; t-- {
			w := sc.lower[t]
			if beForms[w] && w != "'s" {
				a.passive = true
				break
			}
			if !adverb(w) {
				break
			}
		}
	}
	if aux := sc.passiveAux(m); !a.passive && !m.p.Nominal && aux >= 0 && beForms[sc.lower[aux]] && !m.p.Has("control") &&
		!strings.HasSuffix(sc.lower[m.head], "ing") { // "has been encouraging" is no passive
		// "was once jailed": an adverb the word list does not know
		// stands between; the tree's passive auxiliary says it
		a.passive = true
	}
	if m.head+1 < len(sc.lower) && reflexives[sc.lower[m.head+1]] {
		a.negated = true // "defend itself": no other party
	}
	if a.cs > 0 && conditionals[sc.lower[a.cs-1]] {
		a.hypothetic = true
	}
	for t := m.head - 1; t >= a.cs && t >= m.head-4; t-- {
		w := sc.lower[t]
		if covered[t] {
			continue
		}
		if w == "," && sc.relativeAside(t) {
			// "The vote, which is not binding, was boycotted": the
			// aside's negation and modals are its own
			break
		}
		if negations[w] {
			a.negated = true
		}
		if modals[w] && !m.p.Has("threat") {
			a.hypothetic = a.hypothetic || w != "would"
			a.future = a.future || w == "would"
		}
		if futures[w] && !(w == "to" && t > 0 && aspectuals[sc.lower[t-1]]) && !(w == "to" && t == m.head-1 && participle(sc.lower[m.head])) {
			// ("continued to send arms", "began to withdraw" are done;
			// "resorted to throwing stones": a gerund after "to" is no
			// infinitive)
			a.future = true
			a.announced = a.announced || auxFutures[w]
		}
		if sc.refAt[t] >= 0 {
			break
		}
	}
	for t := a.cs; t < m.head; t++ {
		if speculation[sc.lower[t]] {
			a.hypothetic = true
		}
	}
	if a.negated && verbs.Root(m.p.Code) == "08" && sc.coversAny(m, demandWords) {
		// "did not accede to the protesters' demands": not yielding to
		// a demand rejects it (12x)
		a.negated, a.refused = false, true
	}
	// participants
	by := sc.byGroup(m)
	if m.p.Nominal && !m.p.Has("mediate") && (m.end >= len(sc.lower) || sc.lower[m.end] != "by") {
		by = nil // "after talks mediated by X": the by-phrase is not the talks'
	}
	switch {
	case a.passive:
		a.src = by
		a.tgt = sc.nearestLeft(a.cs, m.head)
	case m.p.Has("mediate") || (by != nil && m.p.Nominal):
		a.src = by
		if by == nil {
			a.src = sc.leftGroup(a.cs, m.head, prev)
		}
	default:
		a.src = sc.leftGroup(a.cs, m.head, prev)
	}
	if m.p.Has("mediate") && m.target >= 0 {
		a.tgt = sc.refsOf(m.target) // "hosted talks between A and B": the parties
	}
	if !a.passive && !m.p.Has("mediate") {
		switch {
		case m.target >= 0 && !(m.target == m.gapActor && len(a.src) > 0 && sc.refs[sc.groups[m.target].refs[0]].code == a.src[0].code):
			a.tgt = sc.refsOf(m.target)
		case !m.p.Has("notarget"):
			ce := a.ce
			if m.p.Has("threat") {
				// the condition names whom a threat is aimed at
				ce = sc.extendPastConditional(ce)
			}
			a.tgt = sc.rightGroup(m.end, ce, a.src, violent(m.p.Code))
		}
	}
	if m.head > 0 && determiners[sc.lower[m.head-1]] && m.end < len(sc.lower) && sc.lower[m.end] == "from" &&
		m.end+1 < len(sc.lower) && sc.groupAt[m.end+1] >= 0 && m.target < 0 {
		// "drawing a rebuke from Beijing": the noun's from-phrase names who acts
		a.src = sc.refsOf(sc.groupAt[m.end+1])
		a.tgt = nil
	}
	if m.head >= 2 && sc.lower[m.head-1] == "-" && sc.refAt[m.head-2] >= 0 {
		// "a Russia-mediated ceasefire": the compound names the agent
		a.src = []ref{sc.refs[sc.refAt[m.head-2]]}
		a.passive = false
		a.agentive = true
	}
	if main := mainSubject(prev); m.head > 0 && sc.lower[m.head-1] == "," && strings.HasSuffix(sc.lower[m.head], "ing") && main != nil && !a.agentive {
		// ", calling the charge ridiculous": a participle clause shares
		// the main clause's subject (the speaker's, after "X said,")
		a.src = main
		a.cs = m.head // its own clause: the main clause's date and place are not its
	}
	if a.src == nil && !a.passive && a.cs > 0 && relatives[sc.lower[a.cs-1]] {
		// "a U.N. report that accused…": the relative clause's subject is
		// the noun phrase it hangs on
		a.src = sc.antecedent(a.cs - 1)
	}
	if a.src == nil && !a.passive && (a.cs == 0 || !clauseOpeners[sc.lower[a.cs-1]]) {
		// coordinated predicates share their subject: "…vowed to retaliate";
		// a relative or subordinate clause does not
		for i := len(prev) - 1; i >= 0; i-- {
			if prev[i].src != nil && !prev[i].m.p.Has("say") {
				a.src = prev[i].src
				break
			}
		}
	}
	sc.treeArgs(a, prev)
	if m.p.Has("undergo") {
		// "Russia faces new EU sanctions", "drew criticism from Kyiv": the
		// subject undergoes what the named party does
		a.src, a.tgt = a.tgt, a.src
		a.treeSrc, a.treeTgt = a.treeTgt, a.treeSrc
	}
	if m.p.Imported && a.treeSrc && !a.treeTgt && len(a.tgt) > 0 && sc.tree != nil {
		v, ok := sc.tree.word(m.head), true
		for _, r := range a.tgt {
			ok = ok && r.start >= 0 && sc.tree.inScope(v, sc.tree.word(r.start), sc.lower)
		}
		a.treeTgt = ok
	}
	a.unconfirmed = m.p.Imported && (!(a.treeSrc && a.treeTgt) || !sc.tree.asserted(sc.tree.word(m.head)))
	if len(a.tgt) == 0 && len(a.src) > 0 && !m.p.Has("notarget") {
		// "kidnapped the father of…", "killed 20 people", "broke up the
		// rally": people named by a pattern word are civilians of the
		// source's country
		for _, t := range m.covered {
			if t > m.head && (peopleNouns[sc.lower[t]] || gatherings[sc.lower[t]] && (strings.HasPrefix(m.p.Code, "175") || strings.HasPrefix(m.p.Code, "1721"))) {
				if c := actors.ParseCode(a.src[0].code); c.State() {
					a.tgt = []ref{{code: c.Country + "CVL", start: t, end: t + 1}}
				}
				break
			}
		}
	}
	return a
}

// passiveAux returns the token of the tree's passive auxiliary of the
// match's trigger, or -1.
func (sc *sent) passiveAux(m *match) int {
	if sc.tree == nil {
		return -1
	}
	if c := sc.tree.child(sc.tree.word(m.head), relAuxPass); c >= 0 {
		return sc.tree.tok(c)
	}
	return -1
}

// coversAny reports whether a match's own words include one of class.
func (sc *sent) coversAny(m *match, class map[string]bool) bool {
	for _, t := range m.covered {
		if class[sc.lower[t]] {
			return true
		}
	}
	return false
}

// antecedent returns the actor a relative pronoun at t hangs on: the
// group right before it, or before a word for a body or document that
// speaks for it ("a U.N. report that").
func (sc *sent) antecedent(t int) []ref {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		if sc.sayHead[k] || sc.refAt[k] < 0 && !speakingNouns[sc.lower[k]] {
			return nil
		}
		if sc.refAt[k] >= 0 {
			if g := sc.groupOf(k); g >= 0 {
				return sc.refsOf(g)
			}
			return nil
		}
	}
	return nil
}

func adverb(w string) bool {
	return len(w) > 3 && w[len(w)-2:] == "ly" || w == "also" || w == "reportedly" || w == "then" || w == "being" || w == "been" || w == "not"
}

func (sc *sent) refsOf(g int) []ref {
	var out []ref
	for _, i := range sc.groups[g].refs {
		out = append(out, sc.refs[i])
	}
	return out
}

// byGroup returns the actor of a "by" phrase right after the match.
func (sc *sent) byGroup(m *match) []ref {
	for t := m.end - 1; t < len(sc.toks) && t <= m.end+2; t++ {
		if t >= 0 && sc.lower[t] == "by" {
			return sc.groupAfter(t + 1)
		}
	}
	return nil
}

// groupAfter returns the actors of the group that starts at token t,
// past any determiners ("by the Kenyan police"), or nil.
func (sc *sent) groupAfter(t int) []ref {
	for t < len(sc.toks) && determiners[sc.lower[t]] {
		t++
	}
	if t < len(sc.toks) && sc.groupAt[t] >= 0 {
		return sc.refsOf(sc.groupAt[t])
	}
	return nil
}

// leftGroup finds the subject: the nearest actor before the trigger in
// its clause that is not the object of a preposition or of an earlier
// predicate.
func (sc *sent) leftGroup(cs, head int, prev []*analysis) []ref {
	objects := map[int]bool{}
	for _, p := range prev {
		if p.m.p.Has("say") || p.m.p.Has("nominal") || sc.lower[p.m.end-1] == "that" {
			// a speaker's object, or the subject of a that-clause, is not
			// taken by the earlier predicate
			continue
		}
		for _, r := range p.tgt {
			objects[r.start] = true
		}
	}
	for gi := len(sc.groups) - 1; gi >= 0; gi-- {
		g := sc.groups[gi]
		if g.end > head || g.start < cs {
			continue
		}
		if objects[sc.refs[g.refs[0]].start] {
			continue
		}
		if sc.inAside(g.start, head) {
			continue // "Hezbollah, which controls southern Lebanon, fired": not Lebanon
		}
		if g.end == head && !sc.nominalActor(g.refs[0]) {
			continue // "anti-government protests": the side taken, not who protests
		}
		if sc.prepObject(g.start) && !(g.end == head && strings.HasSuffix(sc.lower[head], "ing")) {
			// "with Moscow's envoy calling": a noun right before its
			// participle is its subject
			continue
		}
		return sc.refsOf(gi)
	}
	return nil
}

// prepObject reports whether an actor starting at t is governed by a
// preposition ("in protest at a deal with Azerbaijan").
func (sc *sent) prepObject(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		w := sc.lower[k]
		if determiners[w] || directions[w] {
			continue
		}
		if prepositions[w] && !subordinators[w] {
			if w == "of" && k > 0 && quantities[sc.lower[k-1]] {
				return false
			}
			return true
		}
		return false
	}
	return false
}

// rightGroup finds the object: the first actor after the match in its
// clause. A capital after "in" or "at" is where it happened, not whom
// it was done to; a country after "in" counts only when nothing else does.
func (sc *sent) rightGroup(from, ce int, src []ref, force bool) []ref {
	me := ""
	if len(src) > 0 {
		me = actors.CountryOf(src[0].code)
	}
	fallback := -1
	for t := from; t < ce; t++ {
		if sc.sayHead[t] || sc.isHead(t) && t > from {
			break // what a speaker says, or another predicate, is another clause
		}
		if sc.lower[t] == "," && t+1 < len(sc.lower) && sc.groupOf(t) < 0 &&
			(absolutes[sc.lower[t+1]] || determiners[sc.lower[t+1]] && sc.asideWithSubject(t+1)) {
			// ", with Moscow's envoy calling…" starts another clause;
			// ", an account Manila denied" is an aside with its own subject
			break
		}
		g := sc.groupAt[t]
		if g < 0 || sc.speaker[t] || sc.refs[sc.refAt[t]].owned {
			continue
		}
		if r := sc.refs[sc.refAt[t]]; r.context && actors.CountryOf(r.code) == me && !peopleRole[actors.RoleOf(r.code)] &&
			len(src) > 0 && actors.RoleOf(r.code) == actors.RoleOf(src[0].code) {
			continue // "its units", "people": the source's own side, named by context
		}
		if sc.afterNonTarget(t) {
			continue
		}
		if r := sc.refs[sc.refAt[t]]; force && sc.originModifier(r.end) {
			continue // "a British-backed coup": force is not aimed at the backer
		}
		if sc.locative(t) {
			// (a court or parliament after "in" is where a case is fought
			// or a bill debated: "fight the results in court")
			if fallback < 0 && !sc.isCapital(t) && !institutionRoles[actors.RoleOf(sc.refs[sc.refAt[t]].code)] {
				fallback = g
			}
			continue
		}
		return sc.refsOf(g)
	}
	if fallback >= 0 {
		return sc.refsOf(fallback)
	}
	return nil
}

// afterNonTarget reports whether the actor at t is governed by a
// preposition that never introduces a target ("under a Russia-mediated…").
func (sc *sent) afterNonTarget(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		w := sc.lower[k]
		if determiners[w] {
			continue
		}
		return nonTarget[w]
	}
	return false
}

// locative reports whether the actor at t follows a place preposition.
func (sc *sent) locative(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		w := sc.lower[k]
		if determiners[w] {
			continue
		}
		return locatives[w]
	}
	return false
}

func (sc *sent) isCapital(t int) bool {
	r := sc.refs[sc.refAt[t]]
	return r.capital
}

func (sc *sent) extendPastConditional(ce int) int {
	if ce < len(sc.toks) && conditionals[sc.lower[ce]] {
		for t := ce + 1; t < len(sc.toks); t++ {
			if sc.lower[t] == ";" || (boundaries[sc.lower[t]] && !conditionals[sc.lower[t]] && sc.lower[t] != "that") {
				return t
			}
		}
		return len(sc.toks)
	}
	return ce
}

// nearestLeft returns the nearest actor before the trigger in its clause.
func (sc *sent) nearestLeft(cs, head int) []ref {
	for gi := len(sc.groups) - 1; gi >= 0; gi-- {
		g := sc.groups[gi]
		if g.end <= head && g.start >= cs && !sc.saysBefore(g.end, head) {
			return sc.refsOf(gi)
		}
	}
	return nil
}

// saysBefore reports whether a speech verb stands in [from, to): the actor
// before it speaks, it did not undergo what follows ("Officials said the
// officers were stabbed").
func (sc *sent) saysBefore(from, to int) bool {
	if sc.sayHead == nil {
		return false
	}
	for t := from; t < to; t++ {
		if sc.sayHead[t] {
			return true
		}
	}
	return false
}

// nominalInPP reports whether a trigger is a noun inside a prepositional
// phrase ("in its first direct military attack"): such a noun only
// qualifies another event and is not coded by itself.
func (sc *sent) nominalInPP(head int, noun bool) bool {
	return sc.nominalPrep(head, noun) != ""
}

// nominalPrep returns the preposition governing a nominal trigger, or "".
func (sc *sent) nominalPrep(head int, noun bool) string {
	h := sc.lower[head]
	if !noun && (strings.HasSuffix(h, "ing") || strings.HasSuffix(h, "es")) && head >= 2 && !determiners[sc.lower[head-1]] &&
		sc.refAt[head-1] < 0 && !prepositions[sc.lower[head-1]] && !isVerbLike(sc.lower[head-1]) &&
		!strings.HasSuffix(sc.lower[head-1], "ly") {
		// "of cross-border fighting", "five days of border clashes": a
		// gerund or plural after modifiers is a noun
		noun = true
	}
	if !noun && head > 0 && strings.HasSuffix(h, "ed") && (prepositions[sc.lower[head-1]] || determiners[sc.lower[head-1]]) &&
		head+1 < len(sc.lower) && sc.lower[head+1] != "by" {
		return "adjective" // "from jailed former Prime Minister Imran Khan": a participle used as an adjective
	}
	if !noun && head > 0 && prepositions[sc.lower[head-1]] && sc.lower[head-1] != "to" && !strings.HasSuffix(h, "ing") {
		noun = true // "tariffs on imports": a word after a preposition is a noun
	}
	if !noun && (strings.HasSuffix(h, "ed") || strings.HasSuffix(h, "ing")) &&
		(head == 0 || !determiners[sc.lower[head-1]]) {
		return "" // a participle or gerund, not a noun ("the killing" is a noun)
	}
	det := noun
	for k := head - 1; k >= 0 && k >= head-6; k-- {
		w := sc.lower[k]
		switch {
		case determiners[w] || w == "'s" || w == "’s":
			det = true
		case w == "to" && k > 0 && responseNouns[sc.lower[k-1]]:
			// "in response to Tehran's attack": a reason, like "for"
			if det || noun {
				return "for"
			}
			return ""
		case (prepositions[w] || w == "as") && w != "to":
			if det && (k >= head-4 || !noun) {
				return w
			}
			return ""
		case beForms[w] || modals[w] || futures[w] || negations[w] || boundaries[w] || w == "," || w == "to",
			strings.HasSuffix(w, "ing") && !determiners[w]:
			return ""
		}
	}
	return ""
}

// sideCountry returns the country part of a code and whether the article
// context counts it as a side: a state's actor, an unnamed international
// body ("IGO") or a transnational group ("IMG"); named bodies (IGOUNO)
// and unknown codes are not.
func sideCountry(code string) (string, bool) {
	c := actors.ParseCode(code)
	return c.Country, c.State() || c.Country == "IGO" || c.Country == "IMG"
}

// country of a ref, as the claimant field wants it: ISO-3 for states,
// the whole code for international and non-state bodies.
func claimant(code string) string {
	c := actors.ParseCode(code).Country
	if actors.ParseCode(code).State() {
		if r := actors.RoleOf(code); r == "REB" || r == "CVL" {
			return code
		}
		return c
	}
	return c
}

// mainSubject is the subject of the latest main-clause predicate.
func mainSubject(prev []*analysis) []ref {
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].cs == 0 && prev[i].src != nil {
			return prev[i].src
		}
	}
	return nil
}

// relativeAside reports whether the comma at t closes a relative clause
// set off by commas (", which is not binding,").
func (sc *sent) relativeAside(t int) bool {
	return sc.relativeAsideStart(t) >= 0
}

// inAside reports whether token t stands in a relative clause set off by
// commas that closes before head.
func (sc *sent) inAside(t, head int) bool {
	k := sc.commaBefore(t)
	if k < 0 {
		return false
	}
	end := sc.relativeAfter(k)
	return end > t && end <= head
}

// relativeAsideStart returns the comma that opens the relative clause the
// comma at t closes, or -1.
func (sc *sent) relativeAsideStart(t int) int {
	if k := sc.commaBefore(t); k >= 0 && sc.relativeAfter(k) == t+1 {
		return k
	}
	return -1
}

// commaBefore returns the nearest comma before t within an aside's
// length, or -1.
func (sc *sent) commaBefore(t int) int {
	for k := t - 1; k >= 0 && k >= t-16; k-- {
		if sc.lower[k] == "," {
			return k
		}
	}
	return -1
}

// isVerbLike guesses whether a word before a trigger is an auxiliary or a
// subject pronoun, after which the trigger is a verb.
func isVerbLike(w string) bool {
	return beForms[w] || modals[w] || futures[w] || negations[w] || pronouns[w] || w == "have" || w == "has" || w == "had" || w == "also"
}

// asClause reports whether "as" at t opens a clause ("as thousands
// marched") rather than a comparison or a role ("as well as", "as part
// of", "as a result").
func (sc *sent) asClause(t int) bool {
	if sc.lower[t] != "as" || t+1 >= len(sc.lower) {
		return false
	}
	return !asNotClause[sc.lower[t+1]]
}

// isHead reports whether token t triggers one of the sentence's matches.
func (sc *sent) isHead(t int) bool {
	for _, m := range sc.matches {
		if m.head == t && !m.p.Nominal {
			return true
		}
	}
	return false
}

// asideWithSubject reports whether the words from t hold an actor right
// before a predicate of its own ("an account Manila denied").
func (sc *sent) asideWithSubject(t int) bool {
	for k := t; k < len(sc.lower) && k < t+6; k++ {
		if r := sc.refAt[k]; r >= 0 {
			e := sc.refs[r].end
			return e < len(sc.lower) && sc.isHead(e)
		}
	}
	return false
}
