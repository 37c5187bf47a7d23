package read

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// collect reads paths and returns what was emitted and rejected.
func collect(t testing.TB, paths []string, opt Options, stdin string) ([]event.Article, []Reject) {
	t.Helper()
	var arts []event.Article
	var rejs []Reject
	err := Read(paths, opt, strings.NewReader(stdin), func(a event.Article) error {
		arts = append(arts, a)
		return nil
	}, func(r Reject) { rejs = append(rejs, r) })
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, rejs
}

// rej is an expected reject: its line and a piece of its reason.
type rej struct {
	line   int
	reason string
}

func TestReadFiles(t *testing.T) {
	tests := []struct {
		file  string
		opt   Options
		ids   []string // emitted article ids, in order
		rejs  []rej
		warns []rej // input kept after a repair
		check func(t *testing.T, a []event.Article)
	}{
		{file: "good.jsonl", ids: []string{"a1", "good.jsonl:3", "42"}, check: func(t *testing.T, a []event.Article) {
			want := event.Article{ID: "a1", Date: "2024-04-02", Title: "Border clash",
				Text: "Armenia accused Azerbaijan of opening fire.", URL: "https://example.org/a1",
				Source: "Wire", Origin: "testdata/good.jsonl:1"}
			if a[0] != want {
				t.Errorf("got %+v, want %+v", a[0], want)
			}
			if a[1].Date != "2024-04-03" || a[1].Text != "Baku denied the claim.\nIt blamed Yerevan." {
				t.Errorf("RFC 3339 date or CRLF text wrong: %+v", a[1])
			}
			if a[2].Date != "2024-04-03" || a[2].Origin != "testdata/good.jsonl:4" {
				t.Errorf("got %+v", a[2])
			}
		}},
		{file: "broken.jsonl", ids: []string{"ok1", "bad-utf8", "ok2", "ok3"}, rejs: []rej{
			{2, "invalid JSON: "}, {3, `missing "text"`}, {4, `bad date "2024-13-01": want YYYY-MM-DD`},
			{6, `missing "date"`}, {9, "got an array"},
			{10, `field "date"`}, {11, `missing "text"`}, {12, `bad "id"`},
		}, warns: []rej{{5, `article "bad-utf8": invalid UTF-8 at byte 48 replaced with U+FFFD`}}},
		// One NUL-filled line among 40 good records is one bad record.
		{file: "nulline.jsonl", ids: nIDs(40), rejs: []rej{{21, "binary data in a text file (NUL byte at byte 0)"}}},
		{file: "good.csv", ids: []string{"c1", "c2", "good.csv:6"}, check: func(t *testing.T, a []event.Article) {
			if a[1].Text != "A quoted field\nthat spans two lines, with \"quotes\"." || a[1].Origin != "testdata/good.csv:3" {
				t.Errorf("multi-line field: %+v", a[1])
			}
			if a[2].Date != "2024-04-04" || a[2].Source != "Wire" || a[2].Origin != "testdata/good.csv:6" {
				t.Errorf("got %+v", a[2])
			}
		}},
		{file: "ragged.csv", ids: []string{"r1", "r7"}, rejs: []rej{
			{3, "row has 5 fields, header has 3"}, {4, "row has 2 fields"}, {5, "row has 4 fields"},
			{7, "bad date"}, {8, "invalid CSV"},
		}},
		{file: "crlf.csv", ids: []string{"w1"}, check: func(t *testing.T, a []event.Article) {
			if a[0].Text != "Windows line endings." {
				t.Errorf("text %q", a[0].Text)
			}
		}},
		{file: "notext.csv", rejs: []rej{{0, `no "text" column`}}},
		{file: "article.txt", ids: []string{"article"}, check: func(t *testing.T, a []event.Article) {
			if a[0].Date != "2024-04-02" || a[0].Origin != "testdata/article.txt" ||
				!strings.HasPrefix(a[0].Text, "Azerbaijan accused Armenia") || !strings.HasSuffix(a[0].Text, "in 2020.") {
				t.Errorf("got %+v", a[0])
			}
		}},
		{file: "nodate.txt", rejs: []rej{{0, "no date: use --date"}}},
		{file: "nodate.txt", opt: Options{Date: "2024-05-01"}, ids: []string{"nodate"}, check: func(t *testing.T, a []event.Article) {
			if a[0].Date != "2024-05-01" {
				t.Errorf("date %q", a[0].Date)
			}
		}},
		{file: "nodate.txt", opt: Options{Date: "May 1"}, rejs: []rej{{0, `bad date "May 1"`}}},
		{file: "baddate.txt", rejs: []rej{{0, `bad date "2024-02-30"`}}},
		{file: "page.html", opt: Options{Date: "2024-04-02"}, ids: []string{"page"}, check: func(t *testing.T, a []event.Article) {
			want := "Ceasefire Agreed\n\nThe two sides agreed a truce on Monday night, officials said.\n\n" +
				"\u201cWe welcome it,\u201d the U.N. said \u2014 again.\nMore follows."
			if a[0].Text != want || a[0].Title != "Talks & Truce" {
				t.Errorf("got text %q title %q\nwant %q", a[0].Text, a[0].Title, want)
			}
		}},
		{file: "binary.txt", rejs: []rej{{0, "no text"}}, warns: []rej{{2, "line with binary data (NUL byte at byte 9) dropped"}}},
		{file: "image.png", rejs: []rej{{0, "binary file (PNG image)"}}},
		{file: "noext_binary", rejs: []rej{{0, "binary file (NUL byte at offset 145)"}}},
		{file: "badutf8.txt", ids: []string{"badutf8"}, warns: []rej{{3, "invalid UTF-8 at byte 4 (and on 0 more lines) replaced"}},
			check: func(t *testing.T, a []event.Article) {
				if !strings.Contains(a[0].Text, "Bad \uFFFD byte.") {
					t.Errorf("text %q", a[0].Text)
				}
			}},
		{file: "empty.txt", rejs: []rej{{0, "empty file"}}},
		{file: "blank.jsonl", rejs: []rej{{0, "no articles in this file"}}},
		{file: "gzipped.jsonl.gz", ids: []string{"a1", "gzipped.jsonl:3", "42"}},
		{file: "gzipped_noext", ids: []string{"a1", "gzipped_noext:3", "42"}},
		{file: "noext_jsonl", ids: []string{"n1"}},
		{file: "noext_csv", ids: []string{"noext_csv:2"}},
		{file: "good.jsonl", opt: Options{Format: "text", Date: "2024-01-01"}, ids: []string{"good"}},
		{file: "good.jsonl", opt: Options{Format: "xml"}, rejs: []rej{{0, "unknown format"}}},
		{file: "missing.jsonl", rejs: []rej{{0, "no such file"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			var warns []Reject
			tt.opt.Warn = func(r Reject) { warns = append(warns, r) }
			arts, rejs := collect(t, []string{path}, tt.opt, "")
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.ids) {
				t.Errorf("emitted %q, want %q", ids, tt.ids)
			}
			checkRejects(t, path, rejs, tt.rejs)
			checkRejects(t, path, warns, tt.warns)
			if tt.check != nil && len(arts) == len(tt.ids) {
				tt.check(t, arts)
			}
		})
	}
}

// nIDs is n1, n2... nN.
func nIDs(n int) []string {
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf("n%d", i))
	}
	return ids
}

func checkRejects(t *testing.T, file string, got []Reject, want []rej) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("rejects %v, want %d: %v", got, len(want), want)
		return
	}
	for i, w := range want {
		g := got[i]
		if g.File != file || g.Line != w.line || !strings.Contains(g.Reason, w.reason) {
			t.Errorf("reject %d = %v, want %s:%d: ...%s...", i, g, file, w.line, w.reason)
		}
	}
}

func TestRejectError(t *testing.T) {
	if got := (Reject{"a.jsonl", 3, "invalid JSON: x"}).Error(); got != "a.jsonl:3: invalid JSON: x" {
		t.Errorf("got %q", got)
	}
	if got := (Reject{"b.bin", 0, "binary file"}).Error(); got != "b.bin: binary file" {
		t.Errorf("got %q", got)
	}
}

func TestStdin(t *testing.T) {
	arts, rejs := collect(t, []string{"-"}, Options{}, "{\"date\":\"2024-04-02\",\"text\":\"From stdin.\"}\nnot json\n")
	// Ids of standard input come from content: a second run finds them stored.
	if len(arts) != 1 || arts[0].ID != "stdin:b04f50b6bdbb9400" || arts[0].Origin != "stdin:1" {
		t.Errorf("got %+v", arts)
	}
	if len(rejs) != 1 || rejs[0].Error() != "stdin:2: invalid JSON: invalid character 'o' in literal null (expecting 'u')" {
		t.Errorf("got %v", rejs)
	}
	arts, _ = collect(t, []string{"-"}, Options{Date: "2024-04-02"}, "Plain text on stdin.\n")
	if len(arts) != 1 || arts[0].ID != "stdin:1be2e6cb8398cd13" || arts[0].Origin != "stdin" {
		t.Errorf("got %+v", arts)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/2.txt":         "date 2024-04-02\nTwo.",
		"b/1.txt":         "date 2024-04-02\nOne.",
		"a.jsonl":         `{"id":"a","date":"2024-04-02","text":"A."}`,
		"c/d/deep.txt":    "date 2024-04-02\nDeep.",
		".hidden.txt":     "date 2024-04-02\nHidden.",
		".git/x.txt":      "date 2024-04-02\nHidden dir.",
		"c/.skip/y.txt":   "date 2024-04-02\nHidden dir.",
		"c/empty.jsonl":   "",
		"c/d/e/bad.json":  "{",
		"LICENSE":         "MIT License\n\nPermission is hereby granted...",
		"c/README.md":     "# Notes\n",
		"c/flashpoint.db": "SQLite format 3\x00",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, rejs := collect(t, []string{dir}, Options{}, "")
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, ","); got != "a,1,2,deep" {
		t.Errorf("walk order %s, want a,1,2,deep", got)
	}
	if len(rejs) != 2 || rejs[0].File != filepath.Join(dir, "c/d/e/bad.json") || rejs[0].Line != 1 ||
		rejs[1].Error() != filepath.Join(dir, "c/empty.jsonl")+": empty file" {
		t.Errorf("rejects %v", rejs)
	}
}

// TestWalkSkips checks what a folder walk must not read: files that are
// not articles, the command's own output, and a folder with nothing in it.
func TestWalkSkips(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"LICENSE":   "MIT License",
		"notes.md":  "# Notes",
		"out.jsonl": `{"id":"own","date":"2024-04-02","text":"Output."}`,
		"a.txt":     "date 2024-04-02\nA.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := os.Stat(filepath.Join(dir, "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var warns []Reject
	opt := Options{Skip: []os.FileInfo{out}, Warn: func(r Reject) { warns = append(warns, r) }}
	arts, rejs := collect(t, []string{dir}, opt, "")
	if len(arts) != 1 || arts[0].ID != "a" || len(rejs) != 0 {
		t.Errorf("read %v, rejected %v", arts, rejs)
	}
	got := fmt.Sprint(warns)
	for _, w := range []string{"out.jsonl: is this command's output (not read)", "passed over 2 files that are not articles: LICENSE, notes.md"} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings %s, want %q", got, w)
		}
	}

	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "README.md"), []byte("# x"), 0o644)
	_, rejs = collect(t, []string{empty}, Options{}, "")
	if len(rejs) != 1 || rejs[0].Error() != empty+": no input files in this folder" {
		t.Errorf("empty folder: %v", rejs)
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read([]string{"testdata/good.jsonl", "testdata/good.csv"}, Options{}, nil, func(event.Article) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || n != 2 {
		t.Errorf("err %v after %d articles, want stop after 2", err, n)
	}
}

func TestMaxLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"long","date":"2024-04-02","text":"` + strings.Repeat("x", 300) + `"}`
	body := `{"id":"a","date":"2024-04-02","text":"Short."}` + "\n" + long + "\n" +
		`{"id":"b","date":"2024-04-02","text":"After."}` + "\n" + long
	p := filepath.Join(dir, "x.jsonl")
	os.WriteFile(p, []byte(body), 0o644)
	arts, rejs := collect(t, []string{p}, Options{MaxLine: 100}, "")
	if len(arts) != 2 || arts[0].ID != "a" || arts[1].ID != "b" {
		t.Errorf("emitted %+v", arts)
	}
	checkRejects(t, p, rejs, []rej{{2, "line longer than 100 bytes"}, {4, "line longer than 100 bytes"}})

	csvBody := "id,date,text\nc1,2024-04-02,\"" + strings.Repeat("y\n", 80) + "\"\nc2,2024-04-02,Fine.\n"
	p = filepath.Join(dir, "x.csv")
	os.WriteFile(p, []byte(csvBody), 0o644)
	arts, rejs = collect(t, []string{p}, Options{MaxLine: 100}, "")
	if len(arts) != 1 || arts[0].ID != "c2" {
		t.Errorf("emitted %+v", arts)
	}
	checkRejects(t, p, rejs, []rej{{2, "record longer than 100 bytes"}})
}

// TestHugeLine writes a line over the default 64 MiB limit between two good
// records; it must be rejected and skipped without stopping the file.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 65 MiB")
	}
	p := filepath.Join(t.TempDir(), "huge.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, `{"id":"before","date":"2024-04-02","text":"Before."}`)
	f.WriteString(`{"id":"huge","date":"2024-04-02","text":"`)
	chunk := bytes.Repeat([]byte("z"), 1<<20)
	for i := 0; i < 65; i++ {
		f.Write(chunk)
	}
	f.WriteString("\"}\n")
	fmt.Fprintln(f, `{"id":"after","date":"2024-04-02","text":"After."}`)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	arts, rejs := collect(t, []string{p}, Options{}, "")
	if len(arts) != 2 || arts[0].ID != "before" || arts[1].ID != "after" || arts[1].Origin != p+":3" {
		t.Errorf("emitted %+v", arts)
	}
	checkRejects(t, p, rejs, []rej{{2, "line longer than 67108864 bytes"}})
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-04-02":                "2024-04-02",
		"2024-04-02T10:00:00Z":      "2024-04-02",
		"2024-04-02T23:30:00-02:00": "2024-04-03",
		"2024-04-02T01:00:00+05:00": "2024-04-01",
		"2024-04-02 10:00:00":       "2024-04-02",
		"2024-04-02T10:00:00.123Z":  "2024-04-02",
		"2024-13-01":                "",
		"2024-02-30":                "",
		"02/04/2024":                "",
		"2024-04-02junk":            "",
		"":                          "",
	} {
		got, ok := parseDate(in)
		if ok != (want != "") || ok && got != want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct{ in, date, rest string }{
		{" date 2024-04-02 Azerbaijan has accused", "2024-04-02", " Azerbaijan has accused"},
		{"date 2024-04-02\nText.", "2024-04-02", "\nText."},
		{"Date: 2024-04-02\nText.", "2024-04-02", "\nText."},
		{"dated reports say", "", "dated reports say"},
		{"date of the talks is unknown", "", "date of the talks is unknown"},
	}
	for _, tt := range tests {
		d, rest, _ := dateLine(tt.in)
		if d != tt.date || rest != tt.rest {
			t.Errorf("dateLine(%q) = %q, %q; want %q, %q", tt.in, d, rest, tt.date, tt.rest)
		}
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><body><p>One &amp; two.</p><p>Three</p></body></html>", "One & two.\n\nThree"},
		{"<html><script>x<y</script><style>.a{}</style>Kept <i>text</i></html>", "Kept text"},
		{"<html><p title='a>b'>Attr</p>1 < 2</html>", "Attr\n\n1 < 2"},
		{"<html><SCRIPT type=x>bad()</SCRIPT>ok", "ok"},
		{"<html><script>never closed", ""},
	}
	for _, tt := range tests {
		if got, _ := stripHTML(tt.in); got != tt.want {
			t.Errorf("stripHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestShared reads the seed article and the gold set when present.
func TestShared(t *testing.T) {
	seed := "../../../shared/seed/000_0234d3e6c749b628.txt"
	gold := "../../../shared/eval/dev.jsonl"
	if _, err := os.Stat(seed); err != nil {
		t.Skip("shared folder not present")
	}
	arts, rejs := collect(t, []string{seed}, Options{}, "")
	if len(rejs) != 0 || len(arts) != 1 {
		t.Fatalf("seed: %v %v", arts, rejs)
	}
	a := arts[0]
	if a.ID != "000_0234d3e6c749b628" || a.Date != "2024-04-02" || !strings.HasPrefix(a.Text, "Azerbaijan has accused") {
		t.Errorf("seed article: id %q date %q text %.40q", a.ID, a.Date, a.Text)
	}
	arts, rejs = collect(t, []string{gold}, Options{}, "")
	if len(rejs) != 0 || len(arts) < 50 || arts[0].Text != a.Text {
		t.Errorf("gold: %d articles, rejects %v; first text equal to seed: %v", len(arts), rejs, len(arts) > 0 && arts[0].Text == a.Text)
	}
}

func TestCorruptGzip(t *testing.T) {
	data, err := os.ReadFile("testdata/gzipped.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cut.jsonl.gz")
	os.WriteFile(p, data[:len(data)-12], 0o644)
	arts, rejs := collect(t, []string{p}, Options{}, "")
	if len(arts) != 0 || len(rejs) != 1 || !strings.Contains(rejs[0].Reason, "read error") {
		t.Errorf("truncated gzip: %v %v", arts, rejs)
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	text := strings.Repeat("Armenia accused Azerbaijan of opening fire along the border on Monday. ", 30)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&buf, `{"id":"d%d","date":"2024-04-02","title":"T","text":%q}`+"\n", i, text)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s := &source{name: "bench", opt: Options{MaxLine: DefaultMaxLine}, reject: func(Reject) { b.Fatal("reject") },
			emit: func(event.Article) error { return nil }}
		readStream(s, bytes.NewReader(data))
	}
	b.ReportMetric(1000*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
