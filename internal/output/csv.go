package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/flashpoint/flashpoint/internal/event"
)

func init() {
	register("csv", func(w io.Writer) Writer { return newCSV(w, ',') })
	register("tsv", func(w io.Writer) Writer { return newCSV(w, '\t') })
}

// Columns is the header of the CSV and TSV formats.
var Columns = []string{"id", "doc_id", "source", "source_text", "source_country", "target", "target_text",
	"target_country", "code", "root", "quad_class", "goldstein", "plover", "date", "date_precision",
	"background", "location", "lat", "lon", "location_country", "claimed_by", "denies",
	"sentence_index", "trigger", "sentence"}

type csvWriter struct {
	w      *csv.Writer
	header bool
}

func newCSV(w io.Writer, sep rune) *csvWriter {
	c := csv.NewWriter(w)
	c.Comma = sep
	return &csvWriter{w: c}
}

func (c *csvWriter) Write(ev *event.Event) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(Columns); err != nil {
			return err
		}
	}
	f := strconv.FormatFloat
	var loc, lat, lon, lc string
	if l := ev.Location; l != nil {
		loc, lat, lon, lc = l.Name, f(l.Lat, 'f', 4, 64), f(l.Lon, 'f', 4, 64), l.Country
	}
	return c.w.Write([]string{ev.ID, ev.DocID, ev.Source.Code, ev.Source.Text, ev.Source.Country,
		ev.Target.Code, ev.Target.Text, ev.Target.Country, ev.Code, ev.Root, strconv.Itoa(ev.QuadClass),
		f(ev.Goldstein, 'f', 1, 64), ev.Plover, ev.Date, ev.DatePrecision, strconv.FormatBool(ev.Background),
		loc, lat, lon, lc, deref(ev.ClaimedBy), deref(ev.Denies), strconv.Itoa(ev.SentenceIndex),
		ev.Trigger.Text, ev.Sentence})
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
