// Package output writes coded events in the formats users load:
// JSONL (the contract), JSON, CSV and TSV, and the exchange formats
// registered by other files of this package.
package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Writer writes a stream of events. Close flushes and finishes the
// document (a JSON array's closing bracket); it does not close the
// underlying io.Writer.
type Writer interface {
	Write(ev *event.Event) error
	Close() error
}

// formats maps a format name to its constructor; each format's file
// registers itself in init.
var formats = map[string]func(io.Writer) Writer{}

func register(name string, f func(io.Writer) Writer) { formats[name] = f }

// New returns a writer for the named format.
func New(format string, w io.Writer) (Writer, error) {
	f, ok := formats[strings.ToLower(format)]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	return f(w), nil
}

// Formats lists the format names New accepts.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
