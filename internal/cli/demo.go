package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["demo"] = command{"build a database from the bundled demo corpus and print its alerts and top dyads", runDemo}
}

func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("demo", "[--db URL] [--addr HOST:PORT] [--no-serve]",
		"Codes the bundled demo corpus into a database, prints its alerts and top dyads, then serves the dashboard "+
			"until Ctrl-C. Running it again finds the corpus stored and serves it at once.",
		[]string{"demo", "demo --addr 127.0.0.1:8081", "demo --no-serve --db /tmp/demo.db"},
		stdout, stderr)
	db := fs.String("db", "flashpoint-demo.db", "`database` to build: a SQLite file path or postgres://...")
	noServe := fs.Bool("no-serve", false, "stop after building (no dashboard)")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` of the dashboard")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// The port is taken before the build, which takes a while, so that a
	// port in use is said at once.
	var ln net.Listener
	if !*noServe {
		if ln, ok = listen(*addr, stderr); !ok {
			return ExitUsage
		}
		defer ln.Close()
	}
	sum, err := demo.Build(ctx, *db)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	sum.Print(stdout)
	fmt.Fprintf(stdout, "\ndatabase: %s  (try: flashpoint alerts --db %s; flashpoint tension AZE ARM --db %s)\n", store.Redact(*db), store.Redact(*db), store.Redact(*db))
	if *noServe {
		return ExitOK
	}
	// Serving hook: keep the corpus texts for the article view, then
	// serve the dashboard until Ctrl-C.
	if err := keepDemoTexts(ctx, *db); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return serveDB(ctx, *db, ln, "", limits{}, stdout, stderr)
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
