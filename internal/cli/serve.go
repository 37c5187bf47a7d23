package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/flashpoint/flashpoint/internal/server"
	"github.com/flashpoint/flashpoint/internal/store"
)

func init() {
	commands["serve"] = command{"serve the HTTP API and the dashboard over a database", runServe}
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[--db URL] [--addr HOST:PORT] [options]",
		"Serves the dashboard and the JSON API under /api/v1 over an existing database. The database is opened read-only "+
			"unless a write token is configured (POST /api/v1/articles).",
		[]string{"serve --db events.db", "serve --db flashpoint-demo.db --addr 127.0.0.1:8081"},
		stdout, stderr)
	db := fs.String("db", store.DefaultPath, "`database`: a SQLite file path or postgres://...")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	rate := fs.Float64("rate", 0, "requests per second per client before 429 (0: the default 50; negative: no limit)")
	burst := fs.Int("burst", 0, "requests a client may send at once (0: the default 100)")
	tokenFile := fs.String("token-file", "", "file holding the bearer token that allows POST /api/v1/articles (else $FLASHPOINT_TOKEN; none: read-only)")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	token, err := readToken(*tokenFile)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, ok := listen(*addr, stderr)
	if !ok {
		return ExitUsage
	}
	return serveDB(ctx, *db, ln, token, limits{*rate, *burst}, stdout, stderr)
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

// listen takes the address before any slow work, so that a port in use
// is reported at once, with the way out.
func listen(addr string, stderr io.Writer) (net.Listener, bool) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(stderr, "flashpoint: %s is in use (another flashpoint serve or demo?): stop it or choose another address, e.g. --addr %s\n", addr, nextPort(addr))
		} else {
			fmt.Fprintln(stderr, "flashpoint:", err)
		}
		return nil, false
	}
	return ln, true
}

// nextPort suggests the address one port up.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil {
		return "127.0.0.1:8081"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}

func serveDB(ctx context.Context, db string, ln net.Listener, token string, lim limits, stdout, stderr io.Writer) int {
	defer ln.Close()
	// Without a token nothing is written: the database is opened read-only.
	var st *store.Store
	var ok bool
	if token == "" {
		st, ok = openRead(ctx, db, stderr)
	} else if path, sqlite := store.SQLitePath(db); sqlite && !fileExists(path) {
		reportOpen(stderr, db, fmt.Errorf("%s: %w", path, store.ErrNoDatabase))
	} else {
		st, ok = openDB(ctx, db, stderr)
	}
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Token: token, Log: log.New(stderr, "", log.LstdFlags),
		RateLimit: lim.rate, RateBurst: lim.burst})
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	mode := "read-only"
	if token != "" {
		mode = "accepting articles with the token"
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (%s; Ctrl-C to stop)\n", store.Redact(db), ln.Addr(), mode)
	if err = srv.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	fmt.Fprintln(stdout, "stopped")
	return ExitOK
}
