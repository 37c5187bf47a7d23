package server

import (
	"net/http"
	"strconv"
)

// healthz: GET /healthz — 200 {"status":"ok"} when the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.cfg.Store.DB().PingContext(r.Context()); err != nil {
		writeError(w, http.StatusServiceUnavailable, "database unreachable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "read_only": s.cfg.Token == ""})
}

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }
