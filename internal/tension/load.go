package tension

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/flashpoint/flashpoint/internal/store"
)

// db is what the queries need of a *sql.DB or *sql.Tx.
type db interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// rebind rewrites ? placeholders for the store's backend.
func rebind(st *store.Store, q string) string { return st.Rebind(q) }

const incidentQuery = `SELECT i.id, i.date, i.source_country, i.target_country, i.quad_class, i.code, i.location,
	i.sources, e.source_code, e.target_code, e.goldstein, e.claimed_by, e.denies, COALESCE(a.duplicate_of, a.id)
FROM incidents i JOIN events e ON e.incident_id = i.id JOIN articles a ON a.id = e.doc_id
WHERE i.background = ?`

// pairDay is one unordered country pair on one day.
type pairDay struct{ x, y, day string }

// loadIncidents reads the non-background incidents of the pair-day, or
// all of them when pd is nil. Background incidents never count; an
// incident made only of denials (its claim was never stored) is no
// happening of its own and is left out.
func loadIncidents(ctx context.Context, st *store.Store, q db, pd *pairDay) ([]Incident, error) {
	sqlq := incidentQuery
	args := []any{false}
	if pd != nil {
		sqlq += ` AND ((i.source_country = ? AND i.target_country = ?) OR (i.source_country = ? AND i.target_country = ?)) AND i.date = ?`
		args = append(args, pd.x, pd.y, pd.y, pd.x, pd.day)
	}
	sqlq += " ORDER BY i.id, e.seq"
	rows, err := q.QueryContext(ctx, rebind(st, sqlq), args...)
	if err != nil {
		return nil, fmt.Errorf("tension: incidents: %w", err)
	}
	defer rows.Close()
	var out []Incident
	var cur *Incident
	facts := 0 // non-denial events that are not claims
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Actors) > 0 { // at least one non-denial event
			if facts > 0 {
				cur.Claimants = nil
			}
			out = append(out, *cur)
		}
		cur = nil
	}
	for rows.Next() {
		var (
			id                         int64
			day, src, tgt, code, loc   string
			sources, scode, tcode, rep string
			quad                       int
			g                          float64
			claimed, denies            sql.NullString
		)
		if err := rows.Scan(&id, &day, &src, &tgt, &quad, &code, &loc, &sources, &scode, &tcode, &g, &claimed, &denies, &rep); err != nil {
			return nil, fmt.Errorf("tension: incidents: %w", err)
		}
		if cur == nil || cur.ID != id {
			flush()
			cur = &Incident{ID: id, Day: day, Source: src, Target: tgt, QuadClass: quad, Code: code, Location: loc,
				Sources: splitList(sources)}
			facts = 0
		}
		cur.Reports = mergeSorted(cur.Reports, []string{rep})
		if denies.Valid {
			cur.Denied = true
			continue
		}
		if len(cur.Actors) == 0 {
			cur.Goldstein = g
		}
		pair := [2]string{scode, tcode}
		seen := false
		for _, p := range cur.Actors {
			seen = seen || p == pair
		}
		if !seen {
			cur.Actors = append(cur.Actors, pair)
		}
		if claimed.Valid {
			cur.Claimants = mergeSorted(cur.Claimants, []string{claimed.String})
		} else {
			facts++
		}
	}
	flush()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tension: incidents: %w", err)
	}
	return out, nil
}
