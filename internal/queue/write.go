package queue

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// write commits a coded batch in one transaction, then settles every
// message: acknowledged when committed (or found stored), redelivered
// later when its article failed, dead-lettered when poison. Nothing is
// acknowledged before the commit, so a crash anywhere here loses nothing.
func (w *worker) write(items []*item) {
	ctx := context.Background()
	if since := time.Since(fetchedAt(items)); since > w.opt.AckWait/3 {
		for _, it := range items {
			it.m.InProgress() // coding was slow: keep the server from redelivering
		}
	}
	failed, err := w.commit(ctx, items)
	if err != nil {
		w.met.Errors.Add(1)
		w.opt.Logf("batch of %d: %v (will be redelivered)", len(items), err)
		for _, it := range items {
			if it.dead != "" {
				w.deadLetter(ctx, it, it.dead)
				continue
			}
			it.m.NakWithDelay(retryDelay(it.delivered))
		}
		return
	}
	for i, it := range items {
		switch {
		case it.dead != "":
			w.deadLetter(ctx, it, it.dead)
		case failed[i] != nil:
			w.retry(ctx, it, failed[i])
		default:
			w.ack(it)
		}
	}
}

// commit writes the batch; failed[i] is set for articles the store
// refused alone. An error means nothing was committed. A batch that
// lost a deadlock or serialization conflict to another worker is rolled
// back and written again at once (a few times), not redelivered.
func (w *worker) commit(ctx context.Context, items []*item) (failed []error, err error) {
	for attempt := 1; ; attempt++ {
		var res []store.Result
		failed, res, err = w.commitOnce(ctx, items)
		if attempt < maxAttempts && store.Retryable(err) {
			w.met.Conflicts.Add(1)
			sleep(ctx, time.Duration(attempt)*time.Duration(rand.Int64N(int64(20*time.Millisecond))))
			continue
		}
		if err != nil {
			return nil, err
		}
		for i, it := range items {
			if res[i].Outcome == store.Duplicate {
				it.seen = true
			} else {
				w.met.Events.Add(int64(res[i].Events))
			}
		}
		return failed, nil
	}
}

// maxAttempts bounds the immediate re-runs of a conflicting batch.
const maxAttempts = 5

// commitOnce is one attempt at the batch's transaction. It announces
// every article first, so the store takes all of the batch's incident
// locks at once in its fixed order.
func (w *worker) commitOnce(ctx context.Context, items []*item) (failed []error, res []store.Result, err error) {
	b, err := w.st.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, it := range items {
		if it.dead == "" && !it.seen && it.reject == "" {
			b.Reserve(&it.a, it.events)
		}
	}
	failed = make([]error, len(items))
	res = make([]store.Result, len(items))
	for i, it := range items {
		switch {
		case it.dead != "", it.seen:
		case it.reject != "":
			file, line := origin(&it.a)
			if err := b.Reject(store.Reject{File: file, Line: line, Reason: it.reject}); err != nil {
				b.Rollback()
				return nil, nil, err
			}
		default:
			r, err := b.Add(&it.a, it.fp, it.events)
			var ae *store.ArticleError
			if errors.As(err, &ae) && !store.Retryable(err) {
				failed[i] = err
				continue
			}
			if err != nil { // a conflict undoes the whole batch
				b.Rollback()
				return nil, nil, err
			}
			res[i] = r
		}
	}
	if err := b.Commit(); err != nil {
		return nil, nil, err
	}
	return failed, res, nil
}

// ack settles a committed message.
func (w *worker) ack(it *item) {
	it.m.Ack()
	w.met.Articles.Add(1)
	switch {
	case it.reject != "":
		w.met.Rejected.Add(1)
	case it.seen:
		w.met.Duplicates.Add(1)
	default:
		w.met.Stored.Add(1)
	}
}

// retry handles an article the store refused. Most often another
// worker stored the same article (or the same text) at the same moment:
// then it is a duplicate. Otherwise it is redelivered later, and
// dead-lettered after MaxDeliver attempts.
func (w *worker) retry(ctx context.Context, it *item, err error) {
	if seen, serr := w.st.Seen(ctx, it.a.ID, it.fp); serr == nil && seen {
		it.seen = true
		w.ack(it)
		return
	}
	w.met.Errors.Add(1)
	if it.delivered >= uint64(w.opt.MaxDeliver) {
		w.deadLetter(ctx, it, "failed "+strconv.FormatUint(it.delivered, 10)+" deliveries: "+err.Error())
		return
	}
	w.opt.Logf("article %s: %v (will be redelivered)", it.a.ID, err)
	it.m.NakWithDelay(retryDelay(it.delivered))
}

// deadLetter republishes the message on the dead-letter subject with
// the reason, then removes it from the work queue.
func (w *worker) deadLetter(ctx context.Context, it *item, reason string) {
	m := nats.NewMsg(w.q.cfg.DeadSubject)
	m.Data = it.m.Data()
	// Keep our headers and the message id (so a dead letter sent twice
	// is stored once), not the publish expectations of the original.
	for k, v := range it.m.Headers() {
		if k == jetstream.MsgIDHeader || strings.HasPrefix(k, "Fp-") {
			m.Header[k] = v
		}
	}
	m.Header.Set(HeaderReason, reason)
	from := it.m.Subject()
	if md, err := it.m.Metadata(); err == nil {
		from += " " + md.Stream + ":" + strconv.FormatUint(md.Sequence.Stream, 10)
	}
	m.Header.Set(HeaderFrom, from)
	if _, err := w.q.js.PublishMsg(ctx, m); err != nil {
		w.met.Errors.Add(1)
		w.opt.Logf("dead-letter %s: %v (will be redelivered)", from, err)
		it.m.NakWithDelay(retryDelay(it.delivered))
		return
	}
	w.opt.Logf("dead-lettered %s: %s", from, reason)
	w.met.DeadLetters.Add(1)
	it.m.Ack()
}

// retryDelay grows with the delivery count: 1s, 2s, 4s ... at most a minute.
func retryDelay(delivered uint64) time.Duration {
	d := time.Second << min(delivered, 6)
	return min(d, time.Minute)
}

// fetchedAt is when the batch was received.
func fetchedAt(items []*item) time.Time {
	if len(items) == 0 {
		return time.Now()
	}
	return items[0].fetched
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
