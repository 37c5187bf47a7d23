package cli

import (
	"runtime"
	"sync"

	"github.com/flashpoint/flashpoint/internal/event"
)

// orderedCoder codes articles on every core and hands the results on in
// input order: output is byte-identical to coding one at a time.
type orderedCoder struct {
	order chan chan coded // one slot per article, in input order
	jobs  chan codeJob
	stop  chan struct{} // closed when the consumer failed
	err   error         // the consumer's first error, set before stop closes
	wg    sync.WaitGroup
	done  chan struct{}
}

type coded struct {
	evs []event.Event
	err error
}

type codeJob struct {
	a    event.Article
	slot chan coded
}

// newOrderedCoder starts workers (0: GOMAXPROCS) running process, and a
// consumer handing each article's result to consume in input order.
// At most a few articles per worker are in flight, so memory stays
// bounded whatever the input's length.
func newOrderedCoder(workers int, process func(event.Article) ([]event.Event, error), consume func([]event.Event, error) error) *orderedCoder {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c := &orderedCoder{order: make(chan chan coded, 4*workers), jobs: make(chan codeJob, workers),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range workers {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			for j := range c.jobs {
				evs, err := process(j.a)
				j.slot <- coded{evs, err}
			}
		}()
	}
	go func() {
		defer close(c.done)
		for slot := range c.order {
			r := <-slot
			if c.err != nil {
				continue // drain: the producer may still be sending
			}
			if err := consume(r.evs, r.err); err != nil {
				c.err = err
				close(c.stop)
			}
		}
	}()
	return c
}

// add queues an article; after the consumer failed it returns that error
// so the reader stops.
func (c *orderedCoder) add(a event.Article) error {
	slot := make(chan coded, 1)
	select {
	case c.order <- slot:
	case <-c.stop:
		return c.err
	}
	c.jobs <- codeJob{a, slot}
	return nil
}

// close waits for every queued article to be handed on and returns the
// consumer's first error.
func (c *orderedCoder) close() error {
	close(c.jobs)
	close(c.order)
	c.wg.Wait()
	<-c.done
	return c.err
}
