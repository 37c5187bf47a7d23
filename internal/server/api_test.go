package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

const seedArticle = "demo-2024-04-02-aze-arm-border"

func TestBadParameters(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	for _, c := range []struct {
		path   string
		status int
		msg    string // part of the error message
	}{
		{"/api/v1/events?dyad=AZE", 400, "SOURCE-TARGET"},
		{"/api/v1/events?dyad=AZE-ARM;DROP", 400, "query string"},
		{"/api/v1/events?quad=5", 400, "quad"},
		{"/api/v1/events?since=2024-13-01", 400, "YYYY-MM-DD"},
		{"/api/v1/events?since=2024-05-01&until=2024-04-01", 400, "after until"},
		{"/api/v1/events?claimed=maybe", 400, "true or false"},
		{"/api/v1/events?limit=0", 400, "limit"},
		{"/api/v1/events?limit=501", 400, "from 1 to 500"},
		{"/api/v1/events?limit=abc", 400, "integer"},
		{"/api/v1/events?cursor=notacursor", 400, "cursor"},
		{"/api/v1/events?dayd=AZE-ARM", 400, "unknown parameter"},
		{"/api/v1/events?code=1a", 400, "digits"},
		{"/api/v1/events?root=190", 400, "two-digit"},
		{"/api/v1/events?actor=AZE%25", 400, "letters and digits"},
		{"/api/v1/events?pair=true", 400, "needs a dyad"},
		{"/api/v1/events?code=19&code=18", 400, "2 times"},
		{"/api/v1/incidents?expand=all", 400, "expand"},
		{"/api/v1/incidents?expand=events&limit=200", 400, "from 1 to 100"},
		{"/api/v1/incidents/abc", 400, "positive integer"},
		{"/api/v1/incidents/999999", 404, "not found"},
		{"/api/v1/dyads?sort=hottest", 400, "active, escalating"},
		{"/api/v1/dyads?days=7", 400, "escalating only"},
		{"/api/v1/dyads/AZE/tension", 400, "A-B"},
		{"/api/v1/dyads/AZE-ARM/tension?period=year", 400, "day, week, month"},
		{"/api/v1/alerts?dyad=nonsense", 400, "A-B"},
		{"/api/v1/articles/no-such-article", 404, "not found"},
		{"/api/v1/articles/" + seedArticle + "?explain=please", 400, "true or false"},
		{"/api/v1/actors", 400, "give a text"},
		{"/api/v1/nothing", 404, "no such resource"},
		{"/api/v1/points?limit=9999", 400, "limit"},
	} {
		var e apiError
		status, h, body := call(t, "GET", ts.URL+c.path, "", "", &e)
		if status != c.status || e.Status != c.status || !strings.Contains(e.Error, c.msg) {
			t.Errorf("GET %s = %d %.300s, want %d with %q", c.path, status, body, c.status, c.msg)
		}
		if ct := h.Get("Content-Type"); ct != "application/json" {
			t.Errorf("GET %s: Content-Type %q", c.path, ct)
		}
	}
	// The mux's own 405 comes back as JSON too.
	var e apiError
	if status, _, body := call(t, "DELETE", ts.URL+"/api/v1/events", "", "", &e); status != 405 || e.Status != 405 {
		t.Errorf("DELETE /api/v1/events = %d %s, want a JSON 405", status, body)
	}
}

// pages follows next_cursor from path to the end and returns the items.
func pages[T any](t *testing.T, base, path string, limit int) []T {
	t.Helper()
	var all []T
	cursor := ""
	for n := 0; ; n++ {
		u := base + path + "&limit=" + itoa(limit)
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		var p struct {
			Items      []T    `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		if status, _, body := call(t, "GET", u, "", "", &p); status != 200 {
			t.Fatalf("GET %s = %d %s", u, status, body)
		}
		if len(p.Items) > limit || p.NextCursor != "" && len(p.Items) != limit {
			t.Fatalf("page %d: %d items with limit %d", n, len(p.Items), limit)
		}
		all = append(all, p.Items...)
		if p.NextCursor == "" {
			return all
		}
		cursor = p.NextCursor
	}
}

func TestPaginationCoversEveryRowOnce(t *testing.T) {
	st := demoStore(t)
	_, ts := newTestServer(t, Config{Store: st})
	ctx := context.Background()
	counts, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("events", func(t *testing.T) {
		all := pages[struct {
			ID    string `json:"id"`
			DocID string `json:"doc_id"`
			Date  string `json:"date"`
		}](t, ts.URL, "/api/v1/events?since=", 97)
		if int64(len(all)) != counts.Events {
			t.Fatalf("paged %d events, store has %d", len(all), counts.Events)
		}
		seen := map[string]bool{}
		for i, e := range all {
			k := e.DocID + "/" + e.ID
			if seen[k] {
				t.Fatalf("event %s twice", k)
			}
			seen[k] = true
			if i > 0 && e.Date < all[i-1].Date {
				t.Fatalf("event %d out of date order", i)
			}
		}
	})
	t.Run("incidents of a dyad, both directions", func(t *testing.T) {
		all := pages[store.Incident](t, ts.URL, "/api/v1/incidents?dyad=AZE-ARM&pair=true", 13)
		want := 0
		for _, d := range []string{"AZE-ARM", "ARM-AZE"} {
			for _, err := range st.Incidents(ctx, store.Filter{Dyad: d}) {
				if err != nil {
					t.Fatal(err)
				}
				want++
			}
		}
		if len(all) != want || want == 0 {
			t.Fatalf("paged %d incidents, want %d", len(all), want)
		}
	})
}

func TestReadEndpoints(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	t.Run("alerts with the seed report as evidence", func(t *testing.T) {
		var out struct{ Items []tension.Alert }
		if status, _, body := call(t, "GET", ts.URL+"/api/v1/alerts?dyad=AZE-ARM", "", "", &out); status != 200 {
			t.Fatalf("%d %s", status, body)
		}
		found := false
		for _, a := range out.Items {
			for _, e := range a.Evidence {
				for _, ar := range e.Articles {
					found = found || ar.ID == seedArticle
				}
			}
		}
		if len(out.Items) == 0 || out.Items[0].DyadName != "ARM-AZE" || !found {
			t.Fatalf("alerts %+v: want ARM-AZE with %s as evidence", out.Items, seedArticle)
		}
	})
	t.Run("tension by week", func(t *testing.T) {
		var out tensionSeries
		if status, _, body := call(t, "GET", ts.URL+"/api/v1/dyads/AZE-ARM/tension?period=week&since=2024-03-01&until=2024-04-30", "", "", &out); status != 200 {
			t.Fatalf("%d %s", status, body)
		}
		if out.Dyad != "ARM-AZE" || len(out.Days) < 8 || len(out.Days) > 10 || len(out.Alerts) != 1 {
			t.Fatalf("series %s: %d weeks, %d alerts", out.Dyad, len(out.Days), len(out.Alerts))
		}
		// The cached span gives what tension.LoadSeries gives.
		d, _ := tension.ParseDyad("AZE-ARM")
		want, err := tension.LoadSeries(context.Background(), demoStore(t), d, "2024-03-01", "2024-04-30", tension.Weekly, tension.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(out.Days)
		if string(a) != string(b) {
			t.Fatalf("series differs from tension.LoadSeries:\n%s\n%s", b, a)
		}
	})
	t.Run("dyads", func(t *testing.T) {
		for _, sort := range []string{"active", "escalating"} {
			var out struct {
				Items []struct{ Dyad string }
			}
			if status, _, body := call(t, "GET", ts.URL+"/api/v1/dyads?sort="+sort+"&limit=3", "", "", &out); status != 200 || len(out.Items) == 0 || len(out.Items) > 3 {
				t.Fatalf("sort=%s: %d %s", sort, status, body)
			}
		}
	})
	t.Run("codes and actors", func(t *testing.T) {
		var codes struct{ Items []apiCode }
		call(t, "GET", ts.URL+"/api/v1/codes?q=19", "", "", &codes)
		if len(codes.Items) == 0 || codes.Items[0].Code != "190" || codes.Items[0].QuadClass != 4 {
			t.Fatalf("codes q=19: %+v", codes.Items)
		}
		var acts struct{ Items []actorMatch }
		call(t, "GET", ts.URL+"/api/v1/actors?q="+url.QueryEscape("Armenia's defence ministry criticised Baku"), "", "", &acts)
		if len(acts.Items) < 2 || !strings.HasPrefix(acts.Items[0].Code, "ARMGOV") || acts.Items[0].Start != 0 || acts.Items[1].Country != "AZE" {
			t.Fatalf("actors: %+v", acts.Items)
		}
	})
	t.Run("points", func(t *testing.T) {
		var out struct{ Items []store.Point }
		call(t, "GET", ts.URL+"/api/v1/points?code=19&since=2024-03-01", "", "", &out)
		if len(out.Items) == 0 {
			t.Fatal("no points")
		}
		for _, p := range out.Items {
			if !strings.HasPrefix(p.Code, "19") || p.Date < "2024-03-01" || p.Lat == 0 {
				t.Fatalf("point %+v outside the filter", p)
			}
		}
	})
	t.Run("metrics", func(t *testing.T) {
		_, _, body := call(t, "GET", ts.URL+"/metrics", "", "", nil)
		for _, want := range []string{
			`flashpoint_http_requests_total{route="GET /api/v1/alerts",status="200"} 1`,
			`flashpoint_http_request_duration_seconds_bucket{route="GET /api/v1/codes",le="+Inf"} 1`,
			"flashpoint_articles_ingested_total 0",
		} {
			if !strings.Contains(string(body), want) {
				t.Errorf("metrics lack %q:\n%s", want, body)
			}
		}
	})
}

func TestArticleHighlights(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	var v articleView
	if status, _, body := call(t, "GET", ts.URL+"/api/v1/articles/"+seedArticle+"?explain=true", "", "", &v); status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	if !v.Article.HasText || len(v.Events) < 3 || v.ExplainSource != "recoded" {
		t.Fatalf("article: text %v, %d events, explain %q", v.Article.HasText, len(v.Events), v.ExplainSource)
	}
	text := []rune(v.Article.Text)
	for _, e := range v.Events {
		sent := []rune(e.Sentence)
		if e.SentenceOffset < 0 || string(text[e.SentenceOffset:e.SentenceOffset+len(sent)]) != e.Sentence {
			t.Errorf("event %s: sentence not at offset %d", e.ID, e.SentenceOffset)
		}
		if got := string(sent[e.Trigger.Start:e.Trigger.End]); got != e.Trigger.Text {
			t.Errorf("event %s: trigger chars %d-%d = %q, want %q", e.ID, e.Trigger.Start, e.Trigger.End, got, e.Trigger.Text)
		}
		if got := string(sent[e.Source.Start:e.Source.End]); got != e.Source.Text {
			t.Errorf("event %s: source chars = %q, want %q", e.ID, got, e.Source.Text)
		}
		if len(e.Explain) == 0 {
			t.Errorf("event %s: no explain trace", e.ID)
		}
	}
}

const oneArticle = `{"articles": [{"id": "api-1", "date": "2024-05-02", "title": "Test", "source": "Test Wire",
	"text": "Azerbaijan accused Armenia of shelling its positions near Nakhchivan on Wednesday."}]}`

func TestSubmitTokenRule(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ro := newTestServer(t, Config{Store: st})
	_, rw := newTestServer(t, Config{Store: st, Token: "s3cret-token", MaxBody: 4096})
	for _, c := range []struct {
		name, url, token, body string
		status                 int
		msg                    string
	}{
		{"read-only server", ro.URL, "s3cret-token", oneArticle, 403, "read-only"},
		{"no token", rw.URL, "", oneArticle, 401, "missing bearer"},
		{"wrong token", rw.URL, "s3cret-tokeN", oneArticle, 403, "wrong token"},
		{"too large", rw.URL, "s3cret-token", `{"articles": [{"id": "x", "date": "2024-01-01", "text": "` + strings.Repeat("a", 5000) + `"}]}`, 413, "larger than 4096"},
		{"not JSON", rw.URL, "s3cret-token", `{"articles": [`, 400, "body"},
		{"unknown field", rw.URL, "s3cret-token", `{"articles": [], "extra": 1}`, 400, "unknown field"},
		{"no articles", rw.URL, "s3cret-token", `{"articles": []}`, 400, "no articles"},
		{"bad date", rw.URL, "s3cret-token", `[{"id": "x", "date": "02/05/2024", "text": "t"}]`, 400, "articles[0]: date"},
		{"no id", rw.URL, "s3cret-token", `[{"date": "2024-05-02", "text": "t"}]`, 400, "missing id"},
		{"right token", rw.URL, "s3cret-token", oneArticle, 201, ""},
	} {
		var e apiError
		status, h, body := call(t, "POST", c.url+"/api/v1/articles", c.token, c.body, &e)
		if status != c.status || c.msg != "" && !strings.Contains(e.Error, c.msg) {
			t.Errorf("%s: %d %s, want %d %q", c.name, status, body, c.status, c.msg)
		}
		if status == 401 && h.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", c.name)
		}
		if status == 201 {
			var res submitResult
			json.Unmarshal(body, &res)
			if res.Stored != 1 || res.Events == 0 {
				t.Errorf("%s: %+v", c.name, res)
			}
		}
	}
	// The stored article is readable with its text and highlights.
	var v articleView
	if status, _, body := call(t, "GET", ro.URL+"/api/v1/articles/api-1", "", "", &v); status != 200 || !v.Article.HasText || len(v.Events) == 0 || v.Events[0].SentenceOffset != 0 {
		t.Fatalf("stored article: %d %s", status, body)
	}
	// Submitting it again stores nothing new.
	var res submitResult
	call(t, "POST", rw.URL+"/api/v1/articles", "s3cret-token", oneArticle, &res)
	if res.Stored != 0 || res.Duplicate != 1 {
		t.Fatalf("resubmitted: %+v", res)
	}
	_, _, body := call(t, "GET", rw.URL+"/metrics", "", "", nil)
	if !strings.Contains(string(body), "flashpoint_articles_ingested_total 1") ||
		!strings.Contains(string(body), `route="POST /api/v1/articles",status="401"} 1`) {
		t.Errorf("metrics:\n%s", body)
	}
}

func TestPagesRender(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	for _, c := range []struct {
		path, want string
		status     int
	}{
		{"/", `href="/dyad/ARM-AZE?day=2024-04-04"`, 200},
		{"/dyad/ARM-AZE", `class="spike-marker"`, 200},
		{"/dyad/AZE-ARM?period=month", `data-until="2024-04-30"`, 200},
		{"/map", `<path data-id=`, 200},
		{"/article/" + seedArticle, `<mark class="trg">accused</mark>`, 200},
		{"/dyad/AZE", "A-B", 400},
		{"/dyad/ARM-AZE?day=tomorrow", "YYYY-MM-DD", 400},
		{"/article/nope", "not found", 404},
		{"/static/app.js", "textContent", 200},
		{"/static/nope.js", "no such resource", 404},
	} {
		status, h, body := call(t, "GET", ts.URL+c.path, "", "", nil)
		if status != c.status || !strings.Contains(string(body), c.want) {
			t.Errorf("GET %s = %d, want %d containing %q", c.path, status, c.status, c.want)
		}
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") && !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("GET %s: no CSP", c.path)
		}
	}
}

// Article text is untrusted: markup in it must come out escaped.
func TestUntrustedTextIsEscaped(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ts := newTestServer(t, Config{Store: st, Token: "t"})
	evil := `[{"id": "evil", "date": "2024-05-02", "title": "<script>alert(1)</script>", "url": "javascript:alert(1)",
		"text": "Azerbaijan accused Armenia <img src=x onerror=alert(1)> of shelling its positions near Nakhchivan."}]`
	if status, _, body := call(t, "POST", ts.URL+"/api/v1/articles", "t", evil, nil); status != 201 {
		t.Fatalf("%d %s", status, body)
	}
	_, _, body := call(t, "GET", ts.URL+"/article/evil", "", "", nil)
	page := string(body)
	for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`} {
		if strings.Contains(page, bad) {
			t.Errorf("article page contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("escaped text missing")
	}
}

func TestHealthz(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	var out map[string]any
	if status, _, _ := call(t, "GET", ts.URL+"/healthz", "", "", &out); status != http.StatusOK || out["status"] != "ok" {
		t.Fatalf("healthz: %d %v", status, out)
	}
}
