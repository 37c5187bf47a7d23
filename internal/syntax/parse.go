package syntax

// Parser holds the per-goroutine scratch buffers; the hot path allocates
// nothing once they have grown (lemmas of unseen words excepted).
type Parser struct {
	m      *Model
	toks   []tokInfo
	lowBuf []byte
	lowEnd []int
	feats  []uint64
	feats2 []uint64
	tagSc  []int32
	ptags  []POS // the parser's input tags when the model has its own tagger for them
	labSc  []int32
	tmp    []uint32
	st     pstate
	out    Sentence
	// beam search (Model.beam > 1)
	beam, beamNext []beamItem
	cands          []beamCand
	labCache       [labCacheSize]labCacheEntry
	moveCache      [moveCacheSize]moveCacheEntry
	cacheGen       uint32
}

// NewParser returns a Parser using m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, tagSc: make([]int32, 256), labSc: make([]int32, 256), tmp: make([]uint32, 256)}
}

func (p *Parser) bestTag(feats []uint64) int { return p.argmaxTag(p.m.tagW, feats) }

func (p *Parser) bestParseTag(feats []uint64) int { return p.argmaxTag(p.m.parseTagW, feats) }

// bestTagBoth returns the best tags of the output tagger and the parser's
// tagger for feats (from Model.tagBoth).
func (p *Parser) bestTagBoth(feats []uint64) (int, int) {
	sc := p.tagSc[:2*NumPOS]
	clear(sc)
	p.m.tagBoth.score(feats, p.tagSc, p.tmp)
	return argmax(sc[:NumPOS]), argmax(sc[NumPOS:])
}

func (p *Parser) argmaxTag(t *wtable, feats []uint64) int {
	sc := p.tagSc[:NumPOS]
	clear(sc)
	t.score(feats, p.tagSc, p.tmp)
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
func (p *Parser) Tag(words []string) *Sentence { return p.tag(words, false) }

// tag is Tag; with parseTags, and a model with its own tagger for the
// parser, it also fills p.ptags with that tagger's tags.
func (p *Parser) tag(words []string, parseTags bool) *Sentence {
	s := &p.out
	n := len(words)
	s.Words = words
	s.POS = grow(s.POS, n)
	s.Lemma = grow(s.Lemma, n)
	s.Head = grow(s.Head, n)
	s.Rel = grow(s.Rel, n)
	p.toks, p.lowBuf, p.lowEnd = prepare(words, p.toks, p.lowBuf, p.lowEnd, p.m.lex)
	if parseTags && p.m.tagBoth != nil {
		p.ptags = grow(p.ptags, n)
		p.feats, p.feats2 = tagTwo(p.toks, s.POS, p.ptags, p.feats, p.feats2, nil, nil, p.bestTagBoth)
	} else if parseTags && p.m.parseTagW != nil {
		p.ptags = grow(p.ptags, n)
		p.feats, p.feats2 = tagTwo(p.toks, s.POS, p.ptags, p.feats, p.feats2, p.bestTag, p.bestParseTag, nil)
	} else {
		p.feats = tagSentence(p.toks, s.POS, p.feats, p.bestTag)
	}
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
	s := p.tag(words, true)
	m := p.m
	st := &p.st
	tags := s.POS
	if m.parseTagW != nil {
		tags = p.ptags
	}
	st.reset(len(words))
	for i := range words {
		st.word[i+1] = p.toks[i].low
		st.tag[i+1] = uint64(tags[i])
		st.alt[i+1] = uint64(s.POS[i])
	}
	if m.beam > 1 {
		p.parseBeam(st)
	}
	var msc [256]int32
	for !st.done() {
		mv := st.forced()
		if mv < 0 {
			p.feats = st.feats(p.feats[:0])
			msc[mvShift], msc[mvLeft], msc[mvRight] = 0, 0, 0
			m.parW.score(p.feats, msc[:], p.tmp)
			mv = bestMove(st, msc[:numMoves], nil)
		}
		label := uint8(m.rootLab)
		if mv == mvLeft || mv == mvRight && len(st.stack) > 2 {
			h, d := st.arc(mv)
			p.feats = st.labelFeats(p.feats[:0], h, d)
			sc := p.labSc[:m.labW.nclass]
			clear(sc)
			m.labW.score(p.feats, p.labSc, p.tmp)
			label = uint8(bestLabel(sc, m.rootLab))
		}
		st.apply(mv, label)
	}
	for i := range words {
		s.Head[i] = int(st.head[i+1]) - 1
		s.Rel[i] = m.labels[st.lab[i+1]]
	}
	return s
}

// bestMove returns the highest-scoring valid move; if cost is non-nil,
// only among the valid moves of least cost.
func bestMove[T int32 | float32](st *pstate, sc []T, cost []int) int {
	minCost := 1 << 30
	for mv := range numMoves {
		if st.validMove(mv) && cost != nil {
			minCost = min(minCost, cost[mv])
		}
	}
	best := -1
	for mv := range numMoves {
		if !st.validMove(mv) || cost != nil && cost[mv] != minCost {
			continue
		}
		if best < 0 || sc[mv] > sc[best] {
			best = mv
		}
	}
	return best
}

// bestLabel returns the best label other than root.
func bestLabel[T int32 | float32](sc []T, rootLab int) int {
	best := -1
	for l := range sc {
		if l != rootLab && (best < 0 || sc[l] > sc[best]) {
			best = l
		}
	}
	return best
}
