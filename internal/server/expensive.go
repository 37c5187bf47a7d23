package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sync"
)

// Article views are the one anonymous request whose cost grows with the
// data: the text is split and marked up, and the explain trace re-codes
// it. So they are built at most DefaultMaxExpensive at a time, each
// article once (later requests are answered from a byte cache), and
// texts over MaxRecodeBytes are not re-coded at all.
const (
	DefaultMaxExpensive = 4
	DefaultViewCache    = 64 << 20 // bytes of rendered article views kept
	MaxRecodeBytes      = 1 << 20
)

// busyError: every slot for expensive work stayed taken until the
// request's deadline; answered 503 with Retry-After.
type busyError struct{}

func (busyError) Error() string { return "busy: too many article views being built; retry shortly" }

// viewCache keeps rendered article views by key, up to max bytes, the
// oldest evicted first. Stored articles do not change, so entries never
// go stale; a submission clears it anyway (cheap, rare).
type viewCache struct {
	mu    sync.Mutex
	max   int
	size  int
	data  map[string][]byte
	order []string
}

func newViewCache(max int) *viewCache { return &viewCache{max: max, data: map[string][]byte{}} }

func (c *viewCache) get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.data[k]
	return b, ok
}

func (c *viewCache) put(k string, b []byte) {
	if len(b) > c.max/4 {
		return // one huge view would evict everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.data[k]; ok {
		return
	}
	for c.size+len(b) > c.max && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.size -= len(c.data[old])
		delete(c.data, old)
	}
	c.data[k] = b
	c.order = append(c.order, k)
	c.size += len(b)
}

func (c *viewCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data, c.order, c.size = map[string][]byte{}, nil, 0
}

// cachedView answers from the cache, or builds the view in a slot for
// expensive work (waiting for one up to the request's deadline) and
// caches it. build returns the body, or an error for the caller's
// error page.
func (s *Server) cachedView(ctx context.Context, key string, build func() ([]byte, error)) ([]byte, error) {
	if b, ok := s.views.get(key); ok {
		return b, nil
	}
	select {
	case s.heavy <- struct{}{}:
	case <-ctx.Done():
		return nil, busyError{}
	}
	defer func() { <-s.heavy }()
	// Another request may have built it while this one waited.
	if b, ok := s.views.get(key); ok {
		return b, nil
	}
	b, err := build()
	if err != nil {
		return nil, err
	}
	s.views.put(key, b)
	return b, nil
}

// writeBusy answers 503 with a hint to retry.
func writeBusy(w http.ResponseWriter, err error) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusServiceUnavailable, "%v", err)
}

// jsonBytes is the body writeJSON would write.
func jsonBytes(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	err := enc.Encode(v)
	return buf.Bytes(), err
}
