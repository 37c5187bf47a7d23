package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

//go:embed web/templates/*.html web/static web/data/countries.svg openapi.json
var webFS embed.FS

// pageNames are the dashboard pages, each web/templates/NAME.html
// rendered inside layout.html.
var pageNames = []string{"overview", "dyad", "map", "article", "error"}

func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"quad":    quadName,
		"pct":     func(x float64) string { return fmt.Sprintf("%.0f", x) },
		"f1":      func(x float64) string { return fmt.Sprintf("%.1f", x) },
		"f2":      func(x float64) string { return fmt.Sprintf("%.2f", x) },
		"path":    url.PathEscape,
		"dyadURL": func(name string) string { return "/dyad/" + url.PathEscape(name) },
		"join":    strings.Join,
	}
	out := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", "web/templates/"+n+".html")
		if err != nil {
			return nil, err
		}
		out[n] = t
	}
	return out, nil
}

func quadName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return "unknown"
}

// render executes a page into a buffer first so a template error
// becomes a clean 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	b, err := s.renderBytes(name, title, data)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeHTML(w, status, b)
}

func (s *Server) renderBytes(name, title string, data any) ([]byte, error) {
	var buf bytes.Buffer
	err := s.pages[name].Execute(&buf, map[string]any{"Title": title, "Page": name, "Data": data})
	return buf.Bytes(), err
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// pageError renders an error page: 400 for bad input, 404, else 500.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "internal error"
	var br *badRequest
	switch {
	case errors.As(err, &br):
		status, msg = http.StatusBadRequest, br.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.As(err, new(busyError)):
		w.Header().Set("Retry-After", "1")
		status, msg = http.StatusServiceUnavailable, err.Error()
	default:
		s.cfg.Log.Printf("server: %s: %v", r.URL.Path, err)
	}
	s.render(w, r, status, "error", http.StatusText(status), map[string]any{"Status": status, "Message": msg})
}

// overview is the data of the front page.
type overview struct {
	Counts     store.Counts
	Alerts     []tension.Alert
	Active     []tension.DyadTotal
	Escalating []tension.Escalation
	Recent     []store.Incident
}

// overviewTTL is how stale the overview's counts and recent incidents
// may be while an ingest runs; its rankings wait for a tension rebuild.
const overviewTTL = 10 * time.Second

func (s *Server) overviewPage(w http.ResponseWriter, r *http.Request) {
	v, err := memoized(s, r.Context(), "overview", overviewTTL, s.loadOverview)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "overview", "Overview", v)
}

func (s *Server) loadOverview(ctx context.Context) (overview, error) {
	var v overview
	var err error
	if v.Counts, err = s.cfg.Store.Counts(ctx); err != nil {
		return v, err
	}
	if v.Alerts, err = tension.Alerts(ctx, s.cfg.Store, tension.AlertFilter{Limit: 10}); err != nil {
		return v, err
	}
	if v.Active, err = tension.TopDyads(ctx, s.cfg.Store, 8); err != nil {
		return v, err
	}
	rng, err := s.seriesRange(ctx)
	if err != nil {
		return v, err
	}
	if rng.Last != "" {
		if v.Escalating, err = tension.EscalatingDyads(ctx, s.cfg.Store, 8, 30, rng.Last, tension.DefaultConfig()); err != nil {
			return v, err
		}
	}
	v.Recent, err = s.recentIncidents(ctx, 15)
	return v, err
}

// recentIncidents returns the newest n non-background incidents, newest
// first, from the last 60 days of the store.
func (s *Server) recentIncidents(ctx context.Context, n int) ([]store.Incident, error) {
	var last string
	row := s.cfg.Store.DB().QueryRowContext(ctx, "SELECT COALESCE(MAX(date), '') FROM incidents WHERE background = "+boolSQL(s.cfg.Store, false))
	if err := row.Scan(&last); err != nil || last == "" {
		return nil, err
	}
	since := last
	if t, err := time.Parse("2006-01-02", last[:min(10, len(last))]); err == nil {
		since = t.AddDate(0, 0, -60).Format("2006-01-02")
	}
	var all []store.Incident
	for in, err := range s.cfg.Store.Incidents(ctx, store.Filter{Since: since}) {
		if err != nil {
			return nil, err
		}
		if !in.Background {
			all = append(all, in)
		}
	}
	out := make([]store.Incident, 0, n)
	for i := len(all) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, all[i])
	}
	return out, nil
}

func boolSQL(st *store.Store, b bool) string {
	switch {
	case st.Postgres() && b:
		return "TRUE"
	case st.Postgres():
		return "FALSE"
	case b:
		return "1"
	}
	return "0"
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
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	if since == "" && until == "" && focus != "" {
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
		ser, err := s.series(r.WithContext(ctx), d, tension.Period(period), since, until, true)
		if err != nil {
			return nil, err
		}
		v := map[string]any{
			"Dyad":   ser.Dyad,
			"Period": period,
			"Pair":   !d.Directed && d.Level == tension.CountryLevel,
			"Chart":  buildChart(ser.Days, ser.Alerts, tension.Period(period)),
			"Alerts": ser.Alerts,
			"Focus":  focus,
			"Quad":   quadTotals(ser.Days),
			"Query":  incidentQuery(d),
		}
		return s.renderBytes("dyad", ser.Dyad, v)
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, b)
}

// incidentQuery is the incidents API query of a dyad (without dates),
// used by the page's script when a day is clicked.
func incidentQuery(d tension.Dyad) string {
	q := url.Values{}
	if d.Level == tension.ActorLevel {
		q.Set("actor", d.A)
		return q.Encode()
	}
	q.Set("dyad", d.A+"-"+d.B)
	if !d.Directed {
		q.Set("pair", "true")
	}
	return q.Encode()
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

func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "since", "until", "code")
	v := map[string]any{"Since": p.date("since"), "Until": p.date("until"), "Code": p.digits("code", 4)}
	if p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	basemap, err := webFS.ReadFile("web/data/countries.svg")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// The basemap is our own generated file, embedded at build time.
	v["Basemap"] = template.HTML(basemap)
	s.render(w, r, http.StatusOK, "map", "Map", v)
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL); p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	id := r.PathValue("id")
	b, err := s.cachedView(r.Context(), "page\x00"+id, func() ([]byte, error) {
		v, err := s.loadArticle(r.Context(), id, true)
		if err != nil {
			return nil, err
		}
		title := v.Article.Title
		if title == "" {
			title = v.Article.ID
		}
		return s.renderBytes("article", title, buildArticlePage(v))
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, b)
}
