package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Item 8: an article over NATS's 1 MiB payload is reported alone; the
// articles after it are still published.
func TestPublishTooLarge(t *testing.T) {
	nc, err := nats.Connect("nats://127.0.0.1:4222", nats.Timeout(2*time.Second))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("NATS unreachable: %v", err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	name := fmt.Sprintf("FPTEST_TOOLARGE_%d", time.Now().UnixNano())
	defer js.DeleteStream(context.Background(), name)
	defer js.DeleteStream(context.Background(), name+"_DEAD")
	in := filepath.Join(t.TempDir(), "in.jsonl")
	big := strings.Repeat("Armenian and Azerbaijani officials met again. ", 2<<20/46)
	lines := []string{
		`{"id":"small1","date":"2024-03-05","text":"Azerbaijani forces shelled Armenian positions."}`,
		`{"id":"big","date":"2024-03-05","text":"` + big + `"}`,
		`{"id":"small2","date":"2024-03-05","text":"Georgian police detained protesters."}`,
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	r, _ := guarded(t, time.Minute, nil, "publish", "--nats", "nats://127.0.0.1:4222", "--stream", name, "--subject", strings.ToLower(name),
		"--dead-stream", name+"_DEAD", "--dead-subject", strings.ToLower(name)+".dead", in)
	if r.code != ExitSkipped || !strings.Contains(r.stderr, "published 2, duplicate 0, failed 0, rejected 1") ||
		!strings.Contains(r.stderr, `in.jsonl:2: article "big":`) || !strings.Contains(r.stderr, "message limit") {
		t.Fatalf("exit %d, stderr:\n%s", r.code, tail(r.stderr))
	}
}
