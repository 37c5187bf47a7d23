package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
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
	offs   []uint32 // bucket -> index of its row in ent; 0 = empty
	ent    []uint32 // ent[o] = row length, then class<<16 | uint16(weight)
}

// score adds the weights of feats to sc (len nclass).
func (t *wtable) score(feats []uint64, sc []int32) {
	offs, ent, mask := t.offs, t.ent, t.mask
	for _, f := range feats {
		o := offs[f&mask]
		if o == 0 {
			continue
		}
		n := ent[o]
		for _, e := range ent[o+1 : o+1+n] {
			sc[e>>16] += int32(int16(uint16(e)))
		}
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
	prev := 0
	for b, o := range t.offs {
		if o == 0 {
			continue
		}
		put(uint64(b - prev))
		prev = b
		n := t.ent[o]
		put(uint64(n))
		for _, e := range t.ent[o+1 : o+1+n] {
			w.WriteByte(byte(e >> 16))
			w.Write(buf[:binary.PutVarint(buf[:], int64(int16(uint16(e))))])
		}
	}
	return nil
}

func readTable(r *bufio.Reader) (*wtable, error) {
	get := func() uint64 {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return v
	}
	t := &wtable{}
	err := func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				if e, ok := p.(error); ok {
					err = e
				} else {
					panic(p)
				}
			}
		}()
		t.bits = uint(get())
		if t.bits > 30 {
			return errors.New("table too large")
		}
		t.nclass = int(get())
		t.mask = 1<<t.bits - 1
		t.offs = make([]uint32, 1<<t.bits)
		nb := int(get())
		if nb > len(t.offs) {
			return errors.New("bad bucket count")
		}
		t.ent = make([]uint32, 1, nb*4)
		b := 0
		for range nb {
			b += int(get())
			n := int(get())
			if b >= len(t.offs) || n > t.nclass {
				return errors.New("bad bucket")
			}
			t.offs[b] = uint32(len(t.ent))
			t.ent = append(t.ent, uint32(n))
			for range n {
				c, err := r.ReadByte()
				if err != nil {
					return err
				}
				v, err := binary.ReadVarint(r)
				if err != nil {
					return err
				}
				if int(c) >= t.nclass || v < math.MinInt16 || v > math.MaxInt16 {
					return errors.New("bad weight")
				}
				t.ent = append(t.ent, uint32(c)<<16|uint32(uint16(int16(v))))
			}
		}
		return nil
	}()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return t, err
}

// perceptron is the training-time averaged perceptron over the same hashed
// buckets, with lazily averaged float weights.
type perceptron struct {
	mask   uint64
	nclass int
	idx    map[uint32]int32
	rows   [][]tweight
	tick   int32
}

type tweight struct {
	cls uint8
	ts  int32
	w   float32
	tot float64
}

func newPerceptron(bits uint, nclass int) *perceptron {
	return &perceptron{mask: 1<<bits - 1, nclass: nclass, idx: make(map[uint32]int32)}
}

func (p *perceptron) score(feats []uint64, sc []float32) {
	clear(sc)
	for _, f := range feats {
		i, ok := p.idx[uint32(f&p.mask)]
		if !ok {
			continue
		}
		for _, e := range p.rows[i] {
			sc[e.cls] += e.w
		}
	}
}

// update moves weights toward good and away from bad. The caller advances
// p.tick once per training example so the average counts every example.
func (p *perceptron) update(feats []uint64, good, bad int) {
	for _, f := range feats {
		b := uint32(f & p.mask)
		i, ok := p.idx[b]
		if !ok {
			i = int32(len(p.rows))
			p.idx[b] = i
			p.rows = append(p.rows, nil)
		}
		p.rows[i] = p.add(p.rows[i], good, 1)
		p.rows[i] = p.add(p.rows[i], bad, -1)
	}
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
// largest maps to ±32000) and drops those that round below minQ.
func (p *perceptron) compile(minQ int) *wtable {
	t := &wtable{bits: uint(bitsOf(p.mask)), mask: p.mask, nclass: p.nclass}
	t.offs = make([]uint32, p.mask+1)
	avg := func(e tweight) float64 {
		return (e.tot + float64(p.tick-e.ts)*float64(e.w)) / float64(max(p.tick, 1))
	}
	maxAbs := 0.0
	for _, row := range p.rows {
		for _, e := range row {
			maxAbs = max(maxAbs, math.Abs(avg(e)))
		}
	}
	scale := 32000 / max(maxAbs, 1e-9)
	buckets := make([]uint32, 0, len(p.idx))
	for b := range p.idx {
		buckets = append(buckets, b)
	}
	slices.Sort(buckets)
	t.ent = []uint32{0}
	var row []uint32
	for _, b := range buckets {
		row = row[:0]
		for _, e := range p.rows[p.idx[b]] {
			q := math.Round(avg(e) * scale)
			if math.Abs(q) < float64(minQ) || q == 0 {
				continue
			}
			row = append(row, uint32(e.cls)<<16|uint32(uint16(int16(q))))
		}
		if len(row) == 0 {
			continue
		}
		slices.Sort(row)
		t.offs[b] = uint32(len(t.ent))
		t.ent = append(t.ent, uint32(len(row)))
		t.ent = append(t.ent, row...)
	}
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
