package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// dyadView is the dyad page's model.
type dyadView struct {
	Dyad      string
	Period    string
	Periods   []periodLink // daily, weekly, monthly, each keeping the range
	Pair      bool
	Chart     chart
	Zoom      zoom
	Alerts    []alertRow
	Focus     string
	Quad      []quadTotal
	Query     string // the incidents API query of the dyad (the script adds the days)
	Downloads []downloadLink
}

// periodLink links the page rolled up by another period.
type periodLink struct {
	URL, Label string
	Current    bool
}

// zoom is the timeline's range: the days shown, and links to the
// preset ranges ending on the last day with data.
type zoom struct {
	Since, Until string // the first and last day shown
	Zoomed       bool   // a range was asked for
	Presets      []option
	Reset        string
}

func (s *Server) dyadPage(w http.ResponseWriter, r *http.Request) {
	d, err := parseDyad(r.PathValue("dyad"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := newParams(r.URL, "period", "since", "until", "day")
	period := p.oneOf("period", "day", "week", "month")
	since, until, focus := p.date("since"), p.date("until"), p.date("day")
	if since != "" && until != "" && since > until {
		p.fail(bad("since %s is after until %s", since, until))
	}
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	zoomed := since != "" || until != ""
	if !zoomed && focus != "" {
		// A linked day (an alert's) may be older than the default
		// window: show the year around it.
		if t, err := time.Parse(time.DateOnly, focus); err == nil {
			since = t.AddDate(0, 0, -DefaultSeriesDays/2).Format(time.DateOnly)
			until = t.AddDate(0, 0, DefaultSeriesDays/2).Format(time.DateOnly)
		}
	}
	// The page is drawn from the series alone: kept, rendered, until
	// the series are rebuilt (drawing a year's chart costs tens of ms).
	key := fmt.Sprintf("dyad page %s %s %s %s %s", d, period, since, until, focus)
	b, err := memoized(s, r.Context(), key, 0, func(ctx context.Context) ([]byte, error) {
		rng, err := s.seriesRange(ctx)
		if err != nil {
			return nil, err
		}
		ser, err := s.series(r.WithContext(ctx), d, tension.Period(period), since, until, true)
		if err != nil {
			return nil, err
		}
		v := dyadView{Dyad: ser.Dyad, Period: period, Pair: !d.Directed && d.Level == tension.CountryLevel,
			Chart: buildChart(ser.Days, ser.Alerts, tension.Period(period)), Alerts: alertRows(ser.Alerts, rng.Last),
			Focus: focus, Quad: quadTotals(ser.Days), Query: incidentQuery(d).Encode()}
		if n := len(ser.Days); n > 0 {
			v.Zoom.Since, v.Zoom.Until = ser.Days[0].Day, periodEnd(ser.Days[n-1].Day, tension.Period(period))
		}
		v.Zoom.Zoomed = zoomed
		base := "/dyad/" + url.PathEscape(ser.Dyad)
		v.Zoom.Reset = base + "?period=" + period
		for _, z := range []struct {
			label string
			days  int
		}{{"30 days", 30}, {"90 days", 90}, {"1 year", 365}, {"3 years", 3 * 365}} {
			if t, err := time.Parse(time.DateOnly, rng.Last); err == nil {
				q := url.Values{"period": {period}, "since": {t.AddDate(0, 0, 1-z.days).Format(time.DateOnly)}, "until": {rng.Last}}
				v.Zoom.Presets = append(v.Zoom.Presets, option{base + "?" + q.Encode(), z.label})
			}
		}
		if rng.First != "" {
			q := url.Values{"period": {period}, "since": {rng.First}, "until": {rng.Last}}
			v.Zoom.Presets = append(v.Zoom.Presets, option{base + "?" + q.Encode(), "all"})
		}
		for _, x := range []option{{"day", "daily"}, {"week", "weekly"}, {"month", "monthly"}} {
			q := url.Values{"period": {x.Value}}
			if zoomed {
				q.Set("since", v.Zoom.Since)
				q.Set("until", v.Zoom.Until)
			}
			v.Periods = append(v.Periods, periodLink{base + "?" + q.Encode(), x.Label, x.Value == period})
		}
		dq := incidentQuery(d)
		dq.Set("since", v.Zoom.Since)
		dq.Set("until", v.Zoom.Until)
		v.Downloads = downloadLinks(dq)
		return s.renderBytes("dyad", ser.Dyad, v)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, b)
}

// incidentQuery is the incidents API query of a dyad (without dates),
// used by the page's script when a day is clicked and by the downloads.
func incidentQuery(d tension.Dyad) url.Values {
	q := url.Values{}
	if d.Level == tension.ActorLevel {
		q.Set("actor", d.A)
		return q
	}
	q.Set("dyad", d.A+"-"+d.B)
	if !d.Directed {
		q.Set("pair", "true")
	}
	return q
}

// quadTotal is one QuadClass's share of a series' incidents.
type quadTotal struct {
	Quad      int
	Name      string
	Incidents int
	Percent   float64
}

func quadTotals(days []tension.Day) []quadTotal {
	var n [4]int
	total := 0
	for _, d := range days {
		for q := range 4 {
			n[q] += d.Quad[q]
			total += d.Quad[q]
		}
	}
	out := make([]quadTotal, 4)
	for q := range 4 {
		out[q] = quadTotal{Quad: q + 1, Name: quadName(q + 1), Incidents: n[q]}
		if total > 0 {
			out[q].Percent = 100 * float64(n[q]) / float64(total)
		}
	}
	return out
}
