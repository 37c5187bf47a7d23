package output

import (
	"bufio"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
)

func init() {
	register("jsonl", func(w io.Writer) Writer { return newJSON(w, false) })
	register("json", func(w io.Writer) Writer { return newJSON(w, true) })
}

type jsonWriter struct {
	w     *bufio.Writer
	array bool
	n     int
}

func newJSON(w io.Writer, array bool) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriter(w), array: array}
}

func (j *jsonWriter) Write(ev *event.Event) error {
	b, err := json.Marshal(Public(ev))
	if err != nil {
		return err
	}
	switch {
	case j.array && j.n == 0:
		j.w.WriteString("[\n")
	case j.array:
		j.w.WriteString(",\n")
	}
	j.n++
	j.w.Write(b)
	if !j.array {
		j.w.WriteByte('\n')
	}
	return nil
}

func (j *jsonWriter) Close() error {
	if j.array {
		if j.n == 0 {
			j.w.WriteString("[")
		}
		j.w.WriteString("\n]\n")
	}
	return j.w.Flush()
}

// Public returns a copy of the event with the sentence offsets of its
// source, target and trigger converted from bytes to characters, the
// unit Python and JavaScript index strings by.
func Public(ev *event.Event) *event.Event {
	out := *ev
	s := ev.Sentence
	conv := func(sp *event.Span) {
		sp.Start, sp.End = runes(s, sp.Start), runes(s, sp.End)
	}
	conv(&out.Source.Span)
	conv(&out.Target.Span)
	conv(&out.Trigger)
	return &out
}

func runes(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	if b < 0 {
		return 0
	}
	return utf8.RuneCountInString(s[:b])
}
