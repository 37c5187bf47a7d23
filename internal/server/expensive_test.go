package server

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
	"github.com/flashpoint/flashpoint/internal/testutil"
)

// TestArticleViewAmplification: 100 concurrent anonymous requests for
// the page and the explained API view of one 1 MB article are all
// answered, the article is re-coded once, not 100 times, and the heap
// stays bounded (it grew by gigabytes when every request re-coded).
func TestArticleViewAmplification(t *testing.T) {
	if testing.Short() {
		t.Skip("codes a 1 MB article")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.SQLite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, arts := 0, pipeline.Synthetic(200); b.Len() < 1_000_000-4000; i++ {
		b.WriteString(arts[i%len(arts)].Text + "\n\n")
	}
	big := event.Article{ID: "big", Date: "2024-03-05", Title: "Live blog", Text: b.String(), Origin: "test:1"}
	ch := make(chan event.Article, 1)
	ch <- big
	close(ch)
	if stats, err := ingest.Run(ctx, st, ch, p.Process, ingest.Options{}); err != nil || stats.Stored != 1 {
		t.Fatalf("ingest: %+v %v", stats, err)
	}
	s, ts := newTestServer(t, Config{Store: st, Pipeline: p, RateLimit: -1})
	runtime.GC()
	peak := testutil.SampleHeap()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	statuses := make(chan int, 100)
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			url := ts.URL + "/article/big"
			if i%2 == 1 {
				url = ts.URL + "/api/v1/articles/big?explain=true"
			}
			resp, err := http.Get(url)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	wg.Wait()
	close(statuses)
	grew := int64(peak()) - int64(before.HeapAlloc)
	counts := map[int]int{}
	for c := range statuses {
		counts[c]++
	}
	if counts[http.StatusOK] != 100 {
		t.Errorf("statuses %v, want 100 × 200", counts)
	}
	if n := len(s.views.data); n != 2 {
		t.Errorf("%d cached views, want 2 (page, explained API view)", n)
	}
	t.Logf("heap grew by at most %d MiB over 100 requests", grew>>20)
	if grew > 1<<30 {
		t.Errorf("heap grew by %d MiB: views are not bounded", grew>>20)
	}
}
