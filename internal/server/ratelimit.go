package server

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Defaults of the per-client rate limit (Config.RateLimit, RateBurst).
const (
	DefaultRateLimit = 50  // requests per second per client, sustained
	DefaultRateBurst = 100 // requests a client may send at once
	// maxClients bounds the limiter's memory: past it, idle buckets are
	// swept, and if every client is active the oldest bucket is dropped.
	maxClients = 10000
)

// limiter is a token bucket per client address. A client is its remote
// IP as the connection reports it: X-Forwarded-For is not trusted, so
// behind a proxy every request counts against the proxy (rate-limit
// there instead, or give the proxy a higher limit).
type limiter struct {
	rate  float64 // tokens per second
	burst float64
	mu    sync.Mutex
	b     map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// newLimiter returns nil (no limit) for a negative rate.
func newLimiter(rate float64, burst int) *limiter {
	if rate < 0 {
		return nil
	}
	if rate == 0 {
		rate = DefaultRateLimit
	}
	if burst <= 0 {
		burst = DefaultRateBurst
	}
	return &limiter{rate: rate, burst: float64(burst), b: map[string]*bucket{}}
}

// allow takes a token from key's bucket; when it is empty it reports how
// long until the next token.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	bk := l.b[key]
	if bk == nil {
		if len(l.b) >= maxClients {
			l.sweep(now)
		}
		bk = &bucket{tokens: l.burst, last: now}
		l.b[key] = bk
	}
	if dt := now.Sub(bk.last).Seconds(); dt > 0 {
		bk.tokens = math.Min(l.burst, bk.tokens+dt*l.rate)
		bk.last = now
	}
	if bk.tokens >= 1 {
		bk.tokens--
		return true, 0
	}
	wait := time.Duration((1 - bk.tokens) / l.rate * float64(time.Second))
	return false, wait
}

// sweep forgets buckets that have refilled (their clients are idle, so a
// fresh full bucket is the same thing); if none has, the stalest goes.
func (l *limiter) sweep(now time.Time) {
	full := time.Duration(l.burst / l.rate * float64(time.Second))
	var oldest string
	var oldestAt time.Time
	for k, bk := range l.b {
		if now.Sub(bk.last) >= full {
			delete(l.b, k)
			continue
		}
		if oldest == "" || bk.last.Before(oldestAt) {
			oldest, oldestAt = k, bk.last
		}
	}
	if len(l.b) >= maxClients {
		delete(l.b, oldest)
	}
}

// clientKey is the request's remote IP without the port.
func clientKey(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// rateLimited answers 429 with Retry-After (whole seconds, at least 1)
// when the client is over its limit, and reports whether it did.
func (s *Server) rateLimited(w http.ResponseWriter, r *http.Request) bool {
	if s.limiter == nil || r.URL.Path == "/healthz" {
		return false // liveness probes are never throttled
	}
	ok, wait := s.limiter.allow(clientKey(r), time.Now())
	if ok {
		return false
	}
	secs := int(math.Ceil(wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	writeError(w, http.StatusTooManyRequests, "rate limit exceeded: at most %g requests per second (burst %g) per client", s.limiter.rate, s.limiter.burst)
	return true
}
