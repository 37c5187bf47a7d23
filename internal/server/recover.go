package server

import (
	"net/http"
	"runtime/debug"
)

// recoverPanic, deferred around a handler, turns a panic into a generic
// JSON 500: the panic value and stack go to the log only, never into the
// body, so no source paths, SQL or internals reach the client. A handler
// that panics after it began answering has its connection dropped by
// net/http (re-panicking with http.ErrAbortHandler).
func (s *Server) recoverPanic(rec *recorder, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.cfg.Log.Printf("server: panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
	if !rec.wrote {
		writeError(rec, http.StatusInternalServerError, "internal error")
		return
	}
	panic(http.ErrAbortHandler)
}
