package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/coder"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/geo"
	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/read"
	"github.com/flashpoint/flashpoint/internal/samples"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

func init() {
	commands["code"] = command{"code articles into events (bundled samples when no input is given)", runCode}
}

// codingFlags are the options shared by the commands that code articles.
type codingFlags struct {
	inputFormat, date string
	dicts, patterns   listFlag
	explain, noGeo    bool
	skip              []os.FileInfo // files never read: the command's own output and database
}

func (c *codingFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.inputFormat, "input-format", "auto", "input `format`: auto, jsonl, csv, text")
	fs.StringVar(&c.date, "date", "", "article `date` (YYYY-MM-DD) for plain-text input without a date line")
	fs.Var(&c.dicts, "dict", "extra actor dictionary `file` (repeatable; see docs/dictionaries.md)")
	fs.Var(&c.patterns, "patterns", "extra verb pattern `file` (repeatable; see docs/patterns.md)")
	fs.BoolVar(&c.explain, "explain", false, "record which dictionary entries and patterns fired")
	fs.BoolVar(&c.noGeo, "no-geo", false, "skip geolocation")
}

// pipeline loads the dictionaries, patterns, gazetteer and parser model
// at once, one goroutine each: they are independent, and start-up is
// the slowest of them instead of their sum (startup.go measures each).
func (c *codingFlags) pipeline() (*pipeline.Pipeline, error) {
	var (
		wg       sync.WaitGroup
		d        *actors.Dict
		codes    *verbs.Codes
		ps       *verbs.Patterns
		g        *geo.Gazetteer
		dErr, vE error
	)
	wg.Add(3)
	go func() { defer wg.Done(); d, dErr = actors.Load(c.dicts) }()
	go func() { defer wg.Done(); codes, ps, vE = verbs.Load(c.patterns) }()
	go func() {
		defer wg.Done()
		if !c.noGeo {
			g = geo.Default()
		}
	}()
	// The coder decodes the embedded model on first use anyway; warming
	// it here overlaps that with the rest. Not waited for.
	go syntax.Default()
	wg.Wait()
	if dErr != nil {
		return nil, dErr
	}
	if vE != nil {
		return nil, vE
	}
	p := &pipeline.Pipeline{Coder: &coder.Coder{Dict: d, Codes: codes, Patterns: ps, Explain: c.explain}}
	if g != nil {
		p.Geo = g
	}
	return p, nil
}

// skipOutput keeps a command from reading its own output: with
// 'code . > out.jsonl' the shell has created out.jsonl in the folder
// being read before flashpoint starts.
func (c *codingFlags) skipOutput(stdout io.Writer) {
	if f, ok := stdout.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			c.skip = append(c.skip, fi)
		}
	}
}

// readArticles streams the articles of paths (the bundled samples when
// paths is empty), reporting rejects and warnings on stderr.
func (c *codingFlags) readArticles(paths []string, stdin io.Reader, stderr io.Writer, emit func(event.Article) error) (rejected int, err error) {
	return c.readArticlesReject(paths, stdin, stderr, emit, nil)
}

// readArticlesReject is readArticles that also hands each reject to keep.
func (c *codingFlags) readArticlesReject(paths []string, stdin io.Reader, stderr io.Writer, emit func(event.Article) error, keep func(store.Reject)) (rejected int, err error) {
	opt := read.Options{Format: c.inputFormat, Date: c.date, Skip: c.skip, Warn: func(r read.Reject) {
		fmt.Fprintf(stderr, "flashpoint: warning: %v\n", r)
	}}
	if len(paths) == 0 {
		paths, stdin, opt.Format = []string{"-"}, bytes.NewReader(samples.JSONL), "jsonl"
	}
	err = read.Read(paths, opt, stdin, emit, func(r read.Reject) {
		rejected++
		fmt.Fprintf(stderr, "flashpoint: %v (skipped)\n", r)
		if keep != nil {
			keep(store.Reject{File: r.File, Line: r.Line, Reason: r.Reason})
		}
	})
	return rejected, err
}

// readExit is the exit status once input was read: some records skipped
// while others were coded is 1; nothing read at all because every input
// was missing, empty or rejected is an error, 2.
func readExit(read, rejected int) int {
	switch {
	case rejected == 0:
		return ExitOK
	case read == 0:
		return ExitUsage
	}
	return ExitSkipped
}

// checkCoding validates the coding options before any input is read.
func (c *codingFlags) check() error {
	switch strings.ToLower(c.inputFormat) {
	case "", "auto", "jsonl", "json", "ndjson", "csv", "text", "txt", "html":
	default:
		return fmt.Errorf("--input-format %q: want auto, jsonl, csv or text", c.inputFormat)
	}
	if c.date != "" {
		if _, err := time.Parse("2006-01-02", c.date); err != nil {
			return fmt.Errorf("--date %q: want YYYY-MM-DD", c.date)
		}
	}
	return nil
}

func runCode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("code", "[options] [FILE|DIR|-]...",
		"Codes news articles into CAMEO events, one per line on standard output. Files, folders (read recursively) and - "+
			"for standard input; JSONL, CSV, plain text, HTML, gzipped or not. With no input, codes the bundled sample articles.",
		[]string{"code", "code examples/articles.jsonl", "code --format csv examples/articles.jsonl", "code --date 2024-04-02 examples/wire/"},
		stdout, stderr)
	var cf codingFlags
	cf.register(fs.FlagSet)
	format := fs.String("format", "jsonl", "output format: "+strings.Join(output.Formats(), ", "))
	quiet := fs.Bool("quiet", false, "no summary line on stderr")
	paths, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if err := cf.check(); err != nil {
		return fs.fail("%v", err)
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		return fs.fail("%v", err)
	}
	p, err := cf.pipeline()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	cf.skipOutput(stdout)
	articles, events := 0, 0
	oc := newOrderedCoder(0, p.Process, func(evs []event.Event, err error) error {
		if err != nil {
			return err
		}
		for i := range evs {
			if err := w.Write(&evs[i]); err != nil {
				return err
			}
			events++
		}
		return nil
	})
	rejected, err := cf.readArticles(paths, stdin, stderr, func(a event.Article) error {
		articles++
		return oc.add(a)
	})
	if cerr := oc.close(); err == nil || err == cerr {
		err = cerr
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	if !*quiet {
		fmt.Fprintf(stderr, "flashpoint: %d articles coded, %d events, %d records skipped\n", articles, events, rejected)
	}
	if articles == 0 && rejected > 0 {
		fmt.Fprintln(stderr, "flashpoint: nothing was coded")
	}
	return readExit(articles, rejected)
}

// openStore builds the coding pipeline and opens the store at db, the
// first steps of every command that codes into a database. On failure it
// has reported the error and the caller exits with ExitUsage.
func (c *codingFlags) openStore(ctx context.Context, db string, stderr io.Writer) (*pipeline.Pipeline, *store.Store, bool) {
	p, err := c.pipeline()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return nil, nil, false
	}
	st, ok := openDB(ctx, db, stderr)
	return p, st, ok
}
