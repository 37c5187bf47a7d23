package output

import (
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Meta is what the store knows about an event beyond the event itself:
// its article and its incident. Exports from the store carry it; the
// code command, which stores nothing, has none.
type Meta struct {
	URL       string    // the article's URL
	Publisher string    // the article's source ("Caspian Wire")
	Title     string    // the article's title
	Added     time.Time // when the article was ingested; zero: unknown
	// The incident's tallies; 0 when the event has no incident.
	Mentions, Sources, Articles int
}

// MetaWriter is a Writer whose format has columns for Meta.
type MetaWriter interface {
	WriteMeta(ev *event.Event, m *Meta) error
}

// WriteWith writes ev with m when w's format uses it, else as Write.
func WriteWith(w Writer, ev *event.Event, m *Meta) error {
	if mw, ok := w.(MetaWriter); ok && m != nil {
		return mw.WriteMeta(ev, m)
	}
	return w.Write(ev)
}

// SaysBackground reports whether a format can mark an event as
// background history (a column or field for it). Those that cannot
// (GDELT, ICEWS, PLOVER's manual fields) would show history as news
// dated the first day of its year, so callers exclude it by default.
func SaysBackground(format string) bool {
	switch format {
	case "gdelt", "icews", "plover":
		return false
	}
	return true
}

// StoredMeta builds a Meta from stored values: ingestedAt is RFC 3339
// as the store writes it (unreadable: zero, the export time is used).
func StoredMeta(url, publisher, title, ingestedAt string, mentions, sources, articles int) *Meta {
	t, _ := time.Parse(time.RFC3339, ingestedAt)
	return &Meta{URL: url, Publisher: publisher, Title: title, Added: t,
		Mentions: mentions, Sources: sources, Articles: articles}
}
