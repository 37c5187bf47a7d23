package server

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// getPage fetches a page and fails unless it answers status.
func getPage(t *testing.T, base, path string, status int) string {
	t.Helper()
	code, _, body := call(t, "GET", base+path, "", "", nil)
	if code != status {
		t.Fatalf("GET %s = %d, want %d: %.300s", path, code, status, body)
	}
	return string(body)
}

// section is the part of a page from the element with id to the end of
// its section.
func section(page, id string) string {
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], "</section>")
	if j < 0 {
		return page[i:]
	}
	return page[i : i+j]
}

var (
	rowDyad = regexp.MustCompile(`>([A-Z0-9]+)→([A-Z0-9]+)</a>`)
	rowCode = regexp.MustCompile(`<span class="code q\d">(\d+)</span> <span class="code-label">([^<]*)</span>`)
)

// The overview's search: a country by name, a dyad, a CAMEO root or a
// PLOVER type, dates and background, all read from the URL; the matches
// come with CAMEO labels and the downloads of the same search.
func TestOverviewSearch(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	page := getPage(t, ts.URL, "/?q=Armenia", 200)
	res := section(page, "results")
	if !strings.Contains(page, "Searching for Armenia: ARM") || res == "" {
		t.Fatalf("search for Armenia: no results section or reading")
	}
	rows := rowDyad.FindAllStringSubmatch(res, -1)
	if len(rows) == 0 {
		t.Fatal("search for Armenia: no incidents")
	}
	for _, r := range rows {
		if r[1] != "ARM" && r[2] != "ARM" {
			t.Errorf("search for Armenia lists %s→%s", r[1], r[2])
		}
	}
	if !strings.Contains(res, "/api/v1/events?background=exclude&amp;country=ARM&amp;format=gdelt") {
		t.Errorf("search for Armenia: no GDELT download of the search")
	}

	// A PLOVER type keeps the codes the official table gives it.
	res = section(getPage(t, ts.URL, "/?dyad=ARM-AZE&type=ASSAULT&since=2024-03-01&until=2024-04-30", 200), "results")
	codes := rowCode.FindAllStringSubmatch(res, -1)
	if len(codes) == 0 {
		t.Fatal("ARM-AZE ASSAULT: no incidents")
	}
	for _, c := range codes {
		if !strings.HasPrefix(c[1], "18") && !strings.HasPrefix(c[1], "19") && !strings.HasPrefix(c[1], "20") || c[2] == "" {
			t.Errorf("ARM-AZE ASSAULT lists %s %q", c[1], c[2])
		}
	}
	for _, r := range rowDyad.FindAllStringSubmatch(res, -1) {
		if r[1]+r[2] != "ARMAZE" && r[1]+r[2] != "AZEARM" {
			t.Errorf("dyad ARM-AZE lists %s→%s", r[1], r[2])
		}
	}
	if strings.Contains(res, "format=csv") {
		t.Error("a PLOVER search offers downloads the API cannot filter")
	}

	// History only when asked.
	without := section(getPage(t, ts.URL, "/?dyad=ARM-AZE&until=2000-12-31", 200), "results")
	with := section(getPage(t, ts.URL, "/?dyad=ARM-AZE&until=2000-12-31&background=include", 200), "results")
	if strings.Contains(without, `badge bg`) || !strings.Contains(with, `badge bg`) {
		t.Errorf("background: shown by default %v, shown when included %v", strings.Contains(without, `badge bg`), strings.Contains(with, `badge bg`))
	}

	for path, msg := range map[string]string{
		"/?q=Narnia":                          "no actor or country",
		"/?type=PEACE":                        "PLOVER type",
		"/?dyad=actor:AZEMIL-ARM":             "countries only",
		"/?since=2024-05-01&until=2024-04-01": "after until",
		"/?country=ARM":                       "unknown parameter",
	} {
		if body := getPage(t, ts.URL, path, 400); !strings.Contains(body, msg) {
			t.Errorf("GET %s: want %q in the error", path, msg)
		}
	}
}

// "Most escalating" lists rises only; alerts carry their state and age.
func TestOverviewRankingsAndAlerts(t *testing.T) {
	s, ts := newTestServer(t, Config{Store: demoStore(t)})
	v, err := s.loadOverview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Escalating) == 0 {
		t.Fatal("no escalating dyads in the demo")
	}
	for _, e := range v.Escalating {
		if e.Ratio <= 1 {
			t.Errorf("escalating lists %s at %.2f×", e.Name, e.Ratio)
		}
	}
	page := getPage(t, ts.URL, "/", 200)
	if !strings.Contains(page, `<span class="state resolved">resolved</span> <span class="age">resolved 88 days ago</span>`) {
		t.Errorf("overview: the ARM-AZE alert's state and age are missing")
	}
}

func TestAlertRows(t *testing.T) {
	al := []tension.Alert{
		{FirstDay: "2024-06-20", LastDay: "2024-06-28"},
		{FirstDay: "2024-03-28", LastDay: "2024-04-04"},
		{FirstDay: "2024-07-01", LastDay: "2024-07-01"},
	}
	got := alertRows(al, "2024-07-01")
	for i, want := range []struct {
		active bool
		age    string
		lasted int
	}{{true, "active for 12 days", 9}, {false, "resolved 88 days ago", 8}, {true, "active for 1 day", 1}} {
		if g := got[i]; g.Active != want.active || g.Age != want.age || g.Lasted != want.lasted {
			t.Errorf("alert %d: %v %q %d, want %v %q %d", i, g.Active, g.Age, g.Lasted, want.active, want.age, want.lasted)
		}
	}
	if q := got[1].IncidentQuery; !strings.Contains(q, "since=2024-03-28") || !strings.Contains(q, "pair=true") {
		t.Errorf("alert incidents query %q", q)
	}
}

func TestAlertsPage(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	page := getPage(t, ts.URL, "/alerts", 200)
	if n := strings.Count(page, `class="alert-card`); n < 5 || !strings.Contains(page, "As of 2024-07-01") {
		t.Errorf("alerts page: %d alerts", n)
	}
	if !strings.Contains(getPage(t, ts.URL, "/alerts?state=active", 200), "No active alerts.") {
		t.Error("the demo has no active alert")
	}
	page = getPage(t, ts.URL, "/alerts?dyad=ARM-AZE", 200)
	if n := strings.Count(page, `class="alert-card`); n != 1 || !strings.Contains(page, "format=plover") {
		t.Errorf("ARM-AZE alerts: %d, downloads %v", n, strings.Contains(page, "format=plover"))
	}
	getPage(t, ts.URL, "/alerts?state=firing", 400)
}

// "incident N" links land on the incident's page, with each report's
// sentence and its article by title.
func TestIncidentPage(t *testing.T) {
	st := demoStore(t)
	_, ts := newTestServer(t, Config{Store: st})
	evs, err := st.ArticleEvents(context.Background(), seedArticle)
	if err != nil || len(evs) == 0 || evs[0].IncidentID == 0 {
		t.Fatalf("seed events: %v %v", evs, err)
	}
	art := getPage(t, ts.URL, "/article/"+seedArticle, 200)
	link := fmt.Sprintf(`href="/incident/%d"`, evs[0].IncidentID)
	if !strings.Contains(art, link) {
		t.Errorf("article page lacks %s", link)
	}
	page := getPage(t, ts.URL, fmt.Sprintf("/incident/%d", evs[0].IncidentID), 200)
	for _, want := range []string{fmt.Sprintf("Incident %d:", evs[0].IncidentID), `href="/article/` + seedArticle + `#ev-`,
		"Azerbaijan and Armenia trade blame over border shooting", `class="code-label"`, "format=gdelt"} {
		if !strings.Contains(page, want) {
			t.Errorf("incident page lacks %q", want)
		}
	}
	getPage(t, ts.URL, "/incident/0", 400)
	getPage(t, ts.URL, "/incident/x", 400)
	getPage(t, ts.URL, "/incident/999999999", 404)
}

// The timeline zooms to a range given in the URL, keeps it across
// periods, and its downloads cover the range.
func TestDyadZoom(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	page := getPage(t, ts.URL, "/dyad/ARM-AZE?since=2024-03-01&until=2024-04-15", 200)
	if n := strings.Count(page, `class="day-hit`); n != 46 {
		t.Errorf("zoomed timeline: %d days, want 46", n)
	}
	for _, want := range []string{`/api/v1/events?dyad=ARM-AZE&amp;format=csv&amp;pair=true&amp;since=2024-03-01&amp;until=2024-04-15`,
		`href="/dyad/ARM-AZE?period=week&amp;since=2024-03-01&amp;until=2024-04-15"`, `class="tick-mark"`, `>reset</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("zoomed dyad page lacks %s", want)
		}
	}
	getPage(t, ts.URL, "/dyad/ARM-AZE?since=2024-04-15&until=2024-03-01", 400)
}

func TestMapPageFilters(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	page := getPage(t, ts.URL, "/map?dyad=ARM-AZE&q=Armenia", 200)
	if !strings.Contains(page, `data-points="background=exclude&amp;country=ARM&amp;dyad=ARM-AZE background=exclude&amp;country=ARM&amp;dyad=AZE-ARM"`) {
		t.Errorf("map: the dyad is not asked both ways: %s", regexp.MustCompile(`data-points="[^"]*"`).FindString(page))
	}
	if !strings.Contains(getPage(t, ts.URL, "/map?code=19", 200), `<option value="19" selected>`) {
		t.Error("map: code= is not read as the type")
	}
	getPage(t, ts.URL, "/map?type=ASSAULT", 400)
}

func TestChartAxes(t *testing.T) {
	ticks, top := axisTicks(6.9, 160, 150)
	if top != 8 || len(ticks) != 5 || ticks[0].X != 160 || ticks[4].X != 10 || ticks[2].Label != "4" {
		t.Errorf("axis ticks for 6.9: %v top %v", ticks, top)
	}
	var days []tension.Day
	for d := 0; d < 365; d++ {
		days = append(days, tension.Day{Day: fmt.Sprintf("2023-%s", dayOfYear(d))})
	}
	if ticks, top := axisTicks(1.3, 100, 100); top != 1.5 || ticks[3].Label != "1.5" || ticks[1].Label != "0.5" {
		t.Errorf("axis ticks for 1.3: %v top %v", ticks, top)
	}
	c := buildChart(days, nil, tension.Daily)
	if len(c.Ticks) < 6 || c.Columns[len(c.Columns)-1].X+c.Columns[0].W > c.Right+0.01 || c.Columns[len(c.Columns)-1].X+c.Columns[0].W < c.Right-0.01 {
		t.Errorf("a year: %d ticks, last column ends at %v of %v", len(c.Ticks), c.Columns[len(c.Columns)-1].X+c.Columns[0].W, c.Right)
	}
	for i := 1; i < len(c.Ticks); i++ {
		if c.Ticks[i].X-c.Ticks[i-1].X < tickGap || c.Ticks[i].X > chartWidth-tickGap {
			t.Errorf("ticks %v too close or past the edge", c.Ticks)
		}
	}
	c = buildChart(days[:40], nil, tension.Daily)
	if c.Ticks[1].Label[:2] != "01" || len(c.Ticks) < 4 {
		t.Errorf("40 days: ticks %v, want weekly", c.Ticks)
	}
}

// dayOfYear is the MM-DD of day d (0-based) of a non-leap year.
func dayOfYear(d int) string {
	months := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	m := 0
	for d >= months[m] {
		d -= months[m]
		m++
	}
	return fmt.Sprintf("%02d-%02d", m+1, d+1)
}

// The new views carry no inline script, have the security headers and
// escape what the search echoes.
func TestNewViewsAreSafe(t *testing.T) {
	st := demoStore(t)
	_, ts := newTestServer(t, Config{Store: st})
	evs, err := st.ArticleEvents(context.Background(), seedArticle)
	if err != nil || len(evs) == 0 {
		t.Fatal(err)
	}
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|\son[a-z]+\s*=|javascript:|\sstyle=`)
	for _, path := range []string{"/alerts", fmt.Sprintf("/incident/%d", evs[0].IncidentID), "/?q=Armenia&type=19", "/map?dyad=ARM-AZE",
		"/dyad/ARM-AZE?since=2024-03-01", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/?dyad=%22%3E%3Cimg%20src=x%3E"} {
		_, h, b := call(t, "GET", ts.URL+path, "", "", nil)
		if m := inline.Find(b); m != nil {
			t.Errorf("GET %s: inline script or style %q", path, m)
		}
		for _, raw := range []string{"<script>alert", "<img src=x"} {
			if strings.Contains(string(b), raw) {
				t.Errorf("GET %s: unescaped %q", path, raw)
			}
		}
		checkSecurityHeaders(t, path, h)
	}
}
