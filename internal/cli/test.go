package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/flashpoint/flashpoint/internal/golden"
	"github.com/flashpoint/flashpoint/internal/pipeline"
)

func init() {
	commands["test"] = command{"run golden case files: texts and the events they must give", runTest}
}

func runTest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: flashpoint test FILE|DIR...")
		fmt.Fprintln(stderr, "\nCodes every case of golden files (format: docs/testing.md) with the full pipeline and")
		fmt.Fprintln(stderr, "reports the cases whose events differ. Exit status 0 when all pass, 1 when some fail.")
		fmt.Fprintln(stderr, "\nexample:\n  flashpoint test internal/coder/testdata/golden/")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return ExitUsage
	}
	files, err := goldenFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint test:", err)
		return ExitUsage
	}
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint test:", err)
		return ExitUsage
	}
	total, failed := 0, 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint test:", err)
			return ExitUsage
		}
		cases, err := golden.Parse(f, fh)
		fh.Close()
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint test:", err)
			return ExitUsage
		}
		fails, err := golden.Run(p, cases)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint test:", err)
			return ExitUsage
		}
		for _, fl := range fails {
			fmt.Fprintf(stdout, "FAIL %v\n\n", fl)
		}
		total += len(cases)
		failed += len(fails)
	}
	fmt.Fprintf(stdout, "%d cases in %d files, %d failed\n", total, len(files), failed)
	if failed > 0 {
		return ExitSkipped
	}
	return ExitOK
}

// goldenFiles expands directories to their *.txt files; a named file is
// taken whatever its name, a directory without cases is an error.
func goldenFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(filepath.Join(a, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("%s: no *.txt case files", a)
		}
		out = append(out, m...)
	}
	return out, nil
}
