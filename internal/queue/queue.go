// Package queue spreads coding over many processes and machines with
// NATS JetStream as the durable work queue and PostgreSQL as the shared
// store: publishers put articles on a stream, any number of workers
// pull them through one durable pull consumer, code them, commit the
// events and only then acknowledge. A worker that dies loses nothing
// (its unacknowledged messages are redelivered to the others) and
// writes nothing twice (the store skips article ids it already holds).
// Messages that cannot be decoded, or fail MaxDeliver times, go to a
// dead-letter subject with the reason.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store"
)

// Defaults for Config's empty fields.
const (
	DefaultStream      = "FLASHPOINT"
	DefaultSubject     = "flashpoint.articles"
	DefaultDeadStream  = "FLASHPOINT_DEAD"
	DefaultDeadSubject = "flashpoint.dead"
	DefaultConsumer    = "flashpoint-workers"
	DefaultDedup       = time.Hour
)

// Headers carried by article and dead-letter messages.
const (
	HeaderOrigin = "Fp-Origin" // "file:line" the article was read from
	HeaderReason = "Fp-Reason" // why a message was dead-lettered
	HeaderFrom   = "Fp-From"   // subject and stream sequence of a dead letter
)

// Config names the server, streams and consumer. Zero fields take the
// defaults above.
type Config struct {
	URL         string        // e.g. nats://127.0.0.1:4222
	Stream      string        // work-queue stream holding Subject
	Subject     string        // articles are published here
	DeadStream  string        // stream holding DeadSubject
	DeadSubject string        // poison messages are republished here
	Consumer    string        // durable pull consumer shared by all workers
	Dedup       time.Duration // JetStream duplicate window for message ids
}

func (c *Config) defaults() {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&c.URL, nats.DefaultURL)
	def(&c.Stream, DefaultStream)
	def(&c.Subject, DefaultSubject)
	def(&c.DeadStream, DefaultDeadStream)
	def(&c.DeadSubject, DefaultDeadSubject)
	def(&c.Consumer, DefaultConsumer)
	if c.Dedup <= 0 {
		c.Dedup = DefaultDedup
	}
}

// Queue is a connection to the server with both streams ensured.
type Queue struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
}

// Connect connects to the server and creates the article stream (work-
// queue retention: a message is removed once acknowledged) and the
// dead-letter stream when they are missing.
func Connect(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	nc, err := nats.Connect(cfg.URL, nats.Name("flashpoint"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %s", store.Redact(cfg.URL), store.Redact(err.Error()))
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(1024))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: jetstream: %w", err)
	}
	q := &Queue{cfg: cfg, nc: nc, js: js}
	if err := q.ensure(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) ensure(ctx context.Context) error {
	streams := []jetstream.StreamConfig{
		{Name: q.cfg.Stream, Subjects: []string{q.cfg.Subject}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Duplicates: q.cfg.Dedup},
		{Name: q.cfg.DeadStream, Subjects: []string{q.cfg.DeadSubject}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage},
	}
	for _, sc := range streams {
		// Create, not update: an operator's changes to an existing stream stay.
		_, err := q.js.CreateStream(ctx, sc)
		if err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return fmt.Errorf("queue: stream %s: %w", sc.Name, err)
		}
	}
	return nil
}

// Config returns the configuration with defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// JetStream exposes the JetStream context, for tests and tooling.
func (q *Queue) JetStream() jetstream.JetStream { return q.js }

// Close drains pending publishes and closes the connection.
func (q *Queue) Close() {
	q.nc.Drain()
	q.nc.Close()
}

// encode turns an article into a message: the JSON record on the
// article subject with the article id as the JetStream message id, so
// a re-published article within the Dedup window is dropped by the server.
func (q *Queue) encode(a event.Article) (*nats.Msg, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	m := nats.NewMsg(q.cfg.Subject)
	m.Data = data
	if a.ID != "" {
		m.Header.Set(jetstream.MsgIDHeader, a.ID)
	}
	if a.Origin != "" {
		m.Header.Set(HeaderOrigin, a.Origin)
	}
	return m, nil
}

// decode reads an article message; an error makes it poison.
func decode(m jetstream.Msg) (event.Article, error) {
	var a event.Article
	if err := json.Unmarshal(m.Data(), &a); err != nil {
		return a, fmt.Errorf("undecodable article: %v", err)
	}
	if h := m.Headers(); h != nil {
		a.Origin = h.Get(HeaderOrigin)
	}
	if a.Origin == "" {
		a.Origin = "nats:" + m.Subject()
	}
	return a, nil
}
