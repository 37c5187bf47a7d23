package syntax

// Beam search (Zhang & Nivre 2011) over the same arc-hybrid transitions: a
// configuration's score is the sum of its moves' scores, and each step keeps
// the k best successors of the k configurations in the beam. Labels are
// still chosen greedily, per configuration, by the label classifier when
// an arc is made. Every parse of an n-word sentence takes 2n transitions,
// so the configurations of a beam finish together. Training is global:
// see trainParserBeam.

// beamItem is one configuration in the beam.
type beamItem struct {
	st    pstate
	score int64
}

// beamCand is a successor: move mv applied to beam item from.
type beamCand struct {
	from  int32
	mv    int8
	score int64
}

// copyFrom makes s a copy of o. The per-token inputs (word, tag, alt) are
// shared, never written after setup.
func (s *pstate) copyFrom(o *pstate) {
	m := o.n + 1
	s.n = o.n
	s.b = o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head[:m]...)
	s.lab = append(s.lab[:0], o.lab[:m]...)
	s.l1 = append(s.l1[:0], o.l1[:m]...)
	s.l2 = append(s.l2[:0], o.l2[:m]...)
	s.r1 = append(s.r1[:0], o.r1[:m]...)
	s.r2 = append(s.r2[:0], o.r2[:m]...)
	s.nl = append(s.nl[:0], o.nl[:m]...)
	s.nr = append(s.nr[:0], o.nr[:m]...)
	s.lset = append(s.lset[:0], o.lset[:m]...)
	s.rset = append(s.rset[:0], o.rset[:m]...)
	s.word, s.tag, s.alt = o.word, o.tag, o.alt
}

// topK moves the k best candidates (by score, ties to the earlier) to the
// front of c, in order, and returns them.
func topK[S int64 | float64, C interface{ key() S }](c []C, k int) []C {
	k = min(k, len(c))
	for i := range k {
		best := i
		for j := i + 1; j < len(c); j++ {
			if c[j].key() > c[best].key() {
				best = j
			}
		}
		if best != i {
			// keep the rest in their original order for the ties
			x := c[best]
			copy(c[i+1:best+1], c[i:best])
			c[i] = x
		}
	}
	return c[:k]
}

func (c beamCand) key() int64 { return c.score }

// parseBeam is Parse's parsing step with a beam of m.beam configurations;
// st holds the initialised configuration, and on return the best final one.
func (p *Parser) parseBeam(st *pstate) {
	m := p.m
	k := m.beam
	if len(p.beam) < k {
		p.beam = make([]beamItem, k)
		p.beamNext = make([]beamItem, k)
	}
	p.cacheGen++
	cur := p.beam[:1]
	cur[0].st.copyFrom(st)
	cur[0].score = 0
	var msc [256]int32
	for !cur[0].st.done() {
		cands := p.cands[:0]
		for i := range cur {
			s := &cur[i].st
			if mv := s.forced(); mv >= 0 {
				cands = append(cands, beamCand{int32(i), int8(mv), cur[i].score})
				continue
			}
			p.moveScores(s, &msc)
			for mv := range numMoves {
				if s.validMove(mv) {
					cands = append(cands, beamCand{int32(i), int8(mv), cur[i].score + int64(msc[mv])})
				}
			}
		}
		p.cands = cands
		top := topK(cands, k)
		if m.margin > 0 {
			for j := range top {
				if top[j].score < top[0].score-m.margin {
					top = top[:j]
					break
				}
			}
		}
		next := p.beamNext[:len(top)]
		for j, c := range top {
			src := &cur[c.from].st
			mv := int(c.mv)
			label := uint8(m.rootLab)
			if mv == mvLeft || mv == mvRight && len(src.stack) > 2 {
				label = p.beamLabel(src, mv)
			}
			next[j].st.copyFrom(src)
			next[j].st.apply(mv, label)
			next[j].score = c.score
		}
		p.beam, p.beamNext = p.beamNext, p.beam
		cur = p.beam[:len(top)]
	}
	st.copyFrom(&cur[0].st) // done: Parse's greedy loop has nothing left to do
}

// labCacheSize entries remember a sentence's arc labels: the beam's
// configurations often make the same arc with the same subtrees.
const labCacheSize = 256

type labCacheEntry struct {
	key   uint64
	gen   uint32
	label uint8
}

// labelKey hashes everything labelFeats reads that is not fixed by the
// words and tags: the arc, the dependent's children and valency and the
// head's label sets and leftmost child.
func (s *pstate) labelKey(h, d int32) uint64 {
	l1, r1 := s.l1[d], s.r1[d]
	a := uint64(uint16(h))<<48 | uint64(uint16(d))<<32 | uint64(uint16(l1))<<16 | uint64(uint16(s.l2[d]))
	b := uint64(uint16(r1))<<48 | uint64(s.lab[l1])<<40 | uint64(s.lab[r1])<<32 |
		uint64(s.nl[d])<<24 | uint64(s.nr[d])<<16 | uint64(uint16(s.l1[h]))
	k := mix(a ^ mix(b))
	k = mix(k ^ s.lset[d])
	k = mix(k ^ s.rset[d]*golden)
	k = mix(k ^ s.lset[h])
	return mix(k ^ s.rset[h]*golden)
}

// beamLabel is the label of the arc that move mv makes from src, looked up
// in the sentence's label cache first.
func (p *Parser) beamLabel(src *pstate, mv int) uint8 {
	m := p.m
	h, d := src.arc(mv)
	key := src.labelKey(h, d)
	e := &p.labCache[key&(labCacheSize-1)]
	if e.gen == p.cacheGen && e.key == key {
		return e.label
	}
	p.feats = src.labelFeats(p.feats[:0], h, d)
	sc := p.labSc[:m.labW.nclass]
	clear(sc)
	m.labW.score(p.feats, p.labSc, p.tmp)
	label := uint8(bestLabel(sc, m.rootLab))
	*e = labCacheEntry{key, p.cacheGen, label}
	return label
}

// moveKey hashes everything feats reads that is not fixed by the words and
// tags: the positions of S0-S2 and B0, the children, valencies and label
// sets of S0, S1 and B0.
func (s *pstate) moveKey() uint64 {
	S0, S1, S2 := s.st(0), s.st(1), s.st(2)
	k := mix(uint64(uint16(S0))<<48 | uint64(uint16(S1))<<32 | uint64(uint16(S2))<<16 | uint64(uint16(s.b)))
	if S0 >= 0 {
		k = s.nodeKey(k, S0, true)
	}
	if S1 >= 0 {
		k = s.nodeKey(k, S1, false)
	}
	if int(s.b) <= s.n {
		k = s.nodeKey(k, s.b, true)
	}
	return k
}

// nodeKey folds token i's children, their labels, valencies and label
// sets into k (the second-nearest children too if both).
func (s *pstate) nodeKey(k uint64, i int32, both bool) uint64 {
	l1, r1 := s.l1[i], s.r1[i]
	a := uint64(uint16(l1))<<48 | uint64(uint16(r1))<<32 | uint64(s.lab[l1])<<24 | uint64(s.lab[r1])<<16 |
		uint64(s.nl[i])<<8 | uint64(s.nr[i])
	if both {
		l2, r2 := s.l2[i], s.r2[i]
		a ^= mix(uint64(uint16(l2))<<48 | uint64(uint16(r2))<<32 | uint64(s.lab[l2])<<24 | uint64(s.lab[r2])<<16)
	}
	k = mix(k ^ a)
	k = mix(k ^ s.lset[i])
	return mix(k ^ s.rset[i]*golden)
}

type moveCacheEntry struct {
	key uint64
	gen uint32
	sc  [numMoves]int32
}

const moveCacheSize = 256

// moveScores scores the moves from s, looked up in the sentence's cache
// first: configurations of the beam that differ only deeper in the stack
// or in finished subtrees score alike.
func (p *Parser) moveScores(s *pstate, msc *[256]int32) {
	key := s.moveKey()
	e := &p.moveCache[key&(moveCacheSize-1)]
	if e.gen == p.cacheGen && e.key == key {
		copy(msc[:numMoves], e.sc[:])
		return
	}
	p.feats = s.feats(p.feats[:0])
	msc[mvShift], msc[mvLeft], msc[mvRight] = 0, 0, 0
	p.m.parW.score(p.feats, msc[:], p.tmp)
	e.key, e.gen = key, p.cacheGen
	copy(e.sc[:], msc[:numMoves])
}

// trainHist is one transition of a configuration's history: the move, the
// features of the configuration it was made from (feats[f0:f1] of the
// sentence's arena; f0 < 0 for forced moves, which are not scored) and the
// previous transition (-1 at the start).
type trainHist struct {
	parent int32
	mv     int8
	f0, f1 int32
}

type trainItem struct {
	st    pstate
	score float64
	cost  int   // gold arcs lost so far (the dynamic oracle's costs summed)
	node  int32 // last transition in hist, -1 for none
}

type trainCand struct {
	from   int32
	mv     int8
	cost   int
	score  float64
	f0, f1 int32 // features of the source configuration
}

func (c trainCand) key() float64 { return c.score }

// beamTrainer holds the scratch of global (structured perceptron) training
// with a beam and max-violation updates (Huang, Fayong & Guo 2012). The
// reference is latent: the best-scoring configuration in the beam that has
// lost no more gold arcs than the oracle's (the dynamic oracle's costs,
// so non-projective trees have a reference too); once none is left, the
// oracle's configuration goes on outside the beam, taking the best-scoring
// move of least cost. The beam runs to the end and the update is made
// where the best beam item outscores the reference by the most while the
// reference is out of the beam, or at the end if the best final parse has
// lost more arcs.
type beamTrainer struct {
	k           int
	early       bool // early update (Collins & Roark 2004) instead of max-violation
	pm, pl      *perceptron
	m           *Model
	cur, next   []trainItem
	gold        trainItem
	cands       []trainCand
	hist        []trainHist
	arena       []uint64
	msc, lsc    []float32
	cost        []int
	gfeats      []uint64
	goldN, topN []int32
}

func newBeamTrainer(k int, pm, pl *perceptron, m *Model) *beamTrainer {
	return &beamTrainer{
		k: k, pm: pm, pl: pl, m: m,
		cur: make([]trainItem, k), next: make([]trainItem, k),
		msc: make([]float32, numMoves), lsc: make([]float32, len(m.labels)),
		cost: make([]int, numMoves),
	}
}

// label picks the label of the arc move mv makes from s (the root label for
// the final attachment to the root), and returns the features it read.
func (t *beamTrainer) label(s *pstate, mv int, dom int) (uint8, []uint64) {
	if mv == mvShift || mv == mvRight && len(s.stack) <= 2 {
		return uint8(t.m.rootLab), nil
	}
	h, d := s.arc(mv)
	t.gfeats = t.pl.withDomain(s.labelFeats(t.gfeats[:0], h, d), dom)
	t.pl.score(t.gfeats, t.lsc)
	return uint8(bestLabel(t.lsc, t.m.rootLab)), t.gfeats
}

// sentence trains on one sentence whose configuration base is initialised
// (words and tags), with gold heads gh and labels gl.
func (t *beamTrainer) sentence(base *pstate, gh []int32, gl []uint8, dom int) {
	pm, pl := t.pm, t.pl
	pm.tick++
	t.hist, t.arena = t.hist[:0], t.arena[:0]
	cur := t.cur[:1]
	cur[0].st.copyFrom(base)
	cur[0].score, cur[0].cost, cur[0].node = 0, 0, -1
	g := &t.gold
	g.st.copyFrom(base)
	g.score, g.cost, g.node = 0, 0, -1
	goldAt := 0 // index of the reference configuration in the beam, -1 once out
	maxViol, vTop, vGold := 0.0, int32(-1), int32(-1)
	for !cur[0].st.done() {
		cands := t.cands[:0]
		for i := range cur {
			s := &cur[i].st
			if mv := s.forced(); mv >= 0 { // forced moves lose no arcs
				cands = append(cands, trainCand{int32(i), int8(mv), cur[i].cost, cur[i].score, -1, -1})
				continue
			}
			f0 := int32(len(t.arena))
			t.arena = pm.withDomain(s.feats(t.arena), dom)
			f1 := int32(len(t.arena))
			pm.score(t.arena[f0:f1], t.msc)
			oracleCosts(s, gh, t.cost)
			for mv := range numMoves {
				if s.validMove(mv) {
					cands = append(cands, trainCand{int32(i), int8(mv), cur[i].cost + t.cost[mv], cur[i].score + float64(t.msc[mv]), f0, f1})
				}
			}
		}
		t.cands = cands
		// The oracle's move outside the beam: the best-scoring of least cost.
		gmv, gf0, gf1 := -1, int32(-1), int32(-1)
		if goldAt < 0 {
			if gmv = g.st.forced(); gmv < 0 {
				gf0 = int32(len(t.arena))
				t.arena = pm.withDomain(g.st.feats(t.arena), dom)
				gf1 = int32(len(t.arena))
				pm.score(t.arena[gf0:gf1], t.msc)
				oracleCosts(&g.st, gh, t.cost)
				gmv = bestMove(&g.st, t.msc, t.cost)
				g.score += float64(t.msc[gmv])
				g.cost += t.cost[gmv]
			}
		} else {
			// in the beam: the best of its least-cost successors
			best := -1
			for j, c := range cands {
				if int(c.from) == goldAt && (best < 0 || c.cost < cands[best].cost ||
					c.cost == cands[best].cost && c.score > cands[best].score) {
					best = j
				}
			}
			c := cands[best]
			gmv, gf0, gf1 = int(c.mv), c.f0, c.f1
			g.score, g.cost = c.score, c.cost
		}
		top := topK(cands, t.k)
		next := t.next[:len(top)]
		newGold := -1
		for j, c := range top {
			src := &cur[c.from].st
			mv := int(c.mv)
			if newGold < 0 && c.cost <= g.cost {
				newGold = j
			}
			label, _ := t.label(src, mv, dom)
			next[j].st.copyFrom(src)
			next[j].st.apply(mv, label)
			next[j].score, next[j].cost = c.score, c.cost
			t.hist = append(t.hist, trainHist{cur[c.from].node, c.mv, c.f0, c.f1})
			next[j].node = int32(len(t.hist) - 1)
		}
		// The oracle's configuration advances; its arcs train the labeller.
		src := &g.st
		if goldAt >= 0 {
			src = &cur[goldAt].st
		}
		label, lf := t.label(src, gmv, dom)
		if lf != nil {
			h, d := src.arc(gmv)
			pl.tick++
			if gh[d] == h && label != gl[d] {
				pl.update(lf, int(gl[d]), int(label))
			}
		}
		if newGold >= 0 {
			// the reference is the best least-cost configuration in the beam
			g.node, g.score, g.cost = next[newGold].node, next[newGold].score, next[newGold].cost
		} else {
			if goldAt >= 0 {
				g.st.copyFrom(src)
				g.node = cur[goldAt].node
			}
			t.hist = append(t.hist, trainHist{g.node, int8(gmv), gf0, gf1})
			g.node = int32(len(t.hist) - 1)
			g.st.apply(gmv, label)
		}
		t.cur, t.next = t.next, t.cur
		cur = t.cur[:len(top)]
		goldAt = newGold
		if goldAt < 0 {
			if v := cur[0].score - g.score; vTop < 0 || v > maxViol {
				maxViol, vTop, vGold = v, cur[0].node, g.node
			}
			if t.early {
				break
			}
		}
	}
	if vTop < 0 && cur[0].cost > g.cost {
		vTop, vGold = cur[0].node, g.node
	}
	if vTop >= 0 {
		t.update(vGold, vTop)
	}
}

// update rewards the oracle's moves up to history node gold and penalises
// the beam's up to top, skipping their common prefix.
func (t *beamTrainer) update(gold, top int32) {
	t.goldN, t.topN = t.goldN[:0], t.topN[:0]
	for ; gold >= 0; gold = t.hist[gold].parent {
		t.goldN = append(t.goldN, gold)
	}
	for ; top >= 0; top = t.hist[top].parent {
		t.topN = append(t.topN, top)
	}
	a, b := len(t.goldN), len(t.topN)
	for a > 0 && b > 0 && t.goldN[a-1] == t.topN[b-1] {
		a--
		b--
	}
	for _, n := range t.goldN[:a] {
		if h := t.hist[n]; h.f0 >= 0 {
			t.pm.bump(t.arena[h.f0:h.f1], int(h.mv), 1)
		}
	}
	for _, n := range t.topN[:b] {
		if h := t.hist[n]; h.f0 >= 0 {
			t.pm.bump(t.arena[h.f0:h.f1], int(h.mv), -1)
		}
	}
}
