package coder

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/text"
)

// tree is the dependency parse of one sentence, indexed by the coder's
// tokens. The parser reads UD words ("did" + "n't"), so a token maps to
// its first word and a word back to its token.
type tree struct {
	s       *syntax.Sentence
	words   []text.Word
	forms   []string
	tokWord []int // token → its first word
}

// UD relations the coder reads; resolved once by name so that a model
// with another relation inventory fails loudly in tests, not silently.
var (
	relNsubj       = mustRel("nsubj")
	relNsubjPass   = mustRel("nsubj:pass")
	relCsubj       = mustRel("csubj")
	relObj         = mustRel("obj")
	relIobj        = mustRel("iobj")
	relObl         = mustRel("obl")
	relOblAgent    = mustRel("obl:agent")
	relAuxPass     = mustRel("aux:pass")
	relAux         = mustRel("aux")
	relXcomp       = mustRel("xcomp")
	relCcomp       = mustRel("ccomp")
	relConj        = mustRel("conj")
	relAcl         = mustRel("acl")
	relAclRelcl    = mustRel("acl:relcl")
	relAdvcl       = mustRel("advcl")
	relAdvmod      = mustRel("advmod")
	relOblTmod     = mustRel("obl:tmod")
	relOblNpmod    = mustRel("obl:npmod")
	relPunct       = mustRel("punct")
	relParataxis   = mustRel("parataxis")
	relMark        = mustRel("mark")
	relCase        = mustRel("case")
	relDet         = mustRel("det")
	relCompound    = mustRel("compound")
	relCompoundPrt = mustRel("compound:prt")
	relAmod        = mustRel("amod")
	relNmod        = mustRel("nmod")
	relNmodPoss    = mustRel("nmod:poss")
	relFlat        = mustRel("flat")
	relAppos       = mustRel("appos")
)

func mustRel(name string) syntax.Rel {
	r, ok := syntax.ParseRel(name)
	if !ok {
		panic("coder: unknown UD relation " + name)
	}
	return r
}

// parse builds the tree of the sentence's tokens with p.
func parse(p *syntax.Parser, toks []text.Token, buf []text.Word, forms []string) *tree {
	t := &tree{words: text.Words(buf[:0], toks), forms: forms[:0]}
	t.tokWord = make([]int, len(toks))
	for i := len(t.words) - 1; i >= 0; i-- {
		t.tokWord[t.words[i].Tok] = i
	}
	for _, w := range t.words {
		t.forms = append(t.forms, w.Text)
	}
	t.s = p.Parse(t.forms)
	return t
}

func (t *tree) head(w int) int       { return t.s.Head[w] }
func (t *tree) rel(w int) syntax.Rel { return t.s.Rel[w] }
func (t *tree) pos(w int) syntax.POS { return t.s.POS[w] }
func (t *tree) tok(w int) int        { return t.words[w].Tok }
func (t *tree) lemma(w int) string   { return t.s.Lemma[w] }
func (t *tree) word(tok int) int     { return t.tokWord[tok] }

// child returns the first dependent of w with relation r, or -1.
func (t *tree) child(w int, r syntax.Rel) int {
	for i, h := range t.s.Head {
		if h == w && t.s.Rel[i] == r {
			return i
		}
	}
	return -1
}

// children appends the dependents of w with any of the relations rs.
func (t *tree) children(dst []int, w int, rs ...syntax.Rel) []int {
	for i, h := range t.s.Head {
		if h != w {
			continue
		}
		for _, r := range rs {
			if t.s.Rel[i] == r {
				dst = append(dst, i)
				break
			}
		}
	}
	return dst
}

// caseWord returns the lower-cased preposition of a nominal ("on" in
// "fired on the village"), or "".
func (t *tree) caseWord(w int, lower []string) string {
	if c := t.child(w, relCase); c >= 0 {
		return lower[t.tok(c)]
	}
	return ""
}

// agent returns the "by" phrase of a passive predicate, or -1. Most of
// the treebanks label it plain obl, so the case word decides.
func (t *tree) agent(w int, lower []string) int {
	if a := t.child(w, relOblAgent); a >= 0 {
		return a
	}
	for i, h := range t.s.Head {
		// a "by" phrase the parser read as an object, or whose "by" it
		// hung on a modifier, is still the agent ("detained by Malian
		// soldiers")
		if r := t.s.Rel[i]; h != w || r != relObl && r != relObj {
			continue
		}
		if agentMarkers[t.caseWord(i, lower)] {
			return i
		}
		if lo, _ := t.span(i); lo > w && agentMarkers[lower[t.tok(lo)]] {
			return i // (the span walk only when the case word says nothing)
		}
	}
	return -1
}

// passive reports whether the predicate w is in the passive voice.
func (t *tree) passive(w int) bool {
	return t.child(w, relNsubjPass) >= 0 || t.child(w, relAuxPass) >= 0
}

// subject returns the word that names who does w, following the links
// that carry a subject to a predicate without its own: control ("urged
// Iran to stop" → Iran; "agreed to talk" → the subject of agreed),
// coordination ("fired and killed"), relative clauses ("troops who
// fired" → troops) and participles ("forces firing" → forces). The second
// result is whether that word is the passive subject (the patient).
func (t *tree) subject(w int, lower []string) (int, bool) {
	for hops := 0; w >= 0 && hops < 6; hops++ {
		if s := t.child(w, relNsubj); s >= 0 && !t.prepositional(s) {
			// (a "subject" with a preposition of its own, "at the
			// government's request returned", is a misparsed adjunct:
			// a conjunct then shares its head's subject)
			if t.rel(w) == relAclRelcl && t.leftmost(w) == s {
				return t.head(w), false // "troops who fired"
			}
			return s, false
		}
		if s := t.child(w, relNsubjPass); s >= 0 {
			if t.rel(w) == relAclRelcl && t.leftmost(w) == s {
				return t.head(w), true
			}
			return s, true
		}
		h := t.head(w)
		switch t.rel(w) {
		case relXcomp:
			if o := t.child(h, relObj); o >= 0 {
				return o, false // object control
			}
		case relAdvcl:
			if o := t.subordinateSubject(w, h, lower); o >= 0 {
				return o, false
			}
			if h >= 0 && speechWords[lower[t.tok(h)]] {
				// "the ministry said Israeli jets struck Gaza", read as
				// said + object + clause: the reported clause's subject
				// is that object, never the speaker
				if o := t.child(h, relObj); o >= 0 && o < w {
					return o, false
				}
				return -1, false
			}
		case relConj:
		case relAcl, relAclRelcl:
			if t.child(w, relMark) >= 0 {
				return -1, false // "the decision to attack" is not the decision's act
			}
			if lo, _ := t.span(w); lo > 0 && t.words[lo-1].Text == "," && lo == w {
				// ", accusing them of…" after an object is the main
				// clause's participle more often than the noun's
				return -1, false
			}
			return h, t.pos(w) == syntax.VERB && t.passiveParticiple(w, lower)
		default:
			return -1, false
		}
		w = h
	}
	return -1, false
}

// subordinateSubject returns the subject of the adverbial clause w that the
// parse hung on h as "after" + noun ("condemned Israel after Israeli jets
// struck Rafah": "jets" an oblique of "condemned" right before "struck"),
// or -1.
func (t *tree) subordinateSubject(w, h int, lower []string) int {
	lo, _ := t.span(w)
	for _, o := range t.children(nil, h, relObl) {
		if o >= w {
			continue
		}
		if _, hi := t.span(o); hi == lo-1 && subordinators[t.caseWord(o, lower)] {
			return o
		}
	}
	return -1
}

// prepositional reports whether the phrase of w opens with a preposition
// ("at the government's request"): no subject.
func (t *tree) prepositional(w int) bool {
	lo, _ := t.span(w)
	if lo >= 0 && lo < w && t.pos(lo) == syntax.ADP && t.rel(lo) == relCase {
		return true
	}
	// "militias associated with Iran had made threats": the participle's
	// preposition misparsed as the clause's marker ("after the government
	// accused", ", with its envoy calling" keep their subjects)
	return lo > 1 && t.pos(lo-1) == syntax.ADP && t.rel(lo-1) == relMark && strings.HasSuffix(t.words[lo-2].Text, "ed")
}

// passiveParticiple reports whether a participle modifying a noun is
// passive ("troops stationed there" is not, "villages shelled by" is):
// it has an agent or is not an -ing form.
func (t *tree) passiveParticiple(w int, lower []string) bool {
	return t.agent(w, lower) >= 0
}

// leftmost returns the first dependent of w, punctuation aside: in a
// relative clause a subject there is the relative pronoun ("troops who
// fired"), while "the village that they shelled" starts with its object.
func (t *tree) leftmost(w int) int {
	for i := 0; i < w; i++ {
		if t.s.Head[i] == w && t.s.POS[i] != syntax.PUNCT {
			return i
		}
	}
	return -1
}

// depth counts the arcs from word w up to the root.
func (t *tree) depth(w int) int {
	d := 0
	for w >= 0 && d < len(t.s.Head) {
		w = t.head(w)
		d++
	}
	return d
}

// argRel names the relation a participant was read from, for --explain.
func (t *tree) argRel(a *analysis, source bool) string {
	if a.m.p.Has("undergo") {
		source = !source // the subject undergoes the act
	}
	switch {
	case source && a.circumstance > 0:
		return "actor of the clause that \"" + t.words[a.circumstance].Text + "\" is a circumstance of"
	case source && a.passive:
		return "agent (obl:agent) of \"" + t.words[t.word(a.m.head)].Text + "\""
	case source:
		return "subject of \"" + t.words[t.word(a.m.head)].Text + "\""
	case a.passive:
		return "passive subject (nsubj:pass) of \"" + t.words[t.word(a.m.head)].Text + "\""
	}
	return "object of \"" + t.words[t.word(a.m.head)].Text + "\""
}

// adjunctEnds fills dst, one entry per token, with the token after an
// adverbial that starts there, or -1. An adverbial is a time or manner
// modifier of a verb (advmod, obl:tmod, obl:npmod, or an obl of time
// such as "on Monday") to the verb's right, with the commas around it,
// whose words are contiguous. Pattern words are matched across it, so
// "threatened on Monday to break relations" reads as "threatened to
// break relations".
func (t *tree) adjunctEnds(dst []int) []int {
	n := len(t.tokWord)
	dst = dst[:0]
	for i := 0; i < n; i++ {
		dst = append(dst, -1)
	}
	for w := range t.words {
		r, h := t.rel(w), t.head(w)
		if h < 0 || h > w || t.pos(h) != syntax.VERB && t.pos(h) != syntax.AUX {
			continue
		}
		switch r {
		case relAdvmod, relOblTmod, relOblNpmod:
		case relObl:
			if !t.temporal(w) {
				continue
			}
		default:
			continue
		}
		lo, hi := t.span(w)
		if lo < 0 {
			continue
		}
		// a comma right after belongs to the aside: "threatened, on Monday, to"
		if hi+1 < len(t.words) && t.rel(hi+1) == relPunct && t.words[hi+1].Text == "," {
			hi++
		}
		first, after := t.tok(lo), t.tok(hi)+1
		if dst[first] < after {
			dst[first] = after
		}
	}
	return dst
}

// temporal reports whether the obl at w names a time: a date or day the
// tagger calls a proper noun or number ("on Monday", "in 2024") or a
// time word class of the lexicon ("last week").
func (t *tree) temporal(w int) bool {
	p := t.pos(w)
	return p == syntax.NUM || p == syntax.PROPN && timeNouns[t.s.Lemma[w]] || timeNouns[t.s.Lemma[w]]
}

// span returns the first and last word of w's subtree when its words
// are contiguous, else -1, -1.
func (t *tree) span(w int) (int, int) {
	lo, hi, size := w, w, 0
	for i := range t.words {
		if t.dominates(w, i) {
			lo, hi = min(lo, i), max(hi, i)
			size++
		}
	}
	if hi-lo+1 != size {
		return -1, -1
	}
	return lo, hi
}

// dominates reports whether a is b or an ancestor of b.
func (t *tree) dominates(a, b int) bool {
	for hops := 0; b >= 0 && hops < len(t.words); hops++ {
		if b == a {
			return true
		}
		b = t.head(b)
	}
	return false
}

// nameSpan returns the first and last word of the proper name headed by
// w: the word with its flat and compound parts next to it.
func (t *tree) nameSpan(w int) (int, int) {
	lo, hi := w, w
	for changed := true; changed; {
		changed = false
		if lo > 0 && t.head(lo-1) == w && (t.rel(lo-1) == relFlat || t.rel(lo-1) == relCompound) && t.pos(lo-1) == syntax.PROPN {
			lo--
			changed = true
		}
		if hi+1 < len(t.words) && t.head(hi+1) == w && t.rel(hi+1) == relFlat {
			hi++
			changed = true
		}
	}
	return lo, hi
}

// placeAimed reports whether the predicate w is a verb whose object may be
// a place it is aimed at: a lemma of the placeVerbs class ("shell",
// "bomb", "besiege", "blockade").
func (t *tree) placeAimed(w int) bool {
	return placeVerbs[t.lemma(w)]
}

// asserted reports whether the predicate w is in a clause the sentence
// asserts: the main clause, a coordinated one, what a speaker says
// (ccomp, parataxis) or a complement of those (xcomp: "started
// supporting"). Adverbial, relative and participial clauses ("to prevent
// ISIS from…", "which had been agreed", "a group linked to") give
// circumstances and descriptions; the field's broad dictionary is
// trusted only for what is asserted.
func (t *tree) asserted(w int) bool {
	for hops := 0; w >= 0 && hops < 8; hops++ {
		switch t.rel(w) {
		case relConj, relCcomp, relXcomp, relParataxis:
			w = t.head(w)
			continue
		}
		return t.head(w) < 0
	}
	return false
}

// narrated reports whether the noun w is told as a happening: the
// sentence's head ("Clashes near the border."), a subject ("the attack
// took place"), an apposition or a coordinated one of those. As an object
// or oblique it only names what another predicate is about (the gold
// conventions' nominal rule).
func (t *tree) narrated(w int) bool {
	for hops := 0; w >= 0 && hops < 6; hops++ {
		switch t.rel(w) {
		case relConj, relAppos, relCompound:
			w = t.head(w)
			continue
		case relNsubj, relNsubjPass, relCsubj:
			return true
		}
		return t.head(w) < 0
	}
	return false
}

// inScope reports whether the word w stands in the predicate v's own
// complements: on the way up to v it passes no subject, no adverbial or
// relative clause, no speech and no place or circumstance phrase ("in
// Baghdad", "despite Israel's wish"). An actor the word-order analysis
// took as the target is the tree's when it lies there ("promised to
// democratise Serbia", "agreed to re-open its borders to UN
// peacekeepers").
func (t *tree) inScope(v, w int, lower []string) bool {
	for hops := 0; w >= 0 && hops < 6; hops++ {
		if w == v {
			return true
		}
		switch t.rel(w) {
		case relNsubj, relNsubjPass, relCsubj, relAdvcl, relAclRelcl, relAcl, relParataxis, relCcomp, relAppos:
			return false
		case relObl, relNmod:
			if c := t.caseWord(w, lower); c == "" && t.rel(w) == relNmod || locatives[c] || nonTarget[c] || reasonPreps[c] {
				return false
			}
		}
		w = t.head(w)
	}
	return false
}

// modifiedNoun returns the noun that the word w modifies as an adjective
// or compound ("rocket attacks", "military cooperation"), climbing a few
// such links; w itself when it modifies none.
func (t *tree) modifiedNoun(w int) int {
	for hops := 0; hops < 3 && (t.rel(w) == relAmod || t.rel(w) == relCompound) && t.head(w) >= 0; hops++ {
		w = t.head(w)
	}
	return w
}
