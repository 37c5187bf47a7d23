package pipeline_test

import (
	"io"
	"runtime"
	"testing"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/text"
)

// BenchmarkAllocsPerSentence codes the demo corpus (wire-style reports,
// 678 articles) one article after another and writes the events as
// JSONL, as 'flashpoint code' does, and reports the heap allocations
// and bytes per sentence: the hot path's garbage, which the collector
// pays for on every core. go test -run X -bench AllocsPerSentence
// ./internal/pipeline/ (sub-benchmarks: coding alone, with output, and
// with the annotated document ProcessDoc returns, the coder's syntax and
// actor layers included).
func BenchmarkAllocsPerSentence(b *testing.B) {
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	arts, err := demo.Articles()
	if err != nil {
		b.Fatal(err)
	}
	sents := 0
	for _, a := range arts {
		sents += len(text.Sentences(a.Text))
	}
	for _, a := range arts { // load what is loaded lazily, fill caches
		p.Process(a)
	}
	for _, name := range []string{"code", "code+jsonl", "code+doc"} {
		withOutput, withDoc := name == "code+jsonl", name == "code+doc"
		b.Run(name, func(b *testing.B) {
			w, _ := output.New("jsonl", io.Discard)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				for _, a := range arts {
					var evs []event.Event
					var err error
					if withDoc {
						evs, _, err = p.ProcessDoc(a)
					} else {
						evs, err = p.Process(a)
					}
					if err != nil {
						b.Fatal(err)
					}
					if withOutput {
						writeAll(b, w, evs)
					}
				}
			}
			runtime.ReadMemStats(&after)
			n := float64(b.N) * float64(sents)
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/sentence")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/sentence")
			b.ReportMetric(b.Elapsed().Seconds()*1e6/n, "µs/sentence")
		})
	}
}

func writeAll(b *testing.B, w output.Writer, evs []event.Event) {
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			b.Fatal(err)
		}
	}
}
