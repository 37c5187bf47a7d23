package demo

import (
	"context"
	"fmt"
	"io"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

// Summary is what Build reports.
type Summary struct {
	Ingest  ingest.Stats
	Tension tension.UpdateStats
	Alerts  []tension.Alert
	Top     []tension.DyadTotal
}

// Build codes the embedded corpus into the store at url with the real
// pipeline and ingest, then computes the tension series and alerts.
// Running it on a database that already holds the corpus stores
// nothing new.
func Build(ctx context.Context, url string) (Summary, error) {
	var sum Summary
	arts, err := Articles()
	if err != nil {
		return sum, err
	}
	p, err := pipeline.New()
	if err != nil {
		return sum, err
	}
	st, err := store.Open(ctx, url)
	if err != nil {
		return sum, err
	}
	defer st.Close()
	ch := make(chan event.Article, 64)
	go func() {
		defer close(ch)
		for _, a := range arts {
			select {
			case ch <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	if sum.Ingest, err = ingest.Run(ctx, st, ch, p.Process, ingest.Options{}); err != nil {
		return sum, err
	}
	if sum.Tension, err = tension.Update(ctx, st, tension.DefaultConfig()); err != nil {
		return sum, err
	}
	if sum.Alerts, err = tension.Alerts(ctx, st, tension.AlertFilter{}); err != nil {
		return sum, err
	}
	sum.Top, err = tension.TopDyads(ctx, st, 5)
	return sum, err
}

// Print writes a short summary: what was stored, the alerts, the top dyads.
func (s *Summary) Print(w io.Writer) {
	if s.Ingest.Stored == 0 && s.Ingest.Read > 0 && s.Ingest.Duplicate == s.Ingest.Read {
		// A re-run: zeros here would read as a failure.
		fmt.Fprintf(w, "demo corpus: already stored (%d articles), nothing new to code\n", s.Ingest.Read)
		fmt.Fprintf(w, "tension: up to date, %d alerts\n", len(s.Alerts))
	} else {
		fmt.Fprintf(w, "demo corpus: %d articles read, %d stored (%d wire copies), %d events, %d incidents\n",
			s.Ingest.Read, s.Ingest.Stored, s.Ingest.NearDuplicate, s.Ingest.Events, s.Ingest.Incidents)
		fmt.Fprintf(w, "tension: %d daily dyad rows, %d alerts\n", s.Tension.Rows, len(s.Alerts))
	}
	for _, a := range s.Alerts {
		fmt.Fprintf(w, "  ALERT %-9s %s..%s peak %s  %.1fx baseline (%d incidents, %d reports)\n",
			a.DyadName, a.FirstDay, a.LastDay, a.PeakDay, a.Ratio, a.Incidents, a.Reports)
	}
	fmt.Fprintln(w, "top dyads by conflict weight:")
	for _, t := range s.Top {
		fmt.Fprintf(w, "  %-9s %4d incidents, %4d conflict, weight %.1f\n", t.Name, t.Incidents, t.Conflict, t.Weight)
	}
}
