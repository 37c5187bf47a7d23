package server

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the histogram's upper bounds in seconds.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics are the server's counters, written by hand in the Prometheus
// text format (no client library for a dozen lines of output).
type metrics struct {
	mu       sync.Mutex
	requests map[routeStatus]int64
	latency  map[string]*histogram
	ingested atomic.Int64
	start    time.Time
}

type routeStatus struct {
	route  string
	status int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeStatus]int64{}, latency: map[string]*histogram{}, start: time.Now()}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeStatus{route, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(latencyBuckets))}
		m.latency[route] = h
	}
	for i, b := range latencyBuckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

// label escapes a label value: backslash, double quote and newline.
func label(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// serveMetrics: GET /metrics in the Prometheus text exposition format.
func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) {
	m := s.metrics
	var b strings.Builder
	m.mu.Lock()
	keys := make([]routeStatus, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	b.WriteString("# HELP flashpoint_http_requests_total HTTP requests by route pattern and status.\n# TYPE flashpoint_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "flashpoint_http_requests_total{route=\"%s\",status=\"%d\"} %d\n", label(k.route), k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	b.WriteString("# HELP flashpoint_http_request_duration_seconds HTTP request latency by route pattern.\n# TYPE flashpoint_http_request_duration_seconds histogram\n")
	for _, r := range routes {
		h := m.latency[r]
		var cum int64
		for i, ub := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "flashpoint_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %d\n", label(r), ub, cum)
		}
		fmt.Fprintf(&b, "flashpoint_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", label(r), h.n)
		fmt.Fprintf(&b, "flashpoint_http_request_duration_seconds_sum{route=\"%s\"} %g\n", label(r), h.sum)
		fmt.Fprintf(&b, "flashpoint_http_request_duration_seconds_count{route=\"%s\"} %d\n", label(r), h.n)
	}
	m.mu.Unlock()
	b.WriteString("# HELP flashpoint_articles_ingested_total Articles stored through POST /api/v1/articles.\n# TYPE flashpoint_articles_ingested_total counter\n")
	fmt.Fprintf(&b, "flashpoint_articles_ingested_total %d\n", m.ingested.Load())
	b.WriteString("# HELP flashpoint_uptime_seconds Seconds since the server started.\n# TYPE flashpoint_uptime_seconds gauge\n")
	fmt.Fprintf(&b, "flashpoint_uptime_seconds %g\n", time.Since(m.start).Seconds())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write([]byte(b.String()))
}
