package server

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// Markup in an article's text and title, submitted and stored through
// the real ingest, comes back escaped on every page that shows it and
// intact (as data, HTML-escaped) in the API.
func TestXSSInArticleTextIsEscaped(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "xss.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ts := newTestServer(t, Config{Store: st, Token: "t"})
	const script = `<script>alert(1)</script>`
	const attr = `"><img src=x onerror=alert(1)>`
	text := "Azerbaijan accused Armenia " + script + " of shelling its positions near Nakhchivan " + attr + " on Wednesday."
	body, _ := json.Marshal([]map[string]string{{"id": "xss-1", "date": "2024-05-02", "title": attr + script, "source": script, "text": text}})
	if status, _, b := call(t, "POST", ts.URL+"/api/v1/articles", "t", string(body), nil); status != 201 {
		t.Fatalf("POST: %d %s", status, b)
	}
	raw := []string{"<script>alert", "<img src=x", "onerror=alert(1)>", `"><img`}
	for _, path := range []string{"/article/xss-1", "/", "/dyad/AZE-ARM?day=2024-05-02", "/api/v1/articles/xss-1", "/api/v1/events?dyad=AZE-ARM"} {
		status, h, b := call(t, "GET", ts.URL+path, "", "", nil)
		if status != 200 {
			t.Fatalf("GET %s: %d %s", path, status, b)
		}
		for _, r := range raw {
			if strings.Contains(string(b), r) {
				t.Errorf("GET %s (%s) contains unescaped %q", path, h.Get("Content-Type"), r)
			}
		}
	}
	// The event's sentence carries the markup too, JSON-escaped.
	if _, _, b := call(t, "GET", ts.URL+"/api/v1/events?dyad=AZE-ARM", "", "", nil); !strings.Contains(string(b), `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
		t.Errorf("events API lacks the escaped sentence: %.400s", b)
	}
	_, _, page := call(t, "GET", ts.URL+"/article/xss-1", "", "", nil)
	if !strings.Contains(string(page), "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(string(page), "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("article page lacks the escaped text")
	}
	// The API returns the text unchanged once decoded: escaping is the
	// encoding, not a lossy filter.
	var v articleView
	if status, _, b := call(t, "GET", ts.URL+"/api/v1/articles/xss-1", "", "", &v); status != 200 || v.Article.Text != text || v.Article.Title != attr+script {
		t.Errorf("API article: %d %.300s", status, b)
	}
}

// The dashboard's templates load one script file and carry no inline
// script or event-handler attributes, so the CSP can forbid both.
func TestNoInlineScriptInPages(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|\son[a-z]+\s*=|javascript:`)
	for _, path := range []string{"/", "/dyad/ARM-AZE", "/map", "/article/" + seedArticle, "/article/nope"} {
		_, h, b := call(t, "GET", ts.URL+path, "", "", nil)
		if m := inline.Find(b); m != nil {
			t.Errorf("GET %s: inline script %q", path, m)
		}
		for _, tag := range regexp.MustCompile(`(?i)<script[^>]*>`).FindAll(b, -1) {
			if !strings.Contains(string(tag), `src="/static/`) {
				t.Errorf("GET %s: script tag %s", path, tag)
			}
		}
		checkSecurityHeaders(t, path, h)
	}
}

func checkSecurityHeaders(t *testing.T, path string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-") {
		t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
	}
	for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if got := h.Get(name); got != want {
			t.Errorf("GET %s: %s %q, want %q", path, name, got, want)
		}
	}
}

// Every answer, errors and rate-limited ones included, has the headers.
func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t), RateLimit: 1, RateBurst: 4})
	for _, path := range []string{"/api/v1/events?limit=1", "/api/v1/nothing", "/static/app.js", "/api/v1/events?quad=9", "/map"} {
		_, h, _ := call(t, "GET", ts.URL+path, "", "", nil)
		checkSecurityHeaders(t, path, h)
	}
}

// A panicking handler answers a generic JSON 500: no panic value, stack,
// source path or goroutine dump in the body.
func TestPanicAnswersGenericError(t *testing.T) {
	s, ts := newTestServer(t, Config{Store: demoStore(t)})
	s.mux.HandleFunc("GET /test-panic", func(w http.ResponseWriter, r *http.Request) {
		panic("secret /home/build/internal/store/query.go:42 SELECT password FROM users")
	})
	var e apiError
	status, h, b := call(t, "GET", ts.URL+"/test-panic", "", "", &e)
	if status != 500 || e.Error != "internal error" || h.Get("Content-Type") != "application/json" {
		t.Fatalf("panic: %d %s", status, b)
	}
	for _, leak := range []string{"secret", ".go", "goroutine", "SELECT", "/home"} {
		if strings.Contains(string(b), leak) {
			t.Errorf("error body leaks %q: %s", leak, b)
		}
	}
	// The server keeps serving.
	if status, _, _ := call(t, "GET", ts.URL+"/healthz", "", "", nil); status != 200 {
		t.Errorf("after a panic: healthz %d", status)
	}
}

// SQL metacharacters in paths and parameters are data (bound
// parameters) or refused by the parser; none reach the SQL text.
func TestInjectionAttempts(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	for _, c := range []struct {
		path   string
		status int
	}{
		{"/api/v1/articles/x'%20OR%20'1'='1", 404},
		{"/api/v1/articles/x%22;DROP%20TABLE%20events;--", 404},
		{"/api/v1/events?actor=AZE'--", 400},
		{"/api/v1/events?country=A%25", 400},
		{"/api/v1/events?since=2024-01-01'%20OR%201=1--", 400},
		{"/api/v1/incidents/1%20OR%201=1", 400},
		{"/api/v1/alerts?dyad=AZE-ARM'", 400},
		{"/article/%3Cscript%3E", 404},
	} {
		var e apiError
		if status, _, b := call(t, "GET", ts.URL+c.path, "", "", &e); status != c.status || e.Status != c.status && !strings.HasPrefix(c.path, "/article/") {
			t.Errorf("GET %s = %d %s, want %d", c.path, status, b, c.status)
		}
	}
	// The tables are all still there.
	if status, _, b := call(t, "GET", ts.URL+"/api/v1/events?limit=1", "", "", nil); status != 200 {
		t.Errorf("after injection attempts: %d %s", status, b)
	}
}

func TestRateLimit(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t), RateLimit: 0.5, RateBurst: 3})
	for i := 0; i < 3; i++ {
		if status, _, b := call(t, "GET", ts.URL+"/api/v1/codes?q=19", "", "", nil); status != 200 {
			t.Fatalf("request %d within the burst: %d %s", i, status, b)
		}
	}
	var e apiError
	status, h, b := call(t, "GET", ts.URL+"/api/v1/codes?q=19", "", "", &e)
	if status != 429 || e.Status != 429 || !strings.Contains(e.Error, "rate limit") || h.Get("Retry-After") != "2" {
		t.Fatalf("over the limit: %d Retry-After %q %s", status, h.Get("Retry-After"), b)
	}
	if status, _, _ := call(t, "GET", ts.URL+"/healthz", "", "", nil); status != 200 {
		t.Errorf("healthz is rate limited: %d", status)
	}
	// Negative disables the limit.
	_, free := newTestServer(t, Config{Store: demoStore(t), RateLimit: -1})
	for i := 0; i < 150; i++ {
		if status, _, _ := call(t, "GET", free.URL+"/api/v1/codes?q=19", "", "", nil); status != 200 {
			t.Fatalf("unlimited server, request %d: %d", i, status)
		}
	}
}

func TestLimiterBuckets(t *testing.T) {
	l := newLimiter(10, 2)
	t0 := time.Unix(1000, 0)
	allow := func(key string, at time.Duration) bool { ok, _ := l.allow(key, t0.Add(at)); return ok }
	steps := []struct {
		key  string
		at   time.Duration
		want bool
	}{
		{"a", 0, true}, {"a", 0, true}, {"a", 0, false}, // burst of 2
		{"b", 0, true},                                                                               // another client has its own bucket
		{"a", 50 * time.Millisecond, false},                                                          // half a token
		{"a", 100 * time.Millisecond, true},                                                          // one token per 100 ms
		{"a", 10 * time.Second, true}, {"a", 10 * time.Second, true}, {"a", 10 * time.Second, false}, // refill caps at the burst
	}
	for i, s := range steps {
		if got := allow(s.key, s.at); got != s.want {
			t.Errorf("step %d (%s at %v): allow = %v, want %v", i, s.key, s.at, got, s.want)
		}
	}
	if _, wait := l.allow("a", t0.Add(10*time.Second)); wait != 100*time.Millisecond {
		t.Errorf("wait = %v, want 100ms", wait)
	}
	// The table of clients stays bounded.
	for i := 0; i < maxClients+500; i++ {
		l.allow(string(rune(i)), t0.Add(11*time.Second))
	}
	if len(l.b) > maxClients {
		t.Errorf("%d buckets, want at most %d", len(l.b), maxClients)
	}
	if newLimiter(-1, 0) != nil {
		t.Errorf("negative rate should disable the limiter")
	}
}
