package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
)

func init() {
	commands["alerts"] = command{"tension spike alerts with their evidence (table, jsonl, csv)", runAlerts}
}

func runAlerts(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("alerts", "[--db URL] [options]",
		"Prints tension spike alerts with their evidence, newest first, updating the stored series first when the database is writable.",
		[]string{"alerts --db flashpoint-demo.db", "alerts --db flashpoint-demo.db --pair AZE-ARM --format jsonl"},
		stdout, stderr)
	db := fs.String("db", store.DefaultPath, "`database`: a SQLite file path or postgres://...")
	var f tension.AlertFilter
	since := fs.String("since", "", "alerts ending on or after this `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	until := fs.String("until", "", "alerts starting on or before this `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	dyad := fs.String("dyad", "", "one way: A-B, alerts on A's actions towards B")
	pair := fs.String("pair", "", "both ways: A-B, every alert between A and B")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many alerts (0: all)")
	format := fs.String("format", "table", "output `format`: table, jsonl, csv")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	var err error
	if f.Since, f.Until, err = dateRange(*since, *until); err != nil {
		return fs.fail("%v", err)
	}
	switch {
	case *dyad != "" && *pair != "":
		return fs.fail("--dyad and --pair: give one (--dyad is one way, --pair both ways)")
	case *dyad != "":
		a, b, err := pairOf("dyad", *dyad)
		if err != nil {
			return fs.fail("%v", err)
		}
		f.Dyad = a + ">" + b
	case *pair != "":
		a, b, err := pairOf("pair", *pair)
		if err != nil {
			return fs.fail("%v", err)
		}
		f.Dyad = a + "-" + b
	}
	switch *format {
	case "table", "jsonl", "csv":
	default:
		return fs.fail("unknown alerts format %q (want table, jsonl, csv)", *format)
	}
	ctx := context.Background()
	st, ok := openUpdated(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	alerts, err := tension.Alerts(ctx, st, f)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	switch *format {
	case "table":
		for _, a := range alerts {
			fmt.Fprintf(stdout, "%s  %s..%s  peak %s  %.1fx baseline over %d day(s) (%.1f vs %.2f, score %.1f)  %d incidents, %d reports, %d sources\n",
				a.DyadName, a.FirstDay, a.LastDay, a.PeakDay, a.Ratio, a.Window, a.Observed, a.Expected, a.Score, a.Incidents, a.Reports, a.Sources)
			for _, ev := range a.Evidence {
				claim := ""
				if len(ev.Claimants) > 0 {
					claim = " claimed by " + strings.Join(ev.Claimants, ",")
				}
				if ev.Denied {
					claim += " (denied)"
				}
				fmt.Fprintf(stdout, "  %s %s>%s %s %+.1f %s%s\n", ev.Day, ev.Source, ev.Target, ev.Code, ev.Goldstein, ev.Location, claim)
				for _, ar := range ev.Articles {
					fmt.Fprintf(stdout, "    [%s %s] %s\n      %q\n", ar.Date, ar.Source, ar.ID, ar.Sentence)
				}
			}
		}
		if len(alerts) == 0 {
			fmt.Fprintln(stderr, "flashpoint: no alerts")
		}
	case "jsonl":
		enc := json.NewEncoder(stdout)
		for _, a := range alerts {
			if err := enc.Encode(a); err != nil {
				fmt.Fprintln(stderr, "flashpoint:", err)
				return ExitUsage
			}
		}
	case "csv":
		cw := csv.NewWriter(stdout)
		cw.Write([]string{"id", "dyad", "first_day", "peak_day", "last_day", "window_days", "observed", "expected", "ratio",
			"score", "incidents", "reports", "sources", "evidence_articles"})
		for _, a := range alerts {
			var ids []string
			for _, ev := range a.Evidence {
				for _, ar := range ev.Articles {
					ids = append(ids, ar.ID)
				}
			}
			g := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
			cw.Write([]string{strconv.FormatInt(a.ID, 10), a.DyadName, a.FirstDay, a.PeakDay, a.LastDay, strconv.Itoa(a.Window),
				g(a.Observed), g(a.Expected), g(a.Ratio), g(a.Score), strconv.Itoa(a.Incidents), strconv.Itoa(a.Reports),
				strconv.Itoa(a.Sources), strings.Join(ids, ";")})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
	default:
		fmt.Fprintf(stderr, "flashpoint: unknown alerts format %q (want table, jsonl, csv)\n", *format)
		return ExitUsage
	}
	return ExitOK
}
