package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/geo"
)

func init() {
	commands["gazetteer"] = command{"import GeoNames dump files as a local gazetteer; show which gazetteers are used", runGazetteer}
}

func runGazetteer(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return runGazetteerImport(args[1:], stdout, stderr)
		case "info":
			return runGazetteerInfo(args[1:], stdout, stderr)
		}
	}
	fs := newFlags("gazetteer", "import|info [options]",
		"Gazetteer tools: 'import' reads GeoNames dump files into a local gazetteer that coding and geocode use on top of the embedded one; 'info' says which gazetteers are used.",
		[]string{"gazetteer import allCountries.zip alternateNamesV2.zip", "gazetteer info"}, stdout, stderr)
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return fs.fail("want a subcommand: import or info")
	}
	return fs.fail("unknown subcommand %q: want import or info", pos[0])
}

// maxBadShown bounds the bad rows reported one by one: a damaged 1.5 GB
// file must not flood the terminal; the rest are counted.
const maxBadShown = 20

func runGazetteerImport(args []string, stdout, stderr io.Writer) int {
	def := geo.DefaultLocalPath()
	fs := newFlags("gazetteer import", "[--out FILE] FILE...",
		"Reads GeoNames dump files (allCountries.txt, XX.txt per country, citiesN.txt, alternateNamesV2.txt; as .txt, the .zip GeoNames publishes, or .gz) "+
			"and writes a local gazetteer of their villages, divisions, camps, shoals, crossings, bases and landmarks, which 'code', 'ingest', 'serve' and 'geocode' "+
			"then use on top of the embedded one. Without --out it goes to $"+geo.EnvGazetteer+" if set, else "+def+". "+
			"Give all the files in one run: the result replaces the previous gazetteer, and the same files give the same file. "+
			"Malformed rows are reported with file and line and skipped (exit status 1); a missing or unreadable file stops the import before anything is written.",
		[]string{"gazetteer import allCountries.zip alternateNamesV2.zip", "gazetteer import XK.txt RS.txt BG.txt", "gazetteer import --out places.fpg cities500.txt"},
		stdout, stderr)
	out := fs.String("out", "", "write the gazetteer to this `file`")
	tmp := fs.String("tmp", "", "`dir` for the sort files while importing (default: the output's folder)")
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return fs.fail("no dump files given")
	}
	path := *out
	if path == "" {
		if p, explicit := geo.LocalPath(); explicit {
			if p == "" {
				return fs.fail("$%s is %q: give --out", geo.EnvGazetteer, os.Getenv(geo.EnvGazetteer))
			}
			path = p
		} else if path = def; path == "" {
			return fs.fail("no home directory to keep the gazetteer in: give --out")
		}
	}
	bad := 0
	prog := newImportProgress(stderr)
	rep, err := geo.Import(pos, geo.ImportOptions{
		Out:     path,
		TempDir: *tmp,
		BadRow: func(file string, line int, reason string) {
			bad++
			if bad <= maxBadShown {
				prog.clear()
				fmt.Fprintf(stderr, "flashpoint gazetteer import: %s:%d: %s (skipped)\n", file, line, reason)
			}
		},
		Progress: prog.report,
	})
	prog.clear()
	if err != nil {
		fmt.Fprintln(stderr, "flashpoint gazetteer import:", err)
		return ExitUsage
	}
	if bad > maxBadShown {
		fmt.Fprintf(stderr, "flashpoint gazetteer import: %d more bad rows not shown\n", bad-maxBadShown)
	}
	writeImportReport(stdout, rep)
	if p, _ := geo.LocalPath(); p != path {
		fmt.Fprintf(stdout, "flashpoint loads %s; to use this file, set %s=%s\n", orNone(p), geo.EnvGazetteer, path)
	}
	if rep.Bad > 0 {
		return ExitSkipped
	}
	return ExitOK
}

func orNone(p string) string {
	if p == "" {
		return "no imported gazetteer"
	}
	return p
}

func writeImportReport(w io.Writer, rep *geo.ImportReport) {
	fmt.Fprintf(w, "wrote %s: %d places, %d names, %d name references, %.1f MB\n", rep.Out, rep.Entries, rep.Keys, rep.Refs, float64(rep.Bytes)/(1<<20))
	fmt.Fprintf(w, "read %d rows in %v (%.0f rows/s), %d bad rows skipped\n", rep.Rows, rep.Took.Round(time.Millisecond), rep.RowsPerS, rep.Bad)
	for _, f := range rep.Files {
		fmt.Fprintf(w, "  %s (%s): %d rows, %d bad\n", f.Name, f.Kind, f.Rows, f.Bad)
	}
	var kept []string
	for _, c := range "PASTHLUV" {
		if n := rep.Kept[string(c)]; n > 0 {
			kept = append(kept, fmt.Sprintf("%s %d", string(c), n))
		}
	}
	fmt.Fprintf(w, "places by feature class: %s\n", strings.Join(kept, ", "))
	if rs := rep.SkippedReasons(); len(rs) > 0 {
		fmt.Fprintln(w, "not kept:")
		for _, r := range rs {
			fmt.Fprintf(w, "  %d %s\n", rep.Skipped[r], r)
		}
	}
}

// importProgress prints a running import's progress on standard error: one line
// rewritten in place on a terminal, a line every 30 seconds otherwise.
type importProgress struct {
	w     io.Writer
	tty   bool
	shown bool
	last  time.Time
}

func newImportProgress(w io.Writer) *importProgress {
	p := &importProgress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *importProgress) report(ip geo.ImportProgress) {
	if ip.Writing {
		p.clear()
		fmt.Fprintf(p.w, "flashpoint gazetteer import: %d rows read in %v; sorting and writing %s\n", ip.AllRows, ip.Elapsed.Round(time.Second), ip.File)
		return
	}
	if !p.tty && time.Since(p.last) < 30*time.Second {
		return
	}
	p.last = time.Now()
	line := fmt.Sprintf("flashpoint gazetteer import: %s: %d rows", ip.File, ip.Rows)
	if ip.Size > 0 {
		line += fmt.Sprintf(" (%.0f%%)", 100*float64(ip.Bytes)/float64(ip.Size))
	}
	if s := ip.Elapsed.Seconds(); s > 0 {
		line += fmt.Sprintf(", %.0f rows/s", float64(ip.AllRows)/s)
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r%-100s", line)
		p.shown = true
		return
	}
	fmt.Fprintln(p.w, line)
}

// clear ends the line rewritten in place, before other output.
func (p *importProgress) clear() {
	if p.shown {
		fmt.Fprintf(p.w, "\r%-100s\r", "")
		p.shown = false
	}
}

func runGazetteerInfo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("gazetteer info", "",
		"Says which gazetteers coding and geocode use: the embedded one, and the imported one if there is one (where it is, what it holds, which dump files it was made from).",
		[]string{"gazetteer info"}, stdout, stderr)
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if code, ok := fs.noArgs(pos); !ok {
		return code
	}
	g := geo.Default()
	n, k := g.EmbeddedInfo()
	fmt.Fprintf(stdout, "embedded: %d places, %d names (GeoNames cities500 and admin1, compiled in)\n", n, k)
	info, ok := g.Imported()
	if !ok {
		path, explicit := geo.LocalPath()
		switch {
		case explicit && path == "":
			fmt.Fprintf(stdout, "imported: none ($%s=%s)\n", geo.EnvGazetteer, os.Getenv(geo.EnvGazetteer))
		case path != "":
			fmt.Fprintf(stdout, "imported: none (no gazetteer at %s; 'flashpoint gazetteer import FILE...' makes one)\n", path)
		default:
			fmt.Fprintln(stdout, "imported: none")
		}
		return ExitOK
	}
	fmt.Fprintf(stdout, "imported: %s: %d places, %d names\n", info.Path, info.Entries, info.Keys)
	for _, s := range info.Sources {
		name, rows, _ := strings.Cut(s, " ")
		fmt.Fprintf(stdout, "  from %s (%s rows)\n", name, rows)
	}
	return ExitOK
}
