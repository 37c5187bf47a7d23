package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/geo"
)

func init() {
	commands["geocode"] = command{"list place mentions in a text and how they resolve", runGeocode}
}

func runGeocode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("geocode", "\"TEXT\"   (or the text on standard input)",
		"Lists the place mentions of a text, the gazetteer candidates considered and how each resolved; for tuning aliases.txt.",
		[]string{`geocode "clashes near Nakhchivan"`, "geocode < examples/wire/border-clash.txt"},
		stdout, stderr)
	pos, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	txt := strings.Join(pos, " ")
	if txt == "" {
		b, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		txt = string(b)
	}
	if strings.TrimSpace(txt) == "" {
		return fs.fail("no text: give it as an argument or on standard input")
	}
	geo.Explain(stdout, geo.Default(), txt)
	return ExitOK
}
