package server

import (
	"context"
	"net/http"
	"time"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

// overview is the front page's data that does not depend on the search.
type overview struct {
	Counts     store.Counts
	AsOf       string // the last day of the tension series
	Alerts     []tension.Alert
	Active     []tension.DyadTotal
	Escalating []tension.Escalation // rising dyads only
	Recent     []store.Incident
}

// overviewView is the front page's model: the overview narrowed by the
// search in the URL.
type overviewView struct {
	Counts     store.Counts
	AsOf       string
	Form       searchForm
	Alerts     []alertRow
	Active     []tension.DyadTotal
	Escalating []tension.Escalation
	Incidents  []store.Incident // the search's newest matches, else the recent ones
	More       bool             // more match than are listed
	Downloads  []downloadLink   // the search's events and incidents (none for a PLOVER type)
	MapURL     string           // the search on the map
}

// overviewTTL is how stale the overview's counts and recent incidents
// may be while an ingest runs; its rankings wait for a tension rebuild.
const overviewTTL = 10 * time.Second

// Sizes of the overview's lists.
const (
	overviewAlerts  = 10
	overviewDyads   = 8
	overviewMatches = 50
	pickerDyads     = 60
)

func (s *Server) overviewPage(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, dashFilterNames...)
	f := s.readFilter(p)
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	base, err := memoized(s, r.Context(), "overview", overviewTTL, s.loadOverview)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := overviewView{Counts: base.Counts, AsOf: base.AsOf, MapURL: "/map",
		Form: searchForm{Action: "/", Filter: f, Options: s.filterOptions(base.Active), Plover: true}}
	// the kept alerts are picked first and only those dressed as rows
	var picked []tension.Alert
	for _, a := range base.Alerts {
		if len(picked) < overviewAlerts && f.involves(a.Dyad.A, a.Dyad.B) && f.overlaps(a.FirstDay, a.LastDay) {
			picked = append(picked, a)
		}
	}
	v.Alerts = alertRows(picked, base.AsOf)
	for _, d := range base.Active {
		if len(v.Active) < overviewDyads && f.involves(d.Dyad.A, d.Dyad.B) {
			v.Active = append(v.Active, d)
		}
	}
	for _, e := range base.Escalating {
		if len(v.Escalating) < overviewDyads && f.involves(e.Dyad.A, e.Dyad.B) {
			v.Escalating = append(v.Escalating, e)
		}
	}
	if !f.Active() {
		v.Incidents = base.Recent
		s.render(w, r, http.StatusOK, "overview", "Overview", v)
		return
	}
	if q, ok := f.api(); ok {
		v.Downloads = downloadLinks(q)
		v.MapURL = "/map?" + f.Query()
	}
	v.Incidents, err = memoized(s, r.Context(), "overview search "+f.Query(), overviewTTL, func(ctx context.Context) ([]store.Incident, error) {
		var codes []string
		if f.Plover != "" {
			codes = ploverCodes(s.codes, f.Plover)
		}
		return s.cfg.Store.LatestIncidents(ctx, f.store(), codes, overviewMatches+1)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if len(v.Incidents) > overviewMatches {
		v.Incidents, v.More = v.Incidents[:overviewMatches], true
	}
	s.render(w, r, http.StatusOK, "overview", "Search", v)
}

// involves reports whether the search's actor, country and dyad allow
// a dyad of countries (or actors) a and b.
func (f dashFilter) involves(a, b string) bool {
	a, b = actors.CountryOf(a), actors.CountryOf(b)
	has := func(c string) bool { return c == a || c == b }
	switch {
	case f.Country != "" && !has(f.Country):
		return false
	case f.Actor != "" && !has(actors.CountryOf(f.Actor)):
		return false
	case f.dyad.A != "" && !(has(f.dyad.A) && has(f.dyad.B)):
		return false
	}
	return true
}

// overlaps reports whether the days first..last meet the search's range.
func (f dashFilter) overlaps(first, last string) bool {
	return (f.Since == "" || last >= f.Since) && (f.Until == "" || first <= f.Until)
}

func (s *Server) loadOverview(ctx context.Context) (overview, error) {
	var v overview
	var err error
	if v.Counts, err = s.cfg.Store.Counts(ctx); err != nil {
		return v, err
	}
	if v.Alerts, err = tension.Alerts(ctx, s.cfg.Store, tension.AlertFilter{Limit: maxAlertsPage}); err != nil {
		return v, err
	}
	if v.Active, err = tension.TopDyads(ctx, s.cfg.Store, pickerDyads); err != nil {
		return v, err
	}
	rng, err := s.seriesRange(ctx)
	if err != nil {
		return v, err
	}
	v.AsOf = rng.Last
	if rng.Last != "" {
		esc, err := tension.EscalatingDyads(ctx, s.cfg.Store, pickerDyads, 30, rng.Last, tension.DefaultConfig())
		if err != nil {
			return v, err
		}
		for _, e := range esc {
			if e.Ratio > 1 { // "escalating" is a rise: the rest fell or held
				v.Escalating = append(v.Escalating, e)
			}
		}
	}
	v.Recent, err = s.recentIncidents(ctx, 15)
	return v, err
}

// recentIncidents returns the newest n non-background incidents, newest
// first.
func (s *Server) recentIncidents(ctx context.Context, n int) ([]store.Incident, error) {
	return s.cfg.Store.LatestIncidents(ctx, store.Filter{Background: store.BackgroundExclude}, nil, n)
}
