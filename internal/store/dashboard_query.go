package store

import (
	"context"
	"fmt"
)

// Queries the dashboard needs beside the API's: a search's newest
// incidents, and article titles to show instead of ids.

// LatestIncidents returns the newest incidents matching f (f.Limit is
// ignored), newest first, at most limit. codes, when not empty, keeps
// the incidents whose code is one of them (a PLOVER type is a set of
// CAMEO codes).
func (s *Store) LatestIncidents(ctx context.Context, f Filter, codes []string, limit int) ([]Incident, error) {
	f.Limit = 0
	where, args, err := f.where(false)
	if err != nil {
		return nil, err
	}
	if len(codes) > 0 {
		cond := "code IN (" + placeholders(len(codes)) + ")"
		if where == "" {
			where = " WHERE " + cond
		} else {
			where += " AND " + cond
		}
		for _, c := range codes {
			args = append(args, c)
		}
	}
	q := fmt.Sprintf("SELECT %s FROM incidents%s ORDER BY date DESC, id DESC LIMIT %d", incidentColumnList, where, max(limit, 1))
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: latest incidents: %w", err)
	}
	defer rows.Close()
	var out []Incident
	for rows.Next() {
		r, err := scanIncident(rows)
		if err != nil {
			return nil, fmt.Errorf("store: latest incidents: %w", err)
		}
		out = append(out, r.Incident)
	}
	return out, rows.Err()
}

// ArticleTitles returns the titles of the stored articles among ids;
// articles without a title, and ids not stored, are left out.
func (s *Store) ArticleTitles(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		q := "SELECT id, title FROM articles WHERE id IN (" + placeholders(n) + ")"
		rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
		if err != nil {
			return nil, fmt.Errorf("store: article titles: %w", err)
		}
		for rows.Next() {
			var id, title string
			if err := rows.Scan(&id, &title); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: article titles: %w", err)
			}
			if title != "" {
				out[id] = title
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: article titles: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}
