package server

import (
	"context"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// memo keeps answers that are costly to compute at a million events
// (whole-table counts, rankings over every daily tension row) and
// change slowly: each request then costs a map look-up.
//
// An entry belongs to the tension watermark it was computed under: a
// rebuild of the series (rare) makes the next request recompute it. An
// entry may also expire after its ttl, for what ingest changes without
// a rebuild (counts, recent incidents); it is then served once more
// while a fresh value is computed in the background, so no request
// waits for a whole-table scan but the first of each key.
type memo struct {
	mu      sync.Mutex
	entries map[string]*memoEntry
	bytes   int // held by []byte values (rendered pages, encoded answers)
}

type memoEntry struct {
	val        any
	mark       int64 // tension watermark it was computed under
	at         time.Time
	refreshing bool
}

// maxMemo bounds the entries (keys come from query parameters), and
// maxMemoBytes the bytes of those that are []byte: a map answer is up
// to a megabyte.
const (
	maxMemo      = 512
	maxMemoBytes = 64 << 20
)

// refreshTimeout bounds one background refresh.
const refreshTimeout = time.Minute

func newMemo() *memo { return &memo{entries: map[string]*memoEntry{}} }

// memoized returns load's value for key, from the cache when it is
// there. ttl 0: valid until the tension watermark moves.
func memoized[T any](s *Server, ctx context.Context, key string, ttl time.Duration, load func(context.Context) (T, error)) (T, error) {
	mark, err := tension.Watermark(ctx, s.cfg.Store)
	if err != nil {
		var zero T
		return zero, err
	}
	m := s.memo
	m.mu.Lock()
	e := m.entries[key]
	if e != nil && e.mark == mark {
		if ttl > 0 && time.Since(e.at) >= ttl && !e.refreshing {
			e.refreshing = true
			go m.refresh(key, mark, func(ctx context.Context) (any, error) { return load(ctx) })
		}
		v := e.val.(T)
		m.mu.Unlock()
		return v, nil
	}
	m.mu.Unlock()
	v, err := load(ctx)
	if err == nil {
		m.put(key, &memoEntry{val: v, mark: mark, at: time.Now()})
	}
	return v, err
}

func (m *memo) refresh(key string, mark int64, load func(context.Context) (any, error)) {
	ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
	defer cancel()
	v, err := load(ctx)
	if err != nil {
		m.mu.Lock()
		if e := m.entries[key]; e != nil {
			e.refreshing = false // the next request tries again
		}
		m.mu.Unlock()
		return
	}
	m.put(key, &memoEntry{val: v, mark: mark, at: time.Now()})
}

func (m *memo) put(key string, e *memoEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old := m.entries[key]; old != nil {
		m.bytes -= memoSize(old.val)
		delete(m.entries, key)
	}
	if len(m.entries) >= maxMemo || m.bytes+memoSize(e.val) > maxMemoBytes {
		clear(m.entries)
		m.bytes = 0
	}
	m.entries[key] = e
	m.bytes += memoSize(e.val)
}

// memoSize is what a value counts against maxMemoBytes.
func memoSize(v any) int {
	if b, ok := v.([]byte); ok {
		return len(b)
	}
	return 0
}
