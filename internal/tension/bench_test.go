package tension

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// synthIncidents makes n incidents over 3 years among 60 countries
// (1,770 pairs, skewed towards a few busy ones).
func synthIncidents(n int) []Incident {
	rng := rand.New(rand.NewPCG(1, 2))
	countries := make([]string, 60)
	for i := range countries {
		countries[i] = fmt.Sprintf("C%02d", i)
	}
	d0 := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	days := make([]string, 1096)
	for i := range days {
		days[i] = d0.AddDate(0, 0, i).Format(time.DateOnly)
	}
	out := make([]Incident, n)
	for i := range out {
		a := int(rng.ExpFloat64()*8) % 60
		b := (a + 1 + rng.IntN(59)) % 60
		q := 1 + rng.IntN(4)
		g := []float64{3, 1, -2, -10}[q-1]
		src, tgt := countries[a], countries[b]
		out[i] = Incident{ID: int64(i), Day: days[rng.IntN(len(days))], Source: src, Target: tgt, QuadClass: q, Goldstein: g,
			Actors:  [][2]string{{src + "GOV", tgt}},
			Reports: []string{strconv.Itoa(i)}, Sources: []string{"w" + strconv.Itoa(rng.IntN(8))}}
	}
	return out
}

// BenchmarkSeries1M builds every series of 1M incidents in memory and
// runs the detector on every undirected country dyad.
func BenchmarkSeries1M(b *testing.B) {
	incs := synthIncidents(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		series := Build(incs)
		alerts := 0
		for d, s := range series {
			if d.Level != CountryLevel || d.Directed {
				continue
			}
			alerts += len(Detect(d, Fill(s.Days, "2021-01-01", "2023-12-31"), DefaultConfig()))
		}
		b.ReportMetric(float64(len(series)), "dyads")
		b.ReportMetric(float64(alerts), "alerts")
	}
}

// BenchmarkIncrementalArticle measures storing one more article and
// updating series and alerts, on a store of 3,000 articles.
func BenchmarkIncrementalArticle(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.SQLite(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	cs := []string{"AAA", "BBB", "CCC", "DDD", "EEE", "FFF"}
	mk := func(i int) event.Article {
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/10).Format(time.DateOnly)
		x := rng.IntN(6)
		y := (x + 1 + rng.IntN(5)) % 6
		return synthArticle(i, cs[x], cs[y], "194", 4, -10, day, "w"+strconv.Itoa(i%5))
	}
	var arts []event.Article
	for i := range 3000 {
		arts = append(arts, mk(i))
	}
	ingestAll(b, st, arts)
	if _, err := Update(ctx, st, DefaultConfig()); err != nil {
		b.Fatal(err)
	}
	n := 3000
	b.ResetTimer()
	for b.Loop() {
		n++
		b.StopTimer()
		ingestAll(b, st, []event.Article{mk(n)})
		b.StartTimer()
		if _, err := Update(ctx, st, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
