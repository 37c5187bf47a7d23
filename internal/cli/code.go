package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/coder"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/geo"
	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/read"
	"github.com/flashpoint/flashpoint/internal/samples"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
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
}

func (c *codingFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.inputFormat, "input-format", "auto", "input format: auto, jsonl, csv, text")
	fs.StringVar(&c.date, "date", "", "article date (YYYY-MM-DD) for plain-text input without a date line")
	fs.Var(&c.dicts, "dict", "extra actor dictionary file (repeatable; see docs/dictionaries.md)")
	fs.Var(&c.patterns, "patterns", "extra verb pattern file (repeatable; see docs/patterns.md)")
	fs.BoolVar(&c.explain, "explain", false, "record which dictionary entries and patterns fired")
	fs.BoolVar(&c.noGeo, "no-geo", false, "skip geolocation")
}

func (c *codingFlags) pipeline() (*pipeline.Pipeline, error) {
	d, err := actors.Load(c.dicts)
	if err != nil {
		return nil, err
	}
	codes, ps, err := verbs.Load(c.patterns)
	if err != nil {
		return nil, err
	}
	p := &pipeline.Pipeline{Coder: &coder.Coder{Dict: d, Codes: codes, Patterns: ps, Explain: c.explain}}
	if !c.noGeo {
		p.Geo = geo.Default()
	}
	return p, nil
}

// readArticles streams the articles of paths (the bundled samples when
// paths is empty), reporting rejects on stderr.
func (c *codingFlags) readArticles(paths []string, stdin io.Reader, stderr io.Writer, emit func(event.Article) error) (rejected int, err error) {
	return c.readArticlesReject(paths, stdin, stderr, emit, nil)
}

// readArticlesReject is readArticles that also hands each reject to keep.
func (c *codingFlags) readArticlesReject(paths []string, stdin io.Reader, stderr io.Writer, emit func(event.Article) error, keep func(store.Reject)) (rejected int, err error) {
	opt := read.Options{Format: c.inputFormat, Date: c.date}
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

func runCode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf codingFlags
	cf.register(fs)
	format := fs.String("format", "jsonl", "output format: "+strings.Join(output.Formats(), ", "))
	quiet := fs.Bool("quiet", false, "no summary line on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: flashpoint code [options] [FILE|DIR|-]...\n\nCodes news articles into CAMEO events, one per line. With no input, codes the bundled sample articles.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	p, err := cf.pipeline()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	articles, events := 0, 0
	rejected, err := cf.readArticles(fs.Args(), stdin, stderr, func(a event.Article) error {
		articles++
		evs, err := p.Process(a)
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
	if rejected > 0 {
		return ExitSkipped
	}
	return ExitOK
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

// openDB opens the store at db, reporting a failure on stderr.
func openDB(ctx context.Context, db string, stderr io.Writer) (*store.Store, bool) {
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return nil, false
	}
	return st, true
}

// openUpdated opens the store and brings its tension series up to date
// with what was ingested since the last update.
func openUpdated(ctx context.Context, db string, stderr io.Writer) (*store.Store, bool) {
	st, ok := openDB(ctx, db, stderr)
	if !ok {
		return nil, false
	}
	if _, err := tension.Update(ctx, st, tension.DefaultConfig()); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		st.Close()
		return nil, false
	}
	return st, true
}
