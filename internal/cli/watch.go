package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
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
	fs := newFlags("watch", "--rss URL... [--interval D] (--nats URL | --db URL) [options]",
		"Polls feeds with conditional GET (ETag, Last-Modified), backing off exponentially on errors, and hands each new item on once: "+
			"to a JetStream queue (--nats) or into a database (--db).",
		[]string{"watch --rss https://example.org/feed.xml --db events.db"},
		stdout, stderr)
	var cf codingFlags
	cf.register(fs.FlagSet)
	var qf queueFlags
	qf.register(fs.FlagSet)
	var urls listFlag
	fs.Var(&urls, "rss", "feed URL, RSS or Atom (repeatable; further URLs may follow the options)")
	var p feeds.Poller
	fs.DurationVar(&p.Interval, "interval", 5*time.Minute, "time between polls of one feed")
	fs.DurationVar(&p.MaxDelay, "max-backoff", time.Hour, "longest wait after repeated errors")
	fs.BoolVar(&p.FetchArticle, "fetch", false, "download each new item's page and code its text instead of the feed's summary")
	db := fs.String("db", "", "ingest into this database instead of publishing (SQLite path or postgres://...)")
	quiet := fs.Bool("quiet", false, "no log lines")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	urls = append(urls, pos...)
	if len(urls) == 0 || (qf.cfg.URL == "") == (*db == "") {
		return fs.fail("needs --rss and exactly one of --nats, --db")
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return fs.fail("feed %q: want an http:// or https:// URL", u)
		}
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
		p.Emit = func(ctx context.Context, a event.Article) error {
			err := pub.Publish(ctx, a)
			var tl *queue.TooLargeError
			if errors.As(err, &tl) {
				// Retrying cannot help: dead-letter it, so the feed is
				// neither stuck nor backed off for good.
				fmt.Fprintf(stderr, "flashpoint: watch: %v: dead-lettered\n", err)
				return q.DeadLetter(ctx, a, err.Error())
			}
			return err
		}
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
