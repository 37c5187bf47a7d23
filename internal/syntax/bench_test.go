package syntax

import (
	"path/filepath"
	"testing"
)

const treebankDir = "../../../shared/treebanks"

func BenchmarkParse(b *testing.B) {
	gold, err := ReadFile(filepath.Join(treebankDir, "en_ewt-ud-test.conllu"))
	if err != nil {
		b.Skip("treebank not available:", err)
	}
	p := Default().NewParser()
	for _, g := range gold { // warm the scratch buffers
		p.Parse(g.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	tokens := 0
	for i := 0; b.Loop(); i++ {
		g := gold[i%len(gold)]
		p.Parse(g.Words)
		tokens += len(g.Words)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
