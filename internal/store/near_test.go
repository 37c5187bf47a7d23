package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// shortTexts returns n distinct texts of words words each, from a small
// vocabulary so that many share words, all to be stored on one day.
func shortTexts(n, words int) []string {
	vocab := []string{"Armenia", "Azerbaijan", "protests", "condemns", "shells", "meets", "Russia", "Turkey",
		"warns", "denies", "border", "talks", "troops", "ceasefire", "Baku", "Yerevan", "Moscow", "Ankara"}
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		s, k := "", i
		for w := 0; w < words; w++ {
			s += vocab[k%len(vocab)] + " "
			k /= len(vocab)
		}
		out = append(out, fmt.Sprintf("%s%d", s, k)) // i ↔ (words, k): distinct
	}
	return out
}

func TestShortTextsMatchOnlyExactly(t *testing.T) {
	tests := []struct {
		name         string
		words, texts int
	}{
		{"two words", 1, 300}, // plus the number: two words
		{"three words", 2, 300},
		{"headline", 8, 300},
	}
	each(t, func(t *testing.T, st *store.Store) {
		for ti, tc := range tests {
			texts := shortTexts(tc.texts, tc.words)
			var docs []doc
			for i, s := range texts {
				docs = append(docs, doc{art(fmt.Sprintf("s%d-%d", ti, i), "2024-03-05", "AFP", s), nil})
			}
			// An exact repeat is still caught by the hash.
			docs = append(docs, doc{art(fmt.Sprintf("s%d-again", ti), "2024-03-05", "AP", texts[0]), nil})
			rs := add(t, st, docs...)
			for i, r := range rs[:len(texts)] {
				if r.Outcome != store.Stored {
					t.Errorf("%s: %q = %+v, want Stored (distinct short texts are not copies)", tc.name, texts[i], r)
				}
			}
			if r := rs[len(texts)]; r.Outcome != store.Duplicate {
				t.Errorf("%s: exact repeat = %+v, want Duplicate", tc.name, r)
			}
		}
		// Short texts are kept out of the candidate index altogether, so
		// a store of millions of them costs a long text nothing more.
		var n int
		if err := st.DB().QueryRow("SELECT COUNT(*) FROM articles WHERE sh0 <> -1 OR sh1 <> -1 OR sh2 <> -1 OR sh3 <> -1").Scan(&n); err != nil || n != 0 {
			t.Errorf("short texts with candidate blocks: %d, %v", n, err)
		}
	})
}

// BenchmarkShortTextsOneDay stores many two-word texts on one day: the
// time per article must not grow with their number (it was quadratic).
func BenchmarkShortTextsOneDay(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			texts := shortTexts(n, 1)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st, err := store.Open(context.Background(), storetest.SQLite(b))
				if err != nil {
					b.Fatal(err)
				}
				bt, _ := st.Begin(context.Background())
				b.StartTimer()
				for k, s := range texts {
					a := event.Article{ID: fmt.Sprint(k), Date: "2024-03-05", Text: s}
					if _, err := bt.Add(&a, store.FingerprintOf("", s), nil); err != nil {
						b.Fatal(err)
					}
				}
				bt.Commit()
				b.StopTimer()
				st.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
		})
	}
}
