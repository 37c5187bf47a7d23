package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["ingest"] = command{"code articles and store events and incidents (SQLite file or PostgreSQL)", runIngest}
}

func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("ingest", "[--db URL] [options] FILE|DIR|-...",
		"Codes articles and stores them with their events and incidents, creating the database if needed. "+
			"Articles already stored are skipped, so re-running an interrupted ingest finishes it without duplicates.",
		[]string{"ingest --db events.db examples/articles.jsonl", "ingest --db postgres://localhost/fp examples/wire/"},
		stdout, stderr)
	var cf codingFlags
	cf.register(fs.FlagSet)
	db := fs.String("db", store.DefaultPath, "`database`: a SQLite file path, sqlite:PATH or postgres://...")
	quiet := fs.Bool("quiet", false, "no progress output")
	paths, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return fs.fail("no input: name files, folders or - for standard input")
	}
	if err := cf.check(); err != nil {
		return fs.fail("%v", err)
	}
	if missing := missingPaths(paths); len(missing) == len(paths) {
		// Say so before the database is created.
		fmt.Fprintf(stderr, "flashpoint: %s: no such file or directory; nothing to ingest\n", strings.Join(missing, ", "))
		return ExitUsage
	}
	cf.skipOutput(stdout)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	p, st, ok := cf.openStore(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()

	// The reader has its own context: when the writer stops on a storage
	// failure, nothing would take its next article or reject, and it
	// would wait for ever on a full channel.
	rctx, stopReader := context.WithCancel(ctx)
	defer stopReader()
	articles := make(chan event.Article, 256)
	rejects := make(chan store.Reject, 64)
	readErr := make(chan error, 1)
	go func() {
		defer close(articles)
		defer close(rejects)
		_, err := cf.readArticlesReject(paths, stdin, stderr, func(a event.Article) error {
			select {
			case articles <- a:
				return nil
			case <-rctx.Done():
				return rctx.Err()
			}
		}, func(r store.Reject) {
			select {
			case rejects <- r:
			case <-rctx.Done():
			}
		})
		readErr <- err
	}()
	bar := newProgress(stderr, *quiet)
	if bar.terminal && !*quiet {
		bar.total = estimateRecords(paths)
	}
	stats, err := ingest.Run(ctx, st, articles, p.Process, ingest.Options{Rejects: rejects, Progress: bar.show,
		Rejected: func(r store.Reject) { fmt.Fprintf(stderr, "flashpoint: %s (skipped)\n", rejectText(r)) }})
	bar.done()
	if err == nil {
		// Run took everything, so the reader has finished.
		if rerr := <-readErr; rerr != nil && rerr != context.Canceled {
			err = rerr
		}
	}
	// Otherwise the reader is stopped and not waited for: it may be
	// blocked reading a pipe that never ends.
	stopReader()
	fmt.Fprintf(stderr, "flashpoint: articles read %d, stored %d (%d near-duplicates), duplicate %d, rejected %d; events %d, incidents %d, in %v\n",
		stats.Read, stats.Stored, stats.NearDuplicate, stats.Duplicate, stats.Rejected, stats.Events, stats.Incidents, stats.Elapsed.Round(time.Millisecond))
	if err == context.Canceled {
		fmt.Fprintln(stderr, "flashpoint: interrupted; what was committed is kept, run the same command again to finish")
		return ExitSkipped
	}
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return readExit(stats.Read, stats.Rejected)
}

// rejectText formats a reject as the reader's are: FILE:LINE: reason.
func rejectText(r store.Reject) string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason)
	}
	return r.File + ": " + r.Reason
}

// missingPaths lists the named inputs that do not exist.
func missingPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if _, err := os.Stat(p); p != "-" && errors.Is(err, fs.ErrNotExist) {
			out = append(out, p)
		}
	}
	return out
}

// progress draws a bar on a terminal and plain log lines elsewhere.
type progress struct {
	w        io.Writer
	quiet    bool
	terminal bool
	last     time.Time
	tick     int
	total    int // estimated records, 0 when unknown
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) show(pr ingest.Progress) {
	if p.quiet || pr.Done {
		return
	}
	line := fmt.Sprintf("%d articles (%d stored, %d duplicate, %d rejected), %d events | %.0f articles/s, %.0f events/s",
		pr.Read, pr.Stored, pr.Duplicate, pr.Rejected, pr.Events, pr.ArticlesPerSec, pr.EventsPerSec)
	if p.terminal {
		if p.total > 0 && pr.ArticlesPerSec > 0 && pr.Read < p.total {
			eta := time.Duration(float64(p.total-pr.Read) / pr.ArticlesPerSec * float64(time.Second))
			line += fmt.Sprintf(" | %d%% ETA %v", 100*pr.Read/p.total, eta.Round(time.Second))
		}
		p.tick++
		fmt.Fprintf(p.w, "\r%c %s\x1b[K", `|/-\`[p.tick%4], line)
		return
	}
	if time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		fmt.Fprintln(p.w, "flashpoint: ingest:", line)
	}
}

func (p *progress) done() {
	if p.terminal && !p.quiet {
		fmt.Fprintln(p.w)
	}
}

// estimateRecords counts the records of plain JSONL and CSV files and the
// files of directories, for the ETA; 0 when the input cannot be sized
// cheaply (standard input, gzip).
func estimateRecords(paths []string) int {
	total := 0
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || p == "-" {
			return 0
		}
		if fi.IsDir() {
			n := 0
			filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
				}
				return nil
			})
			total += n
			continue
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jsonl", ".ndjson", ".csv":
			f, err := os.Open(p)
			if err != nil {
				return 0
			}
			n, _ := countLines(f)
			f.Close()
			total += n
		case ".gz":
			return 0
		default:
			total++
		}
	}
	return total
}

func countLines(r io.Reader) (int, error) {
	buf := make([]byte, 256<<10)
	n := 0
	for {
		k, err := r.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
