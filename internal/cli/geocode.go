package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/geo"
)

func init() {
	commands["geocode"] = command{"list place mentions in a text and how they resolve", runGeocode}
}

func runGeocode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("geocode", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: flashpoint geocode \"TEXT\"   (or text on standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	txt := strings.Join(fs.Args(), " ")
	if txt == "" {
		b, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint:", err)
			return ExitUsage
		}
		txt = string(b)
	}
	geo.Explain(stdout, geo.Default(), txt)
	return ExitOK
}
