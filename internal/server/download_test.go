package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/store"
)

// TestBackgroundFilterAndDownloads: history never leaks into formats
// that cannot mark it, the map or a filtered page; downloads stream
// every matching row as a file.
func TestBackgroundFilterAndDownloads(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	get := func(path string) (int, string, []byte) {
		t.Helper()
		status, h, body := call(t, "GET", ts.URL+path, "", "", nil)
		return status, h.Get("Content-Disposition"), body
	}
	lines := func(b []byte) int { return bytes.Count(b, []byte("\n")) }

	_, _, all := get("/api/v1/events?format=jsonl&dyad=AZE-ARM&pair=true&background=include")
	_, _, news := get("/api/v1/events?format=jsonl&dyad=AZE-ARM&pair=true&background=exclude")
	_, _, hist := get("/api/v1/events?format=jsonl&dyad=AZE-ARM&pair=true&background=only")
	if lines(hist) == 0 || lines(all) != lines(news)+lines(hist) {
		t.Fatalf("AZE-ARM events: all %d, news %d, history %d", lines(all), lines(news), lines(hist))
	}
	for _, tc := range []struct {
		path, disposition string
		rows              int // -1: as many as news (header excluded)
	}{
		{"/api/v1/events?format=gdelt&dyad=AZE-ARM&pair=true", "events-gdelt.tsv", lines(news)},
		{"/api/v1/events?format=plover&dyad=AZE-ARM&pair=true", "events-plover.jsonl", lines(news)},
		{"/api/v1/events?format=gdelt&dyad=AZE-ARM&pair=true&background=include", "events-gdelt.tsv", lines(all)},
		{"/api/v1/events?format=csv&dyad=AZE-ARM&pair=true", "events-csv.csv", lines(all) + 1},
	} {
		status, disp, body := get(tc.path)
		if status != 200 || !strings.Contains(disp, tc.disposition) || lines(body) != tc.rows {
			t.Errorf("%s: %d %q, %d rows, want 200 %s with %d", tc.path, status, disp, lines(body), tc.disposition, tc.rows)
		}
	}
	status, _, body := get("/api/v1/incidents?format=csv&root=19&since=2024-04-01")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if status != 200 || err != nil || len(rows) < 2 {
		t.Fatalf("incidents csv: %d %v %d rows", status, err, len(rows))
	}
	for _, r := range rows[1:] {
		if r[8] != "false" {
			t.Errorf("incidents --root 19 --since 2024-04-01 lists history: %v", r)
		}
	}
	var pts struct{ Items []store.Point }
	_, _, body = get("/api/v1/points?dyad=AZE-ARM")
	json.Unmarshal(body, &pts)
	for _, p := range pts.Items {
		var in struct{ Background bool }
		_, _, b := get("/api/v1/incidents/" + itoa64(p.Incident))
		json.Unmarshal(b, &in)
		if in.Background {
			t.Errorf("map point %+v is history", p)
		}
	}
	if status, _, body := get("/api/v1/events?background=maybe"); status != 400 || !strings.Contains(string(body), "background") {
		t.Errorf("background=maybe: %d %s", status, body)
	}
	if status, _, _ := get("/api/v1/events?format=xml"); status != 400 {
		t.Errorf("format=xml: %d", status)
	}
}

func itoa64(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
