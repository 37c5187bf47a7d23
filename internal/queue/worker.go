package queue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/store"
)

// WorkerOptions tune Work. The zero value is ready to use.
type WorkerOptions struct {
	Batch      int           // messages per fetch and per transaction; 0 means 20
	Coders     int           // coding goroutines; 0 means runtime.NumCPU()
	MaxDeliver int           // deliveries before a failing message is dead-lettered; 0 means 5
	AckWait    time.Duration // redelivery delay of unacknowledged messages (a consumer setting); 0 means 60s
	FetchWait  time.Duration // how long one fetch waits for messages; 0 means 1s
	// ExitWhenDrained makes Work return once no message is waiting or
	// unacknowledged (batch jobs, tests); otherwise it runs until ctx ends.
	ExitWhenDrained bool
	Metrics         *Metrics                         // nil: a private one
	Logf            func(format string, args ...any) // nil: silent
}

func (o *WorkerOptions) defaults() {
	if o.Batch <= 0 {
		o.Batch = 20
	}
	if o.Coders <= 0 {
		o.Coders = runtime.NumCPU()
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.FetchWait <= 0 {
		o.FetchWait = time.Second
	}
	if o.Metrics == nil {
		o.Metrics = &Metrics{}
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// item is one message on its way through a worker.
type item struct {
	m         jetstream.Msg
	delivered uint64
	fetched   time.Time
	a         event.Article
	fp        store.Fingerprint
	events    []event.Event
	dead      string // non-empty: dead-letter with this reason
	reject    string // non-empty: invalid article, record in rejects
	seen      bool   // already stored
}

// Consumer creates (or updates) the durable pull consumer the workers
// share. Redelivery counting is done by Work, so the server never
// gives up on a message by itself (MaxDeliver -1).
func (q *Queue) Consumer(ctx context.Context, ackWait time.Duration) (jetstream.Consumer, error) {
	if ackWait <= 0 {
		ackWait = time.Minute
	}
	c, err := q.js.CreateOrUpdateConsumer(ctx, q.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       q.cfg.Consumer,
		FilterSubject: q.cfg.Subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       ackWait,
		MaxDeliver:    -1,
		MaxAckPending: 20000,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s: %w", q.cfg.Consumer, err)
	}
	return c, nil
}

// Work pulls articles, codes them with code, commits them to st in one
// transaction per fetched batch, and acknowledges them after the
// commit. It returns ctx.Err() when ctx ends (after settling the batch
// in hand), or nil when ExitWhenDrained and the queue is empty. Store
// and server failures are retried with backoff, never fatal.
func (q *Queue) Work(ctx context.Context, st *store.Store, code ingest.CodeFunc, opt WorkerOptions) error {
	opt.defaults()
	cons, err := q.Consumer(ctx, opt.AckWait)
	if err != nil {
		return err
	}
	w := &worker{q: q, st: st, code: code, opt: opt, cons: cons, met: opt.Metrics}
	batches := make(chan []*item, 1) // one batch coded ahead while the last is written
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for b := range batches {
			w.write(b)
		}
	}()
	err = w.fetchLoop(ctx, batches)
	close(batches)
	wg.Wait()
	return err
}

type worker struct {
	q    *Queue
	st   *store.Store
	code ingest.CodeFunc
	opt  WorkerOptions
	cons jetstream.Consumer
	met  *Metrics
}

// fetchLoop fetches and codes batches and hands them to the writer.
func (w *worker) fetchLoop(ctx context.Context, out chan<- []*item) error {
	lastInfo := time.Time{}
	backoff := 100 * time.Millisecond
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		mb, err := w.cons.Fetch(w.opt.Batch, jetstream.FetchMaxWait(w.opt.FetchWait))
		var items []*item
		if err == nil {
			for m := range mb.Messages() {
				items = append(items, w.receive(m))
			}
			err = mb.Error()
		}
		if err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
			w.met.Errors.Add(1)
			w.opt.Logf("fetch: %v (retrying in %v)", err, backoff)
			sleep(ctx, backoff)
			backoff = min(backoff*2, 10*time.Second)
		} else {
			backoff = 100 * time.Millisecond
		}
		empty := len(items) == 0
		if empty || time.Since(lastInfo) > 2*time.Second {
			lastInfo = time.Now()
			if info, ierr := w.cons.Info(context.WithoutCancel(ctx)); ierr == nil {
				w.met.Lag.Store(int64(info.NumPending))
				w.met.AckPending.Store(int64(info.NumAckPending))
				if empty && w.opt.ExitWhenDrained && info.NumPending == 0 && info.NumAckPending == 0 {
					return nil
				}
			}
		}
		if empty {
			continue
		}
		w.prepare(ctx, items)
		out <- items
	}
}

// receive reads one message's delivery count and decodes it.
func (w *worker) receive(m jetstream.Msg) *item {
	it := &item{m: m, delivered: 1, fetched: time.Now()}
	if md, err := m.Metadata(); err == nil {
		it.delivered = md.NumDelivered
	}
	if it.delivered > 1 {
		w.met.Redeliveries.Add(1)
	}
	a, err := decode(m)
	switch {
	case err != nil:
		it.dead = err.Error()
	case it.delivered > uint64(w.opt.MaxDeliver):
		it.dead = fmt.Sprintf("delivered %d times without being committed", it.delivered)
	}
	it.a = a
	return it
}

// prepare validates, fingerprints and codes the batch on Coders goroutines.
func (w *worker) prepare(ctx context.Context, items []*item) {
	next := make(chan *item)
	var wg sync.WaitGroup
	for range min(w.opt.Coders, len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				w.prepareOne(ctx, it)
			}
		}()
	}
	for _, it := range items {
		if it.dead == "" {
			next <- it
		}
	}
	close(next)
	wg.Wait()
}

func (w *worker) prepareOne(ctx context.Context, it *item) {
	a := &it.a
	if it.reject = ingest.Invalid(a); it.reject != "" {
		return
	}
	it.fp = store.FingerprintOf(a.Title, a.Text)
	if seen, err := w.st.Seen(context.WithoutCancel(ctx), a.ID, it.fp); err == nil && seen {
		it.seen = true
		return
	}
	evs, err := ingest.SafeCode(w.code, *a)
	if err != nil {
		it.reject = fmt.Sprintf("article %s: %v", a.ID, err)
	}
	it.events = evs
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
