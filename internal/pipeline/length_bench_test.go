package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

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

// TestLongArticleLinear is the benchmark's check in the test suite:
// coding 2 MB takes at most 16 times as long as 256 KB (linear gives 8;
// the quadratic coder gave 64). Ratios of one machine's timings, with
// slack for noise; not an absolute time.
func TestLongArticleLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 2.25 MB")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cost := func(n int) time.Duration {
		a := longArticle(n)
		best := time.Duration(1 << 62)
		for range 1 {
			start := time.Now()
			if _, err := p.Process(a); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, big := cost(256<<10), cost(2<<20)
	if ratio := float64(big) / float64(small); ratio > 8*2 {
		t.Errorf("coding 8× the text took %.1f× the time (%v vs %v): superlinear in article length", ratio, big, small)
	}
}

var benchSizes = []int{100, 1000, 10000}
