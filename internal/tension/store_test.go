package tension

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// synthArticle is an article whose single event the fake coder reads
// from its fields: "SRC TGT CODE QUAD GOLDSTEIN DAY".
func synthArticle(i int, src, tgt, code string, quad int, g float64, day, source string) event.Article {
	return event.Article{ID: fmt.Sprintf("a%06d", i), Date: day, Source: source,
		Text: fmt.Sprintf("%s %s %s %d %g %s %d", src, tgt, code, quad, g, day, i)}
}

func fakeCode(a event.Article) ([]event.Event, error) {
	var src, tgt, code, day string
	var quad, n int
	var g float64
	if _, err := fmt.Sscanf(a.Text, "%s %s %s %d %g %s %d", &src, &tgt, &code, &quad, &g, &day, &n); err != nil {
		return nil, err
	}
	return []event.Event{{ID: a.ID + "-1", DocID: a.ID, Source: event.Actor{Code: src + "MIL", Country: src},
		Target: event.Actor{Code: tgt, Country: tgt}, Code: code, Root: code[:2], QuadClass: quad, Goldstein: g,
		Date: day, DatePrecision: "day", Sentence: a.Text}}, nil
}

func ingestAll(t testing.TB, st *store.Store, arts []event.Article) {
	ch := make(chan event.Article, len(arts))
	for _, a := range arts {
		ch <- a
	}
	close(ch)
	if _, err := ingest.Run(context.Background(), st, ch, fakeCode, ingest.Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
}

// corpus is a year of quiet AAA-BBB conflict with a burst in June, and
// cooperation between CCC and DDD.
func corpus() []event.Article {
	var arts []event.Article
	d0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for i := range 300 {
		day := d0.AddDate(0, 0, i).Format(time.DateOnly)
		if i%9 == 0 {
			n++
			arts = append(arts, synthArticle(n, "AAA", "BBB", "112", 3, -2, day, "wire1"))
		}
		if i%4 == 0 {
			n++
			arts = append(arts, synthArticle(n, "CCC", "DDD", "046", 1, 7, day, "wire2"))
		}
		if i >= 160 && i < 167 {
			// Two kinds of attack a day, two reports each: the store
			// links a day's reports (and the next day's) into one incident.
			for k, code := range []string{"194", "183", "194", "183"} {
				n++
				arts = append(arts, synthArticle(n, "BBB", "AAA", code, 4, -10, day, fmt.Sprintf("wire%d", k)))
			}
		}
	}
	return arts
}

func dump(t *testing.T, st *store.Store) ([][]Day, []Alert) {
	ctx := context.Background()
	var series [][]Day
	for _, d := range []Dyad{Undirected("AAA", "BBB"), Directed("BBB", "AAA"), {ActorLevel, true, "BBBMIL", "AAA"}, Undirected("CCC", "DDD")} {
		days, err := LoadSeries(ctx, st, d, "", "", Daily, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for i := range days {
			days[i].Sources, days[i].ConflictReports, days[i].Claimants = nil, nil, nil
		}
		series = append(series, days)
	}
	alerts, err := Alerts(ctx, st, AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range alerts {
		alerts[i].ID = 0
	}
	return series, alerts
}

// TestIncrementalMatchesRebuild ingests in three parts with an update
// after each, and compares series and alerts with a full rebuild.
func TestIncrementalMatchesRebuild(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, b.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			arts := corpus()
			for _, part := range [][]event.Article{arts[:100], arts[100 : len(arts)-5], arts[len(arts)-5:]} {
				ingestAll(t, st, part)
				if _, err := Update(ctx, st, DefaultConfig()); err != nil {
					t.Fatal(err)
				}
			}
			s1, a1 := dump(t, st)
			us, err := Rebuild(ctx, st, DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			s2, a2 := dump(t, st)
			if !reflect.DeepEqual(s1, s2) {
				t.Error("incremental series differ from rebuilt ones")
			}
			if !reflect.DeepEqual(a1, a2) {
				t.Errorf("incremental alerts differ: %+v vs %+v", a1, a2)
			}
			if len(a2) != 1 || a2[0].DyadName != "AAA-BBB" || a2[0].FirstDay > "2024-06-09" || a2[0].LastDay < "2024-06-09" {
				t.Errorf("want one AAA-BBB alert around 2024-06-09, got %+v (rebuild %+v)", a2, us)
			}
			if len(a2) > 0 && (len(a2[0].Evidence) == 0 || len(a2[0].Evidence[0].Articles) == 0) {
				t.Errorf("alert without evidence: %+v", a2[0])
			}
			// A second update with nothing new does nothing.
			if us, err := Update(ctx, st, DefaultConfig()); err != nil || us.Events != 0 {
				t.Errorf("idle update: %+v, %v", us, err)
			}
			// Background events and quiet cooperation raise nothing on CCC-DDD.
			if al, _ := Alerts(ctx, st, AlertFilter{Dyad: "DDD-CCC"}); len(al) != 0 {
				t.Errorf("cooperation raised %d alerts", len(al))
			}
		})
	}
}

func TestParseDyad(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Dyad
		ok   bool
	}{
		{"AZE-ARM", Dyad{CountryLevel, false, "ARM", "AZE"}, true},
		{"aze>arm", Dyad{CountryLevel, true, "AZE", "ARM"}, true},
		{"actor:AZEMIL>ARM", Dyad{ActorLevel, true, "AZEMIL", "ARM"}, true},
		{"AZE", Dyad{}, false},
	} {
		d, err := ParseDyad(c.in)
		if (err == nil) != c.ok || c.ok && d != c.want {
			t.Errorf("ParseDyad(%q) = %v, %v", c.in, d, err)
		}
		if c.ok {
			if back, _ := ParseDyad(d.String()); back != d {
				t.Errorf("%q does not round-trip: %v", d.String(), back)
			}
		}
	}
}

func TestRollup(t *testing.T) {
	days := []Day{{Day: "2024-04-01", Incidents: 1, Weight: 1}, {Day: "2024-04-07", Incidents: 2, Weight: 2}, {Day: "2024-04-08", Incidents: 4}}
	w := Rollup(days, Weekly)
	if len(w) != 2 || w[0].Day != "2024-04-01" || w[0].Incidents != 3 || w[1].Day != "2024-04-08" {
		t.Errorf("weekly: %+v", w)
	}
	m := Rollup(days, Monthly)
	if len(m) != 1 || m[0].Day != "2024-04-01" || m[0].Incidents != 7 || m[0].Weight != 3 {
		t.Errorf("monthly: %+v", m)
	}
}
