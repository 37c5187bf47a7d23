package tension

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// Escalation is a dyad's recent conflict weight against its own
// baseline just before.
type Escalation struct {
	Dyad     Dyad    `json:"-"`
	Name     string  `json:"dyad"`
	Since    string  `json:"since"`    // first day of the recent window
	Until    string  `json:"until"`    // last day (the store's last day, or the asked one)
	Recent   float64 `json:"recent"`   // conflict weight per day in the window
	Baseline float64 `json:"baseline"` // conflict weight per day over the Baseline days before
	Ratio    float64 `json:"ratio"`    // Recent / max(Baseline, MinBaseline)
	Weight   float64 `json:"weight"`   // conflict weight in the window
}

// EscalatingDyads returns the undirected country dyads whose conflict
// weight per day over the recent days ending at until (empty: the last
// stored day) rose most above their mean over the cfg.Baseline days
// before, at most n, largest ratio first. Dyads without conflict in the
// window are left out.
func EscalatingDyads(ctx context.Context, st *store.Store, n, recent int, until string, cfg Config) ([]Escalation, error) {
	cfg.fill()
	if until == "" {
		_, last, err := dayRange(ctx, st.DB())
		if err != nil || last == "" {
			return nil, err
		}
		until = last
	}
	end, err := time.Parse("2006-01-02", until)
	if err != nil {
		return nil, fmt.Errorf("tension: until %q: want YYYY-MM-DD", until)
	}
	recent = max(recent, 1)
	since := end.AddDate(0, 0, -recent+1).Format("2006-01-02")
	base := end.AddDate(0, 0, -recent-cfg.Baseline+1).Format("2006-01-02")
	q := `SELECT a, b, SUM(CASE WHEN day >= ? THEN weight ELSE 0 END), SUM(CASE WHEN day < ? THEN weight ELSE 0 END)
		FROM tension_daily WHERE level = 'country' AND directed = 0 AND day >= ? AND day <= ? GROUP BY a, b`
	rows, err := st.DB().QueryContext(ctx, rebind(st, q), since, since, base, until)
	if err != nil {
		return nil, fmt.Errorf("tension: escalating dyads: %w", err)
	}
	defer rows.Close()
	var out []Escalation
	for rows.Next() {
		var e Escalation
		var w, b float64
		if err := rows.Scan(&e.Dyad.A, &e.Dyad.B, &w, &b); err != nil {
			return nil, err
		}
		if w <= 0 {
			continue
		}
		e.Dyad.Level = CountryLevel
		e.Name, e.Since, e.Until, e.Weight = e.Dyad.String(), since, until, w
		e.Recent, e.Baseline = w/float64(recent), b/float64(cfg.Baseline)
		e.Ratio = e.Recent / max(e.Baseline, cfg.MinBaseline)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Ratio != out[j].Ratio {
			return out[i].Ratio > out[j].Ratio
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}
