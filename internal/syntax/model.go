package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
	lex     map[uint64]lexEntry
	tagW    *wtable
	lem     *lemmatizer
	parW    *wtable
	labels  []Rel // parser label index -> relation
	rootLab int
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
		m, err := Load(bytes.NewReader(embedded))
		if err != nil {
			panic("syntax: embedded model is corrupt: " + err.Error())
		}
		defModel = m
	})
	return defModel
}

const magic = "flashpoint-syntax-1\n"

// Save writes the model in its gzip-compressed binary format. The output
// depends only on the model, so training is byte-reproducible.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
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
	m.parW.write(bw)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
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
func Load(r io.Reader) (m *Model, err error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	defer func() {
		if p := recover(); p != nil {
			e, ok := p.(error)
			if !ok {
				panic(p)
			}
			if e == io.EOF {
				e = io.ErrUnexpectedEOF
			}
			m, err = nil, fmt.Errorf("syntax: model: %w", e)
		}
	}()
	get := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			panic(err)
		}
		return v
	}
	count := func(limit int) int {
		n := get()
		if n > uint64(limit) {
			panic(errors.New("bad count"))
		}
		return int(n)
	}
	byteOf := func() byte {
		b, err := br.ReadByte()
		if err != nil {
			panic(err)
		}
		return b
	}
	str := func() string {
		b := make([]byte, count(1<<16))
		if _, err := io.ReadFull(br, b); err != nil {
			panic(err)
		}
		return string(b)
	}
	key := func() uint64 {
		var k [8]byte
		if _, err := io.ReadFull(br, k[:]); err != nil {
			panic(err)
		}
		return binary.LittleEndian.Uint64(k[:])
	}
	hdr := make([]byte, len(magic))
	if _, err := io.ReadFull(br, hdr); err != nil || string(hdr) != magic {
		return nil, errors.New("syntax: model: bad header")
	}
	m = &Model{lem: &lemmatizer{}, rootLab: -1}
	for i := range count(127) {
		rel, ok := ParseRel(str())
		if !ok {
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
	n := count(1 << 24)
	m.lex = make(map[uint64]lexEntry, n)
	for range n {
		k := key()
		e := lexEntry{amb: uint32(get())}
		e.fixed = int8(byteOf())
		if e.fixed >= int8(NumPOS) {
			panic(errors.New("bad tag"))
		}
		m.lex[k] = e
	}
	n = count(1 << 24)
	m.lem.table = make(map[uint64]string, n)
	for range n {
		k := key()
		m.lem.table[k] = str()
	}
	n = count(1 << 24)
	m.lem.rules = make(map[uint64]lemRule, n)
	for range n {
		k := key()
		r := lemRule{strip: byteOf()}
		r.add = str()
		m.lem.rules[k] = r
	}
	if m.tagW, err = readTable(br); err != nil {
		return nil, fmt.Errorf("syntax: model: tagger: %w", err)
	}
	if m.tagW.nclass != NumPOS {
		return nil, errors.New("syntax: model: tagger classes")
	}
	if m.parW, err = readTable(br); err != nil {
		return nil, fmt.Errorf("syntax: model: parser: %w", err)
	}
	if m.parW.nclass != 1+2*len(m.labels) {
		return nil, errors.New("syntax: model: parser classes")
	}
	return m, nil
}
