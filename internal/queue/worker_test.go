package queue_test

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/queue"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// TestWorkerChild is one worker process of TestWorkersKilled (this test
// binary re-executed with FP_QUEUE_DB set); it does nothing otherwise.
func TestWorkerChild(t *testing.T) {
	db := os.Getenv("FP_QUEUE_DB")
	if db == "" {
		t.Skip("child process of TestWorkersKilled only")
	}
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	q := connect(t, configFromEnv())
	st := open(t, db)
	err = q.Work(context.Background(), st, p.Process, queue.WorkerOptions{
		Batch: 20, AckWait: 3 * time.Second, ExitWhenDrained: true,
		Logf: func(f string, a ...any) { t.Logf(f, a...) },
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWorkersKilled runs three worker processes over one queue into one
// PostgreSQL database, SIGKILLs one part-way, and checks the result is
// exactly what a single-process ingest stores: the same articles, the
// same events, the same rejects. FLASHPOINT_QUEUE_N sets the corpus size.
func TestWorkersKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	cfg := testConfig(t)
	db := storetest.Postgres(t)
	n := corpusN(t, 20000) // the size; FLASHPOINT_QUEUE_N overrides
	arts := corpus(n, 11)
	st := open(t, db) // migrates before the workers start

	t0 := time.Now()
	q := connect(t, cfg)
	if s := publish(t, q, arts); s.Published != n {
		t.Fatalf("published %+v, want %d", s, n)
	}
	tPub := time.Since(t0)

	const workers = 3
	cmds := make([]*exec.Cmd, workers)
	exited := make([]chan error, workers)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWorkerChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FP_QUEUE_DB="+db, configEnv(cfg))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i], exited[i] = cmd, make(chan error, 1)
		go func() { exited[i] <- cmd.Wait() }()
	}
	defer func() {
		for _, c := range cmds {
			c.Process.Kill()
		}
	}()

	// Kill worker 0 once a quarter of the articles is stored. The
	// deadlines grow with the corpus so a slow machine does not fail
	// a large run: at least 2 minutes, or 10 ms per article.
	wait := max(2*time.Minute, time.Duration(n)*10*time.Millisecond)
	killedAt := int64(-1)
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var c int64
		if err := st.DB().QueryRow("SELECT COUNT(*) FROM articles").Scan(&c); err != nil {
			t.Fatal(err)
		}
		if c >= int64(n/4) {
			cmds[0].Process.Signal(syscall.SIGKILL)
			<-exited[0]
			killedAt = c
			break
		}
	}
	if killedAt < 0 {
		t.Fatal("workers made no progress")
	}
	for i := 1; i < workers; i++ {
		select {
		case err := <-exited[i]:
			if err != nil {
				t.Fatalf("worker %d: %v", i, err)
			}
		case <-time.After(wait + time.Minute):
			t.Fatalf("worker %d did not finish", i)
		}
	}
	tWork := time.Since(t0) - tPub

	// The reference: one process, one SQLite file.
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	ref := open(t, storetest.SQLite(t))
	t1 := time.Now()
	ingestAll(t, ref, arts, p.Process)
	t.Logf("%d articles: publish %v, 3 workers (one killed after %d stored) %v, single-process SQLite ingest %v",
		n, tPub.Round(time.Millisecond), killedAt, tWork.Round(time.Millisecond), time.Since(t1).Round(time.Millisecond))

	if g, w := articleIDs(t, st), articleIDs(t, ref); !slices.Equal(g, w) {
		t.Errorf("articles: %d stored by workers, %d by ingest", len(g), len(w))
	}
	got, want := eventSet(t, st), eventSet(t, ref)
	if !slices.Equal(got, want) {
		t.Errorf("events: %d stored by workers, %d by ingest", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("first difference:\n got %s\nwant %s", got[i], want[i])
			}
		}
	}
	gc, _ := st.Counts(context.Background())
	wc, _ := ref.Counts(context.Background())
	// A killed worker may have committed rejects whose messages were
	// then redelivered, so the queue side may hold a few twice.
	if gc.Rejects < wc.Rejects {
		t.Errorf("rejects: %d, ingest %d", gc.Rejects, wc.Rejects)
	}
	t.Logf("workers: %+v; ingest: %+v", gc, wc)
	info, err := q.JetStream().Stream(context.Background(), cfg.DeadStream)
	if err != nil {
		t.Fatal(err)
	}
	if m := info.CachedInfo().State.Msgs; m != 0 {
		t.Errorf("%d dead letters, want none", m)
	}
}

// TestPublishDedup publishes a corpus twice: the server drops the
// second copy by message id.
func TestPublishDedup(t *testing.T) {
	cfg := testConfig(t)
	q := connect(t, cfg)
	arts := corpus(300, 1)
	if s := publish(t, q, arts); s.Published != 300 || s.Duplicate != 0 {
		t.Fatalf("first publish: %+v", s)
	}
	if s := publish(t, q, arts); s.Published != 0 || s.Duplicate != 300 {
		t.Fatalf("second publish: %+v", s)
	}
	// A stream that exists is reused as it is.
	connect(t, cfg)
	info, _ := q.JetStream().Stream(context.Background(), cfg.Stream)
	if m := info.CachedInfo().State.Msgs; m != 300 {
		t.Fatalf("stream holds %d messages, want 300", m)
	}
}

// TestPoison checks that an undecodable message and an article the
// store keeps refusing end on the dead-letter subject with the reason,
// while a good article is stored.
func TestPoison(t *testing.T) {
	cfg := testConfig(t)
	q := connect(t, cfg)
	st := open(t, storetest.Postgres(t))
	ctx := context.Background()
	if _, err := q.JetStream().Publish(ctx, cfg.Subject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	arts := corpus(2, 5)
	bad := arts[1] // coded with two events of one id: the store refuses it every time
	publish(t, q, arts)
	pl, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	code := func(a event.Article) ([]event.Event, error) {
		evs, err := pl.Process(a)
		if a.ID == bad.ID && len(evs) > 0 {
			evs = append(evs, evs[0])
		}
		return evs, err
	}
	met := &queue.Metrics{}
	err = q.Work(ctx, st, code, queue.WorkerOptions{MaxDeliver: 2, AckWait: 2 * time.Second,
		FetchWait: 200 * time.Millisecond, ExitWhenDrained: true, Metrics: met,
		Logf: func(f string, a ...any) { t.Logf(f, a...) }})
	if err != nil {
		t.Fatal(err)
	}
	if got := articleIDs(t, st); !slices.Equal(got, []string{arts[0].ID}) {
		t.Errorf("stored %v, want [%s]", got, arts[0].ID)
	}
	if d := met.DeadLetters.Load(); d != 2 {
		t.Errorf("dead letters %d, want 2", d)
	}
	cons, err := q.JetStream().OrderedConsumer(ctx, cfg.DeadStream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for range 2 {
		m, err := cons.Next(jetstream.FetchMaxWait(2 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		reasons = append(reasons, m.Headers().Get(queue.HeaderReason))
	}
	want := []string{"undecodable article", "failed 2 deliveries"}
	for i, w := range want {
		if len(reasons[i]) < len(w) || reasons[i][:len(w)] != w {
			t.Errorf("dead letter %d: reason %q, want %q...", i, reasons[i], w)
		}
	}
	if r := met.Redeliveries.Load(); r < 1 {
		t.Errorf("redeliveries %d, want >= 1", r)
	}
}
