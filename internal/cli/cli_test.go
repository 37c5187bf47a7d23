package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"samples", []string{"code", "--quiet"}, ExitOK, ""},
		{"bad records are skipped", []string{"code", "testdata/mixed.jsonl"}, ExitSkipped, "mixed.jsonl:2"},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "unknown command"},
		{"unknown format", []string{"code", "--format", "xml"}, ExitUsage, "unknown output format"},
		{"missing file", []string{"code", "testdata/nope.jsonl"}, ExitUsage, "nope.jsonl"},
		{"bad dyad", []string{"events", "--dyad", "AZE", "--db", filepath.Join(t.TempDir(), "x.db")}, ExitUsage, "want A-B"},
	}
	for _, tt := range tests {
		code, _, errs := run(t, "", tt.args...)
		if code != tt.want || !strings.Contains(errs, tt.err) {
			t.Errorf("%s: exit %d (want %d), stderr %q (want %q)", tt.name, code, tt.want, errs, tt.err)
		}
	}
}

func TestCodeSkipsBadAndKeepsGood(t *testing.T) {
	code, out, errs := run(t, "", "code", "testdata/mixed.jsonl")
	if code != ExitSkipped {
		t.Fatalf("exit %d", code)
	}
	docs := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			DocID string `json:"doc_id"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("not JSONL: %q", line)
		}
		docs[e.DocID] = true
	}
	if !docs["ok1"] || !docs["ok2"] {
		t.Errorf("good records not coded: %v", docs)
	}
	if !strings.Contains(errs, "2 records skipped") {
		t.Errorf("summary missing: %q", errs)
	}
}

func TestStdinText(t *testing.T) {
	code, out, _ := run(t, "Kenya expelled two Ugandan diplomats on Monday.", "code", "--input-format", "text", "--date", "2025-03-10", "--quiet", "-")
	if code != ExitOK || !strings.Contains(out, `"code":"161"`) {
		t.Errorf("exit %d, out %s", code, out)
	}
}

func TestIngestTwiceThenQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fp.db")
	if code, _, errs := run(t, "", "ingest", "--quiet", "--db", db, "testdata/mixed.jsonl"); code != ExitSkipped {
		t.Fatalf("first ingest: exit %d: %s", code, errs)
	}
	_, _, errs := run(t, "", "ingest", "--quiet", "--db", db, "testdata/mixed.jsonl")
	if !strings.Contains(errs, "stored 0") || !strings.Contains(errs, "duplicate 2") {
		t.Errorf("second ingest stored again: %s", errs)
	}
	code, out, errs := run(t, "", "events", "--db", db, "--dyad", "TUR-SYR", "--format", "csv")
	if code != ExitOK || !strings.Contains(out, "163") || strings.Count(out, "\n") != 2 {
		t.Errorf("events: exit %d out %q err %q", code, out, errs)
	}
	code, out, _ = run(t, "", "incidents", "--db", db, "--format", "jsonl")
	if code != ExitOK || !strings.Contains(out, `"source_country":"SRB"`) {
		t.Errorf("incidents: exit %d out %q", code, out)
	}
	code, out, _ = run(t, "", "events", "--db", db, "--format", "gdelt", "--limit", "1")
	if code != ExitOK || strings.Count(out, "\t") != 60 {
		t.Errorf("gdelt export: %d tabs, want 60", strings.Count(out, "\t"))
	}
}
