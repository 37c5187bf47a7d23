package server

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// actorMatch is one actor phrase found in the query text.
type actorMatch struct {
	Text    string       `json:"text"`
	Start   int          `json:"start"` // characters of q
	End     int          `json:"end"`
	Code    string       `json:"code,omitempty"`
	Country string       `json:"country,omitempty"`
	Role    string       `json:"role,omitempty"` // when only a role is known ("the ministry")
	Entries []actorEntry `json:"entries"`
}

type actorEntry struct {
	Phrase string `json:"phrase"`
	Code   string `json:"code"`
	Kind   string `json:"kind"`
	Source string `json:"source"` // dictionary file:line
}

// maxLookup bounds the text of a look-up query.
const maxLookup = 2000

// lookupActors: GET /api/v1/actors?q=TEXT&date=YYYY-MM-DD — the actor
// phrases the dictionaries find in q, coded as the coder would.
func (s *Server) lookupActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "q", "date")
	q := p.str("q")
	date := p.date("date")
	switch {
	case q == "":
		p.fail(bad("q: give a text to look up, e.g. q=Armenia's defence ministry"))
	case len(q) > maxLookup:
		p.fail(bad("q: at most %d bytes", maxLookup))
	}
	if s.answer(w, r, p.err) {
		return
	}
	toks := text.Tokens(q)
	out := []actorMatch{}
	for _, ph := range s.dict.Phrases(toks, date) {
		if ph.Start >= ph.End || ph.End > len(toks) {
			continue
		}
		a, b := toks[ph.Start].Start, toks[ph.End-1].End
		m := actorMatch{Text: q[a:b], Start: utf8.RuneCountInString(q[:a]), End: utf8.RuneCountInString(q[:b]),
			Code: ph.Code, Role: ph.Role, Entries: []actorEntry{}}
		if ph.Code != "" {
			m.Country = actors.CountryOf(ph.Code)
		}
		for _, e := range ph.Entries {
			m.Entries = append(m.Entries, actorEntry{Phrase: e.Phrase, Code: e.Code, Kind: e.Kind.String(), Source: e.Src})
		}
		out = append(out, m)
	}
	writeJSON(w, http.StatusOK, map[string]any{"q": q, "items": out})
}

// apiCode is one CAMEO code of the table.
type apiCode struct {
	Code       string  `json:"code"`
	Root       string  `json:"root"`
	Label      string  `json:"label"`
	QuadClass  int     `json:"quad_class"`
	Goldstein  float64 `json:"goldstein"`
	Plover     string  `json:"plover"`
	PloverMode string  `json:"plover_mode,omitempty"`
}

// listCodes: GET /api/v1/codes?q= — the CAMEO code table; q keeps
// codes starting with it (digits) or whose label contains it (words).
func (s *Server) listCodes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "q")
	q := strings.ToLower(p.str("q"))
	if len(q) > 100 {
		p.fail(bad("q: at most 100 bytes"))
	}
	if s.answer(w, r, p.err) {
		return
	}
	_, digitsErr := strconv.Atoi(q)
	out := []apiCode{}
	for _, c := range s.codes.All() {
		switch {
		case q == "":
		case digitsErr == nil && strings.HasPrefix(c.Code, q):
		case digitsErr != nil && strings.Contains(strings.ToLower(c.Label), q):
		default:
			continue
		}
		out = append(out, apiCode{Code: c.Code, Root: verbs.Root(c.Code), Label: c.Label, QuadClass: verbs.QuadClass(c.Code),
			Goldstein: c.Goldstein, Plover: c.Plover, PloverMode: c.PloverMode})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}
