// Package ingest codes a stream of articles into the event store: a
// pool of coders (one per CPU) runs the pipeline, one writer stores the
// results in input order in batched transactions. Articles already
// stored are neither coded nor stored again, so an interrupted run is
// resumed by running it again.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// CodeFunc codes one article into events (pipeline.Process).
type CodeFunc func(event.Article) ([]event.Event, error)

// Options tune Run. The zero value is ready to use.
type Options struct {
	Workers    int           // coders; 0 means runtime.NumCPU()
	BatchSize  int           // articles per transaction; 0 means 200
	FlushEvery time.Duration // commit a partial batch this long after it began; 0 means 1s
	// Rejects, if not nil, carries records the reader rejected; they are
	// stored with the rest. Run reads it until it is closed.
	Rejects <-chan store.Reject
	// Rejected, if not nil, hears of each article Run itself rejects
	// (invalid, coder failure, refused by the store), to report it.
	Rejected func(store.Reject)
	// Progress, if not nil, is called from the writer every
	// ProgressEvery (0 means 1s) and once more when Run ends.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Stats counts what Run did.
type Stats struct {
	Read          int            // articles received
	Stored        int            // articles stored, near-duplicates included
	NearDuplicate int            // of Stored: linked to an earlier wire copy
	Duplicate     int            // skipped: same id or same text already stored
	Rejected      int            // records rejected (reader's and ours)
	Events        int            // events stored
	Incidents     int            // incidents created
	Rejects       []store.Reject // the first MaxRejects rejects
	Elapsed       time.Duration
}

// MaxRejects bounds Stats.Rejects; all rejects are stored regardless.
const MaxRejects = 1000

// Progress is a snapshot for a progress bar or a log line.
type Progress struct {
	Stats
	ArticlesPerSec float64 // articles decided (stored, skipped, rejected) per second since start
	EventsPerSec   float64
	Done           bool // the final call
}

// job is one article on its way through the coders to the writer.
type job struct {
	seq     int
	article event.Article
	fp      store.Fingerprint
	events  []event.Event
	reject  string // non-empty: reject with this reason
	seen    bool   // already stored: skip
}

// window bounds the articles between the reader and the writer, and so
// the writer's reorder buffer.
const window = 512

// Run reads articles until the channel is closed or ctx is cancelled,
// codes them with code and stores them in st. On cancellation the
// articles already taken in are finished and committed, and Run returns
// the stats with ctx.Err(). Other errors are database failures; what
// was committed before them stays.
func Run(ctx context.Context, st *store.Store, articles <-chan event.Article, code CodeFunc, opt Options) (Stats, error) {
	opt.defaults()
	start := time.Now()
	// stop ends the dispatcher early when the writer fails.
	dctx, stop := context.WithCancel(ctx)
	defer stop()
	jobs := make(chan *job, opt.Workers*2)
	results := make(chan *job, opt.Workers*2)
	tokens := make(chan struct{}, window)

	// Dispatcher: numbers articles in input order.
	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			var a event.Article
			var ok bool
			select {
			case <-dctx.Done():
				return
			case a, ok = <-articles:
				if !ok {
					return
				}
			}
			// An article taken in is always finished, even when ctx is
			// cancelled meanwhile: the writer (or the drain after an
			// error) keeps taking tokens, so this cannot block for ever.
			tokens <- struct{}{}
			jobs <- &job{seq: seq, article: a}
		}
	}()

	// Coders.
	done := make(chan struct{})
	for w := 0; w < opt.Workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := range jobs {
				prepare(ctx, st, code, j)
				results <- j
			}
		}()
	}
	go func() {
		for w := 0; w < opt.Workers; w++ {
			<-done
		}
		close(results)
	}()

	wr := &writer{st: st, ctx: ctx, opt: opt, start: start, lastProgress: start}
	err := wr.run(results, tokens)
	stop()
	// Drain so the coders and dispatcher can exit after an error.
	for range results {
		<-tokens
	}
	wr.stats.Elapsed = time.Since(start)
	if opt.Progress != nil {
		opt.Progress(wr.progress(true))
	}
	if err == nil {
		err = ctx.Err()
	}
	return wr.stats, err
}

func (o *Options) defaults() {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = time.Second
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = time.Second
	}
}

// prepare validates, fingerprints and codes one article (in a coder).
func prepare(ctx context.Context, st *store.Store, code CodeFunc, j *job) {
	a := &j.article
	if j.reject = Invalid(a); j.reject != "" {
		return
	}
	j.fp = store.FingerprintOf(a.Title, a.Text)
	seen, err := st.Seen(context.WithoutCancel(ctx), a.ID, j.fp)
	if err == nil && seen {
		j.seen = true
		return
	}
	// On a lookup error the writer's own check inside the transaction decides.
	j.events, err = SafeCode(code, *a)
	if err != nil {
		j.reject = fmt.Sprintf("article %s: %v", a.ID, err)
	}
}

// Invalid returns why an article cannot be stored, or "". Every path
// into the store (ingest, queue workers) rejects the same records the
// same way.
func Invalid(a *event.Article) string {
	switch {
	case strings.TrimSpace(a.ID) == "":
		return "missing id"
	case len(a.ID) > MaxIDBytes:
		return fmt.Sprintf("article %.40q…: id longer than %d bytes", a.ID, MaxIDBytes)
	case unstorable(a.ID):
		return fmt.Sprintf("article %q: id holds a NUL byte or invalid UTF-8", a.ID)
	case unstorable(a.Title) || unstorable(a.Text) || unstorable(a.URL) || unstorable(a.Source) || unstorable(a.Date):
		return fmt.Sprintf("article %q: text holds a NUL byte or invalid UTF-8", a.ID)
	case !validDate(a.Date):
		return fmt.Sprintf("article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
	case strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "":
		return fmt.Sprintf("article %s: no text", a.ID)
	}
	return ""
}

// MaxIDBytes bounds an article id: ids are keys, shown in pages and logs.
const MaxIDBytes = 1000

// unstorable reports text PostgreSQL cannot hold in a TEXT column (NUL,
// invalid UTF-8): one such record would otherwise fail its whole batch,
// on every re-run. Readers repair text they read; this guards the
// other ways in (queue, API) and ids, which are never repaired.
func unstorable(s string) bool {
	return strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)
}

// SafeCode turns a coder panic into an error, so one pathological
// article is rejected instead of killing the run (or a worker on every
// redelivery of it).
func SafeCode(code CodeFunc, a event.Article) (evs []event.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("coder panic: %v", r)
		}
	}()
	return code(a)
}

func validDate(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	_, err := time.Parse(time.DateOnly, d)
	return err == nil
}

// origin splits "file.jsonl:12" into file and line.
func origin(a *event.Article) (string, int) {
	if i := strings.LastIndexByte(a.Origin, ':'); i >= 0 {
		if n, err := strconv.Atoi(a.Origin[i+1:]); err == nil {
			return a.Origin[:i], n
		}
	}
	return a.Origin, 0
}

// writer stores results in input order, in batched transactions.
type writer struct {
	st           *store.Store
	ctx          context.Context
	opt          Options
	stats        Stats // committed, plus Read and skips decided before a batch
	pend         Stats // in the open batch: counted once it commits
	batch        *store.Batch
	inBatch      int
	batchStart   time.Time
	start        time.Time
	lastProgress time.Time
}

func (w *writer) run(results <-chan *job, tokens <-chan struct{}) (err error) {
	defer func() {
		if w.batch != nil {
			if err == nil {
				err = w.commit()
			} else {
				w.batch.Rollback()
			}
		}
	}()
	pending := map[int]*job{}
	next := 0
	rejects := w.opt.Rejects
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for results != nil || rejects != nil {
		select {
		case j, ok := <-results:
			if !ok {
				results = nil
				if w.ctx.Err() != nil {
					rejects = nil // stop taking reader rejects after Ctrl-C
				}
				continue
			}
			w.stats.Read++
			pending[j.seq] = j
			for {
				j, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-tokens
				if err := w.write(j); err != nil {
					return err
				}
			}
		case r, ok := <-rejects:
			if !ok {
				rejects = nil
				continue
			}
			if err := w.reject(r); err != nil {
				return err
			}
		case <-tick.C:
		}
		if w.batch != nil && (w.inBatch >= w.opt.BatchSize || time.Since(w.batchStart) >= w.opt.FlushEvery) {
			if err := w.commit(); err != nil {
				return err
			}
		}
		if w.opt.Progress != nil && time.Since(w.lastProgress) >= w.opt.ProgressEvery {
			w.lastProgress = time.Now()
			w.opt.Progress(w.progress(false))
		}
	}
	return nil
}

func (w *writer) begin() error {
	if w.batch != nil {
		return nil
	}
	b, err := w.st.Begin(w.ctx)
	if err != nil {
		return err
	}
	w.batch, w.inBatch, w.batchStart = b, 0, time.Now()
	return nil
}

func (w *writer) commit() error {
	b := w.batch
	w.batch = nil
	p := w.pend
	w.pend = Stats{}
	if err := b.Commit(); err != nil {
		return err
	}
	w.stats.Stored += p.Stored
	w.stats.NearDuplicate += p.NearDuplicate
	w.stats.Duplicate += p.Duplicate
	w.stats.Rejected += p.Rejected
	w.stats.Events += p.Events
	w.stats.Incidents += p.Incidents
	for _, r := range p.Rejects {
		if len(w.stats.Rejects) < MaxRejects {
			w.stats.Rejects = append(w.stats.Rejects, r)
		}
	}
	return nil
}

func (w *writer) reject(r store.Reject) error {
	if err := w.begin(); err != nil {
		return err
	}
	w.pend.Rejected++
	if len(w.pend.Rejects) < MaxRejects {
		w.pend.Rejects = append(w.pend.Rejects, r)
	}
	w.inBatch++
	return w.batch.Reject(r)
}

// ownReject stores a reject of Run's own and reports it.
func (w *writer) ownReject(r store.Reject) error {
	if w.opt.Rejected != nil {
		w.opt.Rejected(r)
	}
	return w.reject(r)
}

func (w *writer) write(j *job) error {
	file, line := origin(&j.article)
	switch {
	case j.reject != "":
		return w.ownReject(store.Reject{File: file, Line: line, Reason: j.reject})
	case j.seen:
		w.stats.Duplicate++
		return nil
	}
	if err := w.begin(); err != nil {
		return err
	}
	w.inBatch++
	res, err := w.batch.Add(&j.article, j.fp, j.events)
	var ae *store.ArticleError
	if errors.As(err, &ae) && !storageFailure(err) {
		return w.ownReject(store.Reject{File: file, Line: line, Reason: ae.Error()})
	}
	if err != nil {
		return err
	}
	switch res.Outcome {
	case store.Duplicate:
		w.pend.Duplicate++
	case store.NearDuplicate:
		w.pend.NearDuplicate++
		w.pend.Stored++
	default:
		w.pend.Stored++
	}
	w.pend.Events += res.Events
	w.pend.Incidents += res.NewIncidents
	return nil
}

func (w *writer) progress(done bool) Progress {
	p := Progress{Stats: w.stats, Done: done}
	p.Rejects = nil
	p.Elapsed = time.Since(w.start)
	if s := p.Elapsed.Seconds(); s > 0 {
		p.ArticlesPerSec = float64(w.stats.Stored+w.stats.Duplicate+w.stats.Rejected) / s
		p.EventsPerSec = float64(w.stats.Events) / s
	}
	return p
}
