package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// ShutdownGrace is how long in-flight requests get to finish once the
// serving context is cancelled.
const ShutdownGrace = 30 * time.Second

// HTTPServer returns an http.Server for h with timeouts that bound slow
// clients (headers, bodies, idle keep-alive connections).
func HTTPServer(h http.Handler, requestTimeout time.Duration) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      requestTimeout + 15*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves s on ln until ctx is cancelled (SIGINT, SIGTERM), then
// stops accepting connections and waits up to ShutdownGrace for the
// requests in flight to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := HTTPServer(s, s.cfg.Timeout)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
