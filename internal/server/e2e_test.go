package server

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// chromiumPath finds Debian's chromium; the test is skipped without it
// unless CI=true.
func chromiumPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found (scripts/test-services.sh installs it)")
	}
	t.Skip("chromium not found: install Debian's chromium package (scripts/test-services.sh) to run the browser test")
	return ""
}

// TestDashboardInChromium drives the dashboard served over the demo
// database in headless Chromium: overview → the AZE–ARM alert → the
// dyad timeline with its spike marker and the seed report as evidence →
// the map's points → the article view; and the overview at phone width.
func TestDashboardInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := chromiumPath(t)
	st := demoStore(t)
	ctx := context.Background()

	// The seed report's sentence the alert must show as evidence.
	alerts, err := tension.Alerts(ctx, st, tension.AlertFilter{Dyad: "AZE-ARM"})
	if err != nil || len(alerts) == 0 {
		t.Fatalf("demo alerts: %v %v", alerts, err)
	}
	seedSentence := ""
	for _, e := range alerts[0].Evidence {
		for _, a := range e.Articles {
			if a.ID == seedArticle {
				seedSentence = a.Sentence
			}
		}
	}
	if seedSentence == "" {
		t.Fatalf("seed report %s is not in the AZE-ARM alert's evidence", seedArticle)
	}

	s, err := New(Config{Store: st, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- s.Serve(sctx, ln) }()
	defer func() { stop(); <-served }()
	base := "http://" + ln.Addr().String()

	shots, err := os.MkdirTemp("", "flashpoint-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)
	profile := t.TempDir()

	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true), // screenshots as wide as the viewport
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// Start the browser on a context without a deadline (a deadline on
	// the first call would bound the browser's life), then bound each step.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	step := func() (context.Context, context.CancelFunc) { return context.WithTimeout(bctx, 30*time.Second) }
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		ctx, cancel := step()
		defer cancel()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	count := func(sel string) int {
		t.Helper()
		ctx, cancel := step()
		defer cancel()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	text := func(sel string) string {
		t.Helper()
		ctx, cancel := step()
		defer cancel()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	shot := func(name string) {
		t.Helper()
		ctx, cancel := step()
		defer cancel()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err == nil {
			err = os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		}
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
	}

	// Overview lists the alert.
	alertLink := `a.alert-link[data-dyad="ARM-AZE"]`
	do("overview", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(alertLink)))
	shot("1-overview")
	if at := text(alertLink); !strings.Contains(at, "ARM-AZE") || !strings.Contains(at, "baseline") {
		t.Fatalf("alert link text %q", at)
	}

	// Clicking it opens the dyad page: timeline, spike marker, evidence,
	// and the peak day's incidents listed by the script.
	do("dyad page",
		chromedp.Click(chromedp.CSS(alertLink)),
		chromedp.WaitVisible(chromedp.CSS(`svg#timeline polygon.spike-marker`)),
		chromedp.WaitVisible(chromedp.CSS(`#day-incidents li.incident`)),
	)
	shot("2-dyad")
	if m, e := count(`svg#timeline polygon.spike-marker`), count(`a[href="/article/`+seedArticle+`"]`); m == 0 || e == 0 {
		t.Fatalf("dyad page: %d spike markers, %d links to the seed report", m, e)
	}
	if body := text(`main`); !strings.Contains(body, seedSentence) {
		t.Fatalf("dyad page lacks the seed sentence %q", seedSentence)
	}
	if dt := text(`#day-title`); !strings.Contains(dt, alerts[0].PeakDay) {
		t.Fatalf("day panel %q, want the peak day %s", dt, alerts[0].PeakDay)
	}

	// Clicking another day of the timeline lists that day's incidents.
	day := alerts[0].FirstDay
	do("click a day",
		chromedp.Click(chromedp.CSS(`rect.day-hit[data-day="`+day+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`rect.day-hit.selected[data-day="`+day+`"]`), chromedp.NodeReady),
		chromedp.WaitVisible(chromedp.CSS(`#day-incidents li.incident`)),
	)
	if dt, n := text(`#day-title`), count(`#day-incidents li.incident`); !strings.Contains(dt, day) || n == 0 {
		t.Fatalf("after clicking %s: title %q, %d incidents", day, dt, n)
	}

	// The map shows points over the offline basemap.
	do("map", chromedp.Navigate(base+"/map"), chromedp.WaitReady(chromedp.CSS(`#points circle`)))
	shot("3-map")
	if p, c := count(`#points circle`), count(`svg#map .land path`); p == 0 || c < 150 {
		t.Fatalf("map: %d points, %d countries", p, c)
	}

	// The article view highlights source, target and trigger.
	do("article", chromedp.Navigate(base+"/article/"+seedArticle), chromedp.WaitVisible(chromedp.CSS(`#article-text`)))
	shot("4-article")
	if count(`#article-text a.hl.trg`) == 0 || count(`#article-text a.hl.src`) == 0 {
		t.Fatal("article view: no highlighted trigger or source")
	}

	// Phone width: nothing wider than the screen (the chart scrolls
	// inside its own box).
	do("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(alertLink)))
	shot("5-overview-phone")
	ctx2, cancel2 := step()
	defer cancel2()
	// The elements reaching past the screen's right edge, if any.
	wide, err := chromedp.Run(ctx2, chromedp.Evaluate[[]string](`(() => {
		const w = document.documentElement.clientWidth, out = [];
		for (const e of document.querySelectorAll("body *")) {
			const r = e.getBoundingClientRect();
			if (r.right > w + 1 && !e.closest(".chart-wrap, .incidents")) out.push(e.tagName + "." + e.className + " " + Math.round(r.right));
		}
		return out.slice(0, 8);
	})()`))
	if err != nil || len(wide) > 0 {
		t.Errorf("overview at 390 px: wider than the screen: %v %v", wide, err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
