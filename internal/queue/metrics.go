package queue

import (
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Metrics are a worker's counters, served in the Prometheus text format
// by ServeHTTP. Counters only grow; rates come from rate() in
// Prometheus, and articles_per_second is a convenience gauge over the
// last few seconds for people reading the page by hand.
type Metrics struct {
	Articles     atomic.Int64 // messages settled: stored, duplicate or rejected
	Stored       atomic.Int64
	Duplicates   atomic.Int64
	Rejected     atomic.Int64 // invalid articles, kept in the rejects table
	Events       atomic.Int64
	Redeliveries atomic.Int64 // messages received with a delivery count above 1
	Errors       atomic.Int64 // failed batches and articles (retried later)
	DeadLetters  atomic.Int64
	Conflicts    atomic.Int64 // batches rolled back and rewritten after a deadlock with another worker
	Lag          atomic.Int64 // messages on the stream not yet delivered to any worker
	AckPending   atomic.Int64 // delivered, not yet acknowledged (all workers)

	mu       sync.Mutex
	lastN    int64
	lastT    time.Time
	lastRate float64
}

// rate returns articles per second since the previous call at least
// a second ago.
func (m *Metrics) rate() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	now, n := time.Now(), m.Articles.Load()
	if m.lastT.IsZero() {
		m.lastT, m.lastN = now, n
		return 0
	}
	if d := now.Sub(m.lastT); d >= time.Second {
		m.lastRate = float64(n-m.lastN) / d.Seconds()
		m.lastT, m.lastN = now, n
	}
	return m.lastRate
}

// ServeHTTP writes the metrics in the Prometheus text exposition format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	metric := func(name, kind, help string, v any) {
		fmt.Fprintf(w, "# HELP flashpoint_worker_%s %s\n# TYPE flashpoint_worker_%s %s\nflashpoint_worker_%s %v\n",
			name, help, name, kind, name, v)
	}
	metric("articles_total", "counter", "Articles settled (stored, duplicate or rejected) and acknowledged.", m.Articles.Load())
	metric("stored_total", "counter", "Articles stored.", m.Stored.Load())
	metric("duplicates_total", "counter", "Articles skipped because their id or text was already stored.", m.Duplicates.Load())
	metric("rejected_total", "counter", "Invalid articles recorded in the rejects table.", m.Rejected.Load())
	metric("events_total", "counter", "Events stored.", m.Events.Load())
	metric("redeliveries_total", "counter", "Messages received more than once.", m.Redeliveries.Load())
	metric("errors_total", "counter", "Failed batches or articles, to be retried.", m.Errors.Load())
	metric("conflicts_total", "counter", "Batches rewritten after a lock conflict with another worker.", m.Conflicts.Load())
	metric("dead_letters_total", "counter", "Messages moved to the dead-letter subject.", m.DeadLetters.Load())
	metric("lag_messages", "gauge", "Messages on the stream not yet delivered to any worker.", m.Lag.Load())
	metric("ack_pending_messages", "gauge", "Messages delivered to workers and not yet acknowledged.", m.AckPending.Load())
	metric("articles_per_second", "gauge", "Articles settled per second over the last interval.", fmt.Sprintf("%.1f", m.rate()))
}
