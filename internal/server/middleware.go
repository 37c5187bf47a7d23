package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// apiError is the body of every error response.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// writeJSONBytes writes a body jsonBytes made (kept or cached) as
// writeJSON would write it.
func writeJSONBytes(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body)
}

// writeError writes {"error": msg, "status": status}.
func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, apiError{Error: fmt.Sprintf(format, args...), Status: status})
}

// internalError logs err and answers 500, or 503 when the request's
// deadline ran out.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded) {
		writeError(w, http.StatusServiceUnavailable, "request took longer than %s", s.cfg.Timeout)
		return
	}
	if errors.Is(err, context.Canceled) {
		return // the client went away
	}
	s.cfg.Log.Printf("server: %s %s: %v", r.Method, r.URL.Path, err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// middleware wraps the mux: security headers (headers.go), the
// per-client rate limit (ratelimit.go), body limit, per-request
// deadline, panic recovery (recover.go), JSON bodies for the mux's own
// 404 and 405, and metrics by route pattern.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		setSecurityHeaders(w.Header())
		defer func() {
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.observe(route, rec.status, time.Since(start))
		}()
		if s.rateLimited(rec, r) {
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
		}
		defer s.recoverPanic(rec, r)
		next.ServeHTTP(rec, r)
	})
}

// recorder remembers the status and turns the mux's plain-text 404 and
// 405 answers into JSON errors.
type recorder struct {
	http.ResponseWriter
	status  int
	wrote   bool
	swallow bool
}

func (w *recorder) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote, w.status = true, code
	h := w.Header()
	if (code == http.StatusNotFound || code == http.StatusMethodNotAllowed) && strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		w.swallow = true
		msg := "no such resource"
		if code == http.StatusMethodNotAllowed {
			msg = "method not allowed (allowed: " + h.Get("Allow") + ")"
		}
		h.Set("Content-Type", "application/json")
		h.Del("Content-Length")
		h.Set("X-Content-Type-Options", "nosniff")
		w.ResponseWriter.WriteHeader(code)
		b, _ := json.Marshal(apiError{Error: msg, Status: code})
		w.ResponseWriter.Write(append(b, '\n'))
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.swallow {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
