package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/store"
)

// cmdFlags is a command's flag set with the text of its --help.
type cmdFlags struct {
	*flag.FlagSet
	name     string   // command name
	synopsis string   // "[options] FILE..." after "flashpoint NAME "
	about    string   // what the command does, a paragraph
	examples []string // command lines, without the leading "flashpoint "
	stdout   io.Writer
	stderr   io.Writer
}

func newFlags(name, synopsis, about string, examples []string, stdout, stderr io.Writer) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Parse errors are reported by parse, in one line with a pointer to
	// --help, instead of the flag package's full option dump.
	fs.SetOutput(io.Discard)
	return &cmdFlags{FlagSet: fs, name: name, synopsis: synopsis, about: about, examples: examples, stdout: stdout, stderr: stderr}
}

// parse parses args with flags anywhere, before, between or after the
// positional arguments, as users expect: 'code FILE --format csv' is a
// file and a flag, not two files. The standard flag package stops at the
// first positional argument; parsing resumes after it, which is all a
// flag library would add here, so none is used. "--" ends the flags
// (for a file named like an option). ok is false when
// the command must return code: after --help (0) or a bad flag (2).
func (c *cmdFlags) parse(args []string) (pos []string, code int, ok bool) {
	for {
		err := c.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.usage(c.stdout)
			return nil, ExitOK, false
		}
		if err != nil {
			return nil, c.fail("%v", err), false
		}
		rest := c.Args()
		if len(rest) == 0 {
			return pos, ExitOK, true
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), ExitOK, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// fail reports a command-line error and returns ExitUsage.
func (c *cmdFlags) fail(format string, a ...any) int {
	fmt.Fprintf(c.stderr, "flashpoint %s: %s\nRun 'flashpoint %s --help' for usage.\n", c.name, fmt.Sprintf(format, a...), c.name)
	return ExitUsage
}

// noArgs rejects positional arguments of a command that takes none; an
// argument that looks like a database gets a hint.
func (c *cmdFlags) noArgs(pos []string) (int, bool) {
	if len(pos) == 0 {
		return ExitOK, true
	}
	hint := ""
	if c.Lookup("db") != nil && looksLikeDB(pos[0]) {
		hint = fmt.Sprintf(" (did you mean --db %s?)", pos[0])
	}
	return c.fail("takes no arguments, got %q%s", pos, hint), false
}

func looksLikeDB(s string) bool {
	return store.IsPostgres(s) || strings.HasSuffix(s, ".db") || strings.HasSuffix(s, ".sqlite")
}

// usage writes the synopsis, the description, the options with their
// defaults and the examples.
func (c *cmdFlags) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: flashpoint %s %s\n\n%s\n", c.name, c.synopsis, wrap(c.about, 76))
	n := 0
	c.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintln(w, "\noptions:")
		c.VisitAll(func(f *flag.Flag) {
			kind, help := flag.UnquoteUsage(f)
			head := "  --" + f.Name
			if kind != "" {
				head += " " + kind
			}
			if def := f.DefValue; def != "" && def != "false" && def != "0" && def != "[]" {
				help += fmt.Sprintf(" (default %s)", def)
			}
			if len(head) <= 22 {
				fmt.Fprintf(w, "%-24s%s\n", head, help)
			} else {
				fmt.Fprintf(w, "%s\n%24s%s\n", head, "", help)
			}
		})
	}
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nexamples:")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  flashpoint %s\n", e)
		}
	}
}

// wrap breaks a paragraph into lines of at most width bytes.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
