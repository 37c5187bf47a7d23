package coder

import (
	"github.com/flashpoint/flashpoint/internal/verbs"
	"slices"
	"strconv"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/syntax"
)

// Participants from the dependency tree. The token-string analysis in
// clause.go guesses the subject as "the nearest actor to the left" and
// the object as "the first actor to the right"; on text it was not tuned
// on that picks neighbouring countries, victims, outlets and datelines.
// The tree says which phrase is the predicate's subject, object or agent,
// so where it names an actor it wins.

// actorsOf returns the actors a nominal at word w names, with the actors
// of its conjuncts ("Russia and China").
func (sc *sent) actorsOf(w int) []ref {
	var out []ref
	var visit func(w, depth int)
	visit = func(w, depth int) {
		for _, r := range sc.actorAt(w) {
			if !containsRef(out, r) {
				out = append(out, r)
			}
		}
		if depth < 4 {
			for _, c := range sc.tree.children(nil, w, relConj) {
				visit(c, depth+1)
			}
		}
	}
	visit(w, 0)
	return out
}

func containsRef(rs []ref, r ref) bool {
	for _, x := range rs {
		if x.start == r.start && x.end == r.end && x.code == r.code {
			return true
		}
	}
	return false
}

// everyRef reports whether ok holds for each ref of rs.
func everyRef(rs []ref, ok func(ref) bool) bool {
	for _, r := range rs {
		if !ok(r) {
			return false
		}
	}
	return true
}

// actorAt returns the actor the nominal at w names, or nil. Its own name
// comes first: the word with its flat and compound parts, where English
// puts the head last ("Bosnian Serbs", "President Bill Clinton"). A name
// the text gives beats a role resolved from context, so a modifier can
// name the actor ("the U.N. war crimes court": IGOUNO, not a court of the
// article's country; "troops of Azerbaijan", "Armenia's army", "hundreds
// of Armenians"). Origins and affiliations ("U.S.-drafted",
// "pro-Iranian") never name who the nominal is.
func (sc *sent) actorAt(w int) []ref {
	t := sc.tree
	core := -1
	consider := func(tok int) {
		r := sc.refAt[tok]
		if r < 0 || !sc.nominalActor(r) {
			return
		}
		if core < 0 || sc.refs[core].context && !sc.refs[r].context ||
			sc.refs[core].context == sc.refs[r].context && sc.refs[r].end > sc.refs[core].end {
			core = r
		}
	}
	consider(t.tok(w))
	for _, c := range t.children(nil, w, relFlat, relCompound) {
		consider(t.tok(c))
	}
	if core >= 0 && !sc.refs[core].context {
		return sc.refGroup(core)
	}
	best, bestTop, bestScore := -1, -1, -1
	counted := -1 // "a number of journalists": the people a quantity counts
	var walk func(w, top, depth int)
	walk = func(w, top, depth int) {
		for _, c := range t.children(nil, w, relCompound, relAmod, relNmodPoss, relFlat, relAppos, relNmod) {
			if cw := t.caseWord(c, sc.lower); t.rel(c) == relNmod && !ofMarkers[cw] && !(exampleMarkers[cw] && depth == 0 && sc.refAt[t.tok(w)] < 0) {
				// "talks with Iran" does not name who talks; "countries
				// including Algeria and Morocco" names which countries
				continue
			}
			if depth == 0 {
				top = c
			}
			r := sc.refAt[t.tok(c)]
			if r >= 0 && sc.nominalActor(r) && !sc.refs[r].context {
				if score := len(sc.refs[r].code); score > bestScore {
					best, bestTop, bestScore = r, top, score
				}
			}
			if r >= 0 && depth == 0 && counted < 0 && t.rel(c) == relNmod && quantities[sc.lower[t.tok(w)]] {
				counted = c
			}
			if depth < 1 {
				walk(c, top, depth+1)
			}
		}
	}
	walk(w, -1, 0)
	switch {
	case best >= 0 && followers[sc.lower[t.tok(w)]]:
		// "supporters of former President Ben Bella": the people who
		// follow a state's leader are its civilians; a party's or a
		// movement's followers are of it
		return supportersOf(sc.actorsOf(bestTop))
	case best >= 0:
		// the whole modifier, with its conjuncts: "the foreign ministers
		// of Armenia and Azerbaijan", "scores of Sierra Leonean and
		// Liberian refugees"
		return sc.actorsOf(bestTop)
	case core >= 0:
		return sc.refGroup(core)
	case counted >= 0:
		return sc.actorsOf(counted)
	}
	return nil
}

// supportersOf turns the state actors among rs into their country's
// civilians.
func supportersOf(rs []ref) []ref {
	out := make([]ref, len(rs))
	for i, r := range rs {
		c := actors.ParseCode(r.code)
		if c.State() && (c.Role == "" || c.Role == "GOV" || c.Role == "GOVMIL" || c.Role == "MIL") {
			r.code = c.Country + "CVL"
			r.explain = append(r.explain[:len(r.explain):len(r.explain)], "followers of "+c.String()+" → "+r.code)
		}
		out[i] = r
	}
	return out
}

// refGroup returns ref r, or all the refs that stand together for one
// phrase with it: "both nations", "they" for a listed compound.
func (sc *sent) refGroup(r int) []ref {
	g := sc.groupOf(sc.refs[r].start)
	if g < 0 {
		return []ref{sc.refs[r]}
	}
	rs := sc.refsOf(g)
	if len(rs) > 1 && (rs[0].pair || rs[0].pronoun) {
		return rs
	}
	return []ref{sc.refs[r]}
}

// nominalActor reports whether ref r names who a nominal is, rather than
// where it comes from or whom it sides with.
func (sc *sent) nominalActor(r int) bool {
	x := sc.refs[r]
	if originCompound(sc.lower, x.end) {
		return false // "U.S.-drafted", "Iran-backed"
	}
	if x.start >= 2 && sc.lower[x.start-1] == "-" && affiliations[sc.lower[x.start-2]] {
		return false // "pro-Iranian", "anti-Western"
	}
	return true
}

// treeArgs replaces the guessed participants of a verbal trigger with
// those its tree names. Nominal triggers and agentive compounds ("a
// Russia-mediated ceasefire") keep the token analysis.
func (sc *sent) treeArgs(a *analysis, prev []*analysis) {
	t := sc.tree
	m := a.m
	if t != nil && m.p.Nominal && !a.agentive {
		sc.circumstanceSubject(a)
	}
	if t == nil || m.p.Nominal || a.agentive || m.p.Has("mediate") || m.p.Has("visit") {
		// mediation and visits read their parties from frames of their own
		return
	}
	v := t.word(m.head)
	if p := t.pos(v); p != syntax.VERB && p != syntax.AUX {
		if p == syntax.NOUN && participle(sc.lower[m.head]) {
			// "allied with Kurdish groups in fighting ISIS": a gerund
			// told as a circumstance is the clause subject's act
			sc.circumstanceSubject(a)
		}
		return
	}
	subj, patient := t.subject(v, sc.lower)
	passive := patient || t.passive(v)
	var src, tgt []ref
	if passive {
		ag := t.agent(v, sc.lower)
		if ag < 0 {
			relative := t.rel(v) == relAclRelcl && subj == t.head(v) // "an activist who was arrested"
			if subj >= 0 && (force(m.p.Code) && t.passive(v) || relative) {
				if tg := sc.actorsOf(subj); len(tg) > 0 {
					// "Prime Minister Robert Fico was shot": the subject
					// underwent the act, whose agent the text does not name
					a.tgt, a.treeTgt, a.passive = tg, true, true
					if subset(a.src, tg) {
						a.src = nil
					}
				}
			}
			return // "were arrested": who acted is the token analysis's call
		}
		src = sc.actorsOf(ag)
		if subj >= 0 {
			tgt = sc.actorsOf(subj)
			if len(tgt) == 0 {
				tgt = sc.authorOfDefinite(subj) // "the call was seconded by…"
			}
		}
		if len(tgt) == 0 && subj >= 0 && slices.Contains(m.covered, t.tok(subj)) {
			// "sanctions were imposed on Iran by the EU": the subject is
			// the pattern's own noun, the target its complement
			tgt = sc.treeObject(v)
		}
	} else {
		if subj >= 0 {
			src = sc.actorsOf(subj)
			if len(src) == 0 && t.pos(subj) == syntax.NOUN && !m.p.Imported && t.rel(v) == relAdvcl {
				// "A typhoon lashed southern China, killing three
				// people": the participle's subject is the main
				// clause's, which is no actor; an actor the word
				// order offers is the main clause's object
				a.src = nil
			}
		}
		tgt = sc.treeObject(v)
	}
	if len(src) > 0 && !passive && objectOfEarlier(src, prev) && t.rel(v) != relAclRelcl {
		// "arrested two Americans and a Spaniard, accusing them…": a
		// subject that an earlier predicate already took as its object
		// is a misattached parse, unless a relative clause says so
		src = nil
	}
	if len(src) > 0 && subset(src, a.src) {
		a.treeSrc = true
	} else if subj < 0 && !passive && len(a.src) > 0 && a.src[len(a.src)-1].end == m.head && !a.src[0].pronoun {
		// the tree found no subject at all (a misparse: "French
		// President Emmanuel Macron called for…" read as a date's
		// conjunct), but the actor stands right before the verb
		a.treeSrc = true
	} else if len(src) > 0 {
		// where the word-order guess already holds the tree's actor among
		// a longer list ("A and B signed"), the list is kept: parsers
		// misattach long coordinated names more often than lists lie
		a.src = src
		a.passive = passive
		a.treeSrc = true
	}
	// a target the pattern itself placed ("urged $T to") stays, and in a
	// pattern with a $T of its own, a word of the pattern is none
	// ("expressed opposition to $T"; "stormed parliament" has no $T)
	if len(tgt) > 0 && slices.Contains(m.covered, tgt[0].start) && m.p.HasTarget() {
		tgt = nil
	}
	if len(tgt) > 0 && !sameRefs(tgt, a.src) && (m.target < 0 || passive) {
		a.tgt = tgt
		a.treeTgt = true
	} else if m.target >= 0 {
		a.treeTgt = true
	}
	if len(tgt) == 0 && !passive && a.treeSrc && cooperative(m.p.Code) && distinctCountries(a.src) >= 2 {
		// "Hungary and Romania agreed to cooperate", "the Turkish and
		// Greek sides agreed to share information": a compound subject of
		// a cooperative predicate with no object acts towards each other;
		// a name the word-order guess found further right is not the
		// object the tree lacks
		a.tgt = nil
		a.treeTgt = true
	}
}

// circumstanceSubject makes the subject of the clause the source of a
// nominal event told as its circumstance ("Sisi praised Qatar's role in a
// phone call with the emir", "met … during talks with"): who holds the
// call is who the clause is about, not the nearest name before it.
func (sc *sent) circumstanceSubject(a *analysis) {
	t := sc.tree
	n := t.word(a.m.head)
	if t.rel(n) == relCase || t.rel(n) == relDet || t.rel(n) == relCompound {
		n = t.head(n) // the pattern opens with "in a phone call"
	}
	if n < 0 || t.rel(n) != relObl && t.rel(n) != relNmod || !circumstancePreps[t.caseWord(n, sc.lower)] {
		return // (nmod: the parser hangs the phrase on the object before it)
	}
	gerund := participle(sc.lower[a.m.head])
	for v, hops := t.head(n), 0; v >= 0 && hops < 4; v, hops = t.head(v), hops+1 {
		if o := t.child(v, relObj); gerund && o >= 0 {
			// "helped Azerbaijan in fighting…": the object does it
			if src := sc.actorsOf(o); len(src) > 0 && !sameRefs(src, a.tgt) {
				a.src, a.treeSrc, a.circumstance = src, true, n
				return
			}
		}
		if s := t.child(v, relNsubj); s >= 0 {
			if src := sc.actorsOf(s); len(src) > 0 && !sameRefs(src, a.tgt) {
				a.src = src
				a.treeSrc = true
				a.circumstance = n
			}
			return
		}
		if r := t.rel(v); r != relAdvcl && r != relXcomp && r != relConj && r != relObj {
			return
		}
	}
}

// distinctCountries counts the different countries (or organisations)
// among the refs.
func distinctCountries(rs []ref) int {
	seen := map[string]bool{}
	for _, r := range rs {
		seen[actors.CountryOf(r.code)] = true
	}
	return len(seen)
}

// treeObject returns the actors of the predicate's object: the direct or
// indirect object, else an oblique that is not a place or circumstance
// ("fired on the village", "talks with Iran").
func (sc *sent) treeObject(v int) []ref {
	t := sc.tree
	for _, r := range [...]syntax.Rel{relObj, relIobj} {
		o := t.child(v, r)
		if o < 0 {
			continue
		}
		if as := sc.actorsOf(o); len(as) > 0 && !as[0].owned {
			// "withdraw its troops from Lebanon": one's own units
			// are not the target; "ceded control of Macau to China":
			// an actor in the object's of-complement yields to a
			// recipient
			if sc.refAt[t.tok(o)] < 0 {
				for _, c := range t.children(nil, o, relNmod) {
					if ofMarkers[t.caseWord(c, sc.lower)] {
						if to := sc.recipient(v, c); len(to) > 0 {
							return to
						}
					}
				}
			}
			return as
		}
		if as := sc.authorOfDefinite(o); len(as) > 0 {
			return as // "Russia rejected the proposal": its author's
		}
		// "boycott all contact with the United States", "imposed
		// sanctions on Iran": the object's complement names the target;
		// an of-complement yields to a recipient ("handed over control of
		// Hong Kong to China")
		for _, c := range t.children(nil, o, relNmod, relObl) { // (obl: a misparsed nmod)
			if cw := t.caseWord(c, sc.lower); cw != "" && !locatives[cw] && (!nonTarget[cw] || sc.authoredBy(o, cw)) {
				if ofMarkers[cw] {
					if to := sc.recipient(v, c); len(to) > 0 {
						return to
					}
				}
				if as := sc.actorsOf(c); len(as) > 0 && !as[0].owned {
					return as
				}
			}
		}
	}
	if p := sc.placeTarget(v); len(p) > 0 {
		return p
	}
	if p := sc.personTarget(v); len(p) > 0 {
		return p
	}
	for _, o := range t.children(nil, v, relObl) {
		c := t.caseWord(o, sc.lower)
		if c == "" || locatives[c] || nonTarget[c] && !sc.authorOfObject(v, o, c) {
			continue
		}
		if as := sc.actorsOf(o); len(as) > 0 && !sc.absoluteAfter(as[len(as)-1].end) {
			return as
		}
	}
	return nil
}

// authorOfDefinite returns the author of "the call", "the proposal", "the
// offer" that a sentence before made: the source of the last appeal,
// offer or demand of the two sentences before; nil for any other noun.
func (sc *sent) authorOfDefinite(o int) []ref {
	t := sc.tree
	if !authoredNouns[sc.lower[t.tok(o)]] {
		return nil
	}
	d := t.child(o, relDet)
	if d < 0 || !articles[sc.lower[t.tok(d)]] && sc.lower[t.tok(d)] != "this" {
		return nil
	}
	for i := len(sc.d.evs) - 1; i >= 0; i-- {
		e := sc.d.evs[i]
		if e.s.Index < sc.s.Index-2 {
			break
		}
		if e.s.Index == sc.s.Index {
			continue
		}
		if r := verbs.Root(e.code); r == "02" || r == "03" || r == "10" {
			x := e.src
			x.start = -1
			x.explain = append(x.explain[:len(x.explain):len(x.explain)], "author of the "+sc.lower[t.tok(o)]+" of sentence "+strconv.Itoa(e.s.Index))
			return []ref{x}
		}
	}
	return nil
}

// authoredBy reports whether case word cw before a modifier of noun o
// names o's author: "rejected calls by Belarus", "defied a ban by the
// general"; the author is whom a reaction to the noun is aimed at.
func (sc *sent) authoredBy(o int, cw string) bool {
	return agentMarkers[cw] && authoredNouns[sc.lower[sc.tree.tok(o)]]
}

// authorOfObject reports whether the oblique o of v, with case word cw,
// is the author of v's object that the parser hung on the verb: "rejected
// calls by Belarus's rulers" read as "rejected calls" + "by the rulers".
func (sc *sent) authorOfObject(v, o int, cw string) bool {
	obj := sc.tree.child(v, relObj)
	return obj >= 0 && obj < o && sc.authoredBy(obj, cw) && !sc.tree.passive(v)
}

// recipient returns the actors of the predicate's "to" phrase, or nil.
func (sc *sent) recipient(v, of int) []ref {
	t := sc.tree
	// "to China" may hang on the verb or, in a parse, on the
	// of-complement ("control of Macau to China")
	cands := append(t.children(nil, v, relObl), t.children(nil, of, relNmod)...)
	for _, o := range cands {
		if t.caseWord(o, sc.lower) == "to" {
			return sc.actorsOf(o)
		}
	}
	return nil
}

// subset reports whether every ref of a is in b.
func subset(a, b []ref) bool {
	for _, r := range a {
		if !containsRef(b, r) {
			return false
		}
	}
	return len(b) > 0
}

// objectOfEarlier reports whether every ref of rs is a target of an
// earlier predicate of the sentence.
func objectOfEarlier(rs []ref, prev []*analysis) bool {
	return everyRef(rs, func(r ref) bool {
		// a speech verb's object is no participant: "Hungary said it
		// will support…" keeps "it" as the subject
		return slices.ContainsFunc(prev, func(p *analysis) bool { return !p.m.p.Has("say") && containsRef(p.tgt, r) })
	})
}

// placePhrase returns the token range of the locative phrase the tree
// attaches to the predicate ("killed two Palestinians in Hebron", "clashes
// near the border"), or to its object, or an empty range.
func (sc *sent) placePhrase(a *analysis) tokSpan {
	t := sc.tree
	if t == nil {
		return tokSpan{}
	}
	v := t.word(a.m.head)
	heads := []int{v}
	if o := t.child(v, relObj); o >= 0 {
		heads = append(heads, o)
	}
	for _, h := range heads {
		for _, c := range t.children(nil, h, relObl, relNmod) {
			if !locatives[t.caseWord(c, sc.lower)] || t.pos(c) == syntax.NUM || timeNouns[sc.lower[t.tok(c)]] {
				continue // "in 2006", "in March": a time, not a place
			}
			lo, hi := t.span(c)
			if lo < 0 {
				continue
			}
			return tokSpan{t.tok(lo), t.tok(hi) + 1}
		}
	}
	return tokSpan{}
}

// placeTarget returns the country of a town or region that a use of
// force or coercion is aimed at ("shelled Kharkiv" → UKR), from the
// gazetteer the pipeline gives the coder. Only a proper-noun object that
// names no actor qualifies.
func (sc *sent) placeTarget(v int) []ref {
	t := sc.tree
	if sc.d.c.Places == nil || !t.placeAimed(v) {
		return nil
	}
	o := t.child(v, relObj)
	if o < 0 || t.pos(o) != syntax.PROPN || sc.refAt[t.tok(o)] >= 0 {
		return nil
	}
	lo, hi := t.nameSpan(o)
	if e := t.tok(hi); e+1 < len(sc.toks) && sc.toks[e+1].Text == "-" && sc.toks[e+1].Start == sc.toks[e].End {
		return nil // "al-Quaety": the first part of a hyphenated name is no place
	}
	name := sc.s.Text[sc.toks[t.tok(lo)].Start:sc.toks[t.tok(hi)].End]
	c, ok := sc.d.c.Places(name)
	if !ok {
		return nil
	}
	return []ref{{code: c, start: t.tok(lo), end: t.tok(hi) + 1, explain: []string{"place \"" + name + "\" → " + c + " (gazetteer)"}}}
}

// personTarget codes the private person a coercive act or an attack is
// aimed at ("police arrested a suspect", "gunmen shot a man", "a court
// sentenced Ahmed Ali") as a civilian of the acting state's country: the
// object is a person noun of the personNouns class or a proper name no
// dictionary knows. Coercion and violence only: "met a man" is no event.
func (sc *sent) personTarget(v int) []ref {
	t := sc.tree
	if !coerciveVerbs[t.lemma(v)] || len(sc.refs) == 0 {
		return nil
	}
	o := t.child(v, relObj)
	if o < 0 || sc.refAt[t.tok(o)] >= 0 {
		return nil
	}
	switch {
	case t.pos(o) == syntax.NOUN && personNouns[t.lemma(o)]:
	case t.pos(o) == syntax.PROPN && t.child(o, relFlat) >= 0:
		// a full name ("Ahmed Ali"); a lone capitalised word may be a place
	default:
		return nil
	}
	subj, _ := t.subject(v, sc.lower)
	if subj < 0 {
		return nil
	}
	src := sc.actorsOf(subj)
	if len(src) == 0 {
		return nil
	}
	code := actors.ParseCode(src[0].code)
	if !code.State() {
		return nil
	}
	c := code.Country
	lo, hi := t.nameSpan(o)
	return []ref{{code: c + "CVL", start: t.tok(lo), end: t.tok(hi) + 1, context: true,
		explain: []string{"person \"" + sc.span(t.tok(lo), t.tok(hi)+1) + "\" → " + c + "CVL (the actor's country)"}}}
}

// dropModifiers forgets the role words the tree reads as adjectives of
// another noun ("official contact", "military aid", "police
// investigation"): a role resolved from context only names an actor as a
// noun. Names the text gives ("Russian aircraft") stay.
func (sc *sent) dropModifiers() {
	t := sc.tree
	for i, r := range sc.refs {
		if !r.context || r.end-r.start != 1 || r.pronoun || sc.refAt[r.start] != i {
			continue
		}
		w := t.word(r.start)
		if t.rel(w) != relAmod || t.pos(w) != syntax.ADJ {
			continue
		}
		sc.unref(r.start)
	}
}

// unref takes the actor off token k: it names no participant.
func (sc *sent) unref(k int) {
	sc.refAt[k] = -1
	if g := sc.groupAt[k]; g >= 0 && len(sc.groups[g].refs) == 1 {
		sc.groupAt[k] = -1
		sc.groups[g].start, sc.groups[g].end = -1, -1
	}
}

// thingObject reports whether the object pronoun at word w stands for the
// object of the verb its own verb is joined to, a thing no actor names
// ("obtained the messages and released them", "seized the documents and
// burned them"); "them" needs a plural, and the thing is the object's
// head noun, whatever actor a phrase in it names.
func (sc *sent) thingObject(w int) bool {
	t := sc.tree
	v := t.head(w)
	if v < 0 || t.rel(v) != relConj {
		return false
	}
	o := t.child(t.head(v), relObj)
	if o < 0 || t.pos(o) != syntax.NOUN || o > w {
		return false
	}
	if sc.lower[t.tok(w)] == "them" && sc.lower[t.tok(o)] == t.lemma(o) {
		return false // "arrested the leader and freed them"
	}
	lo := t.leftmost(o)
	if lo < 0 {
		lo = o
	}
	for k := t.tok(lo); k <= t.tok(o); k++ {
		if sc.refAt[k] >= 0 {
			return false // "two Palestinian teenagers"
		}
	}
	return true // "the weapons of the Islamic State" are weapons
}

// rebindPronouns re-resolves an object pronoun that word order bound to
// its own clause's subject ("police fired tear gas at them" cannot mean
// the police): the most recent earlier subject of another code, else the
// most recent other actor.
func (sc *sent) rebindPronouns() {
	t := sc.tree
	for i := range sc.refs {
		r := &sc.refs[i]
		if !r.pronoun || r.pair || r.start < 0 || sc.refAt[r.start] != i || !objectPronouns[sc.lower[r.start]] {
			continue
		}
		w := t.word(r.start)
		if rel := t.rel(w); rel != relObj && rel != relObl && rel != relIobj {
			continue
		}
		if t.rel(w) == relObj && sc.thingObject(w) {
			sc.unref(r.start)
			continue
		}
		subj, _ := t.subject(t.head(w), sc.lower)
		if subj < 0 {
			continue
		}
		own := sc.actorsOf(subj)
		if len(own) == 0 || own[0].code != r.code {
			continue
		}
		// another actor, of another country or another role
		other := func(x ref) bool { return x.code != r.code && !x.adjective && x.start >= 0 && x.start < r.start }
		alt := ""
		for k := i - 1; k >= 0 && alt == ""; k-- {
			if x := sc.refs[k]; other(x) && t.rel(t.word(x.end-1)) == relNsubj {
				alt = x.code
			}
		}
		for k := i - 1; k >= 0 && alt == ""; k-- {
			if x := sc.refs[k]; other(x) {
				alt = x.code
			}
		}
		if alt != "" {
			r.explain = append(r.explain, "not its own clause's subject → "+alt)
			r.code = alt
		}
	}
}
