package tension

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// Range is the span of the stored series and the update watermark it
// belongs to. Finding the span scans every daily row (tens of ms on a
// million events); the watermark is one indexed row, so a caller that
// serves many series (the HTTP server) keeps a Range and refreshes it
// only when Watermark changes.
type Range struct {
	First, Last string // "" when nothing is stored
	Watermark   int64
}

// Watermark returns the last events.seq the stored series include (0
// before the first update).
func Watermark(ctx context.Context, st *store.Store) (int64, error) {
	var v int64
	err := st.DB().QueryRowContext(ctx, rebind(st, "SELECT value FROM tension_state WHERE name = ?"), watermark).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("tension: watermark: %w", err)
	}
	return v, nil
}

// StoredRange reads the span of the stored series with its watermark.
func StoredRange(ctx context.Context, st *store.Store) (Range, error) {
	w, err := Watermark(ctx, st)
	if err != nil {
		return Range{}, err
	}
	first, last, err := dayRange(ctx, st.DB())
	if err != nil {
		return Range{}, fmt.Errorf("tension: range: %w", err)
	}
	return Range{First: first, Last: last, Watermark: w}, nil
}

// LoadSeriesIn is LoadSeries with the stored span given by the caller
// (from StoredRange); the result is the same.
func LoadSeriesIn(ctx context.Context, st *store.Store, r Range, d Dyad, since, until string, p Period, cfg Config) ([]Day, error) {
	cfg.fill()
	if r.First == "" {
		return nil, nil
	}
	if until == "" || until > r.Last {
		until = r.Last
	}
	// Each day's index looks back cfg.Baseline days and no further, so
	// the read starts there instead of at the store's first day: the
	// cost follows the window asked for, not the store's span.
	from := r.First
	if t, err := time.Parse(time.DateOnly, since); err == nil {
		from = max(from, t.AddDate(0, 0, -cfg.Baseline).Format(time.DateOnly))
	}
	days, err := readDays(ctx, st, st.DB(), d, from, until)
	if err != nil {
		return nil, err
	}
	days = Fill(days, from, until)
	Index(days, cfg)
	i := sort.Search(len(days), func(i int) bool { return days[i].Day >= since })
	return RollupIndex(days[i:], p, cfg), nil
}
