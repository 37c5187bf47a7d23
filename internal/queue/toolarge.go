package queue

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/nats-io/nats.go"

	"github.com/flashpoint/flashpoint/internal/event"
)

// TooLargeError: an article's message is over the server's payload limit
// (1 MiB by default). The server would refuse it, and a publisher that
// stopped on it would lose everything after it; it is reported alone.
type TooLargeError struct {
	ID        string
	Size, Max int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("article %q: %d bytes, over the NATS server's message limit of %d bytes", e.ID, e.Size, e.Max)
}

// tooLarge checks m against the connection's payload limit.
func (q *Queue) tooLarge(a event.Article, m *nats.Msg) error {
	size := int64(len(m.Data))
	for k, vs := range m.Header {
		for _, v := range vs {
			size += int64(len(k) + len(v) + 4)
		}
	}
	if max := q.nc.MaxPayload(); size > max {
		return &TooLargeError{ID: a.ID, Size: size, Max: max}
	}
	return nil
}

// DeadLetter records an article that cannot be queued on the
// dead-letter subject: its id, origin, title, URL and the reason, not
// its text (which is what did not fit).
func (q *Queue) DeadLetter(ctx context.Context, a event.Article, reason string) error {
	data, err := json.Marshal(map[string]string{"id": a.ID, "date": a.Date, "title": a.Title, "url": a.URL, "source": a.Source, "origin": a.Origin})
	if err != nil {
		return err
	}
	m := nats.NewMsg(q.cfg.DeadSubject)
	m.Data = data
	m.Header.Set(HeaderReason, reason)
	m.Header.Set(HeaderOrigin, a.Origin)
	_, err = q.js.PublishMsg(ctx, m)
	return err
}
