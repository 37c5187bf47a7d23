package server

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// mapView is the map page's model: the search, the points API query the
// script draws, and the downloads of what the search selects.
type mapView struct {
	Form      searchForm
	Points    []string // queries of /api/v1/points (a dyad either way is asked both ways)
	Downloads []downloadLink
	Basemap   template.HTML
}

// mapPage: GET /map with the overview's search (q, dyad, type, since,
// until, background); code= is the older name of type.
func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, append(dashFilterNames[:len(dashFilterNames):len(dashFilterNames)], "code")...)
	if c := p.str("code"); c != "" && p.str("type") == "" {
		p.q.Set("type", c)
	}
	f := s.readFilter(p)
	if f.Plover != "" {
		p.fail(bad("type %q: the map filters by CAMEO code or root (the overview also by PLOVER type)", f.Type))
	}
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	dyads, err := memoized(s, r.Context(), fmt.Sprintf("dyads active %d", pickerDyads), 0, func(ctx context.Context) ([]tension.DyadTotal, error) {
		return tension.TopDyads(ctx, s.cfg.Store, pickerDyads)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	basemap, err := webFS.ReadFile("web/data/countries.svg")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q, _ := f.api()
	v := mapView{Form: searchForm{Action: "/map", Filter: f, Options: s.filterOptions(dyads)}, Points: pointQueries(q), Downloads: downloadLinks(q),
		// The basemap is our own generated file, embedded at build time.
		Basemap: template.HTML(basemap)}
	s.render(w, r, http.StatusOK, "map", "Map", v)
}

// pointQueries splits an API query with pair=true into the two
// directions, which the points API takes one at a time.
func pointQueries(q url.Values) []string {
	if q.Get("pair") != "true" {
		return []string{q.Encode()}
	}
	a, b, _ := strings.Cut(q.Get("dyad"), "-")
	var out []string
	for _, d := range []string{a + "-" + b, b + "-" + a} {
		x := url.Values{}
		for k, v := range q {
			x[k] = v
		}
		x.Del("pair")
		x.Set("dyad", d)
		out = append(out, x.Encode())
	}
	return out
}
