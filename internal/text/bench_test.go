package text

import (
	"os"
	"testing"
)

// paragraph is realistic wire prose with the awkward cases the scanners
// handle: abbreviations, quotes, numbers, hyphens and possessives.
const paragraph = `U.S. Secretary of State Antony Blinken spoke to both leaders by phone at 9 a.m. on Tuesday, urging Armenia's prime minister and Azerbaijan's president to return to the U.S.-brokered talks. "We urge restraint. There is no military solution," he said. Gen. Ivan Petrov, a Russian commander, told reporters that some 1,500 troops remained in the Russia-mediated buffer zone and that food prices had risen 4.2% in a month, with bread at $3.49 a loaf. The U.N. Security Council discussed the situation but took no vote.`

func BenchmarkTokens(b *testing.B) {
	n := len(Tokens(paragraph))
	b.SetBytes(int64(len(paragraph)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(paragraph)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := string(data)
	n := len(Sentences(body))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(body)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
