// Package testutil holds helpers shared by tests of several packages.
package testutil

import (
	"runtime"
	"time"
)

// SampleHeap samples HeapAlloc every 5 ms until the returned function is
// called, which returns the largest value seen. Tests use it to bound
// memory, never speed.
func SampleHeap() func() uint64 {
	done := make(chan struct{})
	res := make(chan uint64)
	go func() {
		var peak uint64
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				res <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-res }
}
