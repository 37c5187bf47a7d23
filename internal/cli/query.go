package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
func queryFlags(fs *flag.FlagSet) (*store.Filter, *string) {
	f := &store.Filter{}
	db := fs.String("db", store.DefaultPath, "database: a SQLite file path or postgres://...")
	fs.StringVar(&f.Actor, "actor", "", "actor code prefix on either side (e.g. AZEGOV)")
	fs.StringVar(&f.Dyad, "dyad", "", "directed country dyad SOURCE-TARGET (e.g. AZE-ARM)")
	fs.StringVar(&f.Code, "code", "", "CAMEO code prefix (e.g. 19, 1123)")
	fs.StringVar(&f.Root, "root", "", "CAMEO root (two digits)")
	fs.IntVar(&f.QuadClass, "quad", 0, "QuadClass 1-4")
	fs.StringVar(&f.Country, "country", "", "country on either side (ISO-3)")
	fs.StringVar(&f.Since, "since", "", "first date, YYYY-MM-DD")
	fs.StringVar(&f.Until, "until", "", "last date, YYYY-MM-DD")
	fs.BoolVar(&f.Claimed, "claimed", false, "only claimed events")
	fs.BoolVar(&f.Denied, "denied", false, "only denials / denied incidents")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many rows (0: all)")
	return f, db
}

func validFilter(f *store.Filter) error {
	if f.Dyad != "" && !strings.Contains(f.Dyad, "-") {
		return fmt.Errorf("--dyad %q: want SOURCE-TARGET, e.g. AZE-ARM", f.Dyad)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return fmt.Errorf("--quad %d: want 1-4", f.QuadClass)
	}
	for _, d := range []string{f.Since, f.Until} {
		if d != "" && len(d) != 10 {
			return fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	return nil
}

func runEvents(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f, db := queryFlags(fs)
	format := fs.String("format", "jsonl", "output format: "+strings.Join(output.Formats(), ", "))
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if err := validFilter(f); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	ctx := context.Background()
	st, ok := openDB(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	for se, err := range st.Events(ctx, *f) {
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		if err := w.Write(&se.Event); err != nil {
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
	fs := flag.NewFlagSet("incidents", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f, db := queryFlags(fs)
	format := fs.String("format", "jsonl", "output format: jsonl, csv, tsv")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if err := validFilter(f); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
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
		fmt.Fprintf(stderr, "flashpoint: unknown incidents format %q (want jsonl, csv, tsv)\n", *format)
		return ExitUsage
	}
	ctx := context.Background()
	st, ok := openDB(ctx, *db, stderr)
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
