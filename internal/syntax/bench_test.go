package syntax

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

const treebankDir = "../../../shared/treebanks"

// BenchmarkParse tags and parses EWT test sentences on one goroutine and
// reports tokens per wall-clock second and per CPU second of the thread
// (the latter is unaffected by other processes competing for the core).
func BenchmarkParse(b *testing.B) {
	gold, err := ReadFile(filepath.Join(treebankDir, "en_ewt-ud-test.conllu"))
	if err != nil {
		b.Skip("treebank not available:", err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p := Default().NewParser()
	for _, g := range gold { // warm the scratch buffers
		p.Parse(g.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, ok := threadCPU()
	tokens := 0
	for i := 0; b.Loop(); i++ {
		g := gold[i%len(gold)]
		p.Parse(g.Words)
		tokens += len(g.Words)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu1, _ := threadCPU(); ok && cpu1 > cpu0 {
		b.ReportMetric(float64(tokens)/(cpu1-cpu0).Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, ok := threadCPU()
	n := 0
	for b.Loop() {
		if _, err := decode(embedded); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu1, _ := threadCPU(); ok && n > 0 {
		b.ReportMetric(float64((cpu1-cpu0)/time.Duration(n))/1e6, "cpu-ms/op")
	}
}
