package geo

import (
	"runtime"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

var benchSentences = []string{
	"The Azerbaijan Defence Ministry reported on April 1 that Armenian forces engaged with small arms near the Nakhchivan Autonomous Republic.",
	"Russian drones struck energy facilities in the Lviv region overnight, Ukrainian officials said.",
	"Israeli troops raided the Jenin refugee camp in the occupied West Bank on Tuesday.",
	"Foreign ministers met in Ankara to discuss the situation in Somalia and Ethiopia.",
	"Moscow said it would respond to the sanctions announced by Washington and Brussels.",
	"A suicide bomber attacked a military compound in Pakistan's Dera Ismail Khan district early on Tuesday.",
	"Prime Minister Nikol Pashinyan and President Ilham Aliyev signed a declaration at the White House.",
	"The Rapid Support Forces besieged El Fasher, the last army stronghold in Darfur.",
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	names := []string{"Moscow", "Nakhchivan", "Georgia", "Dera Ismail Khan", "Springfield", "Kiev", "Bogotá", "Xqzzy"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Lookup(names[i%len(names)], []string{"AZE", "ARM"})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkFind(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Find(benchSentences[i%len(benchSentences)], []string{"AZE", "ARM"})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad measures a gazetteer load; its time is reported here, not
// asserted in a test, since wall-clock time on a shared machine says more
// about the neighbours than about the code.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadBudget checks the heap held by a loaded gazetteer against its
// 200 MB budget. Memory does not depend on the machine's load, so it may
// be asserted; load time does, and is measured by BenchmarkLoad.
func TestLoadBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("heap %.1f MB, %d entries, %d keys, %d aliases", heap, len(g.entries), len(g.index), len(g.aliases.Load().byKey))
	if heap > 200 {
		t.Errorf("heap %.1f MB > 200 MB", heap)
	}
	runtime.KeepAlive(g)
}

// BenchmarkAnnotate places one event in each sentence of an eight-sentence
// article: the article's context (dateline, named countries, anchors) is
// built once per article.
func BenchmarkAnnotate(b *testing.B) {
	g := Default()
	var sents []event.Sentence
	var evs []event.Event
	for i, s := range benchSentences {
		sents = append(sents, event.Sentence{Index: i, Text: s})
		evs = append(evs, event.Event{SentenceIndex: i, Sentence: s, Source: event.Actor{Country: "AZE"}})
	}
	art := event.Article{ID: "bench"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range evs {
			evs[k].Location = nil
		}
		g.Annotate(art, sents, evs)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkAnnotateDoc is BenchmarkAnnotate on sentences the text stage
// has tokenised, as the pipeline calls it; it also sets the place layer.
func BenchmarkAnnotateDoc(b *testing.B) {
	g := Default()
	doc := &event.Doc{}
	var evs []event.Event
	for i, s := range benchSentences {
		doc.Sentences = append(doc.Sentences, event.Sentence{Index: i, Text: s, Tokens: text.Tokens(s)})
		evs = append(evs, event.Event{SentenceIndex: i, Sentence: s, Source: event.Actor{Country: "AZE"}})
	}
	art := event.Article{ID: "bench"}
	b.ReportAllocs()
	for b.Loop() {
		for k := range evs {
			evs[k].Location = nil
		}
		g.AnnotateDoc(art, doc, evs)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
