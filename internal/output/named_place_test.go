package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// TestNamedPlaceExports checks that a place no gazetteer holds (precision
// "named") leaves every exchange format at its country's level with no
// coordinates, never at 0°, 0°.
func TestNamedPlaceExports(t *testing.T) {
	ev := event.Event{ID: "a-1", DocID: "a", Code: "194", Root: "19", QuadClass: 4, Goldstein: -9, Date: "2024-04-01",
		DatePrecision: "day", Source: event.Actor{Code: "AZEMIL", Country: "AZE"}, Target: event.Actor{Code: "ARM", Country: "ARM"},
		Location: &event.Location{Text: "Sotk", Name: "Sotk", Country: "ARM", Precision: "named", Confidence: 0.3}}
	for _, tc := range []struct {
		format string
		ok     func(string) bool
	}{
		{"gdelt", func(s string) bool {
			return strings.Contains(s, "\t1\tSotk, Armenia\tAM\tAM\t\t\t\t") || strings.Contains(s, "\t1\tArmenia\tAM\tAM\t\t\t\t")
		}},
		{"plover", func(s string) bool {
			return !strings.Contains(s, `"lat"`) && strings.Contains(s, `"extracted_place":"Sotk"`)
		}},
		{"icews", func(s string) bool { return strings.HasSuffix(s, "\tArmenia\t\t\n") }},
	} {
		var b bytes.Buffer
		w, err := New(tc.format, &b)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&ev); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if !tc.ok(b.String()) {
			t.Errorf("%s: %q", tc.format, b.String())
		}
	}
}
