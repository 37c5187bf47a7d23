package read

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// endless is `yes`: a stream that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p), nil
}

// TestBounds checks the per-record and per-stream bounds: an endless
// pipe or a gzip bomb of plain text ends with one reject after MaxText
// bytes, a JSONL stream past MaxStream rejects the rest, unread.
func TestBounds(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.txt.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("date 2024-04-02\n"))
	io.CopyN(zw, endless{}, 64<<20) // 64 MB of text in a small file
	zw.Close()
	if err := os.WriteFile(bomb, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var jsonl strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&jsonl, `{"id":"j%d","date":"2024-04-02","text":"Line %d."}`+"\n", i, i)
	}
	tests := []struct {
		name   string
		paths  []string
		stdin  io.Reader
		opt    Options
		arts   int
		reject string
	}{
		{"endless plain text on stdin", []string{"-"}, endless{}, Options{Date: "2024-04-02", MaxText: 1 << 20}, 0,
			"stdin: text longer than 1048576 bytes (file not read further)"},
		{"gzip bomb of plain text", []string{bomb}, nil, Options{MaxText: 1 << 20}, 0,
			bomb + ": text longer than 1048576 bytes (file not read further)"},
		{"plain text within the bound", []string{"-"}, strings.NewReader("A short report."), Options{Date: "2024-04-02", MaxText: 1 << 20}, 1, ""},
		{"JSONL text over the record bound", []string{"-"}, strings.NewReader(`{"date":"2024-04-02","text":"` + strings.Repeat("x", 2000) + `"}`),
			Options{MaxText: 1000}, 0, `stdin:1: "text" longer than 1000 bytes`},
		{"JSONL stream over the stream bound", []string{"-"}, strings.NewReader(jsonl.String()), Options{MaxStream: int64(jsonl.Len() / 2)}, 502,
			"stdin:503: read error: input longer than 26390 bytes"},
		{"JSONL stream of exactly the bound", []string{"-"}, strings.NewReader(jsonl.String()), Options{MaxStream: int64(jsonl.Len())}, 1000, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []event.Article
			var rejs []string
			err := Read(tc.paths, tc.opt, tc.stdin, func(a event.Article) error {
				arts = append(arts, a)
				return nil
			}, func(r Reject) { rejs = append(rejs, r.Error()) })
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != tc.arts {
				t.Errorf("%d articles, want %d", len(arts), tc.arts)
			}
			if tc.reject == "" && len(rejs) > 0 || tc.reject != "" && (len(rejs) != 1 || !strings.HasPrefix(rejs[0], tc.reject)) {
				t.Errorf("rejects %q, want one starting %q", rejs, tc.reject)
			}
		})
	}
}

// TestIDsFromPaths: two files of one base name get two ids, the same on
// every read; standard input's ids come from content, so a second run
// from stdin does not collide with the first's other texts.
func TestIDsFromPaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/report.txt", "b/report.txt", "a/list.jsonl", "b/list.jsonl"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := "date 2024-04-02\nReport from " + f + "."
		if strings.HasSuffix(f, ".jsonl") {
			body = `{"date":"2024-04-02","text":"List ` + f + `."}`
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}
	ids := func() []string {
		arts, rejs := collect(t, paths, Options{}, "")
		if len(rejs) != 0 {
			t.Fatalf("rejects %v", rejs)
		}
		var out []string
		for _, a := range arts {
			out = append(out, a.ID)
		}
		return out
	}
	first := ids()
	want := []string{"list.jsonl:1", "report", filepath.ToSlash(filepath.Join(dir, "b/list.jsonl")) + ":1", filepath.ToSlash(filepath.Join(dir, "b/report"))}
	if fmt.Sprint(first) != fmt.Sprint(want) {
		t.Errorf("ids %q, want %q", first, want)
	}
	if again := ids(); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("second read gave ids %q, first %q", again, first)
	}
	a1, _ := collect(t, []string{"-"}, Options{Date: "2024-04-02"}, "One text.")
	a2, _ := collect(t, []string{"-"}, Options{Date: "2024-04-02"}, "Another text.")
	a3, _ := collect(t, []string{"-"}, Options{Date: "2024-04-02"}, "One text.")
	if a1[0].ID == a2[0].ID || a1[0].ID != a3[0].ID {
		t.Errorf("stdin ids %s, %s, %s: want different texts apart, the same text alike", a1[0].ID, a2[0].ID, a3[0].ID)
	}
}
