// Package cli implements the flashpoint commands.
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Exit codes, documented in docs/cli.md.
const (
	ExitOK      = 0 // every record coded
	ExitSkipped = 1 // some records were rejected and skipped, the rest coded
	ExitUsage   = 2 // bad command line, a missing database or input, nothing coded, or a fatal error
)

type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// Main runs one flashpoint command and returns its exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 { // "help code" is "code --help"
			if c, ok := commands[args[1]]; ok {
				return c.run([]string{"--help"}, stdin, stdout, stderr)
			}
		}
		usage(stdout)
		return ExitOK
	case "-version", "--version", "version":
		printVersion(stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "flashpoint: unknown command %q%s\n\n", args[0], suggest(nearestCommand(args[0])))
		usage(stderr)
		return ExitUsage
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: flashpoint COMMAND [options] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'flashpoint COMMAND --help' for a command's options and examples, 'flashpoint --version' for the build.")
	fmt.Fprintln(w, "Example: flashpoint code --format csv examples/articles.jsonl")
}

// nearestCommand suggests a command for a mistyped one.
func nearestCommand(s string) []string {
	var out []string
	for n := range commands {
		if editDistance(s, n) <= 2 || len(s) >= 3 && strings.HasPrefix(n, s) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// listFlag collects a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
