package geo

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The dump files in testdata/geonames are written for these tests in the
// GeoNames formats; their ids from 9,100,001 up are made up, the others
// (Zvecan 783770, Pristina 786714) are places the embedded data has.
var testDumps = []string{"XK.txt", "BG.txt", "RS.txt", "AM.txt", "no-country.txt", "GB.txt", "cities500.txt", "alternateNamesV2.txt"}

func dumpPaths(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join("testdata", "geonames", n)
	}
	return out
}

type badRow struct {
	file   string
	line   int
	reason string
}

func importTo(t *testing.T, out string, paths []string) (*ImportReport, []badRow) {
	t.Helper()
	var bad []badRow
	rep, err := Import(paths, ImportOptions{Out: out, BadRow: func(f string, l int, r string) {
		bad = append(bad, badRow{filepath.Base(f), l, r})
	}})
	if err != nil {
		t.Fatal(err)
	}
	return rep, bad
}

var (
	impOnce sync.Once
	impG    *Gazetteer
	impErr  error
	impDir  string
)

// imported returns the embedded gazetteer with testdata/geonames imported
// on top, built once.
func imported(t *testing.T) *Gazetteer {
	t.Helper()
	impOnce.Do(func() {
		impDir, impErr = os.MkdirTemp("", "geo-import")
		if impErr != nil {
			return
		}
		out := filepath.Join(impDir, "gazetteer.fpg")
		if _, impErr = Import(dumpPaths(testDumps...), ImportOptions{Out: out}); impErr != nil {
			return
		}
		impG, impErr = Open(out)
	})
	if impErr != nil {
		t.Fatal(impErr)
	}
	return impG
}

func TestMain(m *testing.M) {
	code := m.Run()
	if impG != nil {
		impG.Close()
	}
	if impDir != "" {
		os.RemoveAll(impDir)
	}
	os.Exit(code)
}

func TestImportReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sub", "gazetteer.fpg")
	rep, bad := importTo(t, out, dumpPaths(testDumps...))
	wantBad := []badRow{
		{"XK.txt", 8, "9 columns, want 19"},
		{"XK.txt", 9, `position "142.9","20.9": want latitude -90..90 and longitude -180..180`},
		{"XK.txt", 10, `geonameid "x9100008": want a positive whole number`},
		{"alternateNamesV2.txt", 8, "2 columns, want 4 to 10 (alternateNameId, geonameid, isolanguage, alternate name, ...)"},
	}
	if !slices.Equal(bad, wantBad) {
		t.Errorf("bad rows:\n got %v\nwant %v", bad, wantBad)
	}
	if rep.Bad != 4 || rep.Rows != 28 {
		t.Errorf("rows %d, bad %d; want 28, 4", rep.Rows, rep.Bad)
	}
	// Banjska XK (twice), Lipovica XK, Zvecan, Gazimestan, Banjska BG,
	// Lipovica RS, Sotk, Tegh District, Second Thomas Shoal, Chequers.
	if rep.Entries != 10 {
		t.Errorf("%d entries, want 10 (a place in two files is one)", rep.Entries)
	}
	if rep.Kept["P"] != 6 || rep.Kept["A"] != 1 || rep.Kept["S"] != 2 || rep.Kept["H"] != 1 {
		t.Errorf("kept by class %v", rep.Kept)
	}
	for reason, n := range map[string]int64{
		"feature code not kept (stream, lake, hill, building, ...)":                           2,
		"historical, abandoned or destroyed place":                                            1,
		"feature class not kept (roads and railways, or none)":                                1,
		"country, dependency or historical division (countries come from Flashpoint's table)": 1,
		"alternate name that is a code, link or abbreviation":                                 1,
		"alternate name not in Latin script, not capitalised, or with digits":                 1,
		"name of a place not in the gazetteer":                                                1,
	} {
		if rep.Skipped[reason] != n {
			t.Errorf("skipped %q: %d, want %d (all: %v)", reason, rep.Skipped[reason], n, rep.Skipped)
		}
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Size() != rep.Bytes {
		t.Fatalf("output: %v, size %v, report %d", err, fi, rep.Bytes)
	}
	if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 1 {
		t.Errorf("temporary files left beside the output: %v", ents)
	}
	g, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	info, ok := g.Imported()
	if !ok || info.Entries != 10 || info.Path != out || len(info.Sources) != len(testDumps) || info.Sources[0] != "XK.txt 9" {
		t.Errorf("imported info %+v", info)
	}
}

func TestImportIdempotent(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.fpg"), filepath.Join(dir, "b.fpg")
	importTo(t, a, dumpPaths(testDumps...))
	importTo(t, b, dumpPaths(testDumps...))
	importTo(t, b, dumpPaths(testDumps...)) // over the previous result
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ba, bb) {
		t.Error("importing the same files twice gave different gazetteers")
	}
	// A file given twice adds nothing.
	c := filepath.Join(dir, "c.fpg")
	rep, _ := importTo(t, c, dumpPaths(append(testDumps, "XK.txt")...))
	if rep.Entries != 10 {
		t.Errorf("XK.txt twice: %d entries, want 10", rep.Entries)
	}
}

// TestImportArchives reads the dumps as GeoNames publishes them (a zip
// with a readme) and gzipped: the same gazetteer as the plain files.
func TestImportArchives(t *testing.T) {
	dir := t.TempDir()
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, n := range []string{"readme.txt", "XK.txt", "BG.txt"} {
		w, _ := zw.Create(n)
		if n == "readme.txt" {
			fmt.Fprintln(w, "Readme for GeoNames Gazetteer extract files")
			continue
		}
		b, err := os.ReadFile(filepath.Join("testdata", "geonames", n))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	zw.Close()
	zpath := filepath.Join(dir, "XKBG.zip")
	os.WriteFile(zpath, zbuf.Bytes(), 0o644)
	var gbuf bytes.Buffer
	gw := gzip.NewWriter(&gbuf)
	b, _ := os.ReadFile(filepath.Join("testdata", "geonames", "AM.txt"))
	gw.Write(b)
	gw.Close()
	gpath := filepath.Join(dir, "AM.txt.gz")
	os.WriteFile(gpath, gbuf.Bytes(), 0o644)

	plain, _ := importTo(t, filepath.Join(dir, "plain.fpg"), dumpPaths("XK.txt", "BG.txt", "AM.txt"))
	packed, bad := importTo(t, filepath.Join(dir, "packed.fpg"), []string{zpath, gpath})
	if packed.Entries != plain.Entries || packed.Keys != plain.Keys || packed.Rows != plain.Rows {
		t.Errorf("zip+gz: %d entries, %d keys, %d rows; plain: %d, %d, %d", packed.Entries, packed.Keys, packed.Rows,
			plain.Entries, plain.Keys, plain.Rows)
	}
	if len(bad) != 3 || bad[0].file != "XKBG.zip:XK.txt" || bad[0].line != 8 {
		t.Errorf("bad rows in the zip: %v", bad)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.fpg")
	notDump := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDump, []byte("Some notes\nabout places\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	for _, tc := range []struct {
		paths []string
		want  string
	}{
		{dumpPaths("XK.txt", "allCountrie.txt"), "allCountrie.txt: no such file"},
		{[]string{dir}, "is a directory"},
		{[]string{notDump}, "notes.txt:1: not a GeoNames dump file: 1 tab-separated columns"},
		{[]string{empty}, "empty.txt: empty"},
		{nil, "no dump files"},
	} {
		_, err := Import(tc.paths, ImportOptions{Out: out})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Import(%q): %v, want an error with %q", tc.paths, err, tc.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed import wrote %s", out)
	}
}

// TestImportSpills sorts through run files on disk, as an import of
// allCountries.txt does, and gets the same gazetteer.
func TestImportSpills(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "mem.fpg"), filepath.Join(dir, "disk.fpg")
	importTo(t, a, dumpPaths(testDumps...))
	if _, err := Import(dumpPaths(testDumps...), ImportOptions{Out: b, MemoryLimit: 256}); err != nil {
		t.Fatal(err)
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ba, bb) {
		t.Error("sorting on disk gave another gazetteer than sorting in memory")
	}
}

func TestOpenDamaged(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.fpg")
	importTo(t, good, dumpPaths("XK.txt"))
	b, _ := os.ReadFile(good)
	for name, data := range map[string][]byte{
		"truncated": b[:len(b)/2],
		"text":      []byte("9100001\tBanjska\n"),
		"empty":     nil,
	} {
		p := filepath.Join(dir, name+".fpg")
		os.WriteFile(p, data, 0o644)
		if g, err := Open(p); err == nil || !strings.Contains(err.Error(), "not a gazetteer written by 'flashpoint gazetteer import'") {
			t.Errorf("%s: %v", name, err)
			if g != nil {
				g.Close()
			}
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.fpg")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

func TestLocalPath(t *testing.T) {
	t.Setenv(EnvGazetteer, "/data/my.fpg")
	if p, explicit := LocalPath(); p != "/data/my.fpg" || !explicit {
		t.Errorf("named: %q %v", p, explicit)
	}
	t.Setenv(EnvGazetteer, "off")
	if p, _ := LocalPath(); p != "" {
		t.Errorf("off: %q", p)
	}
	t.Setenv(EnvGazetteer, "")
	if p, _ := LocalPath(); p != "" {
		t.Errorf("a test binary loads no file the environment does not name: %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if p := DefaultLocalPath(); p != filepath.Join("/xdg", "flashpoint", "gazetteer.fpg") {
		t.Errorf("default path %q", p)
	}
}

// TestImportDamagedFirstRow: a file whose first row is damaged is still a
// dump; the row is bad, the others are imported.
func TestImportDamagedFirstRow(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "geonames", "AM.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "AM.txt")
	os.WriteFile(p, append([]byte("9400001\tSotk\t40.2\n"), good...), 0o644)
	rep, bad := importTo(t, filepath.Join(dir, "g.fpg"), []string{p})
	if len(bad) != 1 || bad[0].line != 1 || rep.Entries != 2 {
		t.Errorf("bad rows %v, %d entries; want line 1 bad and 2 entries", bad, rep.Entries)
	}
}
