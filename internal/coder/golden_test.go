package coder

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/geo"
	"github.com/flashpoint/flashpoint/internal/golden"
	"github.com/flashpoint/flashpoint/internal/text"
)

// codeOnly runs the coder alone: the phenomenon files state who did what
// to whom; dates and places are the later stages' own tests.
type codeOnly struct{ c *Coder }

func (o codeOnly) Process(a event.Article) ([]event.Event, error) {
	return o.c.Code(a, text.Sentences(a.Text)), nil
}

// TestGolden runs the phenomenon files in testdata/golden (format in
// package golden; `flashpoint test` runs the same files).
func TestGolden(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// as the pipeline does: the gazetteer names a targeted town's country
	g := geo.Default()
	c.Places = func(name string) (string, bool) {
		p, ok := g.Lookup(name, nil)
		return p.Country, ok && p.Precision != geo.PrecCountry
	}
	files, _ := filepath.Glob("testdata/golden/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			cases, err := golden.Parse(f, fh)
			if err != nil {
				t.Fatal(err)
			}
			fails, err := golden.Run(codeOnly{c}, cases)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fails {
				t.Error(f)
			}
		})
	}
}
