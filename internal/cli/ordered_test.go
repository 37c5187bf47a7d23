package cli

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/output"
)

// TestCodeInInputOrder codes the demo corpus with `code` on several
// workers and one at a time: the outputs must be byte-identical.
func TestCodeInInputOrder(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	arts = arts[:200]
	var in bytes.Buffer
	if err := demo.WriteCorpus(&in, arts); err != nil {
		t.Fatal(err)
	}
	var cf codingFlags
	p, err := cf.pipeline()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	w, _ := output.New("jsonl", &want)
	for _, a := range arts {
		evs, err := p.Process(a)
		if err != nil {
			t.Fatal(err)
		}
		for i := range evs {
			w.Write(&evs[i])
		}
	}
	w.Close()
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		var out, errs bytes.Buffer
		code := runCode([]string{"--quiet", "-"}, bytes.NewReader(in.Bytes()), &out, &errs)
		runtime.GOMAXPROCS(prev)
		if code != ExitOK {
			t.Fatalf("GOMAXPROCS %d: exit %d: %s", procs, code, errs.String())
		}
		if out.String() != want.String() {
			t.Errorf("GOMAXPROCS %d: output differs from coding one article at a time (%d vs %d lines)",
				procs, strings.Count(out.String(), "\n"), strings.Count(want.String(), "\n"))
		}
	}
}
