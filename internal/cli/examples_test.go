package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocExamples runs every command of the README's and docs/cli.md's sh
// blocks with the built binary, in document order, in a folder holding
// only the shipped examples/ (a fresh clone's), and wants each to succeed.
// "go run ./cmd/flashpoint" and "flashpoint" are the same binary.
func TestDocExamples(t *testing.T) {
	for _, doc := range []string{"../../README.md", "../../docs/cli.md"} {
		t.Run(filepath.Base(doc), func(t *testing.T) {
			b, err := os.ReadFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			copyTree(t, "../../examples", filepath.Join(dir, "examples"))
			ran := 0
			for _, line := range shellLines(string(b)) {
				for _, cmd := range strings.Split(line, "&&") {
					args, why := exampleArgs(splitWords(cmd))
					if why != "" {
						t.Logf("not run (%s): %s", why, strings.TrimSpace(cmd))
						continue
					}
					if args == nil {
						t.Errorf("%s: do not know how to run %q", doc, cmd)
						continue
					}
					r := runBinary(t, dir, "", "", args...)
					if r.code != ExitOK {
						t.Errorf("%s: flashpoint %s: exit %d\n%s", doc, strings.Join(args, " "), r.code, r.stderr)
					}
					ran++
				}
			}
			if ran < 5 {
				t.Errorf("%s: only %d examples ran", doc, ran)
			}
		})
	}
}

// exampleArgs turns an example's words into the binary's arguments, or
// says why it is not run here.
func exampleArgs(words []string) (args []string, why string) {
	switch {
	case len(words) == 0:
		return nil, "empty"
	case words[0] == "scripts/test.sh":
		return nil, "the test suite itself"
	case words[0] == "createdb" || strings.Contains(strings.Join(words, " "), "postgres://"):
		return nil, "needs a PostgreSQL server of its own; the store tests cover PostgreSQL"
	case len(words) >= 2 && words[0] == "go" && (words[1] == "install" || words[1] == "build"):
		return nil, "builds the binary, as this test does"
	case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/flashpoint":
		args = words[3:]
	case words[0] == "flashpoint":
		args = words[1:]
	default:
		return nil, ""
	}
	if len(args) > 0 && args[0] == "demo" {
		args = append(args, "--no-serve") // the dashboard would serve until Ctrl-C
	}
	if args == nil {
		args = []string{}
	}
	return args, ""
}

// shellLines returns the lines of the ```sh blocks of a Markdown text,
// without their comments.
func shellLines(md string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(md, "\n") {
		switch t := strings.TrimSpace(l); {
		case strings.HasPrefix(t, "```"):
			in = !in && t == "```sh"
		case in:
			if s := strings.TrimSpace(stripComment(l)); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// stripComment cuts a line at its first unquoted '#' that starts a word.
func stripComment(l string) string {
	var q byte
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return l[:i]
		}
	}
	return l
}

// splitWords splits a command line on blanks, honouring quotes.
func splitWords(s string) []string {
	var words []string
	var w strings.Builder
	var q byte
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0 && c == q:
			q = 0
		case q != 0:
			w.WriteByte(c)
		case c == '"' || c == '\'':
			q, in = c, true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteByte(c)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}
