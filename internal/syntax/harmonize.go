package syntax

// The training treebanks disagree on some subtypes: EWT marks passive
// agents obl:agent, PUD and LinES mostly plain obl. harmonizeAgents learns
// from the data which case markers introduce obl:agent and relabels the
// matching obl dependents of passive predicates, so the parser sees one
// convention. It returns a copy of sents where relabelled.
func harmonizeAgents(sents []*Gold) []*Gold {
	agent, _ := ParseRel("obl:agent")
	obl, _ := ParseRel("obl")
	caseRel, _ := ParseRel("case")
	nsubjPass, _ := ParseRel("nsubj:pass")
	auxPass, _ := ParseRel("aux:pass")
	// Count how often each case marker form introduces an agent.
	asAgent := map[string]int{}
	var low []byte
	caseOf := func(g *Gold, d int) string {
		for c, h := range g.Head {
			if h == d && g.Rel[c] == caseRel {
				low = appendLower(low[:0], g.Words[c])
				return string(low)
			}
		}
		return ""
	}
	for _, g := range sents {
		for d, r := range g.Rel {
			if r == agent {
				asAgent[caseOf(g, d)]++
			}
		}
	}
	passive := func(g *Gold, h int) bool {
		for c, hh := range g.Head {
			if hh == h && (g.Rel[c] == nsubjPass || g.Rel[c] == auxPass) {
				return true
			}
		}
		return false
	}
	out := make([]*Gold, len(sents))
	for i, g := range sents {
		out[i] = g
		for d, r := range g.Rel {
			if r != obl || g.Head[d] < 0 {
				continue
			}
			c := caseOf(g, d)
			if asAgent[c] < 5 || !passive(g, g.Head[d]) {
				continue
			}
			if out[i] == g {
				cp := *g
				cp.Rel = append([]Rel(nil), g.Rel...)
				out[i] = &cp
			}
			out[i].Rel[d] = agent
		}
	}
	return out
}

// harmonizeToTarget maps two more conventions of the other treebanks to
// the target domain's (the sentences with the highest weight), each only
// where the target data shows the mapping consistently (>= 90%, >= 5
// cases) and the cue is structural, not a word list:
//   - the first of two determiners of one noun ("all the") is det:predet;
//   - an obl or nmod without a case child is X:unmarked, per UPOS of the
//     dependent ("last week", "two miles").
//
// It returns a copy of sents where relabelled.
func harmonizeToTarget(sents []*Gold, weight []int) []*Gold {
	maxW := 0
	for _, w := range weight {
		maxW = max(maxW, w)
	}
	target := func(i int) bool { return weight == nil || weight[i] == maxW }
	det, _ := ParseRel("det")
	predet, _ := ParseRel("det:predet")
	caseRel, _ := ParseRel("case")
	obl, _ := ParseRel("obl")
	nmod, _ := ParseRel("nmod")
	unmarked := map[Rel]Rel{}
	unmarked[obl], _ = ParseRel("obl:unmarked")
	unmarked[nmod], _ = ParseRel("nmod:unmarked")
	type key struct {
		base Rel
		pos  POS
	}
	// cue returns, for dependent d, the rule it falls under (if any):
	// kind 1 = first of >= 2 determiners, kind 2 = obl/nmod without case.
	cue := func(g *Gold, d int) (kind int, k key) {
		r := g.Rel[d]
		switch r.Base() {
		case det:
			n, first := 0, true
			for c, h := range g.Head {
				if h == g.Head[d] && g.Rel[c].Base() == det {
					n++
					if c < d {
						first = false
					}
				}
			}
			if n >= 2 && first {
				return 1, key{det, 0}
			}
		case obl, nmod:
			for c, h := range g.Head {
				if h == d && g.Rel[c] == caseRel {
					return 0, k
				}
			}
			return 2, key{r.Base(), g.UPOS[d]}
		}
		return 0, k
	}
	type tally struct{ yes, all int }
	counts := map[key]*tally{}
	for i, g := range sents {
		if !target(i) {
			continue
		}
		for d, r := range g.Rel {
			kind, k := cue(g, d)
			if kind == 0 || (r != r.Base() && r != predet && r != unmarked[r.Base()]) {
				continue
			}
			t := counts[k]
			if t == nil {
				t = &tally{}
				counts[k] = t
			}
			t.all++
			if r == predet || r == unmarked[r.Base()] {
				t.yes++
			}
		}
	}
	out := make([]*Gold, len(sents))
	for i, g := range sents {
		out[i] = g
		if target(i) {
			continue
		}
		for d, r := range g.Rel {
			if r != r.Base() {
				continue
			}
			kind, k := cue(g, d)
			t := counts[k]
			if kind == 0 || t == nil || t.yes < 5 || t.yes*10 < t.all*9 {
				continue
			}
			if out[i] == g {
				cp := *g
				cp.Rel = append([]Rel(nil), g.Rel...)
				out[i] = &cp
			}
			if kind == 1 {
				out[i].Rel[d] = predet
			} else {
				out[i].Rel[d] = unmarked[r]
			}
		}
	}
	return out
}
