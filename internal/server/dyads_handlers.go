package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// listDyads: GET /api/v1/dyads?sort=active|escalating&limit=&days=&until=
// active: the undirected country dyads with the most conflict weight
// over the whole store; escalating: the largest rise of conflict weight
// per day over the last `days` days (default 30) against the 42 days
// before.
func (s *Server) listDyads(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "sort", "limit", "days", "until")
	sort := p.oneOf("sort", "active", "escalating")
	limit := p.intIn("limit", 1, 100, 10)
	days := p.intIn("days", 1, 365, 30)
	until := p.date("until")
	if sort == "active" && (p.str("days") != "" || until != "") {
		p.fail(bad("days and until apply to sort=escalating only"))
	}
	if s.answer(w, r, p.err) {
		return
	}
	if sort == "escalating" {
		if until == "" {
			rng, err := s.seriesRange(r.Context())
			if s.answer(w, r, err) {
				return
			}
			if rng.Last == "" {
				writeJSON(w, http.StatusOK, map[string]any{"sort": sort, "items": []any{}})
				return
			}
			until = rng.Last
		}
		key := fmt.Sprintf("dyads escalating %d %d %s", limit, days, until)
		out, err := memoized(s, r.Context(), key, 0, func(ctx context.Context) ([]tension.Escalation, error) {
			return tension.EscalatingDyads(ctx, s.cfg.Store, limit, days, until, tension.DefaultConfig())
		})
		if s.answer(w, r, err) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"sort": sort, "items": nonNil(out)})
		return
	}
	// A ranking over every daily row: kept until the series are rebuilt.
	out, err := memoized(s, r.Context(), fmt.Sprintf("dyads active %d", limit), 0, func(ctx context.Context) ([]tension.DyadTotal, error) {
		return tension.TopDyads(ctx, s.cfg.Store, limit)
	})
	if s.answer(w, r, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sort": sort, "items": nonNil(out)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
