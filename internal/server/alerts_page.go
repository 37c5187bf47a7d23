package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// alertRow is an alert as the dashboard lists it: active or resolved as
// of the last day with data, and for how long, as Prometheus shows an
// alert's state and since when.
type alertRow struct {
	tension.Alert
	Active bool
	Age    string // "active for 5 days" or "resolved 88 days ago"
	Lasted int    // days from the first to the last day
	// The episode's incidents: the API query of every incident (for the
	// script's "show all"), the overview search listing them (without
	// script) and the downloads of its events and incidents.
	IncidentQuery string
	SearchURL     string
	Downloads     []downloadLink
	Collapsed     bool // the evidence folded (the alerts page's older resolved alerts)
}

// alertRows dates alerts against asOf, the last day with data. An alert
// is active while another firing day would still join its episode
// (tension's EpisodeGap), else resolved.
func alertRows(al []tension.Alert, asOf string) []alertRow {
	gap := tension.DefaultConfig().EpisodeGap
	out := make([]alertRow, len(al))
	for i, a := range al {
		r := alertRow{Alert: a, Lasted: daysBetween(a.FirstDay, a.LastDay) + 1}
		since := daysBetween(a.LastDay, asOf)
		r.Active = asOf != "" && since <= gap
		if r.Active {
			r.Age = "active for " + plural(daysBetween(a.FirstDay, asOf)+1, "day")
		} else {
			r.Age = "resolved " + plural(since, "day") + " ago"
		}
		q := alertQuery(a)
		r.Downloads = downloadLinks(q)
		q.Set("expand", "events")
		q.Set("limit", "100")
		r.IncidentQuery = q.Encode()
		s := url.Values{"dyad": {a.Dyad.String()}, "since": {a.FirstDay}, "until": {a.LastDay}}
		if a.Dyad.Level != tension.CountryLevel {
			s.Set("dyad", q.Get("dyad"))
		}
		r.SearchURL = "/?" + s.Encode()
		out[i] = r
	}
	return out
}

// alertQuery is the API query of an alert's episode: the incidents
// between its two countries from its first day to its last (its
// Incidents are the conflict ones among them).
func alertQuery(a tension.Alert) url.Values {
	x, y := a.Dyad.A, a.Dyad.B
	if a.Dyad.Level == tension.ActorLevel {
		x, y = x[:min(3, len(x))], y[:min(3, len(y))]
	}
	q := url.Values{"dyad": {x + "-" + y}, "since": {a.FirstDay}, "until": {a.LastDay}, "background": {"exclude"}}
	if !a.Dyad.Directed {
		q.Set("pair", "true")
	}
	return q
}

// daysBetween counts the days from a to b (negative when b is before a;
// 0 when either is not a date).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func plural(n int, unit string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// alertsView is the alerts page's model.
type alertsView struct {
	State            string // all, active, resolved
	Dyad             string
	AsOf             string
	Active, Resolved int
	Total            int
	Alerts           []alertRow
	Downloads        []downloadLink // every event and incident of the listed dyad
}

// maxAlertsPage bounds the alerts one page lists.
const maxAlertsPage = 500

// alertsPage: GET /alerts?state=all|active|resolved&dyad= — the alerts,
// newest peak first, each with its state, age, evidence and downloads.
func (s *Server) alertsPage(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "state", "dyad")
	v := alertsView{State: p.oneOf("state", "all", "active", "resolved")}
	f := tension.AlertFilter{Limit: maxAlertsPage}
	if d := p.str("dyad"); d != "" {
		dy, err := parseDyad(d)
		p.fail(err)
		f.Dyad, v.Dyad = dy.String(), dy.String()
	}
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	rng, err := s.seriesRange(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	al, err := memoized(s, r.Context(), "alerts page "+f.Dyad, 0, func(ctx context.Context) ([]tension.Alert, error) {
		return tension.Alerts(ctx, s.cfg.Store, f)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v.AsOf, v.Total = rng.Last, len(al)
	for _, a := range alertRows(al, rng.Last) {
		if a.Active {
			v.Active++
		} else {
			v.Resolved++
		}
		if v.State == "all" || (v.State == "active") == a.Active {
			a.Collapsed = !a.Active && len(v.Alerts) > 0
			v.Alerts = append(v.Alerts, a)
		}
	}
	if v.Dyad != "" && len(al) > 0 {
		q := alertQuery(al[0])
		q.Del("since")
		q.Del("until")
		v.Downloads = downloadLinks(q)
	}
	s.render(w, r, http.StatusOK, "alerts", "Alerts", v)
}
