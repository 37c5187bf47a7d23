package store_test

import (
	"context"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// The dashboard's queries on both dialects: a search's newest incidents
// (with a set of codes) and article titles by id.
func TestDashboardQueries(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		add(t, st,
			doc{art("d1", "2024-03-05", "Reuters", "text one"), []event.Event{ev("d1-1", "AZE", "ARM", "190", "2024-03-05", "")}},
			doc{art("d2", "2024-03-07", "AP", "text two"), []event.Event{ev("d2-1", "ARM", "AZE", "194", "2024-03-07", "")}},
			doc{art("d3", "2024-03-09", "AFP", "text three"), []event.Event{ev("d3-1", "IND", "PAK", "190", "2024-03-09", "")}},
		)
		got, err := st.LatestIncidents(ctx, store.Filter{Pair: "ARM-AZE"}, nil, 10)
		if err != nil || len(got) != 2 || got[0].Date != "2024-03-07" || got[1].Date != "2024-03-05" {
			t.Fatalf("ARM-AZE newest first: %+v %v", got, err)
		}
		got, err = st.LatestIncidents(ctx, store.Filter{}, []string{"190", "193"}, 1)
		if err != nil || len(got) != 1 || got[0].SourceCountry != "IND" {
			t.Fatalf("codes 190, 193, newest one: %+v %v", got, err)
		}
		titles, err := st.ArticleTitles(ctx, []string{"d1", "d3", "nope"})
		if err != nil || len(titles) != 2 || titles["d1"] != "t d1" || titles["d3"] != "t d3" {
			t.Fatalf("titles: %v %v", titles, err)
		}
	})
}
