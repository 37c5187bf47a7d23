package tension

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/flashpoint/flashpoint/internal/store"
)

// readDays reads a dyad's stored days from since to until (empty: open).
func readDays(ctx context.Context, st *store.Store, q db, d Dyad, since, until string) ([]Day, error) {
	sqlq := "SELECT day, incidents, q1, q2, q3, q4, goldstein_sum, weight, reports, claimed, denied, sources, claimants, conflict_reports" +
		" FROM tension_daily WHERE level = ? AND directed = ? AND a = ? AND b = ?"
	args := []any{string(d.Level), b2i(d.Directed), d.A, d.B}
	if since != "" {
		sqlq += " AND day >= ?"
		args = append(args, since)
	}
	if until != "" {
		sqlq += " AND day <= ?"
		args = append(args, until)
	}
	rows, err := q.QueryContext(ctx, rebind(st, sqlq+" ORDER BY day"), args...)
	if err != nil {
		return nil, fmt.Errorf("tension: series: %w", err)
	}
	defer rows.Close()
	var out []Day
	for rows.Next() {
		var x Day
		var src, cl, cr string
		if err := rows.Scan(&x.Day, &x.Incidents, &x.Quad[0], &x.Quad[1], &x.Quad[2], &x.Quad[3], &x.GoldsteinSum,
			&x.Weight, &x.Reports, &x.Claimed, &x.Denied, &src, &cl, &cr); err != nil {
			return nil, fmt.Errorf("tension: series: %w", err)
		}
		x.Sources, x.Claimants, x.ConflictReports = splitList(src), splitList(cl), splitList(cr)
		out = append(out, x)
	}
	return out, rows.Err()
}

// LoadSeries returns a dyad's gap-free series from since to until
// (empty: the stored range), with the tension index computed against
// the baseline of all stored days before, rolled up to p.
func LoadSeries(ctx context.Context, st *store.Store, d Dyad, since, until string, p Period, cfg Config) ([]Day, error) {
	first, last, err := dayRange(ctx, st.DB())
	if err != nil {
		return nil, err
	}
	return LoadSeriesIn(ctx, st, Range{First: first, Last: last}, d, since, until, p, cfg)
}

// AlertFilter selects stored alerts. Zero fields select everything.
type AlertFilter struct {
	Since, Until string // on the alert's last and first day: alerts overlapping the range
	Dyad         string // "AZE-ARM" any alert between the two, "AZE>ARM" directed only
	Limit        int
}

// Alerts returns stored alerts, newest peak first.
func Alerts(ctx context.Context, st *store.Store, f AlertFilter) ([]Alert, error) {
	q := `SELECT id, level, directed, a, b, first_day, peak_day, last_day, window_days, observed, expected, ratio, z,
		incidents, reports, sources, evidence FROM tension_alerts WHERE 1 = 1`
	var args []any
	if f.Since != "" {
		q += " AND last_day >= ?"
		args = append(args, f.Since)
	}
	if f.Until != "" {
		q += " AND first_day <= ?"
		args = append(args, f.Until)
	}
	if f.Dyad != "" {
		d, err := ParseDyad(f.Dyad)
		if err != nil {
			return nil, err
		}
		if d.Directed {
			q += " AND level = ? AND a = ? AND b = ? AND directed = 1"
			args = append(args, string(d.Level), d.A, d.B)
		} else {
			q += " AND level = ? AND ((a = ? AND b = ?) OR (a = ? AND b = ?))"
			args = append(args, string(d.Level), d.A, d.B, d.B, d.A)
		}
	}
	q += " ORDER BY peak_day DESC, id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := st.DB().QueryContext(ctx, rebind(st, q), args...)
	if err != nil {
		return nil, fmt.Errorf("tension: alerts: %w", err)
	}
	defer rows.Close()
	var out []Alert
	for rows.Next() {
		var a Alert
		var lvl, ev string
		var dir int
		if err := rows.Scan(&a.ID, &lvl, &dir, &a.Dyad.A, &a.Dyad.B, &a.FirstDay, &a.PeakDay, &a.LastDay, &a.Window,
			&a.Observed, &a.Expected, &a.Ratio, &a.Score, &a.Incidents, &a.Reports, &a.Sources, &ev); err != nil {
			return nil, fmt.Errorf("tension: alerts: %w", err)
		}
		a.Dyad.Level, a.Dyad.Directed = Level(lvl), dir == 1
		a.DyadName = a.Dyad.String()
		if err := json.Unmarshal([]byte(ev), &a.Evidence); err != nil {
			return nil, fmt.Errorf("tension: alert %d evidence: %w", a.ID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// DyadTotal is a dyad's tallies over the whole store.
type DyadTotal struct {
	Dyad      Dyad    `json:"-"`
	Name      string  `json:"dyad"`
	Incidents int     `json:"incidents"`
	Conflict  int     `json:"conflict"` // QuadClass 3 and 4
	Weight    float64 `json:"weight"`
}

// TopDyads returns the undirected country dyads with the most conflict
// weight, at most n.
func TopDyads(ctx context.Context, st *store.Store, n int) ([]DyadTotal, error) {
	rows, err := st.DB().QueryContext(ctx, fmt.Sprintf(`SELECT a, b, SUM(incidents), SUM(q3) + SUM(q4), SUM(weight)
		FROM tension_daily WHERE level = 'country' AND directed = 0 GROUP BY a, b ORDER BY SUM(weight) DESC, a, b LIMIT %d`, n))
	if err != nil {
		return nil, fmt.Errorf("tension: top dyads: %w", err)
	}
	defer rows.Close()
	var out []DyadTotal
	for rows.Next() {
		var t DyadTotal
		if err := rows.Scan(&t.Dyad.A, &t.Dyad.B, &t.Incidents, &t.Conflict, &t.Weight); err != nil {
			return nil, err
		}
		t.Dyad.Level = CountryLevel
		t.Name = t.Dyad.String()
		out = append(out, t)
	}
	return out, rows.Err()
}

// matches reports whether an incident belongs to dyad d.
func matches(in *Incident, d Dyad) bool {
	if d.Level == CountryLevel {
		if d.Directed {
			return in.Source == d.A && in.Target == d.B
		}
		return pairKey(in.Source, in.Target) == pairKey(d.A, d.B)
	}
	for _, p := range in.Actors {
		if p[0] == d.A && p[1] == d.B || !d.Directed && p[0] == d.B && p[1] == d.A {
			return true
		}
	}
	return false
}
