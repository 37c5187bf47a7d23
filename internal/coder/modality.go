package coder

import (
	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// Modality from the dependency tree. A predicate the text does not state
// as done is never coded as done: one inside an if/unless clause, one that
// is the content of a wish ("wants Putin to attack"), of an appeal or a
// demand ("demanded that Israel withdraw": the demand is the event), or
// of a cancellation ("called off the visit"), and the main act of a
// question. Modal and future auxiliaries read from the tree add to what
// the token analysis found; they never remove it.
func (sc *sent) treeModality(as []*analysis) {
	t := sc.tree
	if t == nil {
		return
	}
	heads := map[int]*analysis{}
	for _, a := range as {
		heads[t.word(a.m.head)] = a
	}
	question := len(sc.lower) > 0 && sc.lower[len(sc.lower)-1] == "?"
	for _, a := range as {
		v := t.word(a.m.head)
		for _, c := range t.children(nil, v, relAux, relAdvmod) {
			w := sc.lower[t.tok(c)]
			switch {
			case negations[w] && t.rel(c) == relAdvmod || w == "n't" || w == "n’t":
				if !sc.covers(a.m, t.tok(c)) && !a.refused {
					a.negated = true // (a refusal already is the negation's reading)
				}
			case t.rel(c) == relAux && modals[w] && w != "would" && !a.m.p.Has("threat"):
				a.hypothetic = true
			case t.rel(c) == relAux && futures[w]:
				a.future = true
				a.announced = a.announced || auxFutures[w]
			}
		}
		if question && t.head(v) < 0 || sc.counterfactual(v) || sc.contentOfAuthored(v) || sc.restatedAttack(a, as) {
			a.hypothetic = true
		}
		if mk := t.child(v, relMark); mk >= 0 && t.rel(v) == relAdvcl && sc.lower[t.tok(mk)] == "to" {
			if g, ok := heads[t.head(v)]; ok && g != a && !g.future && !g.hypothetic && !g.m.p.Has("say") {
				// "reopened the crossing to allow more aid in": the
				// purpose of an act done is not itself announced
				a.hypothetic = true
			}
		}
		if s := t.child(v, relNsubj); s >= 0 && force(a.m.p.Code) {
			if g, ok := heads[s]; ok && g != a && !force(g.m.p.Code) {
				// "US sanctions hit Iran's economy": force whose subject is
				// an act of another kind is a figure of speech
				a.hypothetic = true
			}
		}
		if sc.wishedFor(a) {
			a.hypothetic = true
		}
		a.halted = sc.haltedBy(a)
		a.prepared = sc.preparedFor(a)
		if sc.willingTo(a) {
			// "is prepared to strike", "are ready to hold talks": an
			// announced willingness, a threat or an intent
			a.future, a.announced = true, true
		}
		if sc.presentDescription(a, v) {
			// "the Houthis, who control Sanaa": a present-tense relative
			// clause set off by commas describes its noun, it narrates
			// no act
			a.hypothetic = true
		}
		d := v
		for hops := 0; hops < 4 && t.rel(d) == relConj; hops++ {
			d = t.head(d) // "people living in or visiting Hong Kong"
		}
		if h := t.head(d); t.rel(d) == relAcl && h >= 0 && !sc.namedActor(t.tok(h)) && (t.pos(h) == syntax.NOUN || t.pos(h) == syntax.ADJ) && participle(sc.lower[a.m.head]) && t.agent(v, sc.lower) < 0 &&
			t.child(v, relMark) < 0 && t.child(v, relCase) < 0 &&
			!a.m.p.Has("mediate") && !(a.m.end < len(sc.lower) && sc.lower[a.m.end] == "by") {
			// "people living in or visiting Hong Kong", "ships
			// carrying grain to Egypt": an -ing participle describing a noun
			// that the text names no actor for is a description, not a narrated act;
			// with its agent ("a ceasefire brokered by France") or as a
			// gerund complement ("accused … of killing") it is one
			a.hypothetic = true
		}
		if g, ok := heads[t.head(v)]; ok && g != a && !a.m.p.Nominal && t.pos(v) == syntax.NOUN && t.rel(v) == relObj &&
			!a.m.p.Has("accuse") && !a.m.p.Has("deny") && !g.m.p.Has("say") {
			// "condemned the U.S. strike on a militia base": a verb
			// pattern used as a noun that another coded predicate
			// takes as its object is what that predicate is about
			a.hypothetic = true
		}
		if (a.m.p.Nominal || a.m.start == a.m.head && a.m.end == a.m.head+1 && t.child(v, relCase) >= 0) &&
			!a.halted && !a.m.p.Has("accuse") && !a.m.p.Has("deny") && t.pos(v) == syntax.NOUN && !t.narrated(v) && !sc.announcedBy(v, heads) &&
			!sc.accusedAct(v, heads) {
			// (a one-word verb pattern on a noun after a preposition,
			// "involved in the protests", is a nominal use of it)
			// "demands include the release of…", "protests against the
			// decision": a noun that is another predicate's object or
			// circumstance is not narrated as an event
			a.hypothetic = true
		}
		if g, ok := heads[t.head(v)]; ok && t.rel(v) == relAdvcl && force(g.m.p.Code) && participle(sc.lower[a.m.head]) &&
			(force(a.m.p.Code) || a.m.p.Imported) && (len(g.src) > 0 || sc.attributed(g)) {
			// "raided the camp, killing five": deaths and damage are the
			// result of the act, not another event; when the act names no
			// target ("shelled a market, killing 15 civilians") the
			// victims are its target
			if len(g.tgt) == 0 && len(a.tgt) > 0 {
				g.tgt = a.tgt
			}
			if len(g.tgt) > 0 {
				a.negated = true
			}
		}
		sc.governedModality(a, v, heads)
		sc.obligation(a, v, heads)
		sc.announcedDetention(a, v, heads)
		for _, c := range t.children(nil, v, relAdvcl) {
			if mk := t.child(c, relMark); mk >= 0 && conditionals[sc.lower[t.tok(mk)]] {
				a.conditioned = true // "will boycott the vote unless…"
			}
		}
	}
}

// restatedAttack reports whether a is an attack noun that only restates
// and attributes a violent act told before it in the sentence: "a car bomb
// killed 12 soldiers, an attack blamed on Boko Haram".
func (sc *sent) restatedAttack(a *analysis, as []*analysis) bool {
	if sc.tree.pos(sc.tree.word(a.m.head)) != syntax.NOUN || a.m.end >= len(sc.lower) || !attributions[sc.lower[a.m.end]] {
		return false
	}
	for _, b := range as {
		if b != a && b.m.head < a.m.head && violent(b.m.p.Code) {
			return true
		}
	}
	return false
}

// contentOfAuthored reports whether the predicate at v is what a call,
// request, offer or plan asks for: "spurned a request from Egypt to reopen
// the crossing", "an offer to mediate", "calls for Russia to withdraw"
// narrate no reopening, mediation or withdrawal.
func (sc *sent) contentOfAuthored(v int) bool {
	t := sc.tree
	h := t.head(v)
	if h < 0 {
		return false
	}
	if t.rel(v) == relAdvcl && t.child(v, relMark) >= 0 && sc.lower[t.tok(t.child(v, relMark))] == "to" {
		// the parser often hangs the "to" clause on the verb whose
		// object the request is ("spurned a request … to reopen")
		if o := t.child(h, relObj); o >= 0 && o < v && authoredNouns[sc.lower[t.tok(o)]] {
			return true
		}
	}
	if t.pos(h) != syntax.NOUN || !authoredNouns[sc.lower[t.tok(h)]] {
		return false
	}
	switch t.rel(v) {
	case relAcl, relXcomp, relCcomp:
		return true
	}
	return false
}

// counterfactual reports whether the predicate at v, or one it is the
// complement of, is a perfect conditional: "a bill that would have
// allowed China to extradite suspects", "could have killed hundreds" tell
// what did not happen.
func (sc *sent) counterfactual(v int) bool {
	t := sc.tree
	for hops := 0; hops < 3 && v >= 0; hops++ {
		modal, perfect := false, false
		for _, c := range t.children(nil, v, relAux) {
			w := sc.lower[t.tok(c)]
			modal = modal || modals[w] || auxFutures[w]
			perfect = perfect || w == "have"
		}
		if modal && perfect {
			return true
		}
		if t.rel(v) != relXcomp {
			break
		}
		v = t.head(v)
	}
	return false
}

// obligation reads "Russia said Sudan must return the helicopter": an act
// under a deontic auxiliary in what a speaker says is the speaker's demand
// on the act's subject.
func (sc *sent) obligation(a *analysis, v int, heads map[int]*analysis) {
	t := sc.tree
	deontic := false
	for _, c := range t.children(nil, v, relAux) {
		deontic = deontic || deontics[sc.lower[t.tok(c)]]
	}
	if !deontic || a.m.p.Has("threat") {
		return
	}
	// an obligation is no act: without a speaker to demand it, nothing
	a.hypothetic = true
	if a.negated || len(a.src) == 0 {
		return
	}
	w := v
	for hops := 0; hops < 3 && t.rel(w) == relConj; hops++ {
		w = t.head(w)
	}
	g := sc.speechOver(w, heads)
	if g == nil || len(g.src) == 0 || sameRefs(g.src, a.src) {
		return
	}
	a.demandedBy, a.obliged = g.src, a.src
	a.hypothetic = false
}

// governedModality walks from the predicate up through the clauses that
// contain it and applies what a governing clause says about it.
func (sc *sent) governedModality(a *analysis, v int, heads map[int]*analysis) {
	t := sc.tree
	// a nominal trigger that modifies its noun takes the noun's place in
	// the clause
	v = t.modifiedNoun(v)
	for w, hops := v, 0; w >= 0 && hops < 8; hops++ {
		r, h := t.rel(w), t.head(w)
		if r == relAdvcl || r == relCcomp || r == relXcomp || r == relConj {
			for _, m := range t.children(nil, w, relMark) {
				if conditionals[sc.lower[t.tok(m)]] {
					a.hypothetic = true // "if Iran attacks", "unless talks resume"
				}
			}
		}
		if h < 0 {
			return
		}
		if mk := t.child(w, relMark); r == relAcl && w == v && mk >= 0 && t.pos(mk) == syntax.PART && t.pos(h) == syntax.NOUN {
			// "the decision to suspend talks", "a plan to expel": what a
			// noun intends is its content, not an event
			a.hypothetic = true
		}
		if r == relXcomp || r == relCcomp || r == relObj || t.particleObject(w, h, sc.lower) {
			hl := t.lemma(h)
			if r == relXcomp && vowVerbs[hl] {
				a.announced = true // "vowed to retaliate", "have sworn to fight"
			}
			if r == relXcomp && threatVerbs[hl] && (w == v || a.halted) && !sc.covers(a.m, t.tok(h)) {
				a.conditioned = true // "threatened to expel the ambassador"
			}
			switch {
			case w == v && r != relCcomp && sc.deniedBy(h, heads) && !a.m.p.Has("accuse") && !sc.covers(a.m, t.tok(h)):
				a.negated = true // "Rwanda denied supporting the rebels"
			case desireVerbs[hl] && !sc.covers(a.m, t.tok(h)):
				a.hypothetic = true // "wants Putin to attack", "urged them to leave"
			case r != relObj && sc.negatedWord(h) && !sc.covers(a.m, t.tok(h)):
				a.negated = true // "did not agree to meet", "failed to persuade"
			case cancelVerbs[hl] || cancelVerbs[hl+"_"+t.particle(h, sc.lower)]:
				if c := a.m.p.Code; !cooperative(c) && cancelled.covers(c) && w == v {
					a.cancelled = true   // "called off the strike": a concession
					a.hypothetic = false // (a noun the calling off takes is narrated by it)
					if g, ok := heads[h]; ok && g != a {
						g.negated = true // the calling off is that concession, not an event of its own
					}
				} else {
					a.negated = true // "called off the visit"
				}
			case w == v && (refusalVerbs[hl] || refusalVerbs[hl+"_"+t.particle(h, sc.lower)]) && !sc.covers(a.m, t.tok(h)):
				// "refused to deploy peacekeepers": a rejection of the
				// cooperative act; refusing a hostile one is no event
				if cooperative(a.m.p.Code) {
					a.refused = true
				} else {
					a.negated = true
				}
			}
			if g, ok := heads[h]; ok && g != a && contentTaking(g.m.p) && !g.m.p.Has("control") && w == v {
				if g.content == nil {
					g.content = a
				}
				// "demanded that Israel withdraw": the demand is coded, its
				// content is not a second event
				a.hypothetic = true
			}
		}
		if mk := t.child(w, relMark); r == relAdvcl && w == v && mk >= 0 && sc.lower[t.tok(mk)] == "to" {
			if g, ok := heads[h]; ok && g != a && contentTaking(g.m.p) && !g.m.p.Has("control") {
				// "appealed to Kenya to release the fishermen", parsed as a
				// purpose: what an appeal asks for is its content
				a.hypothetic = true
				if g.content == nil {
					g.content = a
				}
			}
		}
		if r == relConj || r == relXcomp || r == relCcomp || r == relAdvcl || r == relAcl || r == relAclRelcl ||
			a.halted && w == v && r == relObj {
			// a halted act takes its modality from the verb that stops
			// it: "threatened to suspend trade"
			w = h
			continue
		}
		return
	}
}

// haltedBy reports whether a cooperative act is what a verb of stopping
// stops: its noun (or the noun its trigger modifies: "military
// cooperation") is that verb's object, or the subject of its passive
// ("aid was frozen"). The source is then the side that stops it.
func (sc *sent) haltedBy(a *analysis) bool {
	t := sc.tree
	if t == nil || !cooperative(a.m.p.Code) {
		return false
	}
	w := t.modifiedNoun(t.word(a.m.head))
	h := t.head(w)
	if h < 0 || t.rel(w) != relObj && t.rel(w) != relNsubjPass {
		return false
	}
	return stopVerbs[t.lemma(h)] && !sc.covers(a.m, t.tok(h))
}

// preparedFor reports whether an act of force is what its agent prepares
// or gets ready to do ("prepared to resume shelling", "are preparing to
// attack"): the words before the trigger are "to", an aspectual at most,
// and a form of a verb of preparing.
func (sc *sent) preparedFor(a *analysis) bool {
	if !force(a.m.p.Code) {
		return false
	}
	k := a.m.start - 1
	if k > 0 && aspectuals[sc.lower[k]] {
		k-- // "prepared to resume shelling"
	}
	if k < 1 || sc.lower[k] != "to" || !prepareVerbs[sc.lower[k-1]] {
		return false
	}
	// "is prepared to strike" is a willingness, a threat: not a preparation
	return !(sc.lower[k-1] == "prepared" && k >= 2 && beForms[sc.lower[k-2]])
}

// willingTo reports whether the act is what its agent says it is prepared,
// ready or willing to do: a be-form, one of [willingWords], "to", an
// aspectual at most, then the trigger.
func (sc *sent) willingTo(a *analysis) bool {
	k := a.m.start - 1
	if k > 0 && aspectuals[sc.lower[k]] {
		k--
	}
	return k >= 2 && sc.lower[k] == "to" && willingWords[sc.lower[k-1]] && beForms[sc.lower[k-2]]
}

// force reports whether code is a use of force (roots 18–20).
func force(code string) bool {
	r := verbs.Root(code)
	return r >= "18" && r <= "20"
}

// participle reports whether a trigger word is an -ing form.
func participle(w string) bool { return len(w) > 4 && w[len(w)-3:] == "ing" }

// presentDescription reports whether the verb v of a stands, in the
// present tense and with no auxiliary, in a relative clause set off by
// commas (", which runs Gaza,"), however the parse hangs it.
func (sc *sent) presentDescription(a *analysis, v int) bool {
	t, h := sc.tree, a.m.head
	if a.m.p.Nominal || t.child(v, relAux) >= 0 || t.child(v, relAuxPass) >= 0 {
		return false
	}
	k := sc.commaBefore(h)
	return k >= 0 && k >= h-4 && sc.relativeAfter(k) > h && verbs.Present(sc.lower[h], t.lemma(v))
}

// contentTaking reports whether a pattern's clausal complement is what it
// asks, demands, threatens or accuses, rather than a second event.
// wishedFor reports whether the trigger is the infinitive of a verb of
// wishing or persuading a few words before it ("did not persuade world
// leaders to sanction Saudi Arabia"), however the parse reads the "to":
// what is wished for has not happened.
func (sc *sent) wishedFor(a *analysis) bool {
	h := a.m.head
	if h < 2 || sc.lower[h-1] != "to" {
		return false
	}
	for k := h - 2; k >= 0 && k >= h-5; k-- {
		if desireVerbs[sc.tree.lemma(sc.tree.word(k))] {
			return true
		}
	}
	return false
}

// appealContents links an appeal, demand or threat whose pattern ends in
// "to" ("called on $T to", "call for $T to") with the predicate right
// after it, whatever the parse made of the words between: what it asks
// for is its content, no event of the appealer's own.
func (sc *sent) appealContents(as []*analysis) {
	for _, g := range as {
		if !contentTaking(g.m.p) || g.m.p.Has("control") || g.m.end == 0 || sc.lower[g.m.end-1] != "to" {
			continue
		}
		for _, a := range as {
			if a != g && a.m.head >= g.m.end && a.m.head <= g.m.end+1 {
				a.hypothetic = true
				if g.content == nil {
					g.content = a
				}
			}
		}
	}
}

func contentTaking(p *verbs.Pattern) bool {
	switch verbs.Root(p.Code) {
	case "02", "10", "13":
		return !p.Has("say")
	}
	return false
}

// negatedWord reports whether the predicate w has a negation of its own.
func (sc *sent) negatedWord(w int) bool {
	t := sc.tree
	for _, c := range t.children(nil, w, relAdvmod, relAux) {
		if l := sc.lower[t.tok(c)]; negations[l] || l == "n't" || l == "n’t" {
			return true
		}
	}
	return false
}

// covers reports whether token t is one of the match's own words.
func (sc *sent) covers(m *match, t int) bool {
	for _, c := range m.covered {
		if c == t {
			return true
		}
	}
	return false
}

// particle returns the lower-cased verb particle of w ("off" in "called
// off"), or "".
func (t *tree) particle(w int, lower []string) string {
	if p := t.child(w, relCompoundPrt); p >= 0 {
		return lower[t.tok(p)]
	}
	// a parser may read the particle as the preposition of the object
	// ("called off | the strike" as "off the strike"): the word right
	// after the verb that is the case word of one of its obliques
	if next := t.tok(w) + 1; next < len(lower) {
		for _, o := range t.children(nil, w, relObl) {
			if c := t.child(o, relCase); c >= 0 && t.tok(c) == next {
				return lower[next]
			}
		}
	}
	return ""
}

// particleObject reports whether w is the object of the phrasal verb h
// that a parser read as an oblique ("called off the strike").
func (t *tree) particleObject(w, h int, lower []string) bool {
	if t.rel(w) != relObl {
		return false
	}
	prt := t.particle(h, lower)
	if prt == "" {
		return false
	}
	c := t.child(w, relCase)
	// "called | off | the strike", read as "off the strike" or as a
	// particle with a caseless oblique
	return c < 0 || t.tok(c) == t.tok(h)+1 && lower[t.tok(c)] == prt
}

// namedActor reports whether token t is part of an actor the text names,
// not one resolved from context ("people", "the ministry").
func (sc *sent) namedActor(t int) bool {
	r := sc.refAt[t]
	return r >= 0 && !sc.refs[r].context
}

// announcedDetention reads "Police director Rebic said 71 people were
// arrested": a detention in the passive that no agent is named for,
// announced by the police or the government, was made by the police of
// that country (the gold conventions' unambiguous-agent rule).
func (sc *sent) announcedDetention(a *analysis, v int, heads map[int]*analysis) {
	if !a.passive || len(a.src) > 0 || verbs.Root(a.m.p.Code) != "17" {
		return
	}
	g := sc.speechOver(v, heads)
	if g == nil || len(g.src) == 0 {
		return
	}
	sp := g.src[0]
	if r := actors.RoleOf(sp.code); r != "COP" && r != "GOV" {
		return
	}
	code := actors.ParseCode(sp.code)
	if !code.State() {
		return
	}
	c := code.Country
	a.src = []ref{{code: c + "COP", start: -1, context: true, explain: []string{"detention announced by " + sp.code + " → police " + c + "COP"}}}
}

// speechOver returns the speech verb's analysis whose content the clause
// headed by w is: "Russia said Sudan must return…" (a complement) or
// "Sudan must return the helicopter, Russia said" (the speech verb
// hanging on the clause); nil if none.
func (sc *sent) speechOver(w int, heads map[int]*analysis) *analysis {
	t := sc.tree
	if t.rel(w) == relCcomp {
		if g, ok := heads[t.head(w)]; ok && g.m.p.Has("say") {
			return g
		}
		return nil
	}
	if t.head(w) >= 0 {
		return nil
	}
	for _, c := range t.children(nil, w, relParataxis, relAdvcl) {
		// (a parser may hang "…, X said" on the clause as an adverbial)
		if g, ok := heads[c]; ok && g.m.p.Has("say") {
			return g
		}
	}
	return nil
}

// deniedBy reports whether the word h is the trigger of a denial, whose
// gerund or infinitive object is denied, not done.
func (sc *sent) deniedBy(h int, heads map[int]*analysis) bool {
	g, ok := heads[h]
	return ok && g.m.p.Has("deny")
}

// announcedBy reports whether the noun v is what a speech verb announces
// ("Italy announced a suspension of air links"): announcing an act is
// telling it as done.
func (sc *sent) announcedBy(v int, heads map[int]*analysis) bool {
	t := sc.tree
	if t.rel(v) != relObj {
		return false
	}
	g, ok := heads[t.head(v)]
	return ok && g.m.p.Has("say") && announceVerbs[t.lemma(t.head(v))]
}

// accusedAct reports whether the noun v is the act an accusation names
// ("accused each other of shelling"): the accusation frame codes it as a
// claim, so it is not a mere circumstance.
func (sc *sent) accusedAct(v int, heads map[int]*analysis) bool {
	t := sc.tree
	for w, hops := t.head(v), 0; w >= 0 && hops < 2; w, hops = t.head(w), hops+1 {
		if g, ok := heads[w]; ok && g.m.p.Has("accuse") {
			return true
		}
	}
	return false
}
