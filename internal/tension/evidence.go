package tension

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// evidence returns an alert's top conflict incidents, ranked by weight
// times independent reports, each with the reports behind it and the
// sentence each report gave.
func evidence(ctx context.Context, st *store.Store, q db, a *Alert, cfg Config) ([]Evidence, error) {
	x, y := a.Dyad.A, a.Dyad.B
	if a.Dyad.Level == ActorLevel {
		x, y = x[:min(3, len(x))], y[:min(3, len(y))]
	}
	from := a.FirstDay
	if t, err := time.Parse(time.DateOnly, a.FirstDay); err == nil {
		from = t.AddDate(0, 0, -1).Format(time.DateOnly)
	}
	rows, err := q.QueryContext(ctx, rebind(st, `SELECT id FROM incidents WHERE background = ? AND quad_class >= 3
		AND ((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))
		AND date >= ? AND date <= ?`), false, x, y, y, x, from, a.LastDay)
	if err != nil {
		return nil, fmt.Errorf("tension: evidence: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	var incs []Incident
	days := map[string]bool{}
	for _, id := range ids {
		var day, src, tgt string
		if err := q.QueryRowContext(ctx, rebind(st, "SELECT date, source_country, target_country FROM incidents WHERE id = ?"), id).Scan(&day, &src, &tgt); err != nil {
			return nil, err
		}
		k := pairKey(src, tgt) + day
		if days[k] {
			continue
		}
		days[k] = true
		xs, ys := src, tgt
		if ys < xs {
			xs, ys = ys, xs
		}
		got, err := loadIncidents(ctx, st, q, &pairDay{xs, ys, day})
		if err != nil {
			return nil, err
		}
		for i := range got {
			if got[i].QuadClass >= 3 && matches(&got[i], a.Dyad) {
				incs = append(incs, got[i])
			}
		}
	}
	sort.SliceStable(incs, func(i, j int) bool {
		si := Weight(incs[i].QuadClass, incs[i].Goldstein) * float64(len(incs[i].Reports))
		sj := Weight(incs[j].QuadClass, incs[j].Goldstein) * float64(len(incs[j].Reports))
		if si != sj {
			return si > sj
		}
		return incs[i].ID < incs[j].ID
	})
	if len(incs) > cfg.Evidence {
		incs = incs[:cfg.Evidence]
	}
	out := make([]Evidence, 0, len(incs))
	for i := range incs {
		in := &incs[i]
		ev := Evidence{Incident: in.ID, Day: in.Day, Source: in.Source, Target: in.Target, Code: in.Code,
			Goldstein: in.Goldstein, Location: in.Location, Claimants: in.Claimants, Denied: in.Denied}
		if ev.Articles, err = articles(ctx, st, q, in.ID); err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}

// articles lists the reports of an incident, one per article, with the
// first sentence each gave.
func articles(ctx context.Context, st *store.Store, q db, incident int64) ([]Article, error) {
	rows, err := q.QueryContext(ctx, rebind(st, `SELECT e.doc_id, e.sentence, e.claimed_by, a.date, a.title, a.url, a.source
		FROM events e JOIN articles a ON a.id = e.doc_id WHERE e.incident_id = ? ORDER BY e.seq`), incident)
	if err != nil {
		return nil, fmt.Errorf("tension: evidence articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	seen := map[string]bool{}
	for rows.Next() {
		var ar Article
		var claimed sql.NullString
		if err := rows.Scan(&ar.ID, &ar.Sentence, &claimed, &ar.Date, &ar.Title, &ar.URL, &ar.Source); err != nil {
			return nil, err
		}
		if seen[ar.ID] {
			continue
		}
		seen[ar.ID] = true
		ar.Claimed = claimed.String
		out = append(out, ar)
	}
	return out, rows.Err()
}
