package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
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

// benchStore ingests copies, 10×copies and again copies of the demo
// corpus, each into a fresh store, and prints the time of each and the
// growth: the 10× run against the mean of the two 1× runs around it, so
// that a machine whose speed drifts (other jobs on it) moves both sides
// alike. 10 means the cost per article does not grow with the store.
// The CPU time of this process and, for a PostgreSQL server on this
// machine, of its sessions, is printed too: it moves less with other
// jobs than the wall time does.
func benchStore(kind, server string, copies int, stdout, stderr io.Writer) int {
	ctx := context.Background()
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	var runs [3]storeRun
	for i, n := range []int{copies, 10 * copies, copies} {
		r, err := ingestFresh(ctx, kind, server, n, p.Process)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint: bench:", err)
			return ExitUsage
		}
		runs[i] = r
		cpu := ""
		if r.cpu > 0 {
			cpu = fmt.Sprintf(", CPU per article %.2f ms here", ms(r.cpu)/float64(r.stored))
			if r.serverOK {
				cpu += fmt.Sprintf(" + %.2f ms database server", ms(r.server)/float64(r.stored))
			}
		}
		fmt.Fprintf(stdout, "ingest %s %3d× demo corpus: %6d articles, %7d events in %6.2fs, %4.0f articles/s%s\n",
			kind, n, r.stored, r.events, r.wall.Seconds(), float64(r.stored)/r.wall.Seconds(), cpu)
	}
	one, ten := runs[0].add(runs[2]), runs[1]
	articles := float64(ten.stored) / float64(max(one.stored, 1)) * 2
	fmt.Fprintf(stdout, "growth for %.1f× the articles: %.2f× the time (≤ 11 is linear; against the mean of the two 1× runs)\n",
		articles, 2*ten.wall.Seconds()/one.wall.Seconds())
	if one.cpu > 0 {
		line := fmt.Sprintf("  CPU time: %.2f× here", 2*ten.cpu.Seconds()/one.cpu.Seconds())
		if one.serverOK && ten.serverOK {
			line += fmt.Sprintf(", %.2f× in the database server, %.2f× both", 2*ten.server.Seconds()/one.server.Seconds(),
				2*(ten.cpu+ten.server).Seconds()/(one.cpu+one.server).Seconds())
		}
		fmt.Fprintln(stdout, line)
	}
	return ExitOK
}

// storeRun is what one ingest into a fresh store took.
type storeRun struct {
	stored, events int
	wall, cpu      time.Duration // cpu: of this process
	server         time.Duration // of the PostgreSQL sessions, when serverOK
	serverOK       bool
}

// add sums two runs.
func (r storeRun) add(o storeRun) storeRun {
	return storeRun{r.stored + o.stored, r.events + o.events, r.wall + o.wall, r.cpu + o.cpu,
		r.server + o.server, r.serverOK && o.serverOK}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// ingestFresh ingests copies of the demo corpus into a fresh store of
// kind and removes the store.
func ingestFresh(ctx context.Context, kind, server string, copies int, code ingest.CodeFunc) (storeRun, error) {
	var r storeRun
	arts, err := growthCorpus(copies)
	if err != nil {
		return r, err
	}
	url, drop, err := freshStore(ctx, kind, server)
	if err != nil {
		return r, err
	}
	defer drop()
	st, err := store.Open(ctx, url)
	if err != nil {
		return r, err
	}
	defer st.Close()
	ch := make(chan event.Article, 256)
	go func() {
		defer close(ch)
		for _, a := range arts {
			ch <- a
		}
	}()
	runtime.GC() // the corpus just built is not this run's garbage
	srv0, ok0 := sessionsCPU(ctx, st)
	cpu0, t := processCPU(), time.Now()
	s, err := ingest.Run(ctx, st, ch, code, ingest.Options{})
	r.wall, r.cpu = time.Since(t), processCPU()-cpu0
	srv1, ok1 := sessionsCPU(ctx, st)
	if err != nil {
		return r, err
	}
	r.stored, r.events = s.Stored, s.Events
	if r.serverOK = ok0 && ok1; r.serverOK {
		for pid, d := range srv1 {
			r.server += d - srv0[pid] // a session opened during the run counts from 0
		}
	}
	return r, nil
}

// sessionsCPU returns the CPU time of each PostgreSQL backend serving
// st's database, when the server runs on this machine.
func sessionsCPU(ctx context.Context, st *store.Store) (map[int]time.Duration, bool) {
	if !st.Postgres() {
		return nil, false
	}
	rows, err := st.DB().QueryContext(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
	if err != nil {
		return nil, false
	}
	defer rows.Close()
	out := map[int]time.Duration{}
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) != nil {
			return nil, false
		}
		d, ok := serverCPU(pid, "postgres")
		if !ok {
			return nil, false
		}
		out[pid] = d
	}
	return out, rows.Err() == nil && len(out) > 0
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
