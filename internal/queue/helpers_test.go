package queue_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
	"github.com/flashpoint/flashpoint/internal/queue"
	"github.com/flashpoint/flashpoint/internal/store"
)

// Tests run against the NATS server named by FLASHPOINT_TEST_NATS
// (default nats://127.0.0.1:4222, started by scripts/test-services.sh).
// An unreachable server skips them, or fails them under CI=true.
func natsURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("FLASHPOINT_TEST_NATS")
	if u == "" {
		u = nats.DefaultURL
	}
	nc, err := nats.Connect(u, nats.Timeout(3*time.Second))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NATS at %s unreachable under CI (run scripts/test-services.sh): %v", u, err)
		}
		t.Skipf("skipping: NATS at %s unreachable (%v); run scripts/test-services.sh", u, err)
	}
	nc.Close()
	return u
}

// testConfig names streams, subjects and consumer uniquely for one test
// and deletes the streams afterwards.
func testConfig(t testing.TB) queue.Config {
	t.Helper()
	var rnd [5]byte
	rand.Read(rnd[:])
	id := hex.EncodeToString(rnd[:])
	cfg := queue.Config{URL: natsURL(t), Stream: "FPTEST_" + id, Subject: "fptest." + id + ".articles",
		DeadStream: "FPTEST_DEAD_" + id, DeadSubject: "fptest." + id + ".dead", Consumer: "w" + id}
	t.Cleanup(func() {
		q, err := queue.Connect(context.Background(), cfg)
		if err != nil {
			return
		}
		defer q.Close()
		q.JetStream().DeleteStream(context.Background(), cfg.Stream)
		q.JetStream().DeleteStream(context.Background(), cfg.DeadStream)
	})
	return cfg
}

// configFromEnv rebuilds a test's config in a child process.
func configFromEnv() queue.Config {
	var c queue.Config
	json.Unmarshal([]byte(os.Getenv("FP_QUEUE_CONFIG")), &c)
	return c
}

func configEnv(c queue.Config) string {
	b, _ := json.Marshal(c)
	return "FP_QUEUE_CONFIG=" + string(b)
}

func connect(t testing.TB, cfg queue.Config) *queue.Queue {
	t.Helper()
	q, err := queue.Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func open(t testing.TB, url string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func publish(t testing.TB, q *queue.Queue, arts []event.Article) queue.PublishStats {
	t.Helper()
	p := q.Publisher()
	for _, a := range arts {
		if err := p.Publish(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	s, err := p.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ingestAll is the single-process reference run.
func ingestAll(t testing.TB, st *store.Store, arts []event.Article, code ingest.CodeFunc) ingest.Stats {
	t.Helper()
	ch := make(chan event.Article, 256)
	go func() {
		defer close(ch)
		for _, a := range arts {
			ch <- a
		}
	}()
	s, err := ingest.Run(context.Background(), st, ch, code, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// eventSet returns every stored event as JSON without its incident
// (incident numbering depends on arrival order), sorted.
func eventSet(t testing.TB, st *store.Store) []string {
	t.Helper()
	var out []string
	for e, err := range st.Events(context.Background(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		e.IncidentID = 0
		b, _ := json.Marshal(e)
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

// articleIDs returns the stored article ids, sorted.
func articleIDs(t testing.TB, st *store.Store) []string {
	t.Helper()
	rows, err := st.DB().Query("SELECT id FROM articles ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}
