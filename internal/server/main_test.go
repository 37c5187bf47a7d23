package server

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/store"
)

// The demo database is built once per test binary (about a second) and
// shared by the read-only tests; tests that write use their own store.
var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
	demoDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// demoStore opens the shared demo database (built with demo.Build, with
// the article texts kept as `flashpoint demo` does).
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "fp-server-test"); demoErr != nil {
			return
		}
		demoPath = filepath.Join(demoDir, "demo.db")
		ctx := context.Background()
		if _, demoErr = demo.Build(ctx, demoPath); demoErr != nil {
			return
		}
		arts, err := demo.Articles()
		if err != nil {
			demoErr = err
			return
		}
		st, err := store.Open(ctx, demoPath)
		if err != nil {
			demoErr = err
			return
		}
		defer st.Close()
		demoErr = st.SaveArticleTexts(ctx, arts)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	st, err := store.Open(context.Background(), demoPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTestServer serves cfg over httptest.
func newTestServer(t testing.TB, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

// call sends a request and decodes a JSON answer into out (if not nil).
func call(t testing.TB, method, url, token, body string, out any) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, b)
		}
	}
	return resp.StatusCode, resp.Header, b
}
