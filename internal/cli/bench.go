package cli

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/text"
)

func init() {
	commands["bench"] = command{"measure end-to-end coding speed on a generated corpus", runBench}
}

func runBench(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "[--articles N] [--workers N] | --store sqlite|postgres [--copies N] [--db URL]",
		"Codes a generated corpus on all cores and reports start-up time (each part), sentences per second and heap. "+
			"With --store, ingests 1× and 10× the demo corpus into fresh stores and reports the growth of the time.",
		[]string{"bench --articles 2000", "bench --store sqlite", "bench --store postgres --db postgres://localhost/postgres"},
		stdout, stderr)
	n := fs.Int("articles", 20000, "number of generated articles")
	workers := fs.Int("workers", runtime.NumCPU(), "coding goroutines")
	kind := fs.String("store", "", "instead of coding, ingest 1× and 10× a corpus into a fresh `store` (sqlite or postgres) and print the growth ratio")
	db := fs.String("db", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "with --store postgres: the `server` to create a scratch database on")
	copies := fs.Int("copies", 3, "with --store: demo corpus copies in the 1× run (678 articles each)")
	child := fs.Bool("startup-only", false, "print the start-up time of a coding command and exit (used by bench itself)")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	if *n < 1 || *workers < 1 || *copies < 1 {
		return fs.fail("--articles, --workers and --copies must be at least 1")
	}
	if *child {
		return startupOnly(stdout, stderr)
	}
	fmt.Fprintf(stdout, "machine: %d cores (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	// Before anything else loads the parts, so each is measured cold.
	if err := printStartup(stdout); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	switch *kind {
	case "":
	case "sqlite", "postgres":
		return benchStore(*kind, *db, *copies, stdout, stderr)
	default:
		return fs.fail("--store %q: want sqlite or postgres", *kind)
	}
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	arts := pipeline.Synthetic(*n)
	sents := 0
	for _, a := range arts {
		sents += len(text.Sentences(a.Text))
	}
	p.Process(arts[0]) // loads whatever is loaded lazily

	var next, events atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(len(arts)) {
					return
				}
				evs, _ := p.Process(arts[i])
				events.Add(int64(len(evs)))
			}
		}()
	}
	wg.Wait()
	el := time.Since(start).Seconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "%d articles, %d sentences, %d events in %.2fs with %d workers\n", len(arts), sents, events.Load(), el, *workers)
	fmt.Fprintf(stdout, "%.0f sentences/s, %.0f articles/s, %.0f sentences/s per core\n",
		float64(sents)/el, float64(len(arts))/el, float64(sents)/el/float64(min(*workers, runtime.NumCPU())))
	// what is in use right after the run holds garbage not yet collected
	// (up to GOGC's 100 % more); what stays after a collection is the
	// coder's own footprint: dictionaries, model, gazetteer, buffers
	runtime.GC()
	var live runtime.MemStats
	runtime.ReadMemStats(&live)
	fmt.Fprintf(stdout, "heap in use: %d MiB at the end of the run, %d MiB live after a collection\n", ms.HeapInuse>>20, live.HeapInuse>>20)
	return ExitOK
}
