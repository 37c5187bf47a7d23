package queue_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/queue"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// BenchmarkWorkers measures end-to-end throughput (queue → pipeline →
// PostgreSQL) against the number of workers. Each worker has its own
// NATS connection and store, as separate processes would; they share
// this machine's cores. FLASHPOINT_QUEUE_N sets the corpus (default 3,000).
func BenchmarkWorkers(b *testing.B) {
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	arts := corpus(corpusN(b, 3000), 21)
	for _, workers := range []int{1, 2, 3, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				cfg := testConfig(b)
				db := storetest.Postgres(b)
				open(b, db)
				publish(b, connect(b, cfg), arts)
				b.StartTimer()
				t0 := time.Now()
				var wg sync.WaitGroup
				for range workers {
					q, st := connect(b, cfg), open(b, db)
					wg.Go(func() {
						err := q.Work(context.Background(), st, p.Process, queue.WorkerOptions{
							ExitWhenDrained: true, FetchWait: 200 * time.Millisecond, Coders: 2})
						if err != nil {
							b.Error(err)
						}
					})
				}
				wg.Wait()
				elapsed += time.Since(t0)
			}
			b.ReportMetric(float64(len(arts)*b.N)/elapsed.Seconds(), "articles/s")
		})
	}
}
