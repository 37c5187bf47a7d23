package syntax

import "math/rand/v2"

// trainParser trains the transition classifier with the dynamic oracle of
// Goldberg & Nivre (2013) for arc-hybrid: after the first epoch the parser
// follows its own (possibly wrong) predictions 90% of the time and learns
// the best transition from each resulting configuration.
func trainParser(sents []*Gold, tags [][]POS, m *Model, opt TrainOptions) *perceptron {
	nlab := len(m.labels)
	ncls := 1 + 2*nlab
	p := newPerceptron(opt.ParseBits, ncls)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a55))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st pstate
	var toks []tokInfo
	var lb []byte
	var le []int
	var feats []uint64
	sc := make([]float32, ncls)
	cost := make([]int, ncls)
	var gh []int32
	var gl []uint8
	for it := range opt.ParseIters {
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
				gh[i+1] = int32(g.Head[i] + 1)
				gl[i+1] = uint8(labelIndex(m.labels, g.Rel[i]))
			}
			for !st.done() {
				feats = st.feats(feats[:0])
				p.tick++
				p.score(feats, sc)
				oracleCosts(&st, gh, gl, nlab, cost)
				pred := bestValid(&st, sc, nlab, m.rootLab, nil)
				gold := bestValid(&st, sc, nlab, m.rootLab, cost)
				if cost[pred] > cost[gold] {
					p.update(feats, gold, pred)
				}
				next := gold
				if it > 0 && rng.Float64() < 0.9 {
					next = pred
				}
				st.apply(next, nlab)
			}
		}
		opt.logf("  parser epoch %d done\n", it+1)
	}
	return p
}

// oracleCosts fills cost with the number of gold arcs each class makes
// unreachable (labels count as arcs).
func oracleCosts(st *pstate, gh []int32, gl []uint8, nlab int, cost []int) {
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
	cost[0] = shift
	if s0 <= 0 {
		for c := 1; c < len(cost); c++ {
			cost[c] = 1 << 20
		}
		return
	}
	deps := 0 // s0's dependents still in the buffer
	for d := b; d <= n; d++ {
		if gh[d] == s0 {
			deps++
		}
	}
	h := gh[s0]
	left := deps
	if h != b && (h == s1 || h > b) {
		left++
	}
	right := deps
	if h >= b && h != 0 {
		right++
	}
	for l := range nlab {
		cl, cr := left, right
		if h == b && int(gl[s0]) != l {
			cl++
		}
		if h == s1 && int(gl[s0]) != l {
			cr++
		}
		cost[1+l] = cl
		cost[1+nlab+l] = cr
	}
}
