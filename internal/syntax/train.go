package syntax

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"time"
)

// TrainOptions controls training. The zero value of a field means its
// default (see DefaultTrainOptions); the defaults reproduce the shipped model.
type TrainOptions struct {
	TagIters    int    // tagger epochs
	ParseIters  int    // parser epochs
	DomainIters int    // extra parser epochs on up-weighted sentences only (-1: none)
	Folds       int    // jackknife folds for the parser's training tags
	Seed        uint64 // shuffling and exploration RNG seed
	TagBits     uint   // log2 of tagger weight buckets
	ParseBits   uint   // log2 of parser transition weight buckets
	LabelBits   uint   // log2 of parser label weight buckets
	MinQ        int    // drop quantised weights with |w| below this
	MinHits     int    // drop features updated fewer times than this
	MinLabel    int    // relations rarer than this fall back to their base
	TagCache    string // for experiments on the parser: file keeping the taggers and jackknifed tags between runs (made if absent)
	Beam        int    // parser beam width, trained globally (max-violation); 1: greedy with the dynamic oracle
	EarlyUpdate bool   // beam training with early instead of max-violation updates
	BeamMargin  int    // beam parsing drops configurations scoring this far below the best (quantised units; -1: none)
	Adapt       int    // classifiers trained with domain adaptation (AdaptTagger|AdaptMoves|AdaptLabels); -1: none
	Log         io.Writer
}

// DefaultTrainOptions are the settings of the committed model.
var DefaultTrainOptions = TrainOptions{
	TagIters: 8, ParseIters: 15, DomainIters: 3, Folds: 4, Seed: 1,
	TagBits: 19, ParseBits: 20, LabelBits: 19, MinQ: 2, MinHits: 5, MinLabel: 10,
	Adapt: AdaptTagger, Beam: 1, BeamMargin: 30000,
}

// Classifiers trained with domain adaptation (TrainOptions.Adapt).
const (
	AdaptTagger = 1 << iota
	AdaptMoves
	AdaptLabels
)

func (o *TrainOptions) fill() {
	d := DefaultTrainOptions
	o.TagIters = cmp.Or(o.TagIters, d.TagIters)
	o.ParseIters = cmp.Or(o.ParseIters, d.ParseIters)
	o.DomainIters = max(cmp.Or(o.DomainIters, d.DomainIters), 0)
	o.Folds = cmp.Or(o.Folds, d.Folds)
	o.Seed = cmp.Or(o.Seed, d.Seed)
	o.TagBits = cmp.Or(o.TagBits, d.TagBits)
	o.ParseBits = cmp.Or(o.ParseBits, d.ParseBits)
	o.LabelBits = cmp.Or(o.LabelBits, d.LabelBits)
	o.MinQ = cmp.Or(o.MinQ, d.MinQ)
	o.MinHits = cmp.Or(o.MinHits, d.MinHits)
	o.MinLabel = cmp.Or(o.MinLabel, d.MinLabel)
	o.Adapt = max(cmp.Or(o.Adapt, d.Adapt), 0)
	o.Beam = cmp.Or(o.Beam, d.Beam)
	o.BeamMargin = max(cmp.Or(o.BeamMargin, d.BeamMargin), 0)
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, args...)
	}
}

// Train builds a model from gold sentences. weight[i] (nil: all 1) is how
// many times sentence i is seen per epoch, to up-weight in-domain data. It
// is deterministic: the same input gives a byte-identical saved model.
func Train(sents []*Gold, weight []int, opt TrainOptions) (*Model, error) {
	opt.fill()
	start := time.Now()
	if weight == nil {
		weight = make([]int, len(sents))
		for i := range weight {
			weight[i] = 1
		}
	}
	sents = harmonizeToTarget(harmonizeAgents(sents), weight)
	m := &Model{}
	m.labels, m.rootLab = chooseLabels(sents, opt.MinLabel)
	m.lex = buildLex(sents)

	// Jackknifed tags: the parser trains on tags as noisy as at run time.
	tags := make([][]POS, len(sents))
	m.lem = trainLemmatizer(sents, weight)
	opt.logf("labels %d, lexicon %d, lemma table %d, rules %d\n", len(m.labels), len(m.lex), len(m.lem.table), len(m.lem.rules))
	dom := domains(weight)
	alts := make([][]POS, len(sents))
	if !loadTagCache(opt.TagCache, m, tags, alts) {
		trainTagging(sents, weight, dom, m, tags, alts, opt)
		saveTagCache(opt.TagCache, m, tags, alts)
	}
	right, total := 0, 0
	for i, g := range sents {
		for j, t := range tags[i] {
			total++
			if t == g.UPOS[j] {
				right++
			}
		}
	}
	opt.logf("tagger trained (%v); jackknife UPOS %.2f%%\n", time.Since(start).Round(time.Millisecond), 100*float64(right)/float64(total))

	pm, pl := trainParser(sents, weight, tags, alts, m, opt)
	m.parW = pm.compile(opt.MinQ, opt.MinHits)
	m.labW = pl.compile(opt.MinQ, opt.MinHits)
	m.beam = max(opt.Beam, 1)
	m.margin = int64(max(opt.BeamMargin, 0))
	opt.logf("parser trained (%v)\n", time.Since(start).Round(time.Millisecond))
	return m, nil
}

func argmax[T int32 | float32](sc []T) int {
	best := 0
	for c := 1; c < len(sc); c++ {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

// chooseLabels keeps relations seen at least minCount times; rarer ones
// are trained as their base relation.
func chooseLabels(sents []*Gold, minCount int) ([]Rel, int) {
	counts := map[Rel]int{}
	for _, g := range sents {
		for _, r := range g.Rel {
			counts[r]++
		}
	}
	var labels []Rel
	for r, n := range counts {
		if r != RelNone && (n >= minCount || r == r.Base() || r == RelRoot) {
			labels = append(labels, r)
		}
	}
	if !slices.Contains(labels, RelRoot) {
		labels = append(labels, RelRoot)
	}
	slices.Sort(labels)
	return labels, slices.Index(labels, RelRoot)
}

func labelIndex(labels []Rel, r Rel) int {
	if i := slices.Index(labels, r); i >= 0 {
		return i
	}
	if i := slices.Index(labels, r.Base()); i >= 0 {
		return i
	}
	if i := slices.Index(labels, relIndex["dep"]); i >= 0 {
		return i
	}
	return 0
}

// buildLex records, for lower-cased words seen at least twice, the tags
// they take, and marks frequent unambiguous words.
func buildLex(sents []*Gold) map[uint64]lexEntry {
	counts := map[uint64]*[NumPOS]int{}
	for _, g := range sents {
		for i, w := range g.Words {
			h := hlower(w)
			c := counts[h]
			if c == nil {
				c = new([NumPOS]int)
				counts[h] = c
			}
			c[g.UPOS[i]]++
		}
	}
	lex := map[uint64]lexEntry{}
	for h, c := range counts {
		total, top := 0, 0
		for t, n := range c {
			total += n
			if n > c[top] {
				top = t
			}
		}
		if total < 2 {
			continue
		}
		e := lexEntry{fixed: -1}
		for t, n := range c {
			if n*20 >= total {
				e.amb |= 1 << t
			}
		}
		if total >= 20 && c[top]*100 >= total*99 {
			e.fixed = int8(top)
		}
		lex[h] = e
	}
	return lex
}

func trainTagger(sents []*Gold, dom []int, lex map[uint64]lexEntry, opt TrainOptions, seed uint64) *perceptron {
	p := newPerceptron(opt.TagBits, NumPOS)
	if opt.Adapt&AdaptTagger != 0 {
		p = newAdaptPerceptron(opt.TagBits, NumPOS)
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a66))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var toks []tokInfo
	var lb []byte
	var le []int
	var feats []uint64
	sc := make([]float32, NumPOS)
	for range opt.TagIters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			g := sents[si]
			toks, lb, le = prepare(g.Words, toks, lb, le, lex)
			p1, p2 := uint64(tagStart), uint64(tagStart2)
			for i := range toks {
				t := int(g.UPOS[i])
				guess := int(toks[i].fixed)
				if guess < 0 {
					feats = p.withDomain(tagFeats(feats[:0], toks, i, p1, p2), dom[si])
					p.tick++
					p.score(feats, sc)
					if guess = argmax(sc); guess != t {
						p.update(feats, t, guess)
					}
				}
				// The history is the predicted tags, as at run time.
				p2, p1 = p1, uint64(guess)
			}
		}
	}
	return p
}

// trainTagging trains the tagger into m.tagW and fills tags with
// jackknifed predictions (each fold tagged by a tagger that never saw it),
// on which the parser trains. With domain adaptation of the tagger, m.tagW
// is the adapted tagger and m.parseTagW a plain one like those of the
// folds, for the parser's input, and alts holds the adapted tagger's
// jackknifed tags (else it is tags).
func trainTagging(sents []*Gold, weight, dom []int, m *Model, tags, alts [][]POS, opt TrainOptions) {
	plain := opt
	plain.Adapt &^= AdaptTagger
	adapt := opt.Adapt&AdaptTagger != 0
	var wg sync.WaitGroup
	var final, adapted *perceptron
	for f := 0; f <= opt.Folds+1; f++ {
		if f == opt.Folds+1 && !adapt {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var train, held []*Gold
			var heldIdx, trainDom []int
			for i, g := range sents {
				if f < opt.Folds && i%opt.Folds == f {
					held = append(held, g)
					heldIdx = append(heldIdx, i)
				} else {
					for range weight[i] {
						train = append(train, g)
						trainDom = append(trainDom, dom[i])
					}
				}
			}
			switch {
			case f == opt.Folds:
				final = trainTagger(train, trainDom, m.lex, plain, opt.Seed+uint64(f))
				return
			case f > opt.Folds:
				adapted = trainTagger(train, trainDom, m.lex, opt, opt.Seed+uint64(f))
				return
			}
			p := trainTagger(train, trainDom, m.lex, plain, opt.Seed+uint64(f))
			var toks []tokInfo
			var lb []byte
			var le []int
			var feats []uint64
			// The folds tag with their last (not averaged) weights: tags
			// noisier than at run time train a better parser (averaged,
			// quantised fold taggers: jackknifed UPOS 95.50 -> 96.10, but
			// held-out UAS -0.7, LAS -0.7).
			sc := make([]float32, NumPOS)
			best := func(feats []uint64) int { p.score(feats, sc); return argmax(sc) }
			for k, g := range held {
				toks, lb, le = prepare(g.Words, toks, lb, le, m.lex)
				t := make([]POS, len(g.Words))
				feats = tagSentence(toks, t, feats, best)
				tags[heldIdx[k]] = t
				alts[heldIdx[k]] = t
			}
			if !adapt {
				return
			}
			// The adapted tagger's jackknifed tags, which the parser also
			// reads (pstate.alt), as at run time: the target domain's
			// weights, averaged and quantised, for every sentence.
			wa := trainTagger(train, trainDom, m.lex, opt, opt.Seed+uint64(f)+100).compile(opt.MinQ, min(opt.MinHits, 2))
			asc, tmp := make([]int32, 256), make([]uint32, 256)
			bestA := func(feats []uint64) int {
				clear(asc)
				wa.score(feats, asc, tmp)
				return argmax(asc[:NumPOS])
			}
			for k, g := range held {
				toks, lb, le = prepare(g.Words, toks, lb, le, m.lex)
				t := make([]POS, len(g.Words))
				feats = tagSentence(toks, t, feats, bestA)
				alts[heldIdx[k]] = t
			}
		}()
	}
	wg.Wait()
	m.tagW = final.compile(opt.MinQ, min(opt.MinHits, 2)) // the tagger needs rare-word features
	if adapted != nil {
		m.parseTagW = m.tagW
		m.tagW = adapted.compile(opt.MinQ, min(opt.MinHits, 2))
	}
}

// loadTagCache reads the tagger and jackknifed tags that saveTagCache
// wrote, if path names such a file. For experiments on the parser alone:
// the file is only valid for the same training data and tagger options.
func loadTagCache(path string, m *Model, tags, alts [][]POS) bool {
	if path == "" {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for i := range tags {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < 2*n {
			return false
		}
		tags[i], alts[i] = make([]POS, n), make([]POS, n)
		for j := range tags[i] {
			tags[i][j] = POS(data[k+j])
			alts[i][j] = POS(data[k+int(n)+j])
		}
		data = data[k+2*int(n):]
	}
	if m.tagW, data, err = readTable(data); err != nil || len(data) == 0 {
		return false
	}
	if data[0] == 1 {
		m.parseTagW, _, err = readTable(data[1:])
	}
	return err == nil
}

func saveTagCache(path string, m *Model, tags, alts [][]POS) {
	if path == "" {
		return
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	for i, t := range tags {
		bw.Write(binary.AppendUvarint(nil, uint64(len(t))))
		for _, p := range t {
			bw.WriteByte(byte(p))
		}
		for _, p := range alts[i] {
			bw.WriteByte(byte(p))
		}
	}
	m.tagW.write(bw)
	if m.parseTagW == nil {
		bw.WriteByte(0)
	} else {
		bw.WriteByte(1)
		m.parseTagW.write(bw)
	}
	bw.Flush()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		panic("syntax: tag cache: " + err.Error())
	}
}
