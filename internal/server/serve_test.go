package server

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"testing"
	"time"
)

// Cancelling the serving context stops new connections but lets the
// request in flight finish.
func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	s, err := New(Config{Store: demoStore(t), Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()

	// The explain view re-codes the article and builds the pipeline on
	// first use: long enough to be in flight when the signal comes.
	type result struct {
		status int
		err    error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Get(base + "/api/v1/articles/" + seedArticle + "?explain=true")
		if err != nil {
			res <- result{0, err}
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		res <- result{resp.StatusCode, nil}
	}()
	time.Sleep(30 * time.Millisecond)
	cancel()
	r := <-res
	if r.err != nil || r.status != 200 {
		t.Fatalf("in-flight request: %d %v", r.status, r.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(ShutdownGrace):
		t.Fatal("Serve did not return")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("server still accepting after shutdown")
	}
}

// A handler running past the per-request deadline answers 503 JSON.
func TestRequestTimeout(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t), Timeout: time.Nanosecond})
	var e apiError
	status, _, body := call(t, "GET", ts.URL+"/api/v1/events?limit=500", "", "", &e)
	if status != 503 || e.Status != 503 {
		t.Fatalf("%d %s, want 503", status, body)
	}
}
