package server

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/testutil"
)

// loadPaths is the mix a dashboard user's browser and API clients send.
var loadPaths = []string{
	"/api/v1/events?limit=100",
	"/api/v1/incidents?dyad=AZE-ARM&pair=true&expand=events&limit=50",
	"/api/v1/dyads/AZE-ARM/tension",
	"/api/v1/alerts",
	"/api/v1/codes?q=19",
	"/",
	"/article/" + seedArticle,
	"/static/app.js",
}

// TestLoadLoopback serves the demo store on a real 127.0.0.1 listener
// with the production timeouts and sends two bursts of 1,000 concurrent
// requests with the default rate limit, then 400 more (two bursts of 200)
// with the limit off. Every answer must be 200 or (limited) 429; the heap
// after the run and its peak during it stay bounded.
func TestLoadLoopback(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	st := demoStore(t)
	paths := loadPaths
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{
		MaxIdleConns: 256, MaxIdleConnsPerHost: 256, IdleConnTimeout: 10 * time.Second,
	}}
	defer client.CloseIdleConnections()

	for _, c := range []struct {
		name     string
		rate     float64
		bursts   int
		burst    int
		allow429 bool
	}{
		{"default-limit", 0, 2, 1000, true},
		{"no-limit", -1, 2, 200, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := New(Config{Store: st, RateLimit: c.rate, Log: log.New(io.Discard, "", 0)})
			if err != nil {
				t.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			served := make(chan error, 1)
			go func() { served <- s.Serve(ctx, ln) }()
			defer func() {
				client.CloseIdleConnections()
				stop()
				if err := <-served; err != nil {
					t.Errorf("serve: %v", err)
				}
			}()
			base := "http://" + ln.Addr().String()
			// Warm up (templates, caches) so the heap baseline is fair.
			for _, p := range paths {
				get(t, client, base+p)
			}
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			peak := testutil.SampleHeap()

			burst := c.burst
			var counts sync.Map // status -> *int64
			var lat []time.Duration
			var latMu sync.Mutex
			t0 := time.Now()
			for b := 0; b < c.bursts; b++ {
				var wg sync.WaitGroup
				for i := 0; i < burst; i++ {
					wg.Add(1)
					go func(i int) {
						defer wg.Done()
						start := time.Now()
						status := get(t, client, base+paths[(b*burst+i)%len(paths)])
						d := time.Since(start)
						n, _ := counts.LoadOrStore(status, new(int64))
						atomic.AddInt64(n.(*int64), 1)
						latMu.Lock()
						lat = append(lat, d)
						latMu.Unlock()
					}(i)
				}
				wg.Wait()
			}
			elapsed := time.Since(t0)
			maxHeap := peak()
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)

			got := map[int]int64{}
			counts.Range(func(k, v any) bool { got[k.(int)] = *v.(*int64); return true })
			for status, n := range got {
				if status != 200 && !(status == 429 && c.allow429) {
					t.Errorf("%d answers with status %d", n, status)
				}
			}
			if got[200] == 0 || c.allow429 && got[429] == 0 {
				t.Errorf("statuses %v: want both 200 and 429 under the default limit", got)
			}
			slices.Sort(lat)
			mib := func(b uint64) float64 { return float64(b) / (1 << 20) }
			t.Logf("%d requests in %v (%.0f req/s): statuses %v; latency p50 %v p99 %v; heap %.1f MiB before, %.1f MiB after, peak %.1f MiB; goroutines %d",
				len(lat), elapsed.Round(time.Millisecond), float64(len(lat))/elapsed.Seconds(), got,
				lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond),
				mib(before.HeapAlloc), mib(after.HeapAlloc), mib(maxHeap), runtime.NumGoroutine())
			// Bounded: what stays after the run is small (no per-request
			// leak), and the peak is far below the machine's memory.
			if grow := int64(after.HeapAlloc) - int64(before.HeapAlloc); grow > 32<<20 {
				t.Errorf("heap grew by %.1f MiB over the run", float64(grow)/(1<<20))
			}
			if maxHeap > before.HeapAlloc+512<<20 {
				t.Errorf("heap peaked at %.1f MiB", mib(maxHeap))
			}
		})
	}
}

// get fetches url, drains the body and returns the status (0 on a
// transport error, which the status check then reports).
func get(t *testing.T, c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		t.Errorf("GET %s: %v", url, err)
		return 0
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}
