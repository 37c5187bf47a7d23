package ingest_test

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// benchIngest ingests a fresh 5,000-article corpus per iteration and
// reports sentences and articles per second.
func benchIngest(b *testing.B, url func(testing.TB) string) {
	arts := corpus(5000, 3)
	n := sentences(arts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := open(b, url(b))
		b.StartTimer()
		run(b, st, arts, ingest.Options{})
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/secs, "sentences/s")
	b.ReportMetric(float64(len(arts)*b.N)/secs, "articles/s")
}

func BenchmarkIngestSQLite(b *testing.B)   { benchIngest(b, storetest.SQLite) }
func BenchmarkIngestPostgres(b *testing.B) { benchIngest(b, storetest.Postgres) }
