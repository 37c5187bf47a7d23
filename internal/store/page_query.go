package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Page asks for one page of a keyset-paginated query: rows after the
// opaque cursor of the previous page ("" for the first), at most Limit.
type Page struct {
	Cursor string
	Limit  int
	// Pair makes Filter.Dyad undirected: "AZE-ARM" matches both
	// directions (the dashboard's dyad page).
	Pair bool
}

// ErrBadCursor is returned for a cursor this store did not issue.
var ErrBadCursor = errors.New("store: bad cursor")

// cursor is the position after the last row of a page: events sort by
// (date, seq), incidents by (date, id).
type cursor struct {
	Date string `json:"d"`
	Key  int64  `json:"k"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	// Date may be "": undated history sorts first.
	if err != nil || json.Unmarshal(b, &c) != nil || c.Key <= 0 {
		return c, ErrBadCursor
	}
	return c, nil
}

// pageWhere adds the pair and cursor conditions to the filter's WHERE
// clause; key is the tie-break column.
func (f Filter) pageWhere(events bool, p Page, key string) (string, []any, error) {
	pair := ""
	var pairArgs []any
	if p.Pair && f.Dyad != "" {
		a, b, ok := strings.Cut(f.Dyad, "-")
		if !ok || a == "" || b == "" {
			return "", nil, fmt.Errorf("store: dyad %q: want A-B, e.g. AZE-ARM", f.Dyad)
		}
		a, b = strings.ToUpper(a), strings.ToUpper(b)
		pair = "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
		pairArgs = []any{a, b, b, a}
		f.Dyad = ""
	}
	where, args, err := f.where(events)
	if err != nil {
		return "", nil, err
	}
	var conds []string
	if where != "" {
		conds = append(conds, strings.TrimPrefix(where, " WHERE "))
	}
	if pair != "" {
		conds = append(conds, pair)
		args = append(args, pairArgs...)
	}
	if p.Cursor != "" {
		c, err := decodeCursor(p.Cursor)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "(date > ? OR (date = ? AND "+key+" > ?))")
		args = append(args, c.Date, c.Date, c.Key)
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// EventsPage returns one page of the events matching f (f.Limit is
// ignored) in the order of Events, and the cursor of the next page (""
// when this is the last).
func (s *Store) EventsPage(ctx context.Context, f Filter, p Page) ([]StoredEvent, string, error) {
	where, args, err := f.pageWhere(true, p, "seq")
	if err != nil {
		return nil, "", err
	}
	limit := max(p.Limit, 1)
	// One row more than asked tells whether a next page exists.
	q := fmt.Sprintf("SELECT %s FROM events%s ORDER BY date, seq LIMIT %d", eventColumnList, where, limit+1)
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, "", fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []StoredEvent
	for rows.Next() {
		e, inc, err := scanEvent(rows)
		if err != nil {
			return nil, "", fmt.Errorf("store: events: %w", err)
		}
		out = append(out, StoredEvent{Event: e, IncidentID: inc})
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: events: %w", err)
	}
	if len(out) <= limit {
		return out, "", nil
	}
	out = out[:limit]
	// The storage order (seq) is not part of StoredEvent: look up the
	// last row's, by its unique (doc_id, id).
	last := out[limit-1]
	var seq int64
	if err := s.db.QueryRowContext(ctx, s.rebind("SELECT seq FROM events WHERE doc_id = ? AND id = ?"), last.DocID, last.ID).Scan(&seq); err != nil {
		return nil, "", fmt.Errorf("store: events cursor: %w", err)
	}
	return out, cursor{last.Date, seq}.encode(), nil
}

// IncidentsPage returns one page of the incidents matching f in the
// order of Incidents, and the cursor of the next page.
func (s *Store) IncidentsPage(ctx context.Context, f Filter, p Page) ([]Incident, string, error) {
	where, args, err := f.pageWhere(false, p, "id")
	if err != nil {
		return nil, "", err
	}
	limit := max(p.Limit, 1)
	q := fmt.Sprintf("SELECT %s FROM incidents%s ORDER BY date, id LIMIT %d", incidentColumnList, where, limit+1)
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, "", fmt.Errorf("store: incidents: %w", err)
	}
	defer rows.Close()
	var out []Incident
	for rows.Next() {
		r, err := scanIncident(rows)
		if err != nil {
			return nil, "", fmt.Errorf("store: incidents: %w", err)
		}
		out = append(out, r.Incident)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("store: incidents: %w", err)
	}
	if len(out) <= limit {
		return out, "", nil
	}
	out = out[:limit]
	return out, cursor{out[limit-1].Date, out[limit-1].ID}.encode(), nil
}
