package cli

import (
	"fmt"
	"io"

	"github.com/flashpoint/flashpoint/internal/dictimport"
)

func runDictStats(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dict stats", "[--patterns FILE]... [--dict FILE]...",
		"Counts dictionary entries by source (ours: embedded; imported: the files given), verb patterns per CAMEO root, and lists the CAMEO codes of cameo.txt that no pattern codes.",
		[]string{"dict stats", "dict stats --patterns internal/verbs/data/imported/petrarch_verbs.txt --dict internal/actors/data/imported/phoenix_actors.txt"},
		stdout, stderr)
	var patterns, dicts listFlag
	fs.Var(&patterns, "patterns", "an imported pattern `file` to count (repeatable)")
	fs.Var(&dicts, "dict", "an imported actor dictionary `file` to count (repeatable)")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	st, err := dictimport.Stats(patterns, dicts)
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint dict stats:", err)
		return ExitUsage
	}
	st.Write(stdout)
	return ExitOK
}
