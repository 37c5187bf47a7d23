package syntax

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Sentence is the analysis of one sentence. Head is the 0-based index of
// the head word, -1 for the root.
type Sentence struct {
	Words []string
	POS   []POS
	Lemma []string
	Head  []int
	Rel   []Rel
}

// Model holds the trained tagger, lemmatiser and parser. It is immutable
// and safe for concurrent use; each goroutine needs its own Parser.
type Model struct {
	lex  map[uint64]lexEntry
	tagW *wtable // the tagger of the output UPOS
	// parseTagW, if not nil, is the tagger whose tags the parser reads: the
	// parser was trained on its (jackknifed) tags, while tagW is adapted to
	// the target domain's tagging conventions, which score better as UPOS
	// but parse worse (see README.md).
	parseTagW *wtable
	// tagBoth holds tagW's and parseTagW's rows side by side (classes
	// NumPOS.. are parseTagW's), so Parse scores both taggers with one
	// lookup per feature: half the cache misses.
	tagBoth *wtable
	lem     *lemmatizer
	parW    *wtable // transitions: shift, left, right
	labW    *wtable // arc labels
	labels  []Rel   // parser label index -> relation
	rootLab int
	beam    int   // beam width of the parser; <= 1: greedy
	margin  int64 // beam: drop configurations scoring this far below the best (0: none)
}

//go:embed model/en.model
var embedded []byte

var (
	defOnce  sync.Once
	defModel *Model
)

// Default returns the embedded English model, decoded on first use.
func Default() *Model {
	defOnce.Do(func() {
		m, err := decode(embedded)
		if err != nil {
			panic("syntax: embedded model is corrupt: " + err.Error())
		}
		defModel = m
	})
	return defModel
}

const magic = "flashpoint-syntax-4\n"

// Save writes the model in its binary format. The output depends only on
// the model, so training is byte-reproducible. It is not compressed: the
// weights are near-random bytes that gzip shrinks little but would make
// loading several times slower.
func (m *Model) Save(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) { put(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	put(uint64(len(m.labels)))
	for _, l := range m.labels {
		str(l.String())
	}
	writeMap(bw, put, m.lex, func(e lexEntry) { put(uint64(e.amb)); bw.WriteByte(byte(e.fixed)) })
	writeMap(bw, put, m.lem.table, str)
	writeMap(bw, put, m.lem.rules, func(r lemRule) { bw.WriteByte(r.strip); str(r.add) })
	m.tagW.write(bw)
	if m.parseTagW == nil {
		put(0)
	} else {
		put(1)
		m.parseTagW.write(bw)
	}
	m.parW.write(bw)
	m.labW.write(bw)
	if m.beam > 1 { // absent for greedy models, so their files are unchanged
		put(uint64(m.beam))
		put(uint64(m.margin))
	}
	return bw.Flush()
}

func writeMap[V any](bw *bufio.Writer, put func(uint64), m map[uint64]V, val func(V)) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint64(len(keys)))
	var key [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(key[:], k)
		bw.Write(key[:])
		val(m[k])
	}
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: model: %w", err)
	}
	return decode(data)
}

func decode(data []byte) (m *Model, err error) {
	bad := errors.New("syntax: model: corrupt")
	defer func() {
		if p := recover(); p != nil {
			if p != bad {
				panic(p)
			}
			m, err = nil, bad
		}
	}()
	need := func(n uint64) {
		if uint64(len(data)) < n {
			panic(bad)
		}
	}
	get := func() uint64 {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			panic(bad)
		}
		data = data[n:]
		return v
	}
	byteOf := func() byte {
		need(1)
		b := data[0]
		data = data[1:]
		return b
	}
	str := func() string {
		n := get()
		need(n)
		s := string(data[:n])
		data = data[n:]
		return s
	}
	key := func() uint64 {
		need(8)
		k := binary.LittleEndian.Uint64(data)
		data = data[8:]
		return k
	}
	count := func() int {
		n := get()
		need(n) // every record takes at least a byte
		return int(n)
	}
	need(uint64(len(magic)))
	if string(data[:len(magic)]) != magic {
		return nil, errors.New("syntax: model: bad header")
	}
	data = data[len(magic):]
	m = &Model{lem: &lemmatizer{}, rootLab: -1}
	for i := range count() {
		rel, ok := ParseRel(str())
		if !ok || i > 126 {
			return nil, errors.New("syntax: model: unknown relation")
		}
		if rel == RelRoot {
			m.rootLab = i
		}
		m.labels = append(m.labels, rel)
	}
	if m.rootLab < 0 {
		return nil, errors.New("syntax: model: no root label")
	}
	n := count()
	m.lex = make(map[uint64]lexEntry, n)
	for range n {
		k := key()
		e := lexEntry{amb: uint32(get())}
		e.fixed = int8(byteOf())
		if e.fixed >= int8(NumPOS) {
			panic(bad)
		}
		m.lex[k] = e
	}
	n = count()
	m.lem.table = make(map[uint64]string, n)
	for range n {
		k := key()
		m.lem.table[k] = str()
	}
	n = count()
	m.lem.rules = make(map[uint64]lemRule, n)
	for range n {
		k := key()
		r := lemRule{strip: byteOf()}
		r.add = str()
		m.lem.rules[k] = r
	}
	if m.tagW, data, err = readTable(data); err != nil || m.tagW.nclass != NumPOS {
		return nil, fmt.Errorf("syntax: model: tagger weights: %v", err)
	}
	switch get() {
	case 0:
	case 1:
		if m.parseTagW, data, err = readTable(data); err != nil || m.parseTagW.nclass != NumPOS {
			return nil, fmt.Errorf("syntax: model: parser tagger weights: %v", err)
		}
	default:
		panic(bad)
	}
	if m.parW, data, err = readTable(data); err != nil || m.parW.nclass != numMoves {
		return nil, fmt.Errorf("syntax: model: parser weights: %v", err)
	}
	if m.labW, data, err = readTable(data); err != nil || m.labW.nclass != len(m.labels) {
		return nil, fmt.Errorf("syntax: model: label weights: %v", err)
	}
	if len(data) != 0 {
		if m.beam = int(get()); m.beam < 2 || m.beam > 64 {
			panic(bad)
		}
		if m.margin = int64(get()); m.margin < 0 || m.margin > 1<<40 {
			panic(bad)
		}
	}
	if len(data) != 0 {
		return nil, errors.New("syntax: model: trailing data")
	}
	m.tagBoth = mergeTables(m.tagW, m.parseTagW)
	return m, nil
}

// mergeTables returns a table whose row for each bucket is a's row followed
// by b's with their classes shifted by a.nclass, or nil if a and b cannot
// be merged (b nil, different sizes or too many classes).
func mergeTables(a, b *wtable) *wtable {
	if a == nil || b == nil || a.bits != b.bits || a.nclass+b.nclass > 255 || a.dense != nil ||
		len(a.ent)+len(b.ent) > maxEntries {
		return nil
	}
	t := &wtable{bits: a.bits, mask: a.mask, nclass: a.nclass + b.nclass, offs: make([]uint32, len(a.offs))}
	t.ent = make([]uint32, 0, len(a.ent)+len(b.ent))
	shift := uint32(a.nclass) << 16
	for i, oa := range a.offs {
		ob := b.offs[i]
		if oa == 0 && ob == 0 {
			continue
		}
		start := len(t.ent)
		t.ent = append(t.ent, a.row(oa)...)
		for _, e := range b.row(ob) {
			t.ent = append(t.ent, e+shift)
		}
		t.offs[i] = uint32(start)<<8 | uint32(len(t.ent)-start)
	}
	return t
}
