package store

import (
	"context"
	"fmt"
	"iter"
	"strings"
)

// ExportedEvent is a stored event with what exchange formats ask of its
// article and incident.
type ExportedEvent struct {
	StoredEvent
	URL, Publisher, Title string
	IngestedAt            string // RFC 3339, as stored
	// The incident's tallies (0 without an incident).
	Mentions, Articles, Sources int
}

// ExportEvents yields the events matching f, ordered as Events, with
// their article's URL, source, title and ingest time and their
// incident's tallies. The look-ups are correlated subqueries so the
// filter's unqualified columns stay the events table's.
func (s *Store) ExportEvents(ctx context.Context, f Filter) iter.Seq2[ExportedEvent, error] {
	return func(yield func(ExportedEvent, error) bool) {
		where, args, err := f.where(true)
		if err != nil {
			yield(ExportedEvent{}, err)
			return
		}
		q := "SELECT " + eventColumnList + `,
			COALESCE((SELECT a.url FROM articles a WHERE a.id = events.doc_id), ''),
			COALESCE((SELECT a.source FROM articles a WHERE a.id = events.doc_id), ''),
			COALESCE((SELECT a.title FROM articles a WHERE a.id = events.doc_id), ''),
			COALESCE((SELECT a.ingested_at FROM articles a WHERE a.id = events.doc_id), ''),
			COALESCE((SELECT i.mentions FROM incidents i WHERE i.id = events.incident_id), 0),
			COALESCE((SELECT i.articles FROM incidents i WHERE i.id = events.incident_id), 0),
			COALESCE((SELECT i.sources FROM incidents i WHERE i.id = events.incident_id), '')
			FROM events` + where + " ORDER BY date, seq" + f.limit()
		rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
		if err != nil {
			yield(ExportedEvent{}, fmt.Errorf("store: export: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var x ExportedEvent
			var sources string
			e, inc, err := scanEvent(rows, &x.URL, &x.Publisher, &x.Title, &x.IngestedAt, &x.Mentions, &x.Articles, &sources)
			if err != nil {
				yield(ExportedEvent{}, fmt.Errorf("store: export: %w", err))
				return
			}
			if sources != "" {
				x.Sources = strings.Count(sources, "\n") + 1
			}
			x.StoredEvent = StoredEvent{Event: e, IncidentID: inc}
			if !yield(x, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(ExportedEvent{}, fmt.Errorf("store: export: %w", err))
		}
	}
}
