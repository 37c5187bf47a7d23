package server

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
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

// screenshotDir is where the browser test writes its screenshots and
// downloads: the test's artifact directory under -outputdir when go
// test runs with -artifacts, else a temporary directory that is kept.
func screenshotDir(t *testing.T) string {
	if f := flag.Lookup("test.artifacts"); f != nil && f.Value.String() == "true" {
		return t.ArtifactDir()
	}
	dir, err := os.MkdirTemp("", "flashpoint-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// tab is a headless Chromium page with the test's helpers; every step
// is bounded by its own deadline.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string // the server's URL
	dir  string // screenshots and downloads
}

func (b *tab) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, 30*time.Second)
}

func (b *tab) do(name string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
}

// eval runs a JavaScript expression and returns its value.
func eval[T any](b *tab, js string) T {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("evaluate %.80s: %v", js, err)
	}
	return v
}

func (b *tab) count(sel string) int {
	b.t.Helper()
	return eval[int](b, `document.querySelectorAll(`+jsString(sel)+`).length`)
}

func (b *tab) text(sel string) string {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b *tab) location() string {
	b.t.Helper()
	return eval[string](b, `location.pathname + location.search + location.hash`)
}

func (b *tab) shot(name string) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	// a page still being laid out after a navigation has no width yet:
	// wait for its body before the shot
	err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("body")))
	var png []byte
	if err == nil {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(b.dir, name+".png"), png, 0o644)
	}
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
}

// download clicks a download link and returns the file as saved.
func (b *tab) download(sel string) (name string, body []byte) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	begin := chromedp.Events(ctx, browser.DownloadWillBegin)
	allow := true
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: b.dir, EventsEnabled: &allow})
			return err
		}),
		chromedp.Click(chromedp.CSS(sel)),
	); err != nil {
		b.t.Fatalf("download %s: %v", sel, err)
	}
	for ev, err := range begin {
		if err != nil {
			b.t.Fatalf("download %s: %v", sel, err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			b.t.Fatalf("download %s: %v", sel, err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			b.t.Fatalf("download %s canceled", sel)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	body, err := os.ReadFile(filepath.Join(b.dir, name))
	if err != nil {
		b.t.Fatalf("download %s: %v", sel, err)
	}
	return name, body
}

// fitsWidth reports the elements reaching past the right edge of the
// screen, outside the boxes that scroll sideways on purpose.
func (b *tab) wide() []string {
	b.t.Helper()
	return eval[[]string](b, `(() => {
		const w = document.documentElement.clientWidth, out = [];
		for (const e of document.querySelectorAll("body *")) {
			const r = e.getBoundingClientRect();
			// an svg clips what it draws: only the svg itself counts
			if (r.right > w + 1 && !e.ownerSVGElement && !e.closest(".chart-wrap, .incidents")) out.push(e.tagName + "." + e.className + " " + Math.round(r.right));
		}
		return out.slice(0, 8);
	})()`)
}

// TestDashboardInChromium drives the dashboard served over the demo
// database in headless Chromium and saves a screenshot of each view: the
// overview's alerts (with state and age), a search and a filter (both
// in the URL), the dyad timeline with its spike marker and evidence, a
// range zoom dragged on the timeline, an events download, every
// incident of an alert, the incident page, the alerts page, the map's
// clusters zoomed and filtered by dyad, the article view, and the
// overview and the map at phone width.
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

	dir := screenshotDir(t)
	t.Logf("screenshots and downloads in %s", dir)
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
		chromedp.UserDataDir(t.TempDir()),
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
	b := &tab{t: t, ctx: bctx, base: "http://" + ln.Addr().String(), dir: dir}

	driveOverview(b)
	driveDyad(b, alerts[0], seedSentence)
	driveAlertsAndIncident(b)
	driveMap(b)

	// The article view highlights source, target and trigger.
	b.do("article", chromedp.Navigate(b.base+"/article/"+seedArticle), chromedp.WaitVisible(chromedp.CSS(`#article-text`)))
	b.shot("09-article")
	if b.count(`#article-text a.hl.trg`) == 0 || b.count(`#article-text a.hl.src`) == 0 {
		t.Fatal("article view: no highlighted trigger or source")
	}

	// Phone width: nothing wider than the screen (the chart and tables
	// scroll inside their own box).
	b.do("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS(`a.alert-link`)))
	b.shot("10-overview-phone")
	if wide := b.wide(); len(wide) > 0 {
		t.Errorf("overview at 390 px: wider than the screen: %v", wide)
	}
	b.do("map at 400 px", chromedp.EmulateViewport(400, 800), chromedp.Navigate(b.base+"/map"),
		chromedp.WaitReady(chromedp.CSS(`#points g.cluster`)))
	b.do("zoom in at 400 px", chromedp.Click(chromedp.CSS(`#zoom-in`)), chromedp.WaitReady(chromedp.CSS(`svg#map[data-zoom="2.00"]`)))
	b.shot("11-map-phone")
	if wide := b.wide(); len(wide) > 0 {
		t.Errorf("map at 400 px: wider than the screen: %v", wide)
	}
}

// driveOverview: the alerts with their state and age, a search by
// country name, then a filter by CAMEO root and dyad, all in the URL.
func driveOverview(b *tab) {
	t := b.t
	alertLink := `a.alert-link[data-dyad="ARM-AZE"]`
	b.do("overview", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS(alertLink)))
	b.shot("01-overview")
	if at := b.text(alertLink); !strings.Contains(at, "ARM-AZE") || !strings.Contains(at, "baseline") {
		t.Fatalf("alert link text %q", at)
	}
	if st := strings.ToLower(b.text(`#alerts li .state`)); st != "resolved" && st != "active" {
		t.Errorf("alert state %q", st)
	}
	if age := b.text(`#alerts li .age`); !strings.Contains(age, "day") {
		t.Errorf("alert age %q", age)
	}
	// "Most escalating" lists only rises.
	ratios := eval[[]string](b, `[...document.querySelectorAll("#escalating tbody td:nth-child(4)")].map((td) => td.textContent)`)
	for _, r := range ratios {
		if strings.HasPrefix(r, "0.") || r == "1.0×" {
			t.Errorf("escalating dyads list a ratio of %s", r)
		}
	}

	// Search: a country by name.
	b.do("search",
		chromedp.SendKeys(chromedp.CSS(`#search input[name=q]`), "Armenia"),
		chromedp.Click(chromedp.CSS(`#search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#results table.incidents tbody tr`)),
	)
	b.shot("02-search")
	if loc := b.location(); loc != "/?q=Armenia" {
		t.Errorf("search URL %q, want /?q=Armenia (empty fields left out)", loc)
	}
	dyads := eval[[]string](b, `[...document.querySelectorAll("#results tbody td:nth-child(2)")].map((td) => td.textContent)`)
	if len(dyads) == 0 {
		t.Fatal("search for Armenia: no incidents")
	}
	for _, d := range dyads {
		if !strings.Contains(d, "ARM") {
			t.Errorf("search for Armenia lists %s", d)
		}
	}

	// Filters: CAMEO root 19 and the dyad ARM-AZE, kept with the search.
	b.do("filter",
		chromedp.SetValue(chromedp.CSS(`#search select[name=type]`), "19"),
		chromedp.SetValue(chromedp.CSS(`#search input[name=dyad]`), "ARM-AZE"),
		chromedp.Click(chromedp.CSS(`#search button[type=submit]`)),
		chromedp.WaitReady(chromedp.CSS(`#search select[name=type] option[value="19"][selected]`)),
	)
	b.shot("03-filter")
	if loc := b.location(); !strings.Contains(loc, "type=19") || !strings.Contains(loc, "dyad=ARM-AZE") || !strings.Contains(loc, "q=Armenia") {
		t.Errorf("filter URL %q", loc)
	}
	codes := eval[[]string](b, `[...document.querySelectorAll("#results tbody td:nth-child(3) .code")].map((e) => e.textContent)`)
	labels := eval[[]string](b, `[...document.querySelectorAll("#results tbody td:nth-child(3) .code-label")].map((e) => e.textContent)`)
	if len(codes) == 0 || len(labels) != len(codes) {
		t.Fatalf("filter type=19 dyad=ARM-AZE: codes %v, labels %v", codes, labels)
	}
	for i, c := range codes {
		if !strings.HasPrefix(c, "19") || labels[i] == "" {
			t.Errorf("filter type=19 lists %s %q", c, labels[i])
		}
	}
}

// driveDyad: the alert's link opens the timeline, with the spike
// marker, the seed report as evidence and the peak day's incidents; a
// day's click; a download; "show all" the alert's incidents; and a range
// zoom dragged across the timeline.
func driveDyad(b *tab, alert tension.Alert, seedSentence string) {
	t := b.t
	b.do("dyad page", chromedp.Navigate(b.base+"/"),
		chromedp.Click(chromedp.CSS(`a.alert-link[data-dyad="ARM-AZE"]`)),
		chromedp.WaitVisible(chromedp.CSS(`svg#timeline polygon.spike-marker`)),
		chromedp.WaitVisible(chromedp.CSS(`#day-incidents li.incident .code-label`)),
	)
	b.shot("04-dyad")
	if m, e := b.count(`svg#timeline polygon.spike-marker`), b.count(`a[href="/article/`+seedArticle+`"]`); m == 0 || e == 0 {
		t.Fatalf("dyad page: %d spike markers, %d links to the seed report", m, e)
	}
	if body := b.text(`main`); !strings.Contains(body, seedSentence) {
		t.Fatalf("dyad page lacks the seed sentence %q", seedSentence)
	}
	if dt := b.text(`#day-title`); !strings.Contains(dt, alert.PeakDay) {
		t.Fatalf("day panel %q, want the peak day %s", dt, alert.PeakDay)
	}
	// The timeline fills its box, with date and value ticks.
	if w := eval[[]float64](b, `[document.getElementById("timeline").getBoundingClientRect().width, document.querySelector(".chart-wrap").clientWidth]`); w[0] < w[1]-2 {
		t.Errorf("timeline %v px wide in a box of %v", w[0], w[1])
	}
	if b.count(`#timeline .tick-mark`) < 4 || b.count(`#timeline .grid line`) < 4 {
		t.Error("timeline without axis ticks")
	}
	// The day panel names articles by title.
	if links := eval[[]string](b, `[...document.querySelectorAll("#day-incidents .evidence a")].map((a) => a.textContent)`); len(links) == 0 || strings.HasPrefix(links[0], "demo-") {
		t.Errorf("day panel article links %q, want titles", links)
	}

	// Clicking another day of the timeline lists that day's incidents.
	day := alert.FirstDay
	b.do("click a day",
		chromedp.Click(chromedp.CSS(`rect.day-hit[data-day="`+day+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`rect.day-hit.selected[data-day="`+day+`"]`), chromedp.NodeReady),
		chromedp.WaitVisible(chromedp.CSS(`#day-incidents li.incident`)),
	)
	if dt, n := b.text(`#day-title`), b.count(`#day-incidents li.incident`); !strings.Contains(dt, day) || n == 0 {
		t.Fatalf("after clicking %s: title %q, %d incidents", day, dt, n)
	}

	// Download the dyad's events as CSV.
	name, body := b.download(`main > section nav.downloads a[href*="format=csv"][href*="/events"]`)
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if name != "events-csv.csv" || len(lines) < 10 || !strings.Contains(lines[0], "source") {
		t.Errorf("events download %s: %d lines, header %.80q", name, len(lines), lines[0])
	}
	for _, l := range lines[1:] {
		if !strings.Contains(l, "ARM") || !strings.Contains(l, "AZE") {
			t.Errorf("ARM-AZE download has the row %.120q", l)
			break
		}
	}

	// "Show all" lists every conflict incident of the alert.
	card := `#alert-` + itoa(int(alert.ID))
	b.do("show all", chromedp.Click(chromedp.CSS(card+` a.show-all`)),
		chromedp.WaitVisible(chromedp.CSS(card+` ol.all-incidents li.incident`)))
	if n := b.count(card + ` ol.all-incidents li.incident`); n != alert.Incidents {
		t.Errorf("show all: %d incidents, the alert has %d", n, alert.Incidents)
	}
	b.shot("05-dyad-show-all")

	// Drag across the timeline: the page shows that range.
	from, to := `rect.day-hit[data-day="2024-03-01"]`, `rect.day-hit[data-day="2024-04-15"]`
	b.do("range zoom", chromedp.DragAndDrop(chromedp.CSS(from), chromedp.CSS(to)),
		chromedp.WaitReady(chromedp.CSS(`form#zoom input[name=since][value="2024-03-01"]`)),
		chromedp.WaitVisible(chromedp.CSS(`svg#timeline`)))
	b.shot("06-dyad-zoomed")
	if loc := b.location(); !strings.Contains(loc, "since=2024-03-01") || !strings.Contains(loc, "until=2024-04-15") {
		t.Errorf("range zoom URL %q", loc)
	}
	if n := b.count(`rect.day-hit`); n != 46 {
		t.Errorf("zoomed timeline has %d days, want 46", n)
	}
}

// driveAlertsAndIncident: the alerts page (state, age, downloads), then
// an evidence incident's page.
func driveAlertsAndIncident(b *tab) {
	t := b.t
	b.do("alerts page", chromedp.Navigate(b.base+"/alerts"), chromedp.WaitVisible(chromedp.CSS(`article.alert-card`)))
	b.shot("07-alerts")
	if n, st := b.count(`article.alert-card`), b.count(`article.alert-card .state`); n < 5 || st != n {
		t.Errorf("alerts page: %d alerts, %d with a state", n, st)
	}
	if d := b.count(`article.alert-card nav.downloads a[href*="format=gdelt"]`); d == 0 {
		t.Error("alerts page: no downloads")
	}
	b.do("incident page", chromedp.Click(chromedp.CSS(`article.alert-card a.incident-link`)),
		chromedp.WaitVisible(chromedp.CSS(`article.event-card`)))
	b.shot("08-incident")
	if h := b.text(`h1`); !strings.HasPrefix(h, "Incident ") || !strings.HasPrefix(b.location(), "/incident/") {
		t.Errorf("incident page %q at %s", h, b.location())
	}
}

// driveMap: clusters sized by count with a legend, zoom by button and
// wheel, a pan, and the dyad filter.
func driveMap(b *tab) {
	t := b.t
	b.do("map", chromedp.Navigate(b.base+"/map"), chromedp.WaitReady(chromedp.CSS(`#points g.cluster`)))
	b.shot("12-map")
	clusters, c := b.count(`#points g.cluster`), b.count(`svg#map .land path`)
	if clusters == 0 || c < 150 || b.count(`.map-legend li`) < 5 {
		t.Fatalf("map: %d clusters, %d countries, no legend", clusters, c)
	}
	total := eval[int](b, `[...document.querySelectorAll("#points g.cluster")].reduce((n, g) => n + +g.dataset.n, 0)`)
	if total <= clusters {
		t.Errorf("map: %d incidents in %d clusters; want clustering", total, clusters)
	}
	// Zoom in twice: the view is a quarter as wide, and in the address.
	b.do("map zoom",
		chromedp.Click(chromedp.CSS(`#zoom-in`)),
		chromedp.Click(chromedp.CSS(`#zoom-in`)),
		chromedp.WaitReady(chromedp.CSS(`svg#map[data-zoom="4.00"]`)),
	)
	vb := eval[string](b, `document.getElementById("map").getAttribute("viewBox")`)
	if f := strings.Fields(vb); len(f) != 4 || f[2] != "90" {
		t.Errorf("zoomed viewBox %q, want 90 wide", vb)
	}
	if !strings.Contains(b.location(), "#") {
		t.Errorf("map zoom not in the URL: %s", b.location())
	}
	b.do("map pan", chromedp.DragAndDropXY(640, 500, 400, 500), chromedp.Sleep(100*time.Millisecond))
	if vb2 := eval[string](b, `document.getElementById("map").getAttribute("viewBox")`); vb2 == vb {
		t.Errorf("dragging did not pan the map (%s)", vb2)
	}
	b.shot("13-map-zoomed")

	// The dyad filter keeps the map to ARM-AZE, both ways.
	b.do("map dyad filter", chromedp.Navigate(b.base+"/map?dyad=ARM-AZE"), chromedp.WaitReady(chromedp.CSS(`#points g.cluster`)))
	pts := eval[[]float64](b, `[...document.querySelectorAll("#points circle")].flatMap((c) => [+c.getAttribute("cx")])`)
	for _, lon := range pts {
		if lon < 40 || lon > 50 {
			t.Errorf("ARM-AZE map has a point at longitude %v", lon)
		}
	}
	b.do("map cluster list", chromedp.Click(chromedp.CSS(`#points g.cluster`)), chromedp.WaitVisible(chromedp.CSS(`#map-list li a`)))
	b.shot("14-map-dyad")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
