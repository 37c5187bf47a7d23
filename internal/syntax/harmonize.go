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
