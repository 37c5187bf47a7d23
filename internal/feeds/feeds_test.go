package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		file, title string
		want        []event.Article // ID, Date, Title, Text (prefix), URL
	}{
		{"rss.xml", "Caucasus Wire", []event.Article{
			{ID: "cw-0001", Date: "2024-03-05", Title: "Shelling reported near Shusha", Text: "Azerbaijani forces shelled Armenian positions near Shusha on Monday.", URL: "http://example.test/news/1"},
			{ID: "cw-0002", Date: "2024-03-04", Title: "Ministers meet in Tbilisi", Text: "The Armenian foreign minister met his Azerbaijani counterpart in Tbilisi.\n\nBoth sides called the talks & the follow-up useful.", URL: "http://example.test/news/2"},
			{ID: "http://example.test/news/3", Date: "2024-03-04", Title: "No guid here", Text: "Turkish officials criticized Iran.", URL: "http://example.test/news/3"},
		}},
		{"atom.xml", "Levant Desk", []event.Article{
			{ID: "urn:levant:a", Date: "2024-03-04", Title: "Strikes near Aleppo", Text: "Israeli aircraft attacked Syrian positions near Aleppo.", URL: "http://example.test/levant/a"},
			{ID: "urn:levant:b", Date: "2024-03-03", Title: "Talks in Baghdad", Text: "Iraqi officials met Iranian diplomats in Baghdad.", URL: "http://example.test/levant/b"},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.title || len(f.Items) != len(tc.want) {
				t.Fatalf("title %q, %d items; want %q, %d", f.Title, len(f.Items), tc.title, len(tc.want))
			}
			p := &Poller{}
			for i, it := range f.Items {
				a := p.article(context.Background(), "feed", f.Title, it)
				w := tc.want[i]
				if a.ID != w.ID || a.Date != w.Date || a.Title != w.Title || a.Text != w.Text || a.URL != w.URL || a.Source != tc.title {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, a, w)
				}
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", "not xml at all", "<html><body>hi</body></html>"} {
		if _, err := Parse([]byte(s)); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}

// feedServer serves a feed with an ETag and Last-Modified and answers
// conditional requests with 304; fail makes it return 500.
type feedServer struct {
	mu           sync.Mutex
	body, etag   string
	fail         bool
	requests     int
	conditionals int
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if strings.HasPrefix(r.URL.Path, "/news/") {
		page, _ := os.ReadFile("testdata/article.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
		return
	}
	if s.fail {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	lm := "Tue, 05 Mar 2024 12:00:00 GMT"
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditionals++
		if r.Header.Get("If-None-Match") == s.etag && r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("ETag", s.etag)
	w.Header().Set("Last-Modified", lm)
	w.Write([]byte(s.body))
}

func TestPollConditional(t *testing.T) {
	for _, file := range []string{"rss.xml", "atom.xml"} {
		t.Run(file, func(t *testing.T) {
			data, _ := os.ReadFile("testdata/" + file)
			srv := &feedServer{body: string(data), etag: `"v1"`}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			var got []string
			p := &Poller{Emit: func(_ context.Context, a event.Article) error { got = append(got, a.ID); return nil }}
			ctx := context.Background()
			st, err := p.Poll(ctx, ts.URL+"/feed")
			if err != nil || st.New != st.Items || st.New == 0 {
				t.Fatalf("first poll: %+v, %v", st, err)
			}
			n := len(got)
			st, err = p.Poll(ctx, ts.URL+"/feed")
			if err != nil || !st.NotModified || len(got) != n || srv.conditionals != 1 {
				t.Fatalf("second poll: %+v, %v; %d conditional requests, %d items", st, err, srv.conditionals, len(got))
			}
			// The feed changes: one new item on top, the others stay.
			srv.mu.Lock()
			if file == "rss.xml" {
				srv.body = strings.Replace(srv.body, "<item>", "<item><title>New</title><guid>cw-9</guid><description>Russia threatened Georgia.</description></item>\n<item>", 1)
			} else {
				srv.body = strings.Replace(srv.body, "<entry>", "<entry><id>urn:levant:z</id><title>New</title><summary>Russia threatened Georgia.</summary></entry>\n<entry>", 1)
			}
			srv.etag = `"v2"`
			srv.mu.Unlock()
			st, err = p.Poll(ctx, ts.URL+"/feed")
			if err != nil || st.New != 1 || len(got) != n+1 {
				t.Fatalf("third poll: %+v, %v; emitted %v", st, err, got)
			}
		})
	}
}

func TestPollBackoff(t *testing.T) {
	srv := &feedServer{fail: true}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	p := &Poller{Interval: time.Minute, MaxDelay: 10 * time.Minute, Emit: func(context.Context, event.Article) error { return nil }}
	url := ts.URL + "/feed"
	var delays []time.Duration
	for range 5 {
		if _, err := p.Poll(context.Background(), url); err == nil {
			t.Fatal("no error from a failing feed")
		}
		delays = append(delays, p.Delay(url))
	}
	want := []time.Duration{2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 10 * time.Minute, 10 * time.Minute}
	for i := range want {
		if delays[i] != want[i] {
			t.Fatalf("delays %v, want %v", delays, want)
		}
	}
	data, _ := os.ReadFile("testdata/rss.xml")
	srv.mu.Lock()
	srv.fail, srv.body, srv.etag = false, string(data), `"x"`
	srv.mu.Unlock()
	if _, err := p.Poll(context.Background(), url); err != nil || p.Delay(url) != time.Minute {
		t.Fatalf("after recovery: %v, delay %v", err, p.Delay(url))
	}
}

// An item whose Emit fails is offered again at the next poll, even
// though the feed itself did not change.
func TestPollEmitRetry(t *testing.T) {
	data, _ := os.ReadFile("testdata/rss.xml")
	ts := httptest.NewServer(&feedServer{body: string(data), etag: `"v1"`})
	defer ts.Close()
	fail := true
	var got []string
	p := &Poller{Emit: func(_ context.Context, a event.Article) error {
		if fail && a.ID == "cw-0002" {
			return errors.New("queue down")
		}
		got = append(got, a.ID)
		return nil
	}}
	if _, err := p.Poll(context.Background(), ts.URL); err == nil {
		t.Fatal("want the emit error")
	}
	fail = false
	if st, err := p.Poll(context.Background(), ts.URL); err != nil || st.New != 1 {
		t.Fatalf("retry: %+v, %v", st, err)
	}
	if strings.Join(got, ",") != "cw-0001,http://example.test/news/3,cw-0002" {
		t.Fatalf("emitted %v", got)
	}
}

func TestFetchArticle(t *testing.T) {
	srv := &feedServer{}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	data, _ := os.ReadFile("testdata/rss.xml")
	srv.body, srv.etag = strings.ReplaceAll(string(data), "http://example.test", ts.URL), `"v1"`
	var arts []event.Article
	p := &Poller{FetchArticle: true, Emit: func(_ context.Context, a event.Article) error { arts = append(arts, a); return nil }}
	if _, err := p.Poll(context.Background(), ts.URL+"/feed"); err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if !strings.Contains(a.Text, "Armenia condemned the attack") || strings.Contains(a.Text, "not text") {
		t.Fatalf("fetched text: %q", a.Text)
	}
}
