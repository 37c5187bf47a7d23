package when

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

func loadSentences(tb testing.TB) []string {
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

var validPrec = map[string]bool{"day": true, "week": true, "month": true, "year": true, "decade": true}

func FuzzFind(f *testing.F) {
	for _, s := range loadSentences(f) {
		f.Add(s, int64(0), 0, 5)
	}
	f.Add("late on Saturday's 1990s mid-2020 Sept. 5, 2024 a day after Sunday's", int64(-1e9), 3, 2)
	f.Add("the 1st of April 2024 two days before March 5", int64(4e9), 1, 40)
	f.Fuzz(func(t *testing.T, s string, secs int64, ts, te int) {
		a := time.Unix(secs%(1<<36), 0)
		xs := Find(s, a)
		prev := 0
		for _, x := range xs {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) || s[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v in %q (prev end %d)", x, s, prev)
			}
			if !validPrec[x.Precision] || x.Value == "" {
				t.Fatalf("bad value %+v", x)
			}
			prev = x.End
		}
		// Annotating with arbitrary trigger offsets must not panic either.
		evs := []event.Event{{Sentence: s, Trigger: event.Span{Start: ts, End: te}, Clause: event.Span{Start: te, End: ts}}}
		Annotate(event.Article{Date: day(a).Format("2006-01-02")}, []event.Sentence{{Text: s}}, evs)
	})
}

func BenchmarkFind(b *testing.B) {
	sents := loadSentences(b)
	a := date("2024-04-14")
	var bytes int
	for _, s := range sents {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			Find(s, a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
}

// BenchmarkFindTokens is BenchmarkFind on sentences the text stage has
// tokenised, as the pipeline calls it.
func BenchmarkFindTokens(b *testing.B) {
	sents := loadSentences(b)
	toks := make([][]text.Token, len(sents))
	for i, s := range sents {
		toks[i] = text.Tokens(s)
	}
	a := date("2024-04-14")
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range sents {
			FindTokens(s, toks[i], a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
}
