package server

import (
	"net/http"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// listAlerts: GET /api/v1/alerts?dyad=&since=&until=&limit= — newest
// peak first, each with its evidence incidents, articles and sentences.
func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "dyad", "since", "until", "limit")
	f := tension.AlertFilter{Since: p.date("since"), Until: p.date("until"), Limit: p.intIn("limit", 1, s.cfg.MaxPage, 100)}
	if v := p.str("dyad"); v != "" {
		d, err := parseDyad(v)
		p.fail(err)
		f.Dyad = d.String()
	}
	if s.answer(w, r, p.err) {
		return
	}
	al, err := tension.Alerts(r.Context(), s.cfg.Store, f)
	if s.answer(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": nonNil(al)})
}
