package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/flashpoint/flashpoint/internal/dictimport"
)

func init() {
	commands["dict"] = command{"import the field's dictionaries (PETRARCH, Phoenix); dictionary statistics", runDict}
}

// Default homes of the generated files: beside the embedded data, in
// subdirectories the embed patterns do not include.
const (
	importedPatternsDir = "internal/verbs/data/imported"
	importedActorsDir   = "internal/actors/data/imported"
)

func runDict(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return runDictImport(args[1:], stdout, stderr)
		case "stats":
			return runDictStats(args[1:], stdout, stderr)
		}
	}
	fs := newFlags("dict", "import|stats [options]",
		"Dictionary tools: 'import' converts PETRARCH2/Phoenix dictionaries into Flashpoint's formats; 'stats' counts entries by source and patterns per CAMEO root.",
		[]string{"dict import --from petrarch ../shared/dictionaries/petrarch2/*.txt", "dict stats"}, stdout, stderr)
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return fs.fail("want a subcommand: import or stats")
	}
	return fs.fail("unknown subcommand %q: want import or stats", pos[0])
}

func runDictImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dict import", "--from petrarch [--out DIR] FILE...",
		"Converts PETRARCH2/Phoenix dictionaries (verb dictionary, actors, agents; discard and issue files are counted and reported as skipped) into Flashpoint pattern and actor files, each with a header naming its source and licence, and prints what was converted, skipped and why, and what was dropped in favour of our own entries. Without --out the files go to "+importedPatternsDir+" and "+importedActorsDir+", which the binary does not embed; load them with code --patterns and --dict.",
		[]string{"dict import --from petrarch ../shared/dictionaries/petrarch2/*.txt", "dict import --from petrarch --out /tmp/imp CAMEO.2.0.txt"},
		stdout, stderr)
	from := fs.String("from", "", "source format: petrarch (or tabari, for actor files)")
	out := fs.String("out", "", "write all generated files into this `dir`")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if *from == "" {
		return fs.fail("--from is required (petrarch)")
	}
	if len(pos) == 0 {
		return fs.fail("no dictionary files given")
	}
	var files []string
	for _, p := range pos {
		if filepath.Ext(p) != ".txt" && filepath.Base(p) != p {
			continue // LICENSE, dictionaries.rst when given a glob
		}
		if filepath.Ext(p) == ".txt" {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		return fs.fail("no .txt dictionary files among %q", pos)
	}
	outs, rep, err := dictimport.Import(*from, files)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint dict import:", err)
		return ExitUsage
	}
	for _, o := range outs {
		dir := *out
		if dir == "" {
			dir = importedActorsDir
			if o.Patterns {
				dir = importedPatternsDir
			}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(stderr, "flashpoint dict import:", err)
			return ExitUsage
		}
		path := filepath.Join(dir, o.Name)
		if err := os.WriteFile(path, o.Data, 0o644); err != nil {
			fmt.Fprintln(stderr, "flashpoint dict import:", err)
			return ExitUsage
		}
		fmt.Fprintln(stdout, "wrote", path)
	}
	rep.Write(stdout)
	return ExitOK
}
