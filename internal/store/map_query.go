package store

import (
	"context"
	"fmt"
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
// the events matching f, ordered by date, at most limit (0: all).
func (s *Store) Points(ctx context.Context, f Filter, limit int) ([]Point, error) {
	f.Limit = 0
	where, args, err := f.where(true)
	if err != nil {
		return nil, err
	}
	if where == "" {
		where = " WHERE loc_lat IS NOT NULL AND incident_id IS NOT NULL"
	} else {
		where += " AND loc_lat IS NOT NULL AND incident_id IS NOT NULL"
	}
	// The first located event (lowest seq) of each incident.
	q := `SELECT e.incident_id, e.date, e.code, e.quad_class, e.source_country, e.target_country,
		COALESCE(e.loc_name, ''), e.loc_lat, e.loc_lon, e.doc_id, e.id
		FROM events e JOIN (SELECT MIN(seq) AS seq FROM events` + where + ` GROUP BY incident_id) m ON m.seq = e.seq
		ORDER BY e.date, e.seq` + Filter{Limit: limit}.limit()
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
	return out, rows.Err()
}
