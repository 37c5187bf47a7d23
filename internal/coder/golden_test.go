package coder

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// TestGolden runs the phenomenon files in testdata/golden: plain-text
// cases in the spirit of Prometheus's promqltest. A file is a series of
//
//	date 2024-04-02            (article date for the cases below)
//	code <article text>        (one case: the text is coded as one article)
//	  SOURCE TARGET CODE [claimed_by=X] [denies]
//	  none                     (the case yields no events)
//
// Every expected event must be produced and nothing else.
func TestGolden(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/golden/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		cases, err := parseGolden(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			for _, gc := range cases {
				art := event.Article{ID: "g", Date: gc.date, Text: gc.text}
				got := describe(c.Code(art, text.Sentences(gc.text)))
				if strings.Join(got, "\n") != strings.Join(gc.want, "\n") {
					t.Errorf("%s:%d: %s\n got:\n  %s\n want:\n  %s", f, gc.line, gc.text,
						strings.Join(got, "\n  "), strings.Join(gc.want, "\n  "))
				}
			}
		})
	}
}

type goldenCase struct {
	line       int
	date, text string
	want       []string
}

func parseGolden(path string) ([]goldenCase, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var out []goldenCase
	date := "2025-01-01"
	sc := bufio.NewScanner(fh)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(line, "date "):
			date = strings.TrimSpace(line[5:])
		case strings.HasPrefix(line, "code "):
			out = append(out, goldenCase{line: n, date: date, text: strings.TrimSpace(line[5:])})
		case strings.HasPrefix(line, "  ") && len(out) > 0:
			if trimmed != "none" {
				out[len(out)-1].want = append(out[len(out)-1].want, strings.Join(strings.Fields(trimmed), " "))
			}
		default:
			return nil, fmt.Errorf("%s:%d: want 'date', 'code', an indented event or a comment", path, n)
		}
	}
	for i := range out {
		sort.Strings(out[i].want)
	}
	return out, sc.Err()
}

// describe renders events the way golden files write them.
func describe(evs []event.Event) []string {
	var out []string
	for _, e := range evs {
		s := e.Source.Code + " " + e.Target.Code + " " + e.Code
		if e.ClaimedBy != nil {
			s += " claimed_by=" + *e.ClaimedBy
		}
		if e.Denies != nil {
			s += " denies"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
