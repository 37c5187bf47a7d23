package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

// incidentView is the incident page's model: the incident, each report
// of it with its sentence marked and its article's title, and the
// downloads of its events.
type incidentView struct {
	Incident  store.Incident
	Pair      string // the undirected dyad, for the dyad page link
	Events    []eventCard
	Downloads []downloadLink
}

// incidentPage: GET /incident/{id} — where "incident N" links land.
func (s *Server) incidentPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.pageError(w, r, bad("incident %q: want a positive integer", r.PathValue("id")))
		return
	}
	if p := newParams(r.URL); p.err != nil {
		s.pageError(w, r, p.err)
		return
	}
	v, err := s.loadIncidentView(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "incident", "Incident "+strconv.FormatInt(id, 10), v)
}

func (s *Server) loadIncidentView(ctx context.Context, id int64) (*incidentView, error) {
	ins, _, err := s.cfg.Store.IncidentsPage(ctx, store.Filter{Incident: id}, store.Page{Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(ins) == 0 {
		return nil, store.ErrNotFound
	}
	v := &incidentView{Incident: ins[0]}
	v.Pair = tension.Undirected(v.Incident.SourceCountry, v.Incident.TargetCountry).String()
	evs, _, err := s.cfg.Store.EventsPage(ctx, store.Filter{Incident: id}, store.Page{Limit: s.cfg.MaxPage})
	if err != nil {
		return nil, err
	}
	var docs []string
	for i := range evs {
		docs = append(docs, evs[i].DocID)
	}
	titles, err := s.cfg.Store.ArticleTitles(ctx, docs)
	if err != nil {
		return nil, err
	}
	for i := range evs {
		e := articleEvent{apiEvent: publicEvent(&evs[i]), SentenceOffset: -1}
		c := newEventCard(&e)
		c.ArticleTitle = titles[e.DocID]
		if c.ArticleTitle == "" {
			c.ArticleTitle = e.DocID
		}
		v.Events = append(v.Events, c)
	}
	v.Downloads = eventDownloads(url.Values{"incident": {strconv.FormatInt(id, 10)}})
	return v, nil
}
