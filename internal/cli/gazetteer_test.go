package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGazetteerImport imports the geo package's test dumps into the user's
// data directory, as a user does, and codes with the result.
func TestGazetteerImport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("FLASHPOINT_GAZETTEER", "")
	gaz := filepath.Join(dir, "data", "flashpoint", "gazetteer.fpg")
	dumps, err := filepath.Abs("../geo/testdata/geonames")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range []string{"XK.txt", "BG.txt", "RS.txt", "AM.txt", "alternateNamesV2.txt"} {
		files = append(files, filepath.Join(dumps, n))
	}

	r := runBinary(t, dir, "", "", "gazetteer", "info")
	if r.code != ExitOK || !strings.Contains(r.stdout, "imported: none (no gazetteer at "+gaz) {
		t.Errorf("info before importing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = runBinary(t, dir, "", "", append([]string{"gazetteer", "import"}, files...)...)
	if r.code != ExitSkipped {
		t.Errorf("import with bad rows: exit %d, want %d\n%s", r.code, ExitSkipped, r.stderr)
	}
	for _, want := range []string{"XK.txt:8: 9 columns, want 19 (skipped)", "alternateNamesV2.txt:8: 2 columns"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "wrote "+gaz+": 8 places") || !strings.Contains(r.stdout, "rows/s") {
		t.Errorf("report:\n%s", r.stdout)
	}
	before, err := os.ReadFile(gaz)
	if err != nil {
		t.Fatal(err)
	}

	r = runBinary(t, dir, "", "", "gazetteer", "info")
	if !strings.Contains(r.stdout, "imported: "+gaz+": 8 places") || !strings.Contains(r.stdout, "from XK.txt (9 rows)") {
		t.Errorf("info:\n%s%s", r.stdout, r.stderr)
	}

	// The coder places the event in the village the import added, and
	// --explain says which gazetteer it came from.
	art := filepath.Join(dir, "banjska.txt")
	os.WriteFile(art, []byte("date 2023-09-24\nZVECAN, Kosovo (Reuters) - Serbian gunmen attacked Kosovo police in Banjska on Sunday.\n"), 0o644)
	r = runBinary(t, dir, "", "", "code", "--explain", art)
	loc, trace := firstLocation(t, r.stdout)
	if loc.Name != "Banjska" || loc.Country != "XKX" || !strings.Contains(trace, "imported gazetteer "+gaz) {
		t.Errorf("with the import: %+v, %q\n%s", loc, trace, r.stderr)
	}
	r = runBinary(t, dir, "", "", "geocode", "in Banjska, northern Kosovo")
	if !strings.Contains(r.stdout, "-> Banjska (XKX, city)") || !strings.Contains(r.stdout, "imported gazetteer "+gaz) {
		t.Errorf("geocode:\n%s", r.stdout)
	}

	// FLASHPOINT_GAZETTEER=off leaves the import out.
	t.Setenv("FLASHPOINT_GAZETTEER", "off")
	r = runBinary(t, dir, "", "", "code", art)
	if loc, _ := firstLocation(t, r.stdout); loc.Country == "XKX" {
		t.Errorf("with the import off: %+v", loc)
	}
	t.Setenv("FLASHPOINT_GAZETTEER", "")

	// A mistyped file stops the import before anything is written.
	r = runBinary(t, dir, "", "", "gazetteer", "import", files[0], filepath.Join(dumps, "allCountrie.txt"))
	if r.code != ExitUsage || !strings.Contains(r.stderr, "allCountrie.txt: no such file or directory") {
		t.Errorf("mistyped path: exit %d\n%s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(gaz); !bytes.Equal(before, after) {
		t.Error("a failed import changed the gazetteer")
	}
	r = runBinary(t, dir, "", "", "gazetteer", "import")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "no dump files given") {
		t.Errorf("no files: exit %d\n%s", r.code, r.stderr)
	}
}

type codedLocation struct {
	Name, Country string
}

// firstLocation returns the first event's location and its explain line
// about the place.
func firstLocation(t *testing.T, out string) (codedLocation, string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev struct {
			Location *codedLocation
			Explain  []string
		}
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("%v: %q", err, line)
		}
		if ev.Location == nil {
			continue
		}
		for _, e := range ev.Explain {
			if strings.HasPrefix(e, "place ") {
				return *ev.Location, e
			}
		}
		return *ev.Location, ""
	}
	return codedLocation{}, ""
}
