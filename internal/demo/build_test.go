package demo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// TestDemoEndToEnd builds the demo database with the real pipeline and
// checks the seed episode raises an alert with the seed-like report as
// evidence, every planned escalation raises one alert, and the quiet
// dyads raise none.
func TestDemoEndToEnd(t *testing.T) {
	ctx := context.Background()
	db := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	sum, err := Build(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sum.Print(&sb)
	t.Log("\n" + sb.String())
	truth, err := EmbeddedTruth()
	if err != nil {
		t.Fatal(err)
	}
	quiet := map[string]bool{}
	for _, d := range truth.Dyads {
		if d.Quiet {
			x, _ := tension.ParseDyad(d.Dyad)
			quiet[x.String()] = true
		}
	}
	found := false
	for _, a := range sum.Alerts {
		if quiet[a.DyadName] {
			t.Errorf("quiet dyad %s raised an alert on %s", a.DyadName, a.PeakDay)
		}
		if a.DyadName != "ARM-AZE" || a.LastDay < "2024-03-30" || a.FirstDay > "2024-04-04" {
			continue
		}
		for _, ev := range a.Evidence {
			for _, ar := range ev.Articles {
				if ar.ID == truth.Seed {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("no ARM-AZE alert around 2024-04-01 with %s in its evidence", truth.Seed)
	}
	// Every planned escalation raises exactly one alert (an episode is
	// one alert however many days it fires).
	for _, e := range truth.Episodes {
		if e.Kind != "escalation" {
			continue
		}
		d, _ := tension.ParseDyad(e.Dyad)
		hits := 0
		for _, a := range sum.Alerts {
			if a.DyadName == d.String() && a.LastDay >= e.Start && a.FirstDay <= e.End {
				hits++
			}
		}
		if hits != 1 {
			t.Errorf("escalation %s %s..%s raised %d alerts, want 1", e.Dyad, e.Start, e.End, hits)
		}
	}
	if os.Getenv("FLASHPOINT_DEMO_KEEP") != "" {
		t.Log(db)
	}
	// Re-running stores nothing and keeps the alerts.
	again, err := Build(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingest.Stored != 0 || len(again.Alerts) != len(sum.Alerts) {
		t.Errorf("second build stored %d, alerts %d (first %d)", again.Ingest.Stored, len(again.Alerts), len(sum.Alerts))
	}
}
