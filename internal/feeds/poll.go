package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Poller polls feeds and emits each new item once as an article.
type Poller struct {
	Client   *http.Client  // nil: a client with a 30 s timeout
	Interval time.Duration // between polls of one feed; 0 means 5 minutes
	MaxDelay time.Duration // cap of the error backoff; 0 means 1 hour
	// FetchArticle fetches each new item's link and uses the page's
	// text instead of the feed's summary (when the page yields more).
	FetchArticle bool
	// Emit receives new items; an error is logged and the item retried
	// at the next poll.
	Emit func(context.Context, event.Article) error
	Logf func(format string, args ...any) // nil: silent
	Now  func() time.Time                 // nil: time.Now (tests)

	mu    sync.Mutex
	state map[string]*feedState
}

// feedState is what the poller remembers about one feed.
type feedState struct {
	etag, lastModified string
	seen               map[string]bool // item ids in the last response
	failures           int
	next               time.Time
}

// MaxBody bounds a feed or page download.
const MaxBody = 8 << 20

// Stats reports one poll of one feed.
type Stats struct {
	NotModified bool
	Items       int // items in the feed
	New         int // emitted
}

func (p *Poller) client() *http.Client {
	if p.Client != nil {
		return p.Client
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) logf(format string, args ...any) {
	if p.Logf != nil {
		p.Logf(format, args...)
	}
}

func (p *Poller) feed(url string) *feedState {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == nil {
		p.state = map[string]*feedState{}
	}
	s, ok := p.state[url]
	if !ok {
		s = &feedState{seen: map[string]bool{}}
		p.state[url] = s
	}
	return s
}

// Run polls every feed until ctx ends, each on its own schedule.
func (p *Poller) Run(ctx context.Context, urls []string) error {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			for {
				if st, err := p.Poll(ctx, u); err != nil {
					p.logf("feed %s: %v (next try in %v)", u, err, p.Delay(u))
				} else if st.New > 0 {
					p.logf("feed %s: %d new of %d items", u, st.New, st.Items)
				}
				t := time.NewTimer(p.Delay(u))
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-t.C:
				}
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// Delay is how long to wait before the next poll of url: the interval,
// doubled for each consecutive failure up to MaxDelay.
func (p *Poller) Delay(url string) time.Duration {
	interval, maxDelay := p.Interval, p.MaxDelay
	if interval <= 0 {
		interval = 5 * time.Minute
	}
	if maxDelay <= 0 {
		maxDelay = time.Hour
	}
	s := p.feed(url)
	d := interval
	for i := 0; i < s.failures && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// Poll fetches one feed once, with the validators of the last success,
// and emits the items not seen before.
func (p *Poller) Poll(ctx context.Context, url string) (Stats, error) {
	s := p.feed(url)
	st, err := p.poll(ctx, url, s)
	if err != nil {
		s.failures++
	} else {
		s.failures = 0
	}
	return st, err
}

func (p *Poller) poll(ctx context.Context, url string, s *feedState) (Stats, error) {
	var st Stats
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return st, err
	}
	req.Header.Set("User-Agent", "flashpoint-watch/1")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if s.etag != "" {
		req.Header.Set("If-None-Match", s.etag)
	}
	if s.lastModified != "" {
		req.Header.Set("If-Modified-Since", s.lastModified)
	}
	resp, err := p.client().Do(req)
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		st.NotModified = true
		return st, nil
	}
	if resp.StatusCode != http.StatusOK {
		return st, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	if err != nil {
		return st, err
	}
	f, err := Parse(body)
	if err != nil {
		return st, err
	}
	st.Items = len(f.Items)
	seen := make(map[string]bool, len(f.Items))
	var emitErr error
	for _, it := range f.Items {
		if it.ID == "" {
			continue
		}
		if s.seen[it.ID] {
			seen[it.ID] = true
			continue
		}
		a := p.article(ctx, url, f.Title, it)
		if err := p.Emit(ctx, a); err != nil {
			emitErr = errors.Join(emitErr, err)
			continue // not marked seen: retried next time
		}
		seen[it.ID] = true
		st.New++
	}
	// Only items still in the feed are remembered, so memory stays
	// bounded by the feed's size.
	s.seen = seen
	if emitErr != nil {
		return st, emitErr // keep the validators: the next poll must see the items again
	}
	s.etag, s.lastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return st, nil
}

// article turns an item into an article dated by its publication day
// (UTC), or today when the feed gives no date.
func (p *Poller) article(ctx context.Context, feedURL, feedTitle string, it Item) event.Article {
	day := it.Published
	if day.IsZero() {
		day = p.now().UTC()
	}
	text, _ := htmlText(it.Content)
	if p.FetchArticle && it.Link != "" {
		if page, err := p.fetchText(ctx, it.Link); err != nil {
			p.logf("item %s: %v (keeping the feed's text)", it.Link, err)
		} else if len(page) > len(text) {
			text = page
		}
	}
	title, _ := htmlText(it.Title)
	return event.Article{ID: it.ID, Date: day.Format(time.DateOnly), Title: title, Text: text,
		URL: it.Link, Source: feedTitle, Origin: feedURL}
}

// fetchText downloads a linked page and reduces it to text.
func (p *Poller) fetchText(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("User-Agent", "flashpoint-watch/1")
	resp, err := p.client().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") && !strings.HasPrefix(ct, "text/") {
		return "", fmt.Errorf("content type %s is not text", ct)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	if err != nil {
		return "", err
	}
	text, _ := htmlText(string(body))
	return text, nil
}
