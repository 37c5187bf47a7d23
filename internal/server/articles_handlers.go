package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
	"github.com/flashpoint/flashpoint/internal/text"
)

// articleView is an article with its events and where they sit in it.
type articleView struct {
	Article store.StoredArticle `json:"article"`
	Events  []articleEvent      `json:"events"`
	// ExplainSource says where the explain traces come from: "recoded"
	// (the article re-coded with Explain on) or "" when not asked or the
	// text was not kept.
	ExplainSource string `json:"explain_source,omitempty"`
}

// articleEvent is an event with its highlight spans: source, target and
// trigger in characters of the sentence (as in the event), and the
// sentence's character offset in the article text (-1 when the text was
// not kept or the sentence was not found in it).
type articleEvent struct {
	apiEvent
	SentenceOffset int `json:"sentence_offset"`
}

// loadArticle reads an article, its events and (explain) their traces.
func (s *Server) loadArticle(ctx context.Context, id string, explain bool) (*articleView, error) {
	a, err := s.cfg.Store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	evs, err := s.cfg.Store.ArticleEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &articleView{Article: a, Events: make([]articleEvent, len(evs))}
	var sents []event.Sentence
	if a.HasText {
		sents = text.Sentences(a.Text)
	}
	var traces map[string][]string
	if explain && a.HasText && len(a.Text) > MaxRecodeBytes {
		v.ExplainSource = "too long to re-code"
	} else if explain && a.HasText {
		if traces, err = s.recode(a); err != nil {
			return nil, err
		}
		v.ExplainSource = "recoded"
	}
	for i := range evs {
		e := &evs[i]
		off := -1
		if k := e.SentenceIndex; k >= 0 && k < len(sents) && sents[k].Text == e.Sentence {
			off = utf8.RuneCountInString(a.Text[:sents[k].Start])
		} else if j := strings.Index(a.Text, e.Sentence); a.HasText && j >= 0 {
			off = utf8.RuneCountInString(a.Text[:j])
		}
		if t, ok := traces[traceKey(&e.Event)]; ok {
			e.Explain = t
		}
		v.Events[i] = articleEvent{apiEvent: publicEvent(e), SentenceOffset: off}
	}
	return v, nil
}

// traceKey matches a re-coded event to its stored one: same sentence,
// trigger and code (ids may shift if the dictionaries changed).
func traceKey(e *event.Event) string {
	return strings.Join([]string{itoa(e.SentenceIndex), itoa(e.Trigger.Start), e.Code, e.Source.Code, e.Target.Code}, "|")
}

// recode codes the article again with Explain on and returns each
// event's trace by traceKey.
func (s *Server) recode(a store.StoredArticle) (map[string][]string, error) {
	p, err := s.pipeline(true)
	if err != nil {
		return nil, err
	}
	evs, err := p.Process(event.Article{ID: a.ID, Date: a.Date, Title: a.Title, Text: a.Text, URL: a.URL, Source: a.Source})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(evs))
	for i := range evs {
		out[traceKey(&evs[i])] = evs[i].Explain
	}
	return out, nil
}

// getArticle: GET /api/v1/articles/{id}?explain=true
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL, "explain")
	explain := p.boolean("explain")
	if s.answer(w, r, p.err) {
		return
	}
	id := r.PathValue("id")
	body, err := s.cachedView(r.Context(), "api\x00"+strconv.FormatBool(explain)+"\x00"+id, func() ([]byte, error) {
		v, err := s.loadArticle(r.Context(), id, explain)
		if err != nil {
			return nil, err
		}
		return jsonBytes(v)
	})
	var busy busyError
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "article %q not found", id)
		return
	case errors.As(err, &busy):
		writeBusy(w, err)
		return
	}
	if s.answer(w, r, err) {
		return
	}
	writeJSONBytes(w, http.StatusOK, body)
}

// checkToken applies the write rule: no configured token → 403 (the
// server is read-only); no bearer token → 401; a wrong one → 403.
func (s *Server) checkToken(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" {
		writeError(w, http.StatusForbidden, "this server is read-only: start it with a token (--token-file or FLASHPOINT_TOKEN) to accept articles")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || got == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="flashpoint"`)
		writeError(w, http.StatusUnauthorized, "missing bearer token (Authorization: Bearer TOKEN)")
		return false
	}
	// Hash both so the comparison takes the same time whatever the lengths.
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(s.cfg.Token))
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 {
		writeError(w, http.StatusForbidden, "wrong token")
		return false
	}
	return true
}

// submission is the body of POST /api/v1/articles: {"articles": [...]}
// or a bare array of articles.
type submission struct {
	Articles []event.Article `json:"articles"`
}

// submitResult reports what a submission stored.
type submitResult struct {
	Received      int            `json:"received"`
	Stored        int            `json:"stored"`
	NearDuplicate int            `json:"near_duplicate"`
	Duplicate     int            `json:"duplicate"`
	Rejected      int            `json:"rejected"`
	Events        int            `json:"events"`
	Incidents     int            `json:"incidents"`
	Rejects       []store.Reject `json:"rejects,omitempty"`
	Alerts        int            `json:"alerts"` // of the dyads the update touched
}

// postArticles: POST /api/v1/articles — codes and stores articles, then
// updates the tension series.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.checkToken(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type %q: want application/json", ct)
		return
	}
	body, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "body larger than %d bytes", tooBig.Limit)
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "reading body: %v", err)
		return
	}
	var sub submission
	trimmed := strings.TrimSpace(string(body))
	if strings.HasPrefix(trimmed, "[") {
		err = strictJSON(body, &sub.Articles)
	} else {
		err = strictJSON(body, &sub)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "body: %v (want {\"articles\": [{\"id\", \"date\", \"text\", ...}]})", err)
		return
	}
	if len(sub.Articles) == 0 {
		writeError(w, http.StatusBadRequest, "body: no articles")
		return
	}
	if len(sub.Articles) > MaxPostArticles {
		writeError(w, http.StatusBadRequest, "body: %d articles, at most %d per request", len(sub.Articles), MaxPostArticles)
		return
	}
	for i, a := range sub.Articles {
		if msg := checkArticle(a); msg != "" {
			writeError(w, http.StatusBadRequest, "articles[%d]: %s", i, msg)
			return
		}
		sub.Articles[i].Origin = "request:" + itoa(i+1)
	}
	res, err := s.ingest(r.Context(), sub.Articles)
	if s.answer(w, r, err) {
		return
	}
	writeJSON(w, http.StatusCreated, res)
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// checkArticle returns what is wrong with a submitted article, or "".
func checkArticle(a event.Article) string {
	switch {
	case strings.TrimSpace(a.ID) == "":
		return "missing id"
	case len(a.ID) > 200:
		return "id longer than 200 bytes"
	case strings.ContainsAny(a.ID, "/?#"):
		return "id must not contain / ? or #"
	case strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "":
		return "no text"
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title):
		return "text is not valid UTF-8"
	}
	if _, err := time.Parse("2006-01-02", a.Date); err != nil {
		return "date " + quote(a.Date) + ": want YYYY-MM-DD"
	}
	return ""
}

// ingest codes and stores articles (one writer at a time), with their
// texts for the article view (the store keeps them), and updates the
// tension series.
func (s *Server) ingest(ctx context.Context, arts []event.Article) (*submitResult, error) {
	p, err := s.pipeline(false)
	if err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	ch := make(chan event.Article, len(arts))
	for _, a := range arts {
		ch <- a
	}
	close(ch)
	st, err := ingest.Run(ctx, s.cfg.Store, ch, p.Process, ingest.Options{Workers: 2})
	if err != nil {
		return nil, err
	}
	up, err := tension.Update(ctx, s.cfg.Store, tension.DefaultConfig())
	if err != nil {
		return nil, err
	}
	s.metrics.ingested.Add(int64(st.Stored))
	s.views.clear()
	return &submitResult{Received: st.Read, Stored: st.Stored, NearDuplicate: st.NearDuplicate, Duplicate: st.Duplicate,
		Rejected: st.Rejected, Events: st.Events, Incidents: st.Incidents, Rejects: st.Rejects, Alerts: up.Alerts}, nil
}
