package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/queue"
)

func init() {
	commands["publish"] = command{"put articles on a NATS JetStream work queue for 'flashpoint worker'", runPublish}
}

// queueFlags name the NATS server, streams and consumer (publish, worker, watch).
type queueFlags struct{ cfg queue.Config }

func (q *queueFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&q.cfg.URL, "nats", "", "NATS server URL, e.g. nats://127.0.0.1:4222")
	fs.StringVar(&q.cfg.Subject, "subject", queue.DefaultSubject, "subject articles are published on")
	fs.StringVar(&q.cfg.Stream, "stream", queue.DefaultStream, "JetStream stream (created if missing, work-queue retention)")
	fs.StringVar(&q.cfg.DeadSubject, "dead-subject", queue.DefaultDeadSubject, "subject poison messages are moved to")
	fs.StringVar(&q.cfg.DeadStream, "dead-stream", queue.DefaultDeadStream, "stream keeping the dead letters")
	fs.DurationVar(&q.cfg.Dedup, "dedup", queue.DefaultDedup, "window in which an article id published again is dropped")
}

func runPublish(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("publish", "--nats URL [options] FILE|DIR|-...",
		"Reads articles and puts them on a JetStream stream, one message each, with the article id as message id so the server drops an article published twice.",
		[]string{"publish --nats nats://127.0.0.1:4222 examples/articles.jsonl"},
		stdout, stderr)
	var cf codingFlags
	cf.register(fs.FlagSet)
	var qf queueFlags
	qf.register(fs.FlagSet)
	paths, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	switch {
	case qf.cfg.URL == "":
		return fs.fail("--nats URL is required")
	case len(paths) == 0:
		return fs.fail("no input: name files, folders or - for standard input")
	}
	if err := cf.check(); err != nil {
		return fs.fail("%v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	q, err := queue.Connect(ctx, qf.cfg)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	defer q.Close()
	p := q.Publisher()
	tooLarge := 0
	rejected, err := cf.readArticles(paths, stdin, stderr, func(a event.Article) error {
		err := p.Publish(ctx, a)
		var tl *queue.TooLargeError
		if errors.As(err, &tl) {
			tooLarge++
			fmt.Fprintf(stderr, "flashpoint: %s: %v (skipped)\n", a.Origin, err)
			return nil
		}
		return err
	})
	rejected += tooLarge
	stats, werr := p.Wait(context.WithoutCancel(ctx))
	if err == nil {
		err = werr
	}
	fmt.Fprintf(stderr, "flashpoint: published %d, duplicate %d, failed %d, rejected %d\n", stats.Published, stats.Duplicate, stats.Failed, rejected)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	return readExit(stats.Published+stats.Duplicate+stats.Failed, rejected)
}
