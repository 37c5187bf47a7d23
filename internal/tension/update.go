package tension

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// UpdateStats says what Update did.
type UpdateStats struct {
	Events   int64         // events stored since the last update
	PairDays int           // country pair-days recomputed
	Rows     int           // daily dyad rows written
	Dyads    int           // dyads whose alerts were re-detected
	Alerts   int           // alerts of those dyads after the update
	Elapsed  time.Duration //
}

// watermark is the tension_state row holding the last events.seq the
// stored series include.
const watermark = "events_seq"

// Update brings the stored series and alerts up to date with the events
// stored since the last update: only the country pair-days those events
// touched are recomputed, and only their dyads re-detected. The first
// update (or Rebuild) computes everything. One transaction: a failed
// update leaves the previous state.
func Update(ctx context.Context, st *store.Store, cfg Config) (UpdateStats, error) {
	cfg.fill()
	start := time.Now()
	var us UpdateStats
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		return us, err
	}
	defer tx.Rollback()
	var last, top sql.NullInt64
	err = tx.QueryRowContext(ctx, rebind(st, "SELECT value FROM tension_state WHERE name = ?"), watermark).Scan(&last)
	if err != nil && err != sql.ErrNoRows {
		return us, fmt.Errorf("tension: watermark: %w", err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT MAX(seq) FROM events").Scan(&top); err != nil {
		return us, fmt.Errorf("tension: watermark: %w", err)
	}
	if top.Int64 <= last.Int64 {
		us.Elapsed = time.Since(start)
		return us, nil
	}
	us.Events = top.Int64 - last.Int64

	pairs := map[string]bool{} // unordered country pairs touched
	if last.Int64 == 0 {
		// First run: everything, in one scan.
		if _, err := tx.ExecContext(ctx, "DELETE FROM tension_daily"); err != nil {
			return us, err
		}
		incs, err := loadIncidents(ctx, st, tx, nil)
		if err != nil {
			return us, err
		}
		byPair := map[string][]Incident{}
		for i := range incs {
			if valid(&incs[i]) {
				p := pairKey(incs[i].Source, incs[i].Target)
				byPair[p] = append(byPair[p], incs[i])
			}
		}
		for p, in := range byPair {
			n, err := writeSeries(ctx, st, tx, p, Build(in))
			if err != nil {
				return us, err
			}
			us.Rows += n
			pairs[p] = true
		}
		us.PairDays = -1 // all
	} else {
		pds, err := touched(ctx, st, tx, last.Int64, top.Int64)
		if err != nil {
			return us, err
		}
		for _, pd := range pds {
			incs, err := loadIncidents(ctx, st, tx, &pd)
			if err != nil {
				return us, err
			}
			if _, err := tx.ExecContext(ctx, rebind(st, "DELETE FROM tension_daily WHERE pair = ? AND day = ?"),
				pairKey(pd.x, pd.y), pd.day); err != nil {
				return us, err
			}
			n, err := writeSeries(ctx, st, tx, pairKey(pd.x, pd.y), Build(incs))
			if err != nil {
				return us, err
			}
			us.Rows += n
			pairs[pairKey(pd.x, pd.y)] = true
		}
		us.PairDays = len(pds)
	}

	dyads, err := alertDyads(ctx, st, tx, pairs, cfg)
	if err != nil {
		return us, err
	}
	first, lastDay, err := dayRange(ctx, tx)
	if err != nil {
		return us, err
	}
	for _, d := range dyads {
		n, err := redetect(ctx, st, tx, d, first, lastDay, cfg)
		if err != nil {
			return us, err
		}
		us.Alerts += n
	}
	us.Dyads = len(dyads)
	if _, err := tx.ExecContext(ctx, rebind(st, "DELETE FROM tension_state WHERE name = ?"), watermark); err != nil {
		return us, err
	}
	if _, err := tx.ExecContext(ctx, rebind(st, "INSERT INTO tension_state (name, value) VALUES (?, ?)"), watermark, top.Int64); err != nil {
		return us, err
	}
	if err := tx.Commit(); err != nil {
		return us, err
	}
	us.Elapsed = time.Since(start)
	return us, nil
}

// Rebuild forgets the stored series and alerts and computes them anew
// (after changing the configuration, say).
func Rebuild(ctx context.Context, st *store.Store, cfg Config) (UpdateStats, error) {
	for _, q := range []string{"DELETE FROM tension_state", "DELETE FROM tension_daily", "DELETE FROM tension_alerts"} {
		if _, err := st.DB().ExecContext(ctx, q); err != nil {
			return UpdateStats{}, fmt.Errorf("tension: rebuild: %w", err)
		}
	}
	return Update(ctx, st, cfg)
}

// touched lists the pair-days of the incidents of events (last, top].
func touched(ctx context.Context, st *store.Store, q db, last, top int64) ([]pairDay, error) {
	rows, err := q.QueryContext(ctx, rebind(st, `SELECT DISTINCT i.source_country, i.target_country, i.date
		FROM events e JOIN incidents i ON i.id = e.incident_id
		WHERE e.seq > ? AND e.seq <= ? AND i.background = ?`), last, top, false)
	if err != nil {
		return nil, fmt.Errorf("tension: touched: %w", err)
	}
	defer rows.Close()
	seen := map[pairDay]bool{}
	var out []pairDay
	for rows.Next() {
		var x, y, day string
		if err := rows.Scan(&x, &y, &day); err != nil {
			return nil, err
		}
		if len(day) != 10 || x == "" || y == "" || x == y {
			continue
		}
		if y < x {
			x, y = y, x
		}
		pd := pairDay{x, y, day}
		if !seen[pd] {
			seen[pd] = true
			out = append(out, pd)
		}
	}
	return out, rows.Err()
}

const dailyColumns = `level, directed, a, b, day, pair, incidents, q1, q2, q3, q4, goldstein_sum, weight,
	reports, claimed, denied, sources, claimants, conflict_reports`

// writeSeries inserts the days of every series built from the
// incidents of one country pair.
func writeSeries(ctx context.Context, st *store.Store, tx *sql.Tx, pair string, series map[Dyad]*Series) (int, error) {
	ins, err := tx.PrepareContext(ctx, rebind(st, "INSERT INTO tension_daily ("+dailyColumns+
		") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	n := 0
	for d, s := range series {
		for i := range s.Days {
			day := &s.Days[i]
			if _, err := ins.ExecContext(ctx, string(d.Level), b2i(d.Directed), d.A, d.B, day.Day, pair, day.Incidents,
				day.Quad[0], day.Quad[1], day.Quad[2], day.Quad[3], day.GoldsteinSum, day.Weight, day.Reports,
				day.Claimed, day.Denied, joinList(day.Sources), joinList(day.Claimants), joinList(day.ConflictReports)); err != nil {
				return n, fmt.Errorf("tension: write series: %w", err)
			}
			n++
		}
	}
	return n, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// alertDyads lists the dyads of the touched pairs that raise alerts:
// undirected country dyads, plus directed and actor ones if configured.
func alertDyads(ctx context.Context, st *store.Store, q db, pairs map[string]bool, cfg Config) ([]Dyad, error) {
	var out []Dyad
	keys := make([]string, 0, len(pairs))
	for p := range pairs {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	for _, p := range keys {
		rows, err := q.QueryContext(ctx, rebind(st, "SELECT DISTINCT level, directed, a, b FROM tension_daily WHERE pair = ?"), p)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var d Dyad
			var dir int
			var lvl string
			if err := rows.Scan(&lvl, &dir, &d.A, &d.B); err != nil {
				rows.Close()
				return nil, err
			}
			d.Level, d.Directed = Level(lvl), dir == 1
			if (d.Directed && !cfg.Directed) || (d.Level == ActorLevel && !cfg.Actor) {
				continue
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dayRange is the first and last day of the stored series.
func dayRange(ctx context.Context, q db) (string, string, error) {
	var a, b sql.NullString
	err := q.QueryRowContext(ctx, "SELECT MIN(day), MAX(day) FROM tension_daily").Scan(&a, &b)
	return a.String, b.String, err
}

// redetect replaces the stored alerts of d by those the detector finds
// on its series from first to last.
func redetect(ctx context.Context, st *store.Store, tx *sql.Tx, d Dyad, first, last string, cfg Config) (int, error) {
	days, err := readDays(ctx, st, tx, d, "", "")
	if err != nil {
		return 0, err
	}
	alerts := Detect(d, Fill(days, first, last), cfg)
	if _, err := tx.ExecContext(ctx, rebind(st, "DELETE FROM tension_alerts WHERE level = ? AND directed = ? AND a = ? AND b = ?"),
		string(d.Level), b2i(d.Directed), d.A, d.B); err != nil {
		return 0, err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	for i := range alerts {
		a := &alerts[i]
		if a.Evidence, err = evidence(ctx, st, tx, a, cfg); err != nil {
			return 0, err
		}
		ev, _ := json.Marshal(a.Evidence)
		if _, err := tx.ExecContext(ctx, rebind(st, `INSERT INTO tension_alerts (level, directed, a, b, first_day, peak_day,
			last_day, window_days, observed, expected, ratio, z, incidents, reports, sources, evidence, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			string(d.Level), b2i(d.Directed), d.A, d.B, a.FirstDay, a.PeakDay, a.LastDay, a.Window, a.Observed,
			a.Expected, a.Ratio, a.Score, a.Incidents, a.Reports, a.Sources, string(ev), now); err != nil {
			return 0, fmt.Errorf("tension: store alert: %w", err)
		}
	}
	return len(alerts), nil
}
