package server

import (
	"errors"
	"net/http"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/store"
)

// apiEvent is an event as the API shows it: source, target and trigger
// offsets in characters of the sentence (output.Public), with its
// incident.
type apiEvent struct {
	*event.Event
	IncidentID int64 `json:"incident_id"`
}

func publicEvent(se *store.StoredEvent) apiEvent {
	return apiEvent{Event: output.Public(&se.Event), IncidentID: se.IncidentID}
}

// pageOf is one page of a list with the cursor of the next page.
type pageOf[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
	Limit      int    `json:"limit"`
}

// answer turns a query's error into the right status.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, err error) bool {
	var br *badRequest
	switch {
	case err == nil:
		return false
	case errors.As(err, &br):
		writeError(w, http.StatusBadRequest, "%s", br.msg)
	case errors.Is(err, store.ErrBadCursor):
		writeError(w, http.StatusBadRequest, "cursor: not a cursor this server issued (use next_cursor as given)")
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	default:
		s.internalError(w, r, err)
	}
	return true
}

// listEvents: GET /api/v1/events?filters&incident=&cursor=&limit=&format=
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, append(filterNames, "incident", "cursor", "limit", "format", "assertion", "min_confidence")...)
	f, pair := p.filter()
	if p.q.Has("assertion") {
		f.Assertion = p.oneOf("assertion", store.Assertions...)
	}
	f.MinConfidence = p.fraction("min_confidence")
	f.Incident = int64(p.intIn("incident", 1, 1<<62, 0))
	if format := p.oneOf("format", "json", "csv", "jsonl", "gdelt", "plover"); format != "json" {
		f.Limit = p.intIn("limit", 1, MaxDownload, DefaultDownload)
		if pair {
			f.Pair, f.Dyad = f.Dyad, ""
		}
		if !s.answer(w, r, p.err) {
			s.downloadEvents(w, r, f, format)
		}
		return
	}
	pg := p.page(s.cfg.MaxPage)
	pg.Pair = pair
	if s.answer(w, r, p.err) {
		return
	}
	evs, next, err := s.cfg.Store.EventsPage(r.Context(), f, pg)
	if s.answer(w, r, err) {
		return
	}
	out := pageOf[apiEvent]{Items: make([]apiEvent, len(evs)), NextCursor: next, Limit: pg.Limit}
	for i := range evs {
		out.Items[i] = publicEvent(&evs[i])
	}
	writeJSON(w, http.StatusOK, out)
}
