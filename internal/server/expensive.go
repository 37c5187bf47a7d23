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
	// building holds the view being built for a key: the requests that
	// arrive meanwhile wait for it instead of building it again
	building map[string]*flight
}

// flight is one view build that requests for the same key share.
type flight struct {
	done chan struct{}
	body []byte
	err  error
}

func newViewCache(max int) *viewCache {
	return &viewCache{max: max, data: map[string][]byte{}, building: map[string]*flight{}}
}

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
	c := s.views
	c.mu.Lock()
	if b, ok := c.data[key]; ok {
		c.mu.Unlock()
		return b, nil
	}
	if f, ok := c.building[key]; ok {
		// one build per view: wait for the one under way
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.body, f.err
		case <-ctx.Done():
			return nil, busyError{}
		}
	}
	f := &flight{done: make(chan struct{})}
	c.building[key] = f
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.building, key)
		c.mu.Unlock()
		close(f.done)
	}()
	select {
	case s.heavy <- struct{}{}:
	case <-ctx.Done():
		f.err = busyError{}
		return nil, f.err
	}
	defer func() { <-s.heavy }()
	f.body, f.err = build()
	if f.err != nil {
		return nil, f.err
	}
	c.put(key, f.body)
	return f.body, nil
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
