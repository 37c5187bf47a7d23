package cli

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// acceptCase is one command line a user may type, run through the built
// binary, with the exit status and messages it must give.
type acceptCase struct {
	name     string
	files    map[string]string // extra files in the working folder
	db       bool              // events.db: the example articles, ingested
	readOnly bool              // events.db is chmod 444
	args     []string
	outFile  string // standard output goes to this file in the folder
	code     int
	stderr   []string // pieces standard error must contain
	stdout   []string // pieces standard output must contain
	absent   []string // files that must not exist afterwards
	present  []string // files that must exist afterwards
}

// nulLine is a JSONL file of 40 good records with one NUL-filled line in
// the middle, as a broken download leaves.
func nulLine() string {
	var b strings.Builder
	for i := 1; i <= 41; i++ {
		if i == 21 {
			b.WriteString(strings.Repeat("\x00", 500) + "\n")
			continue
		}
		b.WriteString(`{"id":"n` + strconv.Itoa(i) + `","date":"2024-04-02","text":"Armenia accused Azerbaijan of shelling a village."}` + "\n")
	}
	return b.String()
}

func acceptCases() []acceptCase {
	noDB := []string{"no such database", "flashpoint ingest --db"}
	return []acceptCase{
		// A database that does not exist is an error and is not created.
		{name: "events on a missing database", args: []string{"events", "--db", "neverexisted.db"}, code: ExitUsage, stderr: noDB, absent: []string{"neverexisted.db"}},
		{name: "incidents on a missing database", args: []string{"incidents", "--db", "neverexisted.db"}, code: ExitUsage, stderr: noDB, absent: []string{"neverexisted.db"}},
		{name: "alerts on a missing database", args: []string{"alerts", "--db", "neverexisted.db"}, code: ExitUsage, stderr: noDB, absent: []string{"neverexisted.db"}},
		{name: "tension on a missing database", args: []string{"tension", "AZE", "ARM", "--db", "neverexisted.db"}, code: ExitUsage, stderr: noDB, absent: []string{"neverexisted.db"}},
		{name: "serve on a missing database", args: []string{"serve", "--db", "neverexisted.db", "--addr", "127.0.0.1:0"}, code: ExitUsage, stderr: noDB, absent: []string{"neverexisted.db"}},
		{name: "default database missing", args: []string{"events"}, code: ExitUsage, stderr: []string{"flashpoint.db: no such database"}, absent: []string{"flashpoint.db"}},
		// A database that may not be written is read.
		{name: "events on a read-only database", db: true, readOnly: true, args: []string{"events", "--db", "events.db", "--pair", "AZE-ARM", "--format", "csv"}, stdout: []string{"AZE", "ARM"}},
		{name: "alerts on a read-only database", db: true, readOnly: true, args: []string{"alerts", "--db", "events.db"}, stderr: []string{"read-only: tension series as last stored"}},
		{name: "tension on a read-only database", db: true, readOnly: true, args: []string{"tension", "AZE", "ARM", "--db", "events.db"}, stdout: []string{"ARM-AZE"}},

		// Dates are parsed or refused.
		{name: "since day/month/year", db: true, args: []string{"events", "--db", "events.db", "--since", "01/04/2024"}, code: ExitUsage, stderr: []string{`--since "01/04/2024": want a date YYYY-MM-DD, a month YYYY-MM or a year YYYY`}},
		{name: "since with slashes", db: true, args: []string{"incidents", "--db", "events.db", "--since", "2024/04/01"}, code: ExitUsage, stderr: []string{`--since "2024/04/01"`}},
		{name: "month 13", db: true, args: []string{"tension", "AZE", "ARM", "--db", "events.db", "--since", "2024-13-01"}, code: ExitUsage, stderr: []string{`--since "2024-13-01"`}},
		{name: "until before since", db: true, args: []string{"alerts", "--db", "events.db", "--since", "2024-05", "--until", "2024-04"}, code: ExitUsage, stderr: []string{"is after --until"}},
		{name: "a month", db: true, args: []string{"events", "--db", "events.db", "--since", "2024-04", "--until", "2024-04"}, stdout: []string{`"date":"2024-04-02"`}},
		{name: "a year", db: true, args: []string{"events", "--db", "events.db", "--since", "2025", "--format", "csv"}, stdout: []string{"2025-"}},

		// Unknown codes are refused with the nearest known; names are accepted.
		{name: "unknown country code", db: true, args: []string{"tension", "XYZ", "ARM", "--db", "events.db"}, code: ExitUsage, stderr: []string{`"XYZ": not a known country code or name; did you mean`}},
		{name: "misspelt country name", db: true, args: []string{"tension", "Azerbaijn", "Armenia", "--db", "events.db"}, code: ExitUsage, stderr: []string{"did you mean AZE?"}},
		{name: "country names", db: true, args: []string{"tension", "Azerbaijan", "Armenia", "--db", "events.db"}, stdout: []string{"ARM-AZE"}},
		{name: "root of one digit", db: true, args: []string{"events", "--db", "events.db", "--root", "1"}, code: ExitUsage, stderr: []string{"did you mean 01?"}},
		{name: "unknown assertion", db: true, args: []string{"events", "--db", "events.db", "--assertion", "rumoured"}, code: ExitUsage, stderr: []string{`--assertion "rumoured"`, "asserted, claimed"}},
		{name: "confidence above 1", db: true, args: []string{"events", "--db", "events.db", "--min-confidence", "1.5"}, code: ExitUsage, stderr: []string{"--min-confidence 1.5"}},
		{name: "confidence filter", db: true, args: []string{"events", "--db", "events.db", "--min-confidence", "0.9", "--assertion", "asserted"}, code: ExitOK},
		{name: "unknown CAMEO code", db: true, args: []string{"events", "--db", "events.db", "--code", "99"}, code: ExitUsage, stderr: []string{`--code "99": no CAMEO code starts with it`}},
		{name: "unknown actor", db: true, args: []string{"events", "--db", "events.db", "--actor", "XQZGOV"}, code: ExitUsage, stderr: []string{"not a known actor code"}},
		{name: "country by name", db: true, args: []string{"events", "--db", "events.db", "--country", "armenia", "--format", "csv"}, stdout: []string{"ARM"}},

		// Flags anywhere; no argument ignored.
		{name: "format after the file", args: []string{"code", "examples/articles.jsonl", "--format", "csv", "--quiet"}, stdout: []string{"id,doc_id,source"}},
		{name: "db after the file", args: []string{"ingest", "examples/articles.jsonl", "--db", "x.db", "--quiet"}, stderr: []string{"stored 6"}, present: []string{"x.db"}, absent: []string{"flashpoint.db"}},
		{name: "extra argument", db: true, args: []string{"events", "--db", "events.db", "extra"}, code: ExitUsage, stderr: []string{`takes no arguments, got ["extra"]`}},
		{name: "database as an argument", db: true, args: []string{"alerts", "events.db"}, code: ExitUsage, stderr: []string{"did you mean --db events.db?"}, absent: []string{"flashpoint.db"}},
		{name: "tension with three countries", db: true, args: []string{"tension", "AZE", "ARM", "TUR", "--db", "events.db"}, code: ExitUsage, stderr: []string{"want two countries A B"}},
		{name: "unknown option", args: []string{"code", "--frobnicate"}, code: ExitUsage, stderr: []string{"flag provided but not defined: -frobnicate", "flashpoint code --help"}},
		{name: "double dash ends the options", files: map[string]string{"--quiet": "date 2024-04-02\nKenya expelled two Ugandan diplomats."}, args: []string{"code", "--", "--quiet"}, stdout: []string{`"code":"161"`}},

		// Empty input says so; a folder's other files are not articles.
		{name: "empty file", files: map[string]string{"empty.jsonl": ""}, args: []string{"code", "empty.jsonl"}, code: ExitUsage, stderr: []string{"empty.jsonl: empty file", "nothing was coded"}},
		{name: "empty folder", files: map[string]string{"news/.keep": ""}, args: []string{"code", "news"}, code: ExitUsage, stderr: []string{"news: no input files in this folder"}},
		{name: "LICENSE and .md are not articles", files: map[string]string{"news/LICENSE": "MIT License\n", "news/NOTES.md": "# notes\n", "news/a.txt": "date 2024-04-02\nKenya expelled two Ugandan diplomats."},
			args: []string{"code", "news"}, stderr: []string{"passed over 2 files that are not articles: LICENSE, NOTES.md", "1 articles coded"}},
		{name: "own output not read", files: map[string]string{"news/a.txt": "date 2024-04-02\nKenya expelled two Ugandan diplomats."},
			args: []string{"code", "news"}, outFile: "news/out.jsonl", stderr: []string{"news/out.jsonl: is this command's output (not read)", "1 articles coded"}},
		{name: "empty standard input", args: []string{"code", "-"}, code: ExitUsage, stderr: []string{"stdin: empty input"}},
		{name: "tension with one dyad argument", db: true, args: []string{"tension", "AZE-ARM", "--db", "events.db"}, code: ExitUsage, stderr: []string{"did you mean --pair AZE-ARM"}},
		{name: "missing input file", args: []string{"code", "nope.jsonl"}, code: ExitUsage, stderr: []string{"nope.jsonl: no such file or directory"}},
		{name: "missing input to ingest", args: []string{"ingest", "--db", "x.db", "nope.jsonl"}, code: ExitUsage, stderr: []string{"nope.jsonl: no such file"}, absent: []string{"x.db"}},
		{name: "some records skipped", files: map[string]string{"mixed.jsonl": `{"id":"a","date":"2024-04-02","text":"Kenya expelled two Ugandan diplomats."}` + "\n{bad\n"},
			args: []string{"code", "mixed.jsonl"}, code: ExitSkipped, stderr: []string{"mixed.jsonl:2: invalid JSON", "1 records skipped"}},

		// One bad line is one bad record; a stray byte loses nothing.
		{name: "NUL line in JSONL", files: map[string]string{"scraped.jsonl": nulLine()}, args: []string{"code", "scraped.jsonl"}, code: ExitSkipped,
			stderr: []string{"scraped.jsonl:21: binary data in a text file (NUL byte at byte 0) (skipped)", "40 articles coded", "1 records skipped"}},
		{name: "binary file", files: map[string]string{"photo.jpg": "\xff\xd8\xff\xe0\x00\x10JFIF\x00"}, args: []string{"code", "photo.jpg"}, code: ExitUsage, stderr: []string{"photo.jpg: binary file (JPEG image)"}},
		{name: "invalid UTF-8 repaired", files: map[string]string{"latin1.jsonl": "{\"id\":\"k1\",\"date\":\"2024-04-02\",\"text\":\"Kenya expelled two Ugandan diplomats caf\xe9.\"}\n"},
			args: []string{"code", "latin1.jsonl"}, stderr: []string{`warning: latin1.jsonl:1: article "k1": invalid UTF-8 at byte 79 replaced with U+FFFD`, "1 articles coded"}, stdout: []string{`"doc_id":"k1"`}},

		// Help and versions.
		{name: "version", args: []string{"--version"}, stdout: []string{"flashpoint ", "commit:", "data:", "schema version"}},
		{name: "help", args: []string{"--help"}, stdout: []string{"usage: flashpoint COMMAND", "Example:"}},
		{name: "help COMMAND", args: []string{"help", "events"}, stdout: []string{"usage: flashpoint events"}},
		{name: "no command", args: nil, code: ExitUsage, stderr: []string{"usage: flashpoint COMMAND"}},
		{name: "unknown command", args: []string{"evnets"}, code: ExitUsage, stderr: []string{`unknown command "evnets"; did you mean events?`}},

		// --dyad is one way and --pair both ways, everywhere.
		{name: "events --dyad one way", db: true, args: []string{"events", "--db", "events.db", "--dyad", "ARM-AZE", "--format", "csv"}, stdout: []string{"ARM"}},
		{name: "incidents --pair", db: true, args: []string{"incidents", "--db", "events.db", "--pair", "Armenia-Azerbaijan"}, stdout: []string{`"source_country":"AZE"`}},
		{name: "alerts --dyad", db: true, args: []string{"alerts", "--db", "events.db", "--dyad", "AZE-ARM", "--format", "jsonl"}},
		{name: "tension --pair", db: true, args: []string{"tension", "--pair", "AZE-ARM", "--db", "events.db"}, stdout: []string{"ARM-AZE"}},
		{name: "tension --dyad", db: true, args: []string{"tension", "--dyad", "AZE-ARM", "--db", "events.db"}, stdout: []string{"AZE>ARM"}},
		{name: "dyad and pair", db: true, args: []string{"events", "--db", "events.db", "--dyad", "AZE-ARM", "--pair", "AZE-ARM"}, code: ExitUsage, stderr: []string{"give one"}},
	}
}

var (
	dbOnce sync.Once
	dbFile string
)

// exampleDB ingests the example articles once; cases copy the file.
func exampleDB(t *testing.T) string {
	t.Helper()
	dbOnce.Do(func() {
		// Beside the binary, which TestMain removes.
		dir := filepath.Join(filepath.Dir(flashpointBinary(t)), "db")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		r := runBinary(t, dir, "", "", "ingest", "--quiet", "--db", "events.db", mustAbs(t, "../../examples/articles.jsonl"))
		if r.code != ExitOK {
			t.Fatalf("ingest: %d %s", r.code, r.stderr)
		}
		dbFile = filepath.Join(dir, "events.db")
	})
	if dbFile == "" {
		t.Fatal("no example database")
	}
	return dbFile
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAcceptance runs every case of the issue "A command line that tells
// the truth, and input that is never lost" through the binary.
func TestAcceptance(t *testing.T) {
	flashpointBinary(t)
	for _, c := range acceptCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, "../../examples", filepath.Join(dir, "examples"))
			for name, body := range c.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.db {
				b, err := os.ReadFile(exampleDB(t))
				if err != nil {
					t.Fatal(err)
				}
				mode := os.FileMode(0o644)
				if c.readOnly {
					mode = 0o444
				}
				if err := os.WriteFile(filepath.Join(dir, "events.db"), b, mode); err != nil {
					t.Fatal(err)
				}
			}
			r := runBinary(t, dir, "", c.outFile, c.args...)
			if r.code != c.code {
				t.Errorf("flashpoint %s: exit %d, want %d\nstderr: %s", strings.Join(c.args, " "), r.code, c.code, r.stderr)
			}
			for _, s := range c.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			for _, s := range c.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%.2000s", s, r.stdout)
				}
			}
			for _, f := range c.absent {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s was created", f)
				}
			}
			for _, f := range c.present {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}
		})
	}
}

// TestEveryCommandHelp checks that every command's --help exits 0 with a
// synopsis, its options and an example.
func TestEveryCommandHelp(t *testing.T) {
	dir := t.TempDir()
	for name := range commands {
		r := runBinary(t, dir, "", "", name, "--help")
		out := r.stdout + r.stderr
		if r.code != ExitOK || !strings.Contains(out, "usage: flashpoint "+name) || !strings.Contains(strings.ToLower(out), "example") {
			t.Errorf("%s --help: exit %d\n%s", name, r.code, out)
		}
	}
}

// TestExitStatusDocumented checks that docs/cli.md lists exactly the exit
// statuses the acceptance cases expect.
func TestExitStatusDocumented(t *testing.T) {
	b, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(b), "## Exit status")
	documented := map[int]bool{}
	row := regexp.MustCompile(`(?m)^\| (\d) \|`)
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		n, _ := strconv.Atoi(m[1])
		documented[n] = true
	}
	used := map[int]bool{}
	for _, c := range acceptCases() {
		used[c.code] = true
	}
	var d, u []int
	for n := range documented {
		d = append(d, n)
	}
	for n := range used {
		u = append(u, n)
	}
	sort.Ints(d)
	sort.Ints(u)
	if fmt.Sprint(d) != fmt.Sprint(u) {
		t.Errorf("docs/cli.md documents exit statuses %v, the acceptance cases use %v", d, u)
	}
	if !documented[ExitOK] || !documented[ExitSkipped] || !documented[ExitUsage] {
		t.Errorf("docs/cli.md lacks one of the exit constants: %v", d)
	}
}

// TestDemoAgainAndPortTaken runs the demo twice, then with its port taken.
func TestDemoAgainAndPortTaken(t *testing.T) {
	dir := t.TempDir()
	if r := runBinary(t, dir, "", "", "demo", "--no-serve"); r.code != ExitOK || !strings.Contains(r.stdout, "articles read") {
		t.Fatalf("first demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runBinary(t, dir, "", "", "demo", "--no-serve")
	if r.code != ExitOK || !strings.Contains(r.stdout, "demo corpus: already stored (") || strings.Contains(r.stdout, " 0 stored") {
		t.Errorf("second demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	r = runBinary(t, dir, "", "", "demo", "--db", "other.db", "--addr", ln.Addr().String())
	if r.code != ExitUsage || !strings.Contains(r.stderr, "is in use") || !strings.Contains(r.stderr, "--addr 127.0.0.1:") {
		t.Errorf("port taken: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "other.db")); err == nil {
		t.Errorf("the demo built its database before finding the port taken")
	}
}
