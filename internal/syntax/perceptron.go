package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// wtable is the runtime weight store: the feature hash picks one of 2^bits
// buckets (the hashing trick: colliding features share weights, which the
// trainer saw too), and each bucket holds a sparse row of (class, int16
// weight) pairs packed into uint32s. One array read finds the row.
type wtable struct {
	bits   uint
	mask   uint64
	nclass int
	offs   []uint32 // bucket -> start<<8 | length of its row in ent; 0 = empty
	ent    []uint32 // class<<16 | uint16(weight)
	dense  []uint64 // for nclass <= 4: bucket -> four int16 weights inline
}

const maxEntries = 1<<24 - 1 // row starts must fit in 24 bits

// score adds the weights of feats to sc (len >= 256, only the first
// nclass are used). tmp is scratch of at least len(feats). The bucket loads run in a separate branch-free pass so
// the cache misses of all features overlap instead of queueing.
func (t *wtable) score(feats []uint64, sc []int32, tmp []uint32) {
	if t.dense != nil {
		// Small class counts (the transition classifier) keep the row in
		// the bucket: one load per feature and no branches.
		dense, mask := t.dense, t.mask
		var a, b, c, d int32
		for _, f := range feats {
			v := dense[f&mask]
			a += int32(int16(v))
			b += int32(int16(v >> 16))
			c += int32(int16(v >> 32))
			d += int32(int16(v >> 48))
		}
		sc = sc[:t.nclass]
		acc := [4]int32{a, b, c, d}
		for i := range sc {
			sc[i] += acc[i]
		}
		return
	}
	offs, ent, mask := t.offs, t.ent, t.mask
	tmp = tmp[:len(feats)]
	for i, f := range feats {
		tmp[i] = offs[f&mask]
	}
	acc := (*[256]int32)(sc[:256]) // classes are bytes: no bounds checks
	for _, v := range tmp {
		o := v >> 8
		for _, e := range ent[o : o+v&255] {
			acc[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
}

func (t *wtable) setRow(b uint64, row []uint32) bool {
	if len(row) == 0 || len(t.ent)+len(row) > maxEntries {
		return len(row) == 0
	}
	t.offs[b] = uint32(len(t.ent))<<8 | uint32(len(row))
	t.ent = append(t.ent, row...)
	return true
}

func (t *wtable) row(o uint32) []uint32 { return t.ent[o>>8 : o>>8+o&255] }

// densify builds the inline form for tables with at most four classes.
func (t *wtable) densify() {
	if t.nclass > 4 {
		return
	}
	t.dense = make([]uint64, len(t.offs))
	for b, o := range t.offs {
		var v uint64
		for _, e := range t.row(o) {
			v |= uint64(uint16(e)) << (16 * (e >> 16))
		}
		t.dense[b] = v
	}
}

func (t *wtable) write(w *bufio.Writer) error {
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(t.bits))
	put(uint64(t.nclass))
	nb := 0
	for _, o := range t.offs {
		if o != 0 {
			nb++
		}
	}
	put(uint64(nb))
	put(uint64(len(t.ent)))
	prev := 0
	for b, o := range t.offs {
		if o == 0 {
			continue
		}
		put(uint64(b - prev))
		prev = b
		row := t.row(o)
		put(uint64(len(row)))
		for _, e := range row {
			w.WriteByte(byte(e >> 16))
			w.Write(buf[:binary.PutVarint(buf[:], int64(int16(uint16(e))))])
		}
	}
	return nil
}

// readTable decodes a table from data, returning the rest. It reads
// the bytes by index and the one-byte varints (most of them) inline:
// the tables are most of a coding command's model load.
func readTable(data []byte) (*wtable, []byte, error) {
	bad := errors.New("corrupt weight table")
	p := 0 // read position in data
	ok := true
	uvarint := func() uint64 {
		if p < len(data) && data[p] < 0x80 {
			p++
			return uint64(data[p-1])
		}
		if p+1 < len(data) && data[p+1] < 0x80 {
			p += 2
			return uint64(data[p-2]&0x7f) | uint64(data[p-1])<<7
		}
		var v uint64
		n := 0
		if p < len(data) {
			v, n = binary.Uvarint(data[p:])
		}
		if n <= 0 {
			ok = false
			return 0
		}
		p += n
		return v
	}
	t := &wtable{}
	t.bits = uint(uvarint())
	t.nclass = int(uvarint())
	if !ok || t.bits > 28 || t.nclass > 255 {
		return t, data[p:], bad
	}
	t.mask = 1<<t.bits - 1
	t.offs = make([]uint32, 1<<t.bits)
	nb, ne := uvarint(), uvarint()
	if !ok || nb > uint64(len(t.offs)) || ne > maxEntries {
		return t, data[p:], bad
	}
	t.ent = make([]uint32, 0, ne)
	if t.nclass <= 4 {
		t.dense = make([]uint64, len(t.offs)) // filled row by row, as densify would
	}
	b := uint64(0)
	for range nb {
		b += uvarint()
		n := int(uvarint())
		if !ok || b >= uint64(len(t.offs)) || n > t.nclass || n == 0 || len(t.ent)+n > int(ne) {
			return t, data[p:], bad
		}
		t.offs[b] = uint32(len(t.ent))<<8 | uint32(n)
		for range n {
			if p >= len(data) {
				return t, data[p:], bad
			}
			c := data[p]
			p++
			u := uvarint() // the weight, zigzag-encoded as binary.PutVarint writes it
			v := int64(u >> 1)
			if u&1 != 0 {
				v = ^v
			}
			if !ok || int(c) >= t.nclass || v < math.MinInt16 || v > math.MaxInt16 {
				return t, data[p:], bad
			}
			t.ent = append(t.ent, uint32(c)<<16|uint32(uint16(int16(v))))
			if t.dense != nil {
				t.dense[b] |= uint64(uint16(int16(v))) << (16 * c)
			}
		}
	}
	return t, data[p:], nil
}

// perceptron is the training-time averaged perceptron over the same hashed
// buckets, with lazily averaged float weights.
type perceptron struct {
	mask   uint64
	nclass int
	// adapt > 0 turns on domain adaptation by feature augmentation
	// (Daume III 2007, "frustratingly easy"): every feature also has a
	// copy per domain, kept in region 1+domain above the 2^adapt general
	// buckets. compile folds the target domain's copy (region 1) into the
	// general weight, so the run-time table and its cost are unchanged.
	adapt uint
	idx   []int32 // bucket -> row index + 1, 0 = no row yet
	rows  [][]tweight
	hits  []int32 // training examples in which each row's feature occurred
	tick  int32
}

type tweight struct {
	cls uint8
	ts  int32
	w   float32
	tot float64
}

func newPerceptron(bits uint, nclass int) *perceptron {
	return &perceptron{mask: 1<<bits - 1, nclass: nclass, idx: make([]int32, 1<<bits)}
}

// newAdaptPerceptron is newPerceptron with a general and two domain
// copies of every feature (see perceptron.adapt and withDomain).
func newAdaptPerceptron(bits uint, nclass int) *perceptron {
	p := newPerceptron(bits+2, nclass)
	p.adapt = bits
	return p
}

// withDomain maps feats to general buckets and appends their copies for
// domain dom (0 = target, 1 = the rest). Without adaptation it returns
// feats unchanged.
func (p *perceptron) withDomain(feats []uint64, dom int) []uint64 {
	if p.adapt == 0 {
		return feats
	}
	low := uint64(1)<<p.adapt - 1
	region := uint64(1+dom) << p.adapt
	n := len(feats)
	for i := range n {
		g := feats[i] & low
		feats[i] = g
		feats = append(feats, g|region)
	}
	return feats
}

func (p *perceptron) score(feats []uint64, sc []float32) {
	clear(sc)
	for _, f := range feats {
		i := p.idx[f&p.mask] - 1
		if i < 0 {
			continue
		}
		p.hits[i]++
		for _, e := range p.rows[i] {
			sc[e.cls] += e.w
		}
	}
}

// update moves weights toward good and away from bad. The caller advances
// p.tick once per training example so the average counts every example.
func (p *perceptron) update(feats []uint64, good, bad int) {
	for _, f := range feats {
		i := p.row(f)
		p.rows[i] = p.add(p.rows[i], good, 1)
		p.rows[i] = p.add(p.rows[i], bad, -1)
	}
}

// row returns the index of feature f's weight row, making the row if the
// feature's bucket has none yet.
func (p *perceptron) row(f uint64) int32 {
	b := uint32(f & p.mask)
	i := p.idx[b] - 1
	if i < 0 {
		i = int32(len(p.rows))
		p.idx[b] = i + 1
		p.rows = append(p.rows, nil)
		p.hits = append(p.hits, 1)
	}
	return i
}

func (p *perceptron) add(row []tweight, cls int, d float32) []tweight {
	for k := range row {
		e := &row[k]
		if int(e.cls) == cls {
			e.tot += float64(p.tick-e.ts) * float64(e.w)
			e.ts = p.tick
			e.w += d
			return row
		}
	}
	return append(row, tweight{cls: uint8(cls), ts: p.tick, w: d})
}

// compile averages the weights, quantises them to int16 (scaled so the
// largest maps to ±32000) and drops those that round below minQ, and
// whole rows of features seen in fewer than minHits training examples
// (rare features are most of the table but matter little).
func (p *perceptron) compile(minQ, minHits int) *wtable {
	mask := p.mask
	if p.adapt > 0 {
		mask = 1<<p.adapt - 1
	}
	t := &wtable{bits: uint(bitsOf(mask)), mask: mask, nclass: p.nclass}
	t.offs = make([]uint32, mask+1)
	avg := func(e tweight) float64 {
		return (e.tot + float64(p.tick-e.ts)*float64(e.w)) / float64(max(p.tick, 1))
	}
	// final returns the averaged weights of general bucket b, plus its
	// target-domain copy when adapting.
	var acc []float64
	final := func(b uint32) []float64 {
		acc = slices.Grow(acc[:0], p.nclass)[:p.nclass]
		clear(acc)
		for _, e := range p.rows[p.idx[b]-1] {
			acc[e.cls] += avg(e)
		}
		if p.adapt > 0 {
			if i := p.idx[b|1<<p.adapt] - 1; i >= 0 {
				for _, e := range p.rows[i] {
					acc[e.cls] += avg(e)
				}
			}
		}
		return acc
	}
	var buckets []uint32
	for b, i := range p.idx[:mask+1] {
		if i > 0 {
			buckets = append(buckets, uint32(b))
		}
	}
	maxAbs := 0.0
	for _, b := range buckets {
		for _, w := range final(b) {
			maxAbs = max(maxAbs, math.Abs(w))
		}
	}
	scale := 32000 / max(maxAbs, 1e-9)
	var row []uint32
	for _, b := range buckets {
		row = row[:0]
		if p.hits[p.idx[b]-1] < int32(minHits) {
			continue
		}
		for cls, w := range final(b) {
			q := math.Round(w * scale)
			if math.Abs(q) < float64(minQ) || q == 0 {
				continue
			}
			row = append(row, uint32(cls)<<16|uint32(uint16(int16(q))))
		}
		slices.Sort(row)
		if !t.setRow(uint64(b), row) {
			panic("syntax: weight table too large")
		}
	}
	t.densify()
	return t
}

func bitsOf(mask uint64) int {
	n := 0
	for mask != 0 {
		n++
		mask >>= 1
	}
	return n
}

// bump adds d to the weights of feats for class cls.
func (p *perceptron) bump(feats []uint64, cls int, d float32) {
	for _, f := range feats {
		i := p.row(f)
		p.rows[i] = p.add(p.rows[i], cls, d)
	}
}
