package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/flashpoint/flashpoint/internal/server"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["serve"] = command{"serve the HTTP API and the dashboard over a database", runServe}
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", store.DefaultPath, "database: a SQLite file path or postgres://...")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	rate := fs.Float64("rate", 0, "requests per second per client before 429 (0: the default 50; negative: no limit)")
	burst := fs.Int("burst", 0, "requests a client may send at once (0: the default 100)")
	tokenFile := fs.String("token-file", "", "file holding the bearer token that allows POST /api/v1/articles (else $FLASHPOINT_TOKEN; none: read-only)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "flashpoint: serve takes no arguments (got %q)\n", fs.Args())
		return ExitUsage
	}
	token, err := readToken(*tokenFile)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveDB(ctx, *db, *addr, token, limits{*rate, *burst}, stdout, stderr)
}

// readToken reads the write token from a file (trimmed) or the
// FLASHPOINT_TOKEN environment variable; "" means read-only.
func readToken(file string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv("FLASHPOINT_TOKEN")), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("--token-file: %w", err)
	}
	t := strings.TrimSpace(string(b))
	if t == "" {
		return "", fmt.Errorf("--token-file %s is empty", file)
	}
	return t, nil
}

// serveDB serves the database at db on addr until ctx is cancelled,
// then finishes the requests in flight.
// limits are the per-client request rate and burst; zero values take the
// server's defaults.
type limits struct {
	rate  float64
	burst int
}

func serveDB(ctx context.Context, db, addr, token string, lim limits, stdout, stderr io.Writer) int {
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Token: token, Log: log.New(stderr, "", log.LstdFlags),
		RateLimit: lim.rate, RateBurst: lim.burst})
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	mode := "read-only"
	if token != "" {
		mode = "accepting articles with the token"
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (%s; Ctrl-C to stop)\n", db, ln.Addr(), mode)
	if err := srv.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	fmt.Fprintln(stdout, "stopped")
	return ExitOK
}
