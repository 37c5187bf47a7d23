package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Dateline is the wire dateline that opens an article ("BAKU, April 3
// (Reuters) -", "ZVECAN, Kosovo (AP) —", "Kyiv, 5 March (Reuters) -"):
// where the report was filed, not part of what it reports.
type Dateline struct {
	Place     string // "BAKU"
	Qualifier string // a country or state after the place ("Kosovo"), or ""
	End       int    // byte offset just past the dash that ends it
}

// datelineDashes end a dateline.
var datelineDashes = []string{" - ", " -- ", " — ", " – ", "—"}

// maxDateline bounds where the ending dash may be.
const maxDateline = 100

// ReadDateline reads the dateline at the start of s (a text's first
// sentence, or the text after a first line of headline or date). The
// place is all capitals, or capitalised words followed by a news agency
// in brackets; a dash ends the dateline within its first 100 bytes.
func ReadDateline(s string) (Dateline, bool) {
	end, dash := -1, ""
	for _, d := range datelineDashes {
		if i := strings.Index(s, d); i > 0 && i < maxDateline && (end < 0 || i < end) {
			end, dash = i, d
		}
	}
	if end < 0 {
		return Dateline{}, false
	}
	head := s[:end]
	if i := strings.LastIndexByte(head, '\n'); i >= 0 {
		head = head[i+1:] // a text with a date line or a headline first
	}
	head = strings.TrimSpace(head)
	agency := false
	if i := strings.IndexByte(head, '('); i >= 0 {
		head, agency = strings.TrimSpace(head[:i]), true
	}
	parts := strings.Split(head, ",")
	name := strings.TrimSpace(parts[0])
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 4 {
		return Dateline{}, false
	}
	upper := true
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return Dateline{}, false
		}
		if strings.ToUpper(w) != w {
			upper = false
		}
	}
	if !upper && !agency {
		return Dateline{}, false
	}
	d := Dateline{Place: name, End: end + len(dash)}
	if len(parts) > 1 {
		q := strings.TrimSpace(parts[1])
		if r, _ := utf8.DecodeRuneInString(q); unicode.IsUpper(r) && !startsWithMonth(q) {
			d.Qualifier = q
		}
	}
	return d, true
}

// startsWithMonth reports whether s starts with an English month name or
// its abbreviation ("April 3", "Sept. 3").
func startsWithMonth(s string) bool {
	w, _, _ := strings.Cut(strings.ToLower(s), " ")
	w = strings.TrimSuffix(w, ".")
	for _, m := range monthPrefixes {
		if strings.HasPrefix(w, m) {
			return true
		}
	}
	return false
}

var monthPrefixes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
