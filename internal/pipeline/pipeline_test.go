package pipeline

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/flashpoint/flashpoint/internal/text"
)

func TestSyntheticCodes(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	for _, a := range Synthetic(50) {
		evs, err := p.Process(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.DocID != a.ID || e.Code == "" || e.Source.Code == "" || e.Target.Code == "" || (e.Date == "" && e.DatePrecision != "decade") {
				t.Fatalf("incomplete event %+v", e)
			}
		}
		events += len(evs)
	}
	if events < 100 {
		t.Errorf("only %d events from 50 synthetic articles", events)
	}
}

// BenchmarkPipeline codes synthetic articles on all cores and reports
// sentences per second end to end (text, actors, coder, geo, time).
func BenchmarkPipeline(b *testing.B) {
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	arts := Synthetic(2000)
	sents := 0
	for _, a := range arts {
		sents += len(text.Sentences(a.Text))
	}
	p.Process(arts[0]) // load the gazetteer outside the timer
	b.ResetTimer()
	var next atomic.Int64
	total := int64(b.N)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= total {
					return
				}
				p.Process(arts[i%int64(len(arts))])
			}
		}()
	}
	wg.Wait()
	perArticle := float64(sents) / float64(len(arts))
	b.ReportMetric(perArticle*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
