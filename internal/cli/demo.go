package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["demo"] = command{"build a database from the bundled demo corpus and print its alerts and top dyads", runDemo}
}

func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "flashpoint-demo.db", "database to build: a SQLite file path or postgres://...")
	noServe := fs.Bool("no-serve", false, "stop after building (no dashboard)")
	addr := fs.String("addr", "127.0.0.1:8080", "address of the dashboard")
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
	// Serving hook: keep the corpus texts for the article view, then
	// serve the dashboard until Ctrl-C.
	if err := keepDemoTexts(ctx, *db); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return serveDB(ctx, *db, *addr, "", limits{}, stdout, stderr)
}

// keepDemoTexts stores the demo articles' texts beside their events so
// the dashboard's article view shows the whole report.
func keepDemoTexts(ctx context.Context, db string) error {
	arts, err := demo.Articles()
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.SaveArticleTexts(ctx, arts)
}
