package store

import (
	"context"
	"fmt"
	"slices"
)

// Point is one located incident for a map: the place of its first
// located event.
type Point struct {
	Incident      int64   `json:"incident"`
	Date          string  `json:"date"`
	Code          string  `json:"code"`
	QuadClass     int     `json:"quad_class"`
	SourceCountry string  `json:"source_country"`
	TargetCountry string  `json:"target_country"`
	Place         string  `json:"place"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	Article       string  `json:"article"` // the article of that event
	Event         string  `json:"event"`
}

// Points returns one point per incident having a located event among
// the events matching f: that incident's first located matching event
// (lowest seq). They are listed by date, then storage order; with
// limit > 0, the latest limit of them (0: all).
//
// The query walks the matching located events newest first and keeps
// an event when no earlier one of its incident matches (an index seek
// on the incident), so it stops after limit points instead of grouping
// every located event of the store: bounded by limit unless f matches
// few events, and then by f's date range.
func (s *Store) Points(ctx context.Context, f Filter, limit int) ([]Point, error) {
	q, args, err := pointsQuery(f, limit)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: points: %w", err)
	}
	defer rows.Close()
	var out []Point
	for rows.Next() {
		var p Point
		if err := rows.Scan(&p.Incident, &p.Date, &p.Code, &p.QuadClass, &p.SourceCountry, &p.TargetCountry,
			&p.Place, &p.Lat, &p.Lon, &p.Article, &p.Event); err != nil {
			return nil, fmt.Errorf("store: points: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: points: %w", err)
	}
	slices.Reverse(out)
	return out, nil
}

// pointsQuery is Points' statement: the located events matching f,
// newest first, that no earlier located event of their incident (p)
// matching f precedes. The indexes of migration 0007 serve both walks.
// OFFSET 0 keeps PostgreSQL from turning NOT EXISTS into an anti join,
// which reads every match of f (a hash of all of them) before the
// first point; as a per-row probe the walk stops at the limit.
func pointsQuery(f Filter, limit int) (string, []any, error) {
	f.Limit = 0
	where, args, err := f.where(true)
	if err != nil {
		return "", nil, err
	}
	earlier, earlierArgs, err := f.whereOn(true, "p")
	if err != nil {
		return "", nil, err
	}
	const located = "loc_lat IS NOT NULL AND incident_id IS NOT NULL"
	if where == "" {
		where = " WHERE " + located
	} else {
		where += " AND " + located
	}
	if earlier == "" {
		earlier = " WHERE "
	} else {
		earlier += " AND "
	}
	q := `SELECT incident_id, date, code, quad_class, source_country, target_country,
		COALESCE(loc_name, ''), loc_lat, loc_lon, doc_id, id
		FROM events` + where + ` AND NOT EXISTS (SELECT 1 FROM events p` + earlier +
		`p.incident_id = events.incident_id AND p.seq < events.seq AND p.loc_lat IS NOT NULL LIMIT 1 OFFSET 0)
		ORDER BY date DESC, seq DESC` + Filter{Limit: limit}.limit()
	return q, append(args, earlierArgs...), nil
}
