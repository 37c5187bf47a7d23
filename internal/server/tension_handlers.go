package server

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// parseDyad reads a path dyad: "ARM-AZE" (undirected), "AZE>ARM"
// (directed), optionally "actor:"-prefixed.
func parseDyad(v string) (tension.Dyad, error) {
	d, err := tension.ParseDyad(v)
	if err != nil {
		return d, bad("dyad %q: want A-B (undirected) or A>B (directed) codes, e.g. AZE-ARM", v)
	}
	if !isCode(d.A) || !isCode(d.B) {
		return d, bad("dyad %q: codes are letters and digits, e.g. AZE-ARM", v)
	}
	return d, nil
}

// tensionSeries is a dyad's series with the alerts over it.
type tensionSeries struct {
	Dyad   string          `json:"dyad"`
	Period string          `json:"period"`
	Days   []tension.Day   `json:"days"`
	Alerts []tension.Alert `json:"alerts"`
}

// getTension: GET /api/v1/dyads/{dyad}/tension?period=day|week|month&since=&until=
func (s *Server) getTension(w http.ResponseWriter, r *http.Request) {
	d, err := parseDyad(r.PathValue("dyad"))
	if s.answer(w, r, err) {
		return
	}
	p := newParams(r.URL, "period", "since", "until", "alerts")
	period := p.oneOf("period", "day", "week", "month")
	since, until := p.date("since"), p.date("until")
	withAlerts := p.str("alerts") == "" || p.boolean("alerts")
	if since != "" && until != "" && since > until {
		p.fail(bad("since %s is after until %s", since, until))
	}
	if s.answer(w, r, p.err) {
		return
	}
	out, err := s.series(r, d, tension.Period(period), since, until, withAlerts)
	if s.answer(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// DefaultSeriesDays is the span of a series asked for without since:
// the year up to until (or the last stored day). The cost of a series
// then follows the window, not the store's span.
const DefaultSeriesDays = 365

// series loads a dyad's series and, if asked, its alerts in the range.
// Both change only when the tension series are rebuilt: kept till then.
func (s *Server) series(r *http.Request, d tension.Dyad, period tension.Period, since, until string, withAlerts bool) (*tensionSeries, error) {
	rng, err := s.seriesRange(r.Context())
	if err != nil {
		return nil, err
	}
	if since == "" {
		end := until
		if end == "" || end > rng.Last {
			end = rng.Last
		}
		if t, err := time.Parse(time.DateOnly, end); err == nil {
			since = t.AddDate(0, 0, 1-DefaultSeriesDays).Format(time.DateOnly)
		}
	}
	key := fmt.Sprintf("series %s %s %s %s %t", d, period, since, until, withAlerts)
	return memoized(s, r.Context(), key, 0, func(ctx context.Context) (*tensionSeries, error) {
		return s.loadSeries(ctx, rng, d, period, since, until, withAlerts)
	})
}

func (s *Server) loadSeries(ctx context.Context, rng tension.Range, d tension.Dyad, period tension.Period, since, until string, withAlerts bool) (*tensionSeries, error) {
	days, err := tension.LoadSeriesIn(ctx, s.cfg.Store, rng, d, since, until, period, tension.DefaultConfig())
	if err != nil {
		return nil, err
	}
	out := &tensionSeries{Dyad: d.String(), Period: string(period), Days: nonNil(days), Alerts: []tension.Alert{}}
	if withAlerts {
		al, err := tension.Alerts(ctx, s.cfg.Store, tension.AlertFilter{Dyad: d.String(), Since: since, Until: until})
		if err != nil {
			return nil, err
		}
		out.Alerts = nonNil(al)
	}
	return out, nil
}

// seriesRange returns the span of the stored series, re-read only when
// the tension watermark moved (finding the span scans every daily row).
func (s *Server) seriesRange(ctx context.Context) (tension.Range, error) {
	w, err := tension.Watermark(ctx, s.cfg.Store)
	if err != nil {
		return tension.Range{}, err
	}
	s.rangeMu.Lock()
	r, ok := s.rng, s.rngOK
	s.rangeMu.Unlock()
	if ok && r.Watermark == w {
		return r, nil
	}
	if r, err = tension.StoredRange(ctx, s.cfg.Store); err != nil {
		return r, err
	}
	s.rangeMu.Lock()
	s.rng, s.rngOK = r, true
	s.rangeMu.Unlock()
	return r, nil
}
