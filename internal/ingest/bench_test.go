package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
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

// BenchmarkDyadQuery queries one directed dyad over a month in a store
// of about a million events. The store is built once (minutes) and kept
// under os.TempDir()/flashpoint-bench; delete it to rebuild.
func BenchmarkDyadQuery(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "flashpoint-bench")
	path := filepath.Join(dir, "dyad-1m.db")
	if _, err := os.Stat(path + ".done"); err != nil {
		os.MkdirAll(dir, 0o755)
		os.Remove(path)
		os.Remove(path + "-wal")
		st := open(b, "sqlite:"+path)
		b.Logf("building %s (about a million events)...", path)
		var s ingest.Stats
		for part := int64(0); s.Events < 1_000_000; part++ {
			arts := corpus(50_000, 100+part)
			for i := range arts {
				arts[i].ID = fmt.Sprintf("p%d-%s", part, arts[i].ID)
			}
			got := run(b, st, arts, ingest.Options{BatchSize: 1000})
			s.Events += got.Events
		}
		st.Close()
		os.WriteFile(path+".done", nil, 0o644)
	}
	st := open(b, "sqlite:"+path)
	c := counts(b, st)
	f := store.Filter{Dyad: "AZE-ARM", Since: "2024-02-01", Until: "2024-02-29"}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		for _, err := range st.Events(context.Background(), f) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n), "events/query")
	b.ReportMetric(float64(c.Events), "stored-events")
}
