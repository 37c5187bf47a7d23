package geo

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// sorter sorts byte records of any number in bounded memory: records are
// kept in one buffer until it holds limit bytes, then sorted and written to
// a run file in dir; each merges the runs. Records compare as byte strings.
type sorter struct {
	dir   string
	limit int
	buf   []byte
	recs  []span32
	runs  []string
	n     int64 // records added
}

type span32 struct{ off, n uint32 }

func newSorter(dir string, limit int) *sorter {
	return &sorter{dir: dir, limit: limit}
}

func (s *sorter) add(rec []byte) error {
	if len(s.buf)+len(rec) > s.limit && len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if len(s.buf)+len(rec) > cap(s.buf) {
		// Grow by doubling up to the limit, never past it.
		b := make([]byte, len(s.buf), min(max(2*cap(s.buf), 1<<20, len(s.buf)+len(rec)), max(s.limit, len(rec))))
		copy(b, s.buf)
		s.buf = b
	}
	s.recs = append(s.recs, span32{uint32(len(s.buf)), uint32(len(rec))})
	s.buf = append(s.buf, rec...)
	s.n++
	return nil
}

func (s *sorter) rec(r span32) []byte { return s.buf[r.off : r.off+r.n] }

func (s *sorter) sortMem() {
	slices.SortFunc(s.recs, func(a, b span32) int { return bytes.Compare(s.rec(a), s.rec(b)) })
}

// spill sorts the buffered records into a new run file.
func (s *sorter) spill() error {
	s.sortMem()
	f, err := os.CreateTemp(s.dir, "run-*")
	if err != nil {
		return err
	}
	s.runs = append(s.runs, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	var hdr [binary.MaxVarintLen64]byte
	for _, r := range s.recs {
		w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(r.n))])
		w.Write(s.rec(r))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.buf, s.recs = s.buf[:0], s.recs[:0]
	return nil
}

// each calls fn with every record in order (equal records each time they
// were added); rec is valid only during the call. The run files are
// removed afterwards.
func (s *sorter) each(fn func(rec []byte) error) (err error) {
	defer func() {
		for _, r := range s.runs {
			os.Remove(r)
		}
		s.runs = nil
	}()
	if len(s.runs) == 0 {
		s.sortMem()
		for _, r := range s.recs {
			if err := fn(s.rec(r)); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	s.buf, s.recs = nil, nil
	h := make(runHeap, 0, len(s.runs))
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r := &runReader{br: bufio.NewReaderSize(f, 1<<18)}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			h = append(h, r)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		r := h[0]
		if err := fn(r.cur); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

type runReader struct {
	br  *bufio.Reader
	cur []byte
}

func (r *runReader) next() (bool, error) {
	n, err := binary.ReadUvarint(r.br)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if n > maxDumpLine*2 {
		return false, fmt.Errorf("sort run: record of %d bytes", n)
	}
	r.cur = slices.Grow(r.cur[:0], int(n))[:n]
	if _, err := io.ReadFull(r.br, r.cur); err != nil {
		return false, errors.Join(errors.New("sort run truncated"), err)
	}
	return true, nil
}

type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return bytes.Compare(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
