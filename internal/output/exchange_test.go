package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func strp(s string) *string { return &s }

// exchangeEvents covers a located fact, a claim at month precision, an
// organisation actor, a denial, and text with a tab in it.
func exchangeEvents() []event.Event {
	return []event.Event{
		{
			ID: "doc1-0-0", DocID: "doc1",
			Source: event.Actor{Code: "AZEMIL", Country: "AZE", Span: event.Span{Text: "Azerbaijani forces", Start: 0, End: 18}},
			Target: event.Actor{Code: "ARMGOVMIL", Country: "ARM", Span: event.Span{Text: "Armenian army", Start: 27, End: 40}},
			Code:   "190", Root: "19", QuadClass: 4, Goldstein: -10, Plover: "ASSAULT", PloverMode: "aerial",
			Date: "2024-03-05", DatePrecision: "day", DateText: "on Tuesday",
			Location: &event.Location{Text: "Shushi", Name: "Shusha", GeonameID: 585103, Lat: 39.7587, Lon: 46.7489,
				Country: "AZE", Admin1: "Shusha", Precision: "city", Confidence: 0.9},
			SentenceIndex: 0, Sentence: "Azerbaijani forces shelled Armenian army positions near Shushi on Tuesday.",
			Trigger: event.Span{Text: "shelled", Start: 19, End: 26},
		},
		{
			ID: "doc1-2-0", DocID: "doc1",
			Source: event.Actor{Code: "RUS", Country: "RUS", Span: event.Span{Text: "Moscow", Start: 0, End: 6}},
			Target: event.Actor{Code: "UKR", Country: "UKR", Span: event.Span{Text: "Kyiv", Start: 20, End: 24}},
			Code:   "0231", Root: "02", QuadClass: 1, Goldstein: 3.4, Plover: "REQUEST", PloverMode: "",
			Date: "2024-03", DatePrecision: "month", ClaimedBy: strp("UKRGOV"),
			SentenceIndex: 2, Sentence: "Moscow asked\tKyiv for aid in March, Ukraine's government said.",
			Trigger: event.Span{Text: "asked", Start: 7, End: 12},
		},
		{
			ID: "doc2-1-0", DocID: "doc2",
			Source: event.Actor{Code: "IGOUNO", Country: "IGO", Span: event.Span{Text: "the United Nations", Start: 0, End: 18}},
			Target: event.Actor{Code: "SYRREB", Country: "SYR", Span: event.Span{Text: "Syrian rebels", Start: 30, End: 43}},
			Code:   "111", Root: "11", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE",
			Date: "2024-W10", DatePrecision: "week",
			Location: &event.Location{Text: "Idlib province", Name: "Idlib", Lat: 35.8, Lon: 36.6, Country: "SYR",
				Admin1: "Idlib", Precision: "admin1", Confidence: 0.7},
			SentenceIndex: 1, Sentence: "The United Nations criticized Syrian rebels in Idlib province last week.",
			Trigger: event.Span{Text: "criticized", Start: 19, End: 29},
		},
		{
			ID: "doc2-3-1", DocID: "doc2",
			Source: event.Actor{Code: "SYRREB", Country: "SYR", Span: event.Span{Text: "The rebels", Start: 0, End: 10}},
			Target: event.Actor{Code: "IGOUNO", Country: "IGO", Span: event.Span{Text: "the UN", Start: 20, End: 26}},
			Code:   "111", Root: "11", QuadClass: 3, Goldstein: -2, Plover: "ACCUSE",
			Date: "", DatePrecision: "", Denies: strp("doc2-1-0"),
			Location:      &event.Location{Text: "Syria", Name: "Syria", Lat: 35, Lon: 38, Country: "SYR", Precision: "country"},
			SentenceIndex: 3, Sentence: "The rebels denied the UN report.",
			Trigger: event.Span{Text: "denied", Start: 11, End: 17},
		},
	}
}

func export(t *testing.T, format string) []byte {
	t.Helper()
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2024, 3, 7, 12, 30, 0, 0, time.UTC) }
	var buf bytes.Buffer
	w, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exchangeEvents() {
		if err := w.Write(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExchangeGolden(t *testing.T) {
	for _, format := range []string{"gdelt", "plover", "icews"} {
		t.Run(format, func(t *testing.T) {
			got := export(t, format)
			path := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s export differs from %s (go test -update rewrites it):\n%s", format, path, got)
			}
		})
	}
}

func TestEventDay(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-05": "2024-03-05", "2024-03-05T10:00": "2024-03-05", "2024-03": "2024-03-01", "2024": "2024-01-01",
		"2024-W10": "2024-03-04", "2020-W01": "2019-12-30", "2020s": "2020-01-01", "": "", "soon": "", "2024-13": "",
	} {
		got := ""
		if d, ok := eventDay(in); ok {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("eventDay(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumericIDStable(t *testing.T) {
	a, b := numericID("doc1-0-0"), numericID("doc1-0-1")
	if a <= 0 || b <= 0 || a == b || a != numericID("doc1-0-0") {
		t.Errorf("numericID: %d %d", a, b)
	}
}
