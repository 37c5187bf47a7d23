package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/flashpoint/flashpoint/internal/queue"
)

func init() {
	commands["worker"] = command{"code articles from a NATS JetStream queue into PostgreSQL (run any number)", runWorker}
}

func runWorker(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("worker", "--nats URL --db postgres://... [options]",
		"Pulls articles published by 'flashpoint publish' or 'flashpoint watch', codes them and commits the events, then acknowledges. Run as many as you like against one database.",
		[]string{"worker --nats nats://127.0.0.1:4222 --db postgres://localhost/fp --exit-when-drained"},
		stdout, stderr)
	var cf codingFlags
	cf.register(fs.FlagSet)
	var qf queueFlags
	qf.register(fs.FlagSet)
	var opt queue.WorkerOptions
	fs.StringVar(&qf.cfg.Consumer, "consumer", queue.DefaultConsumer, "durable consumer name shared by the workers")
	db := fs.String("db", "", "database: postgres://... (a SQLite file works for a single worker)")
	fs.IntVar(&opt.Batch, "batch", 20, "messages per fetch and per transaction (small batches hold incident locks briefly)")
	fs.IntVar(&opt.MaxDeliver, "max-deliver", 5, "deliveries before a failing message goes to the dead-letter subject")
	fs.DurationVar(&opt.AckWait, "ack-wait", time.Minute, "redelivery delay of messages a worker took and did not acknowledge")
	fs.BoolVar(&opt.ExitWhenDrained, "exit-when-drained", false, "exit once the queue is empty")
	metrics := fs.String("metrics", "", "serve Prometheus /metrics on this address, e.g. :9464")
	quiet := fs.Bool("quiet", false, "no log lines")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	if qf.cfg.URL == "" || *db == "" {
		return fs.fail("--nats URL and --db URL are required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p, st, ok := cf.openStore(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	q, err := queue.Connect(ctx, qf.cfg)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	defer q.Close()
	opt.Metrics = &queue.Metrics{}
	if !*quiet {
		opt.Logf = func(f string, a ...any) { fmt.Fprintf(stderr, "flashpoint: worker: "+f+"\n", a...) }
	}
	if *metrics != "" {
		mux := http.NewServeMux()
		mux.Handle("/metrics", opt.Metrics)
		srv := &http.Server{Addr: *metrics, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() {
			if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
				fmt.Fprintln(stderr, "flashpoint: metrics:", err)
			}
		}()
		defer srv.Close()
	}
	start := time.Now()
	err = q.Work(ctx, st, p.Process, opt)
	m := opt.Metrics
	fmt.Fprintf(stderr, "flashpoint: worker: %d articles (%d stored, %d duplicate, %d rejected), %d events, %d redeliveries, %d dead letters, %d errors in %v\n",
		m.Articles.Load(), m.Stored.Load(), m.Duplicates.Load(), m.Rejected.Load(), m.Events.Load(),
		m.Redeliveries.Load(), m.DeadLetters.Load(), m.Errors.Load(), time.Since(start).Round(time.Millisecond))
	if err != nil && err != context.Canceled {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return ExitOK
}
