package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// incidentWithEvents is an incident with the events (reports) behind it.
type incidentWithEvents struct {
	store.Incident
	Events []incidentEvent `json:"events,omitempty"`
}

// incidentEvent is a report of an incident, with its article's title
// (the dashboard links reports by title).
type incidentEvent struct {
	apiEvent
	ArticleTitle string `json:"article_title,omitempty"`
}

// maxExpand bounds the page size when each incident brings its events.
const maxExpand = 100

// listIncidents: GET /api/v1/incidents?filters&cursor=&limit=&expand=events&format=
func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, append(filterNames, "cursor", "limit", "expand", "format")...)
	f, pair := p.filter()
	if format := p.oneOf("format", "json", "csv", "jsonl"); format != "json" {
		f.Limit = p.intIn("limit", 1, MaxDownload, DefaultDownload)
		if pair {
			f.Pair, f.Dyad = f.Dyad, ""
		}
		if !s.answer(w, r, p.err) {
			s.downloadIncidents(w, r, f, format)
		}
		return
	}
	expand := p.oneOf("expand", "", "events") == "events"
	max := s.cfg.MaxPage
	if expand {
		max = min(max, maxExpand)
	}
	pg := p.page(max)
	pg.Pair = pair
	if s.answer(w, r, p.err) {
		return
	}
	ins, next, err := s.cfg.Store.IncidentsPage(r.Context(), f, pg)
	if s.answer(w, r, err) {
		return
	}
	out := pageOf[incidentWithEvents]{Items: make([]incidentWithEvents, len(ins)), NextCursor: next, Limit: pg.Limit}
	for i := range ins {
		out.Items[i].Incident = ins[i]
		if expand {
			if out.Items[i].Events, err = s.incidentEvents(r, ins[i].ID); s.answer(w, r, err) {
				return
			}
		}
	}
	if s.answer(w, r, s.titleEvents(r, out.Items)) {
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) incidentEvents(r *http.Request, id int64) ([]incidentEvent, error) {
	evs, _, err := s.cfg.Store.EventsPage(r.Context(), store.Filter{Incident: id}, store.Page{Limit: s.cfg.MaxPage})
	out := make([]incidentEvent, len(evs))
	for i := range evs {
		out[i].apiEvent = publicEvent(&evs[i])
	}
	return out, err
}

// titleEvents sets the article titles of the incidents' events, read
// in one query.
func (s *Server) titleEvents(r *http.Request, ins []incidentWithEvents) error {
	var ids []string
	for i := range ins {
		for _, e := range ins[i].Events {
			ids = append(ids, e.DocID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	titles, err := s.cfg.Store.ArticleTitles(r.Context(), ids)
	for i := range ins {
		for j := range ins[i].Events {
			ins[i].Events[j].ArticleTitle = titles[ins[i].Events[j].DocID]
		}
	}
	return err
}

// getIncident: GET /api/v1/incidents/{id} with its events.
func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, "incident id %q: want a positive integer", r.PathValue("id"))
		return
	}
	if s.answer(w, r, newParams(r.URL).err) {
		return
	}
	ins, _, err := s.cfg.Store.IncidentsPage(r.Context(), store.Filter{Incident: id}, store.Page{Limit: 1})
	if s.answer(w, r, err) {
		return
	}
	if len(ins) == 0 {
		writeError(w, http.StatusNotFound, "incident %d not found", id)
		return
	}
	out := incidentWithEvents{Incident: ins[0]}
	if out.Events, err = s.incidentEvents(r, id); s.answer(w, r, err) {
		return
	}
	if s.answer(w, r, s.titleEvents(r, []incidentWithEvents{out})) {
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// DefaultMapDays is the span of the map asked for without since: the
// days up to until (or the last stored day), as series take a year.
const DefaultMapDays = DefaultSeriesDays

// pointList is the map's answer: the points and the window they cover
// (since and until as applied, the default window included).
type pointList struct {
	Items []store.Point `json:"items"`
	Limit int           `json:"limit"`
	Since string        `json:"since,omitempty"`
	Until string        `json:"until,omitempty"`
}

// listPoints: GET /api/v1/points?filters&limit= — located incidents for
// the map, the latest limit in the window.
func (s *Server) listPoints(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, append(filterNames[:0:0], "actor", "dyad", "code", "root", "quad", "country", "since", "until", "claimed", "denied", "background", "limit")...)
	f, _ := p.filter()
	if f.Background == "" {
		// a map shows where things happen now; history is asked for
		f.Background = store.BackgroundExclude
	}
	limit := p.intIn("limit", 1, 5000, 2000)
	if s.answer(w, r, p.err) {
		return
	}
	if f.Since == "" {
		// Without a start the window is the year up to until or the last
		// stored day, so a filter that matches little reads a year of
		// events, not the store.
		rng, err := s.seriesRange(r.Context())
		if s.answer(w, r, err) {
			return
		}
		end := f.Until
		if end == "" || end > rng.Last {
			end = rng.Last
		}
		if t, err := time.Parse(time.DateOnly, end); err == nil {
			f.Since = t.AddDate(0, 0, 1-DefaultMapDays).Format(time.DateOnly)
		}
	}
	// Every visitor of the map asks the same: the answer is kept as sent,
	// refreshed in the background after pointsTTL (new articles) and
	// dropped when the tension series are rebuilt.
	key := fmt.Sprintf("points %+v %d", f, limit)
	b, err := memoized(s, r.Context(), key, pointsTTL, func(ctx context.Context) ([]byte, error) {
		pts, err := s.cfg.Store.Points(ctx, f, limit)
		if err != nil {
			return nil, err
		}
		return jsonBytes(pointList{Items: nonNil(pts), Limit: limit, Since: f.Since, Until: f.Until})
	})
	if s.answer(w, r, err) {
		return
	}
	writeJSONBytes(w, http.StatusOK, b)
}

// pointsTTL is how stale a kept map answer may be served, as the
// overview's counts.
const pointsTTL = overviewTTL
