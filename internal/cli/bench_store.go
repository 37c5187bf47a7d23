package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/demo"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/store"
)

// growthCorpus is the demo corpus repeated copies times, each copy with
// its own ids, dates shifted past the previous copy's and a marker that
// makes its texts distinct: a store that grows as a real one does.
func growthCorpus(copies int) ([]event.Article, error) {
	base, err := demo.Articles()
	if err != nil {
		return nil, err
	}
	first, _ := time.Parse(time.DateOnly, base[0].Date)
	last, _ := time.Parse(time.DateOnly, base[len(base)-1].Date)
	span := int(last.Sub(first).Hours()/24) + 30
	out := make([]event.Article, 0, copies*len(base))
	for k := range copies {
		for _, a := range base {
			d, err := time.Parse(time.DateOnly, a.Date)
			if err != nil {
				continue
			}
			a.ID = fmt.Sprintf("c%d-%s", k, a.ID)
			a.Date = d.AddDate(0, 0, k*span).Format(time.DateOnly)
			a.Text += fmt.Sprintf("\n\nEdition %d.", k)
			a.Origin = ""
			out = append(out, a)
		}
	}
	return out, nil
}

// benchStore ingests copies and 10×copies of the demo corpus, each into
// a fresh store, and prints the time of each and their ratio: 10 means
// the cost per article does not grow with the store.
func benchStore(kind, server string, copies int, stdout, stderr io.Writer) int {
	ctx := context.Background()
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	var took [2]time.Duration
	var stored [2]int
	for i, n := range []int{copies, 10 * copies} {
		arts, err := growthCorpus(n)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		url, drop, err := freshStore(ctx, kind, server)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint: bench:", err)
			return ExitUsage
		}
		st, err := store.Open(ctx, url)
		if err != nil {
			drop()
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		ch := make(chan event.Article, 256)
		go func() {
			defer close(ch)
			for _, a := range arts {
				ch <- a
			}
		}()
		t := time.Now()
		s, err := ingest.Run(ctx, st, ch, p.Process, ingest.Options{})
		took[i] = time.Since(t)
		st.Close()
		drop()
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint: bench:", err)
			return ExitUsage
		}
		stored[i] = s.Stored
		fmt.Fprintf(stdout, "ingest %s %3d× demo corpus: %6d articles, %7d events in %6.2fs, %4.0f articles/s\n",
			kind, n, s.Stored, s.Events, took[i].Seconds(), float64(s.Stored)/took[i].Seconds())
	}
	fmt.Fprintf(stdout, "growth for %.1f× the articles: %.2f× the time (≤ 11 is linear)\n",
		float64(stored[1])/float64(max(stored[0], 1)), took[1].Seconds()/took[0].Seconds())
	return ExitOK
}

// freshStore returns the URL of an empty store of kind and a function
// that removes it: a SQLite file in a temporary folder, or a new
// database on the PostgreSQL server named by server.
func freshStore(ctx context.Context, kind, server string) (string, func(), error) {
	if kind == "sqlite" {
		dir, err := os.MkdirTemp("", "flashpoint-bench-")
		if err != nil {
			return "", nil, err
		}
		return "sqlite:" + filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }, nil
	}
	if !store.IsPostgres(server) {
		return "", nil, fmt.Errorf("--db %q: want the postgres:// URL of a server to create a scratch database on", store.Redact(server))
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return "", nil, err
	}
	name := fmt.Sprintf("fp_bench_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create database on %s: %w", store.Redact(server), err)
	}
	url := withDatabase(server, name)
	return url, func() {
		admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}, nil
}

// withDatabase replaces the database of a postgres:// URL.
func withDatabase(u, db string) string {
	rest, query, _ := strings.Cut(u, "?")
	scheme, hostpath, _ := strings.Cut(rest, "://")
	host, _, _ := strings.Cut(hostpath, "/")
	out := scheme + "://" + host + "/" + db
	if query != "" {
		out += "?" + query
	}
	return out
}
