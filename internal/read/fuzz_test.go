package read

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
)

const fuzzMax = 200 // a small line limit so that fuzzing reaches it

// readBytes reads data as one file in the given format.
func readBytes(t *testing.T, data []byte, opt Options) ([]event.Article, []Reject) {
	t.Helper()
	var arts []event.Article
	var rejs []Reject
	s := &source{name: "fuzz", opt: opt, reject: func(r Reject) { rejs = append(rejs, r) },
		emit: func(a event.Article) error {
			arts = append(arts, a)
			return nil
		}}
	if err := readStream(s, bytes.NewReader(data)); err != nil {
		t.Fatalf("readStream: %v", err)
	}
	for _, a := range arts {
		if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.ID) || a.ID == "" {
			t.Fatalf("bad article emitted: %+v", a)
		}
		if d, ok := parseDate(a.Date); !ok || d != a.Date {
			t.Fatalf("bad date emitted: %+v", a)
		}
	}
	return arts, rejs
}

// plainInput reports input that is neither gzip nor binary, for which the
// exact record accounting applies.
func plainInput(data []byte) bool {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return false
	}
	return binaryReason(data[:min(len(data), sniffSize)]) == ""
}

// lineOf parses the line number out of an Origin "fuzz:N".
func lineOf(t *testing.T, a event.Article) int {
	n, err := strconv.Atoi(strings.TrimPrefix(a.Origin, "fuzz:"))
	if err != nil {
		t.Fatalf("bad origin %q", a.Origin)
	}
	return n
}

// recordLines merges the lines of emitted and rejected records and checks
// that no record is reported twice.
func recordLines(t *testing.T, arts []event.Article, rejs []Reject) map[int]bool {
	seen := map[int]bool{}
	for _, a := range arts {
		n := lineOf(t, a)
		if seen[n] {
			t.Fatalf("line %d reported twice", n)
		}
		seen[n] = true
	}
	for _, r := range rejs {
		if r.Line == 0 {
			continue // the file as a whole: empty, binary, no records
		}
		if seen[r.Line] {
			t.Fatalf("line %d reported twice: %v", r.Line, r)
		}
		seen[r.Line] = true
	}
	return seen
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2024-04-02","text":"x"}` + "\n\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, rejs := readBytes(t, data, Options{Format: "jsonl", MaxLine: fuzzMax})
		if !plainInput(data) {
			return
		}
		// Every non-blank line is one record, emitted or rejected.
		want := map[int]bool{}
		lines := bytes.Split(data, []byte("\n"))
		if len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1]
		}
		for i, l := range lines {
			l = bytes.TrimSuffix(l, []byte("\r"))
			if i == 0 && len(l) <= fuzzMax {
				l = bytes.TrimPrefix(l, bom)
			}
			if len(l) > fuzzMax || !isBlank(l) {
				want[i+1] = true
			}
		}
		got := recordLines(t, arts, rejs)
		for n := range want {
			if !got[n] {
				t.Fatalf("line %d neither emitted nor rejected", n)
			}
		}
		for n := range got {
			if !want[n] {
				t.Fatalf("line %d reported but is not a record", n)
			}
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,date,text\na,2024-04-02,x\nb,2024-04-02,\"multi\nline\"\nc,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, rejs := readBytes(t, data, Options{Format: "csv", MaxLine: fuzzMax})
		got := recordLines(t, arts, rejs)
		if !plainInput(data) || bytes.ContainsAny(data, "\r\ufeff") {
			return
		}
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(l) > fuzzMax {
				return
			}
		}
		if len(rejs) > 0 && rejs[0].Line == 0 {
			if len(rejs) != 1 || len(arts) != 0 {
				t.Fatalf("bad header, then more: %v %v", arts, rejs)
			}
			return
		}
		// Where encoding/csv reads the whole input, every record after the
		// header must be accounted for at its starting line.
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		lines := bytes.Split(data, []byte("\n"))
		want := map[int]bool{}
		for first := true; ; {
			off := r.InputOffset()
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return
			}
			line, _ := r.FieldPos(0)
			if len(rec) == 1 && isBlank(lines[line-1]) {
				continue // a blank line: skipped by the reader
			}
			if r.InputOffset()-off > fuzzMax {
				return // the record may be over the limit
			}
			if first {
				first = false
				continue
			}
			want[line] = true
		}
		for n := range want {
			if !got[n] {
				t.Fatalf("record at line %d neither emitted nor rejected (got %v, rejects %v)", n, got, rejs)
			}
		}
		for n := range got {
			if !want[n] {
				t.Fatalf("line %d reported but starts no record (want %v)", n, want)
			}
		}
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte(" date 2024-04-02 Text on the date line.\n\nMore."), "")
	f.Add([]byte("<!doctype html><p>Hi &amp; bye</p>"), "2024-04-02")
	f.Fuzz(func(t *testing.T, data []byte, date string) {
		arts, rejs := readBytes(t, data, Options{Format: "text", Date: date, MaxLine: fuzzMax})
		if len(arts) > 1 || len(arts)+len(rejs) > 1 {
			t.Fatalf("one file gave %d articles and %d rejects", len(arts), len(rejs))
		}
		// A file with some text is one record: emitted or rejected.
		if plainInput(data) && cleanText(string(data)) != "" && len(arts)+len(rejs) != 1 {
			t.Fatalf("text file neither emitted nor rejected")
		}
	})
}
