package cli

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"
)

// TestServeReadOnlyDatabase serves a chmod 444 database: the server opens
// it read-only and answers queries.
func TestServeReadOnlyDatabase(t *testing.T) {
	bin := flashpointBinary(t)
	dir := t.TempDir()
	b, err := os.ReadFile(exampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "events.db")
	if err := os.WriteFile(db, b, 0o444); err != nil {
		t.Fatal(err)
	}
	// The deadline only keeps a broken server from hanging the test run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() {
		cmd.Wait()
		t.Fatalf("serve printed nothing; stderr: %s", stderr.String())
	}
	m := regexp.MustCompile(`on (http://\S+/) \(read-only`).FindStringSubmatch(sc.Text())
	if m == nil {
		t.Fatalf("serve said %q", sc.Text())
	}
	for _, path := range []string{"", "api/v1/incidents?limit=1", "api/v1/alerts", "dyad/AZE-ARM"} {
		resp, err := http.Get(m[1] + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /%s: %s; stderr: %s", path, resp.Status, stderr.String())
		}
	}
	cmd.Process.Signal(os.Interrupt)
	go func() {
		for sc.Scan() {
		}
	}()
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve: %v; stderr: %s", err, stderr.String())
	}
}

// lockedBuffer is a buffer the process's output copier and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
