package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTestCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pass := write("pass.txt", "date 2025-03-10\ncode Pakistan expelled two Indian diplomats on Thursday.\n  PAK INDGOV 161 assertion=asserted\n")
	fail := write("fail.txt", "date 2025-03-10\ncode Pakistan expelled two Indian diplomats on Thursday.\n  PAK IND 190\n")
	bad := write("bad.txt", "date 2025-03-10\ncode Pakistan expelled two Indian diplomats.\n  PAK\n")
	tests := []struct {
		name   string
		args   []string
		exit   int
		stdout string
		stderr string
	}{
		{"passing file", []string{"test", pass}, ExitOK, "1 cases in 1 files, 0 failed", ""},
		{"failing case names its line", []string{"test", fail}, ExitSkipped, "fail.txt:2", ""},
		{"malformed file names its line", []string{"test", bad}, ExitUsage, "", "bad.txt:3"},
		{"missing file", []string{"test", filepath.Join(dir, "nope.txt")}, ExitUsage, "", "nope.txt"},
		{"no arguments", []string{"test"}, ExitUsage, "", "usage"},
		{"the shipped cases pass", []string{"test", "../coder/testdata/golden"}, ExitOK, " 0 failed", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.exit || !strings.Contains(out, tc.stdout) || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tc.exit, out, tc.stdout, errs, tc.stderr)
			}
		})
	}
}
