package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// The server's queries (page_query.go, article_query.go, map_query.go)
// on both back ends: cursor pages cover every row once, in order;
// undirected pairs; article texts; map points.
func TestPagesTextsAndPoints(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var docs []doc
		for i := range 12 {
			day := fmt.Sprintf("2024-03-%02d", 1+i%4) // ties on date exercise the tie-break
			src, tgt := "AZE", "ARM"
			if i%3 == 0 {
				src, tgt = tgt, src
			}
			place := ""
			if i%2 == 0 {
				place = "Place" + fmt.Sprint(i)
			}
			docs = append(docs, doc{art(fmt.Sprintf("a%02d", i), day, "S", fmt.Sprintf("report number %d about the border", i)),
				[]event.Event{ev("e1", src, tgt, "190", day, place), ev("e2", src, tgt, "111", day, "")}})
		}
		add(t, st, docs...)
		want := events(t, st, store.Filter{})
		var got []store.StoredEvent
		p := store.Page{Limit: 5}
		for n := 0; ; n++ {
			page, next, err := st.EventsPage(ctx, store.Filter{}, p)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page...)
			if next == "" {
				break
			}
			p.Cursor = next
		}
		if len(got) != len(want) {
			t.Fatalf("paged %d events, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].DocID != want[i].DocID || got[i].ID != want[i].ID {
				t.Fatalf("event %d: %s/%s, want %s/%s", i, got[i].DocID, got[i].ID, want[i].DocID, want[i].ID)
			}
		}
		if _, _, err := st.EventsPage(ctx, store.Filter{}, store.Page{Cursor: "bogus", Limit: 5}); !errors.Is(err, store.ErrBadCursor) {
			t.Fatalf("bad cursor: %v", err)
		}
		one := len(incidents(t, st, store.Filter{Dyad: "AZE-ARM"}))
		other := len(incidents(t, st, store.Filter{Dyad: "ARM-AZE"}))
		var pair []store.Incident
		p = store.Page{Limit: 3, Pair: true}
		for {
			page, next, err := st.IncidentsPage(ctx, store.Filter{Dyad: "AZE-ARM"}, p)
			if err != nil {
				t.Fatal(err)
			}
			pair = append(pair, page...)
			if next == "" {
				break
			}
			p.Cursor = next
		}
		if len(pair) != one+other || one == 0 || other == 0 {
			t.Fatalf("pair: %d incidents, want %d + %d", len(pair), one, other)
		}

		// the ingest keeps the text with the article
		a, err := st.Article(ctx, "a01")
		if err != nil || !a.HasText || a.Text != docs[1].a.Text || a.Date != "2024-03-02" {
			t.Fatalf("stored article: %+v %v", a, err)
		}
		if err := st.SaveArticleTexts(ctx, []event.Article{docs[1].a, {ID: "not-stored", Text: "x"}}); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveArticleTexts(ctx, []event.Article{docs[1].a}); err != nil { // twice is fine
			t.Fatal(err)
		}
		if a, err = st.Article(ctx, "a01"); err != nil || !a.HasText || a.Text != docs[1].a.Text {
			t.Fatalf("article text: %+v %v", a, err)
		}
		if _, err := st.Article(ctx, "not-stored"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing article: %v", err)
		}
		if evs, err := st.ArticleEvents(ctx, "a01"); err != nil || len(evs) != 2 {
			t.Fatalf("article events: %d %v", len(evs), err)
		}

		pts, err := st.Points(ctx, store.Filter{Code: "19"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		located := map[int64]bool{}
		for _, e := range events(t, st, store.Filter{Code: "19"}) {
			if e.Location != nil {
				located[e.IncidentID] = true
			}
		}
		if len(pts) != len(located) || len(pts) == 0 || pts[0].Lat != 39.75 {
			t.Fatalf("points: %d, want %d located incidents", len(pts), len(located))
		}
	})
}
