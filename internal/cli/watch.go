package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/feeds"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/queue"
)

func init() {
	commands["watch"] = command{"poll RSS/Atom feeds and publish (--nats) or ingest (--db) new items", runWatch}
}

func runWatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf codingFlags
	cf.register(fs)
	var qf queueFlags
	qf.register(fs)
	var urls listFlag
	fs.Var(&urls, "rss", "feed URL, RSS or Atom (repeatable; further URLs may follow the options)")
	var p feeds.Poller
	fs.DurationVar(&p.Interval, "interval", 5*time.Minute, "time between polls of one feed")
	fs.DurationVar(&p.MaxDelay, "max-backoff", time.Hour, "longest wait after repeated errors")
	fs.BoolVar(&p.FetchArticle, "fetch", false, "download each new item's page and code its text instead of the feed's summary")
	db := fs.String("db", "", "ingest into this database instead of publishing (SQLite path or postgres://...)")
	quiet := fs.Bool("quiet", false, "no log lines")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: flashpoint watch --rss URL... [--interval D] (--nats URL | --db URL) [options]\n\nPolls feeds with conditional GET (ETag, Last-Modified), backing off exponentially on errors, and hands each new item on once.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	urls = append(urls, fs.Args()...)
	if len(urls) == 0 || (qf.cfg.URL == "") == (*db == "") {
		fmt.Fprintln(stderr, "flashpoint: watch needs --rss and exactly one of --nats, --db")
		fs.Usage()
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if !*quiet {
		p.Logf = func(f string, a ...any) { fmt.Fprintf(stderr, "flashpoint: watch: "+f+"\n", a...) }
	}
	if qf.cfg.URL != "" {
		q, err := queue.Connect(ctx, qf.cfg)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		defer q.Close()
		pub := q.Publisher()
		p.Emit = pub.Publish
		p.Run(ctx, urls)
		s, err := pub.Wait(context.Background())
		fmt.Fprintf(stderr, "flashpoint: watch: published %d, duplicate %d, failed %d\n", s.Published, s.Duplicate, s.Failed)
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		return ExitOK
	}

	pl, st, ok := cf.openStore(ctx, *db, stderr)
	if !ok {
		return ExitUsage
	}
	defer st.Close()
	// One long ingest run: it commits at least every second.
	articles := make(chan event.Article, 256)
	p.Emit = func(ctx context.Context, a event.Article) error {
		select {
		case articles <- a:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	go func() {
		p.Run(ctx, urls)
		close(articles)
	}()
	stats, err := ingest.Run(context.WithoutCancel(ctx), st, articles, pl.Process, ingest.Options{})
	fmt.Fprintf(stderr, "flashpoint: watch: stored %d, duplicate %d, rejected %d; events %d\n", stats.Stored, stats.Duplicate, stats.Rejected, stats.Events)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return ExitOK
}
