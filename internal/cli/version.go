package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/flashpoint/flashpoint/internal/store"
)

// printVersion writes the module version, the commit the binary was built
// from and the versions of the data it carries. The dictionaries, verb
// patterns and gazetteer are embedded, so the commit names them; the
// database schema version says which databases this binary reads.
func printVersion(w io.Writer) {
	version, commit, when, modified := "(devel)", "unknown", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	fmt.Fprintf(w, "flashpoint %s\n", version)
	fmt.Fprintf(w, "commit:   %s", commit)
	if when != "" {
		fmt.Fprintf(w, " (%s)", when)
	}
	if modified {
		fmt.Fprint(w, ", with uncommitted changes")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "go:       %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "data:     actor dictionaries, CAMEO codes and verb patterns, gazetteer: embedded at that commit\n")
	fmt.Fprintf(w, "database: schema version %d\n", store.SchemaVersion())
}
