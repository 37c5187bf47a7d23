package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/flashpoint/flashpoint/internal/demo"
)

func init() {
	commands["demo"] = command{"build a database from the bundled demo corpus and print its alerts and top dyads", runDemo}
}

func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "flashpoint-demo.db", "database to build: a SQLite file path or postgres://...")
	noServe := fs.Bool("no-serve", false, "stop after building (no dashboard)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sum, err := demo.Build(ctx, *db)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	sum.Print(stdout)
	fmt.Fprintf(stdout, "\ndatabase: %s  (try: flashpoint alerts --db %s; flashpoint tension AZE ARM --db %s)\n", *db, *db, *db)
	if *noServe {
		return ExitOK
	}
	// Serving hook: once the dashboard package exists, start it here on
	// *db (and give demo a --addr flag); until then demo stops after
	// building, as with --no-serve.
	return ExitOK
}
