package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// TestPointsAreFirstLocatedMatchingEvents checks the map query against
// its definition, computed here from the events: one point per incident,
// its first located event among those matching the filter, listed by
// date and storage order; with a limit, the latest ones.
func TestPointsAreFirstLocatedMatchingEvents(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var docs []doc
		for i := range 30 {
			day := fmt.Sprintf("2024-03-%02d", 1+i/3) // three reports a day: one incident per dyad and root
			place := ""
			if i%3 != 0 { // each day's first report names no place; later ones do
				place = "Place" + fmt.Sprint(i/3)
			}
			code := []string{"190", "193", "190"}[i%3]
			e2 := ev("e2", "ARM", "AZE", "111", day, "")
			if i%4 == 0 {
				e2.Location = ev("x", "A", "B", "111", day, "Rally"+fmt.Sprint(i)).Location
			}
			docs = append(docs, doc{art(fmt.Sprintf("p%02d", i), day, "S", fmt.Sprintf("report %d of the border clash", i)),
				[]event.Event{ev("e1", "AZE", "ARM", code, day, place), e2}})
		}
		add(t, st, docs...)
		for _, f := range []store.Filter{{}, {Code: "19"}, {Code: "193"}, {Code: "190"}, {Code: "11"},
			{Dyad: "AZE-ARM"}, {Since: "2024-03-04", Until: "2024-03-06"}, {Country: "ARM", Code: "19"}, {Code: "05"}} {
			var want []store.Point
			seen := map[int64]bool{}
			for _, e := range events(t, st, f) { // by date, then storage order
				if e.Location == nil || seen[e.IncidentID] {
					continue
				}
				seen[e.IncidentID] = true
				want = append(want, store.Point{Incident: e.IncidentID, Date: e.Date, Code: e.Code, QuadClass: e.QuadClass,
					SourceCountry: e.Source.Country, TargetCountry: e.Target.Country, Place: e.Location.Name,
					Lat: e.Location.Lat, Lon: e.Location.Lon, Article: e.DocID, Event: e.ID})
			}
			if len(want) == 0 && f.Code != "05" {
				t.Fatalf("%+v: no located incident to test on", f)
			}
			for _, limit := range []int{0, 1, 4, 100} {
				got, err := st.Points(ctx, f, limit)
				if err != nil {
					t.Fatal(err)
				}
				w := want
				if limit > 0 && len(w) > limit {
					w = w[len(w)-limit:]
				}
				if !slices.Equal(got, w) {
					t.Errorf("%+v limit %d:\n got %+v\nwant %+v", f, limit, got, w)
				}
			}
		}
	})
}
