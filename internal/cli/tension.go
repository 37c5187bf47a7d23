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
	commands["tension"] = command{"tension series of a dyad: tallies, conflict weight and index (table, jsonl, csv)", runTension}
}

func runTension(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("tension", "[options] A B   (or --dyad A-B, --pair A-B)",
		"Prints the tension series between A and B (ISO-3 codes or country names), both directions unless --directed, "+
			"updating the stored series first when the database is writable. --dyad A-B is one way and --pair A-B both, "+
			"as in every command.",
		[]string{"tension AZE ARM --db flashpoint-demo.db --since 2024-03-01", "tension Azerbaijan Armenia --db flashpoint-demo.db --period week",
			"tension --dyad AZE-ARM --db flashpoint-demo.db --format csv"},
		stdout, stderr)
	db := fs.String("db", store.DefaultPath, "`database`: a SQLite file path or postgres://...")
	since := fs.String("since", "", "first `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	until := fs.String("until", "", "last `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	format := fs.String("format", "table", "output `format`: table, jsonl, csv")
	period := fs.String("period", "day", "roll-up: day, week, month")
	directed := fs.Bool("directed", false, "only A's actions towards B (default: both directions)")
	dyad := fs.String("dyad", "", "one way: A-B, A's actions towards B (instead of A B --directed)")
	pair := fs.String("pair", "", "both ways: A-B (instead of A B)")
	actor := fs.Bool("actor", false, "A and B are full CAMEO actor codes (AZEMIL), not countries")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	switch {
	case *dyad != "" && *pair != "", (*dyad != "" || *pair != "") && len(pos) > 0:
		return fs.fail("give the dyad once: A B, --dyad A-B (one way) or --pair A-B (both ways)")
	case *dyad != "" || *pair != "":
		v := *dyad + *pair
		a, b, ok := strings.Cut(v, "-")
		if !ok || a == "" || b == "" {
			return fs.fail("%q: want A-B, e.g. AZE-ARM", v)
		}
		pos = []string{a, b}
		*directed = *dyad != ""
	case len(pos) == 1 && strings.Contains(pos[0], "-"):
		return fs.fail("want two countries A B, got %q (did you mean --pair %s or --dyad %s?)", pos[0], pos[0], pos[0])
	case len(pos) != 2:
		return fs.fail("want two countries A B, got %d argument(s) %q", len(pos), pos)
	}
	for i := range pos {
		var err error
		if *actor {
			pos[i], err = actorCode("actor", pos[i])
		} else {
			pos[i], err = country("country", pos[i])
		}
		if err != nil {
			return fs.fail("%v", err)
		}
	}
	from, to, err := dateRange(*since, *until)
	if err != nil {
		return fs.fail("%v", err)
	}
	p := tension.Period(*period)
	if p != tension.Daily && p != tension.Weekly && p != tension.Monthly {
		return fs.fail("--period %q: want day, week or month", *period)
	}
	switch *format {
	case "table", "jsonl", "csv":
	default:
		return fs.fail("unknown tension format %q (want table, jsonl, csv)", *format)
	}
	d := tension.Undirected(pos[0], pos[1])
	if *directed {
		d = tension.Directed(pos[0], pos[1])
	}
	if *actor {
		d.Level = tension.ActorLevel
	}
	ctx := context.Background()
	st, ok := openUpdated(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	days, err := tension.LoadSeries(ctx, st, d, from, to, p, tension.DefaultConfig())
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	switch *format {
	case "table":
		writeTensionTable(stdout, d, days)
	case "jsonl":
		enc := json.NewEncoder(stdout)
		for i := range days {
			if err := enc.Encode(tensionRow(d, &days[i])); err != nil {
				fmt.Fprintln(stderr, "flashpoint:", err)
				return ExitUsage
			}
		}
	case "csv":
		cw := csv.NewWriter(stdout)
		cw.Write([]string{"dyad", "day", "incidents", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
			"sources", "reports", "claimed", "denied", "weight", "baseline", "index", "claimants"})
		for i := range days {
			x := &days[i]
			f := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
			cw.Write([]string{d.String(), x.Day, strconv.Itoa(x.Incidents), strconv.Itoa(x.Quad[0]), strconv.Itoa(x.Quad[1]),
				strconv.Itoa(x.Quad[2]), strconv.Itoa(x.Quad[3]), f(x.GoldsteinSum), f(x.GoldsteinMean()),
				strconv.Itoa(len(x.Sources)), strconv.Itoa(x.Reports), strconv.Itoa(x.Claimed), strconv.Itoa(x.Denied),
				f(x.Weight), f(x.Baseline), f(x.Index), strings.Join(x.Claimants, ";")})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
	default:
		fmt.Fprintf(stderr, "flashpoint: unknown tension format %q (want table, jsonl, csv)\n", *format)
		return ExitUsage
	}
	return ExitOK
}

// tensionRow is the JSONL form of one day.
func tensionRow(d tension.Dyad, x *tension.Day) map[string]any {
	return map[string]any{"dyad": d.String(), "day": x.Day, "incidents": x.Incidents, "quad": x.Quad,
		"goldstein_sum": x.GoldsteinSum, "goldstein_mean": x.GoldsteinMean(), "sources": len(x.Sources),
		"reports": x.Reports, "claimed": x.Claimed, "claimants": x.Claimants, "denied": x.Denied,
		"weight": x.Weight, "baseline": x.Baseline, "index": x.Index}
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws values as block characters, scaled to the largest.
func sparkline(v []float64) string {
	top := 0.0
	for _, x := range v {
		top = max(top, x)
	}
	var b strings.Builder
	for _, x := range v {
		if top == 0 || x == 0 {
			b.WriteRune(' ')
			continue
		}
		b.WriteRune(sparks[min(len(sparks)-1, int(x/top*float64(len(sparks)-1)+0.5))])
	}
	return b.String()
}

func writeTensionTable(w io.Writer, d tension.Dyad, days []tension.Day) {
	ws := make([]float64, len(days))
	for i := range days {
		ws[i] = days[i].Weight
	}
	fmt.Fprintf(w, "%s  %d periods  conflict weight: %s\n\n", d, len(days), sparkline(ws))
	fmt.Fprintf(w, "%-10s %5s %4s %4s %4s %4s %7s %4s %4s %4s %6s %6s\n", "day", "inc", "q1", "q2", "q3", "q4", "gs_mean",
		"src", "clm", "den", "weight", "index")
	for i := range days {
		x := &days[i]
		if x.Incidents == 0 {
			continue // quiet days are in the sparkline
		}
		fmt.Fprintf(w, "%-10s %5d %4d %4d %4d %4d %7.2f %4d %4d %4d %6.2f %6.1f\n", x.Day, x.Incidents, x.Quad[0], x.Quad[1],
			x.Quad[2], x.Quad[3], x.GoldsteinMean(), len(x.Sources), x.Claimed, x.Denied, x.Weight, x.Index)
	}
}
