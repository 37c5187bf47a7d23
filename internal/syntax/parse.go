package syntax

// Parser holds the per-goroutine scratch buffers; the hot path allocates
// nothing once they have grown (lemmas of unseen words excepted).
type Parser struct {
	m      *Model
	toks   []tokInfo
	lowBuf []byte
	lowEnd []int
	feats  []uint64
	tagSc  []int32
	parSc  []int32
	st     pstate
	out    Sentence
}

// NewParser returns a Parser using m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, tagSc: make([]int32, NumPOS), parSc: make([]int32, m.parW.nclass)}
}

func (p *Parser) bestTag(feats []uint64) int {
	sc := p.tagSc
	clear(sc)
	p.m.tagW.score(feats, sc)
	best := 0
	for c := 1; c < len(sc); c++ {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

// Tag assigns POS and lemmas; Head is -1 and Rel RelNone throughout. The
// returned Sentence is reused by the next call.
func (p *Parser) Tag(words []string) *Sentence {
	s := &p.out
	n := len(words)
	s.Words = words
	s.POS = grow(s.POS, n)
	s.Lemma = grow(s.Lemma, n)
	s.Head = grow(s.Head, n)
	s.Rel = grow(s.Rel, n)
	p.toks, p.lowBuf, p.lowEnd = prepare(words, p.toks, p.lowBuf, p.lowEnd, p.m.lex)
	p.feats = tagSentence(p.toks, s.POS, p.feats, p.bestTag)
	start := 0
	for i, w := range words {
		end := p.lowEnd[i]
		s.Lemma[i] = p.m.lem.lemma(w, p.lowBuf[start:end], p.toks[i].low, s.POS[i])
		start = end
		s.Head[i] = -1
		s.Rel[i] = RelNone
	}
	return s
}

// Parse tags, lemmatises and parses words. The returned Sentence is reused
// by the next call.
func (p *Parser) Parse(words []string) *Sentence {
	s := p.Tag(words)
	m := p.m
	st := &p.st
	st.reset(len(words))
	for i := range words {
		st.word[i+1] = p.toks[i].low
		st.tag[i+1] = uint64(s.POS[i])
	}
	nlab := len(m.labels)
	sc := p.parSc
	for !st.done() {
		p.feats = st.feats(p.feats[:0])
		clear(sc)
		m.parW.score(p.feats, sc)
		st.apply(bestValid(st, sc, nlab, m.rootLab, nil), nlab)
	}
	for i := range words {
		s.Head[i] = int(st.head[i+1]) - 1
		s.Rel[i] = m.labels[st.lab[i+1]]
	}
	return s
}

// bestValid returns the highest-scoring valid class; if cost is non-nil
// only classes with cost == minimum cost are considered.
func bestValid[T int32 | float32](st *pstate, sc []T, nlab, rootLab int, cost []int) int {
	sh, left, right, rightRoot := st.valid()
	minCost := 0
	if cost != nil {
		minCost = 1 << 30
		for c := range sc {
			if validClass(c, nlab, rootLab, sh, left, right, rightRoot) {
				minCost = min(minCost, cost[c])
			}
		}
	}
	best := -1
	for c := range sc {
		if !validClass(c, nlab, rootLab, sh, left, right, rightRoot) || cost != nil && cost[c] != minCost {
			continue
		}
		if best < 0 || sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

func validClass(c, nlab, rootLab int, sh, left, right, rightRoot bool) bool {
	switch {
	case c == 0:
		return sh
	case c <= nlab:
		return left && c-1 != rootLab
	case c-1-nlab == rootLab:
		return rightRoot
	default:
		return right
	}
}
