package queue

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/flashpoint/flashpoint/internal/event"
)

// PublishStats counts what a Publisher did.
type PublishStats struct {
	Published int // stored by the server
	Duplicate int // dropped by the server: same article id within the Dedup window
	Failed    int // not acknowledged (see the error from Wait)
}

// Publisher puts articles on the stream asynchronously; at most
// 1,024 are awaiting the server's acknowledgement at any time.
type Publisher struct {
	q       *Queue
	futures chan jetstream.PubAckFuture
	done    chan struct{}
	mu      sync.Mutex
	stats   PublishStats
	err     error
}

// Publisher starts a publisher.
func (q *Queue) Publisher() *Publisher {
	p := &Publisher{q: q, futures: make(chan jetstream.PubAckFuture, 4096), done: make(chan struct{})}
	go p.collect()
	return p
}

// collect reads acknowledgements in publish order.
func (p *Publisher) collect() {
	defer close(p.done)
	for f := range p.futures {
		select {
		case ack := <-f.Ok():
			p.mu.Lock()
			if ack.Duplicate {
				p.stats.Duplicate++
			} else {
				p.stats.Published++
			}
			p.mu.Unlock()
		case err := <-f.Err():
			p.mu.Lock()
			p.stats.Failed++
			if p.err == nil {
				p.err = fmt.Errorf("queue: publish %s: %w", f.Msg().Header.Get(jetstream.MsgIDHeader), err)
			}
			p.mu.Unlock()
		}
	}
}

// Publish sends one article. It blocks while too many are unacknowledged.
// An article over the server's payload limit is not sent: the error is
// a *TooLargeError, and the publisher goes on with the next.
func (p *Publisher) Publish(ctx context.Context, a event.Article) error {
	m, err := p.q.encode(a)
	if err != nil {
		return fmt.Errorf("queue: encode %s: %w", a.ID, err)
	}
	if err := p.q.tooLarge(a, m); err != nil {
		return err
	}
	f, err := p.q.js.PublishMsgAsync(m, jetstream.WithExpectStream(p.q.cfg.Stream),
		jetstream.WithStallWait(30*time.Second))
	if err != nil {
		return fmt.Errorf("queue: publish %s: %w", a.ID, err)
	}
	select {
	case p.futures <- f:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Wait waits for every acknowledgement and returns the counts and the
// first failure. The publisher cannot be used afterwards.
func (p *Publisher) Wait(ctx context.Context) (PublishStats, error) {
	close(p.futures)
	select {
	case <-p.done:
	case <-ctx.Done():
		return p.Stats(), ctx.Err()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats, p.err
}

// Stats returns the counts so far.
func (p *Publisher) Stats() PublishStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}
