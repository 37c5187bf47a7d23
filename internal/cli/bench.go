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
	fs := newFlags("bench", "[--articles N] [--workers N]",
		"Codes a generated corpus on all cores and reports start-up time, sentences per second and heap.",
		[]string{"bench --articles 2000"},
		stdout, stderr)
	n := fs.Int("articles", 20000, "number of generated articles")
	workers := fs.Int("workers", runtime.NumCPU(), "coding goroutines")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	if *n < 1 || *workers < 1 {
		return fs.fail("--articles and --workers must be at least 1")
	}
	load := time.Now()
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
	loaded := time.Since(load)

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
	fmt.Fprintf(stdout, "machine: %d cores (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "start-up (dictionaries + gazetteer): %v\n", loaded.Round(time.Millisecond))
	fmt.Fprintf(stdout, "%d articles, %d sentences, %d events in %.2fs with %d workers\n", len(arts), sents, events.Load(), el, *workers)
	fmt.Fprintf(stdout, "%.0f sentences/s, %.0f articles/s, %.0f sentences/s per core\n",
		float64(sents)/el, float64(len(arts))/el, float64(sents)/el/float64(min(*workers, runtime.NumCPU())))
	fmt.Fprintf(stdout, "heap in use: %d MiB\n", ms.HeapInuse>>20)
	return ExitOK
}
