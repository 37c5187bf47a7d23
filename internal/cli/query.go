package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["events"] = command{"query stored events (filters; jsonl, csv, tsv, gdelt, plover, icews)", runEvents}
	commands["incidents"] = command{"query stored incidents (filters; jsonl, csv, tsv)", runIncidents}
}

// queryFlags are the filters shared by events and incidents.
func queryFlags(fs *cmdFlags) (*store.Filter, *string) {
	f := &store.Filter{}
	db := fs.String("db", store.DefaultPath, "`database`: a SQLite file path or postgres://...")
	fs.StringVar(&f.Actor, "actor", "", "actor `code` prefix on either side (e.g. AZEGOV)")
	fs.StringVar(&f.Dyad, "dyad", "", "one way: SOURCE-TARGET, what A did to B (e.g. AZE-ARM; --pair for both ways)")
	fs.StringVar(&f.Pair, "pair", "", "both ways: A-B, what A did to B and B to A")
	fs.StringVar(&f.Code, "code", "", "CAMEO code prefix (e.g. 19, 1123)")
	fs.StringVar(&f.Root, "root", "", "CAMEO root, two digits 01-20")
	fs.IntVar(&f.QuadClass, "quad", 0, "QuadClass 1-4")
	fs.StringVar(&f.Country, "country", "", "country on either side (ISO-3 code or name)")
	fs.StringVar(&f.Since, "since", "", "first `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	fs.StringVar(&f.Until, "until", "", "last `date`: YYYY-MM-DD, YYYY-MM or YYYY")
	fs.BoolVar(&f.Claimed, "claimed", false, "only claimed events")
	fs.BoolVar(&f.Denied, "denied", false, "only denials / denied incidents")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many rows (0: all)")
	fs.StringVar(&f.Background, "background", "", "background history: include, exclude or only "+
		"(default: exclude for gdelt, plover and icews, which cannot mark it; include otherwise)")
	fs.StringVar(&f.Assertion, "assertion", "", "events: only those the text puts this way: asserted, claimed, intended or threatened")
	fs.Float64Var(&f.MinConfidence, "min-confidence", 0, "events: only those rated at least this `confidence`, 0-1 (docs/output.md)")
	return f, db
}

// checkFilter validates and normalises the filters: dates are parsed,
// codes and names are resolved, and anything unknown is an error naming
// the nearest known value, since an empty result must mean "no events".
func checkFilter(f *store.Filter) error {
	var err error
	if f.Since, f.Until, err = dateRange(f.Since, f.Until); err != nil {
		return err
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return fmt.Errorf("--quad %d: want 1-4", f.QuadClass)
	}
	if f.Limit < 0 {
		return fmt.Errorf("--limit %d: want 0 (all) or more", f.Limit)
	}
	if f.Background != "" && !slices.Contains(store.BackgroundModes, f.Background) {
		return fmt.Errorf("--background %q: want include, exclude or only", f.Background)
	}
	if f.Assertion != "" && !slices.Contains(store.Assertions, f.Assertion) {
		return fmt.Errorf("--assertion %q: want one of %s", f.Assertion, strings.Join(store.Assertions, ", "))
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return fmt.Errorf("--min-confidence %v: want a number from 0 to 1", f.MinConfidence)
	}
	if f.Dyad != "" && f.Pair != "" {
		return fmt.Errorf("--dyad and --pair: give one (--dyad is one way, --pair both ways)")
	}
	for _, d := range []struct {
		name string
		v    *string
	}{{"dyad", &f.Dyad}, {"pair", &f.Pair}} {
		if *d.v != "" {
			a, b, err := pairOf(d.name, *d.v)
			if err != nil {
				return err
			}
			*d.v = a + "-" + b
		}
	}
	if f.Country != "" {
		if f.Country, err = country("--country", f.Country); err != nil {
			return err
		}
	}
	if f.Actor != "" {
		if f.Actor, err = actorCode("--actor", f.Actor); err != nil {
			return err
		}
	}
	if f.Root != "" {
		if f.Root, err = cameoCode("root", f.Root, true); err != nil {
			return err
		}
	}
	if f.Code != "" {
		if f.Code, err = cameoCode("code", f.Code, false); err != nil {
			return err
		}
	}
	return nil
}

func runEvents(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("events", "[--db URL] [filters] [--format F]",
		"Prints stored events that pass every filter, oldest first. Opens the database read-only; it must exist.",
		[]string{"events --db events.db --dyad AZE-ARM --format gdelt", "events --db events.db --pair Azerbaijan-Armenia --since 2024-04"},
		stdout, stderr)
	f, db := queryFlags(fs)
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(output.Formats(), ", "))
	if code, ok := parseQuery(fs, f, args); !ok {
		return code
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		return fs.fail("%v", err)
	}
	if f.Background == "" && !output.SaysBackground(*format) {
		f.Background = store.BackgroundExclude
	}
	ctx := context.Background()
	st, ok := openRead(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	for x, err := range st.ExportEvents(ctx, *f) {
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		m := output.StoredMeta(x.URL, x.Publisher, x.Title, x.IngestedAt, x.Mentions, x.Sources, x.Articles)
		if err := output.WriteWith(w, &x.Event, m); err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
	}
	if err := w.Close(); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return ExitOK
}

var incidentColumns = []string{"id", "source_country", "target_country", "root", "code", "quad_class", "date",
	"location", "background", "first_seen", "last_seen", "mentions", "articles", "sources", "claims", "denials"}

func runIncidents(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("incidents", "[--db URL] [filters] [--format F]",
		"Prints stored incidents (the many reports of one happening, grouped) that pass every filter. "+
			"Opens the database read-only; it must exist.",
		[]string{"incidents --db events.db --root 19 --since 2024-04-01", "incidents --db events.db --pair AZE-ARM --format csv"},
		stdout, stderr)
	f, db := queryFlags(fs)
	format := fs.String("format", "jsonl", "output `format`: jsonl, csv, tsv")
	if code, ok := parseQuery(fs, f, args); !ok {
		return code
	}
	var write func(store.Incident) error
	var flush func() error
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(stdout)
		write = func(in store.Incident) error { return enc.Encode(in) }
		flush = func() error { return nil }
	case "csv", "tsv":
		cw := csv.NewWriter(stdout)
		if *format == "tsv" {
			cw.Comma = '\t'
		}
		cw.Write(incidentColumns)
		write = func(in store.Incident) error {
			return cw.Write([]string{strconv.FormatInt(in.ID, 10), in.SourceCountry, in.TargetCountry, in.Root, in.Code,
				strconv.Itoa(in.QuadClass), in.Date, in.Location, strconv.FormatBool(in.Background), in.FirstSeen, in.LastSeen,
				strconv.Itoa(in.Mentions), strconv.Itoa(in.Articles), strings.Join(in.Sources, ";"),
				strconv.Itoa(in.Claims), strconv.Itoa(in.Denials)})
		}
		flush = func() error { cw.Flush(); return cw.Error() }
	default:
		return fs.fail("unknown incidents format %q (want jsonl, csv, tsv)", *format)
	}
	ctx := context.Background()
	st, ok := openRead(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	for in, err := range st.Incidents(ctx, *f) {
		if err == nil {
			err = write(in)
		}
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
	}
	if err := flush(); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return ExitOK
}

// parseQuery parses a query command's flags, which take no arguments,
// and checks its filters; it returns the exit status when it fails.
func parseQuery(fs *cmdFlags, f *store.Filter, args []string) (int, bool) {
	pos, code, ok := fs.parse(args)
	if !ok {
		return code, false
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code, false
	}
	if err := checkFilter(f); err != nil {
		return fs.fail("%v", err), false
	}
	return 0, true
}
