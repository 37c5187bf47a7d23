package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// longArticle is one article of about n bytes made of the synthetic
// corpus's texts, one after another: many events, many denials and
// accusations, as a long live-blog or a concatenated feed would have.
func longArticle(n int) event.Article {
	var b strings.Builder
	arts := Synthetic(200)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(arts[i%len(arts)].Text)
		b.WriteString("\n\n")
	}
	return event.Article{ID: "long", Date: "2024-03-05", Text: b.String()}
}

// BenchmarkArticleLength codes one article of each size and reports the
// time per MB, which must stay flat: a stage quadratic in the article's
// length shows as a per-MB time growing with the size.
func BenchmarkArticleLength(b *testing.B) {
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for _, kb := range benchSizes {
		a := longArticle(kb << 10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(a.Text)))
			for b.Loop() {
				if _, err := p.Process(a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/(float64(len(a.Text))/(1<<20)), "s/MB")
		})
	}
}

var benchSizes = []int{100, 1000, 10000}
