package output

// Each exchange export is loaded the way its users load it, with a
// reader built from the format's own documentation (the GDELT 2.0
// codebook's columns and types, the PLOVER manual's field names, the
// ICEWS columns) rather than with this package's code.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"github.com/flashpoint/flashpoint/internal/verbs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// dataLines reads a testdata file without comments and blank lines.
func dataLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// exportWith writes the test events with the store's metadata.
func exportWith(t *testing.T, format string, m *Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exchangeEvents() {
		if err := WriteWith(w, &e, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var storeMeta = &Meta{URL: "https://example.org/news/1", Publisher: "Caspian Wire", Title: "Border clash",
	Added: time.Date(2024, 3, 6, 8, 15, 0, 0, time.UTC), Mentions: 5, Sources: 3, Articles: 4}

func TestGDELTCodebookReader(t *testing.T) {
	type column struct{ name, typ string }
	var cols []column
	for _, l := range dataLines(t, "testdata/gdelt2_codebook.tsv") {
		name, typ, _ := strings.Cut(l, "\t")
		cols = append(cols, column{name, typ})
	}
	r := csv.NewReader(bytes.NewReader(exportWith(t, "gdelt", storeMeta)))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = '\t', len(cols), true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("GDELT reader: %v", err)
	}
	if len(rows) != len(exchangeEvents()) {
		t.Fatalf("%d rows, want %d", len(rows), len(exchangeEvents()))
	}
	adm1 := regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{0,3}$`)
	for i, row := range rows {
		rec := map[string]string{}
		for j, c := range cols {
			v := row[j]
			rec[c.name] = v
			if v == "" {
				continue // NULL
			}
			switch c.typ {
			case "INTEGER":
				if _, err := strconv.ParseInt(v, 10, 64); err != nil {
					t.Errorf("row %d %s = %q: not an INTEGER", i, c.name, v)
				}
			case "FLOAT":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("row %d %s = %q: not a FLOAT", i, c.name, v)
				}
			}
		}
		if rec["NumMentions"] != "5" || rec["NumSources"] != "3" || rec["NumArticles"] != "4" {
			t.Errorf("row %d: counts %s/%s/%s, want the incident's 5/3/4", i, rec["NumMentions"], rec["NumSources"], rec["NumArticles"])
		}
		if rec["DATEADDED"] != "20240306081500" || rec["SOURCEURL"] != storeMeta.URL {
			t.Errorf("row %d: DATEADDED %s SOURCEURL %s, want the ingest time and the article URL", i, rec["DATEADDED"], rec["SOURCEURL"])
		}
		if rec["ActionGeo_Type"] == "0" {
			continue
		}
		if a := rec["ActionGeo_ADM1Code"]; !adm1.MatchString(a) || !strings.HasPrefix(a, rec["ActionGeo_CountryCode"]) {
			t.Errorf("row %d: ActionGeo_ADM1Code %q, want FIPS country %q + ADM1 code", i, a, rec["ActionGeo_CountryCode"])
		}
		parts := strings.Split(rec["ActionGeo_FullName"], ", ")
		want := map[string]int{"1": 1, "2": 2, "5": 2, "3": 3, "4": 3}[rec["ActionGeo_Type"]]
		if len(parts) != want {
			t.Errorf("row %d: ActionGeo_FullName %q for type %s, want %d parts (City, ADM1, Country)", i, rec["ActionGeo_FullName"], rec["ActionGeo_Type"], want)
		}
	}
	if got := rows[0]; got[53] != "AJ" || got[54] != "AJ55" || got[52] != "Shusha, Shusha, Azerbaijan" {
		t.Errorf("Shusha: country %q ADM1 %q FullName %q", got[53], got[54], got[52])
	}
}

func TestPLOVERManualReader(t *testing.T) {
	fields := map[string]map[string]bool{}
	for _, l := range dataLines(t, "testdata/plover_manual_fields.txt") {
		obj, names, _ := strings.Cut(l, "\t")
		fields[obj] = map[string]bool{}
		for _, n := range strings.Fields(names) {
			fields[obj][n] = true
		}
	}
	table, err := os.ReadFile("../verbs/data/cameo2plover.txt")
	if err != nil {
		t.Fatal(err)
	}
	known := func(obj, name string) bool { return fields[obj][name] || fields["ext"][name] }
	sc := bufio.NewScanner(bytes.NewReader(exportWith(t, "plover", storeMeta)))
	for sc.Scan() {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		for name, raw := range rec {
			if !known("record", name) {
				t.Errorf("field %q is not in the PLOVER manual", name)
			}
			sub := map[string]string{"text_info": "text_info", "cite_info": "cite_info", "event_loc": "event_loc"}[name]
			if name == "actor" || name == "recipient" {
				var ents []map[string]any
				if err := json.Unmarshal(raw, &ents); err != nil {
					t.Errorf("%s: want a list of entity objects: %v", name, err)
				}
				for _, e := range ents {
					for k := range e {
						if !known("entity", k) {
							t.Errorf("%s field %q is not in the manual's entity object", name, k)
						}
					}
				}
			}
			if sub != "" {
				var o map[string]any
				if err := json.Unmarshal(raw, &o); err != nil {
					t.Errorf("%s: want an object: %v", name, err)
				}
				for k := range o {
					if !known(sub, k) {
						t.Errorf("%s field %q is not in the manual", name, k)
					}
				}
			}
		}
		for name := range fields["required"] {
			if _, ok := rec[name]; !ok {
				t.Errorf("record lacks required field %q: %s", name, sc.Text())
			}
		}
		var r struct {
			Date      string   `json:"date"`
			Event     []string `json:"event"`
			Mode      []string `json:"mode"`
			Context   []string `json:"context"`
			CAMEOCode string   `json:"cameo_code"`
		}
		json.Unmarshal(sc.Bytes(), &r)
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil && r.Date != "" {
			t.Errorf("date %q: want YYYY-MM-DD", r.Date)
		}
		if len(r.Event) != 1 || !fields["types"][r.Event[0]] {
			t.Errorf("event %v: want one of the 16 PLOVER types", r.Event)
		}
		// mode and contexts as the official table's line for the code says
		for _, m := range append(r.Mode, r.Context...) {
			if !regexp.MustCompile(`(?m)^` + r.CAMEOCode + `:[^#\n]*\b` + regexp.QuoteMeta(m) + `\b`).Match(table) {
				t.Errorf("code %s: mode/context %q is not the table's", r.CAMEOCode, m)
			}
		}
	}
}

func TestPLOVERTable(t *testing.T) {
	for _, tc := range []struct{ code, typ, mode, context string }{
		{"057", "SUPPORT", "", "diplomatic"},
		{"194", "ASSAULT", "heavy-weapons", "military"},
		{"1384", "THREATEN", "violence", "military"},
		{"163", "COERCE", "restrict", "diplomatic"},
		{"046", "CONSULT", "", "diplomatic"},
		{"1124", "ACCUSE", "allege", "military,legal"},
		{"0874", "RETREAT", "disarm", "military"},
	} {
		c, ok := verbs.PloverOf(tc.code)
		if !ok || c.Type != tc.typ || c.Mode != tc.mode || strings.Join(c.Contexts, ",") != tc.context {
			t.Errorf("verbs.PloverOf(%s) = %+v %v, want %s %q %q", tc.code, c, ok, tc.typ, tc.mode, tc.context)
		}
	}
	if _, ok := verbs.PloverOf("010"); ok {
		t.Errorf("010 is not in the table")
	}
}

func TestICEWSReader(t *testing.T) {
	cols := dataLines(t, "testdata/icews_columns.txt")
	r := csv.NewReader(bytes.NewReader(exportWith(t, "icews", storeMeta)))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = '\t', len(cols), true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("ICEWS reader: %v", err)
	}
	if strings.Join(rows[0], "|") != strings.Join(cols, "|") {
		t.Fatalf("header %q, want %q", rows[0], cols)
	}
	for i, row := range rows[1:] {
		rec := map[string]string{}
		for j, c := range cols {
			rec[c] = row[j]
		}
		if _, err := time.Parse(time.DateOnly, rec["Event Date"]); err != nil && rec["Event Date"] != "" {
			t.Errorf("row %d: Event Date %q", i, rec["Event Date"])
		}
		if rec["Publisher"] != "Caspian Wire" {
			t.Errorf("row %d: Publisher %q, want the article's source", i, rec["Publisher"])
		}
		if e := rec["Event Text"]; e == "" || e[0] < 'A' || e[0] > 'Z' {
			t.Errorf("row %d: Event Text %q, want the CAMEO label as ICEWS writes it", i, e)
		}
	}
	if got := rows[1][8]; got != "Government (Armenia)" {
		t.Errorf("Target Name %q, want Government (Armenia)", got)
	}
}

func TestSaysBackground(t *testing.T) {
	for f, want := range map[string]bool{"jsonl": true, "csv": true, "gdelt": false, "icews": false, "plover": false} {
		if SaysBackground(f) != want {
			t.Errorf("SaysBackground(%s) != %v", f, want)
		}
	}
	_ = event.Event{}
}
