package syntax

import "math/rand/v2"

// trainParser trains the transition classifier with the dynamic oracle of
// Goldberg & Nivre (2013) for arc-hybrid: after the first epoch the parser
// follows its own (possibly wrong) predictions 90% of the time and learns
// the best transition from each resulting configuration.
func trainParser(sents []*Gold, weight []int, tags, alts [][]POS, m *Model, opt TrainOptions) (moves, labels *perceptron) {
	nlab := len(m.labels)
	pm := newPerceptron(opt.ParseBits, numMoves)
	pl := newPerceptron(opt.LabelBits, nlab)
	if opt.Adapt&AdaptMoves != 0 {
		pm = newAdaptPerceptron(opt.ParseBits, numMoves)
	}
	if opt.Adapt&AdaptLabels != 0 {
		pl = newAdaptPerceptron(opt.LabelBits, nlab)
	}
	dom := domains(weight)

	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a55))
	// Non-projective trees stay in: arc-hybrid cannot build them, but the
	// oracle still finds the cheapest moves, and leaving them out (5% of
	// the sentences) scored slightly worse on held-out EWT.
	var order []int
	for i, w := range weight {
		for range w {
			order = append(order, i)
		}
	}
	// The last DomainIters epochs see only the up-weighted (target
	// domain) sentences, nudging the shared weights toward its conventions.
	var domain []int
	for _, i := range order {
		if weight[i] > 1 && (len(domain) == 0 || domain[len(domain)-1] != i) {
			domain = append(domain, i)
		}
	}
	var st pstate
	var toks []tokInfo
	var lb []byte
	var le []int
	var feats []uint64
	msc := make([]float32, numMoves)
	lsc := make([]float32, nlab)
	cost := make([]int, numMoves)
	var gh []int32
	var gl []uint8
	all := order
	var bt *beamTrainer
	if opt.Beam > 1 {
		bt = newBeamTrainer(opt.Beam, pm, pl, m)
		bt.early = opt.EarlyUpdate
	}
	for it := range opt.ParseIters + opt.DomainIters {
		if order = all; it >= opt.ParseIters && len(domain) > 0 {
			order = domain
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			g := sents[si]
			n := len(g.Words)
			toks, lb, le = prepare(g.Words, toks, lb, le, m.lex)
			st.reset(n)
			gh, gl = grow(gh, n+1), grow(gl, n+1)
			for i := range n {
				st.word[i+1] = toks[i].low
				st.tag[i+1] = uint64(tags[si][i])
				st.alt[i+1] = uint64(alts[si][i])
				gh[i+1] = int32(g.Head[i] + 1)
				gl[i+1] = uint8(labelIndex(m.labels, g.Rel[i]))
			}
			if bt != nil {
				bt.sentence(&st, gh, gl, dom[si])
				continue
			}
			for !st.done() {
				next := st.forced()
				if next < 0 {
					feats = pm.withDomain(st.feats(feats[:0]), dom[si])
					pm.tick++
					pm.score(feats, msc)
					oracleCosts(&st, gh, cost)
					pred := bestMove(&st, msc, nil)
					gold := bestMove(&st, msc, cost)
					if cost[pred] > cost[gold] {
						pm.update(feats, gold, pred)
					}
					next = gold
					if it > 0 && rng.Float64() < 0.9 {
						next = pred
					}
				}
				label := uint8(m.rootLab)
				if next == mvLeft || next == mvRight && len(st.stack) > 2 {
					h, d := st.arc(next)
					feats = pl.withDomain(st.labelFeats(feats[:0], h, d), dom[si])
					pl.tick++
					pl.score(feats, lsc)
					label = uint8(bestLabel(lsc, m.rootLab))
					if gh[d] == h {
						if label != gl[d] {
							pl.update(feats, int(gl[d]), int(label))
						}
						if it == 0 {
							label = gl[d]
						}
					}
				}
				st.apply(next, label)
			}
		}
		opt.logf("  parser epoch %d done\n", it+1)
	}
	return pm, pl
}

// oracleCosts fills cost with the number of gold arcs each move makes
// unreachable.
func oracleCosts(st *pstate, gh []int32, cost []int) {
	n := int32(st.n)
	b := st.b
	s0, s1 := st.st(0), st.st(1)
	// SHIFT: b loses heads deeper than s0 and dependents in the stack.
	shift := 0
	if b <= n {
		for k, d := range st.stack {
			if d != 0 && gh[d] == b {
				shift++
			}
			if k < len(st.stack)-1 && gh[b] == d {
				shift++
			}
		}
	}
	cost[mvShift] = shift
	if s0 <= 0 {
		cost[mvLeft], cost[mvRight] = 1<<20, 1<<20
		return
	}
	deps := 0 // s0's dependents still in the buffer
	for d := b; d <= n; d++ {
		if gh[d] == s0 {
			deps++
		}
	}
	h := gh[s0]
	cost[mvLeft], cost[mvRight] = deps, deps
	if h != b && (h == s1 || h > b) {
		cost[mvLeft]++
	}
	if h >= b && h != 0 {
		cost[mvRight]++
	}
}

// domains gives each sentence its domain for adaptation: 0 for the target
// domain (the most up-weighted sentences), 1 for the rest.
func domains(weight []int) []int {
	maxW := 0
	for _, w := range weight {
		maxW = max(maxW, w)
	}
	dom := make([]int, len(weight))
	for i, w := range weight {
		if w != maxW {
			dom[i] = 1
		}
	}
	return dom
}
