package read

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// fields are the raw values of one JSONL or CSV record.
type fields struct {
	id, date, text, title, url, source string
	hasDate                            bool
}

// article validates a record read at line and builds its article; reason
// is non-empty when the record must be rejected.
func (s *source) article(f fields, line int) (a event.Article, reason string) {
	text := cleanText(f.text)
	title := strings.TrimSpace(f.title)
	if looksHTML(text) {
		var t string
		text, t = stripHTML(text)
		if title == "" {
			title = t
		}
	}
	if text == "" {
		if strings.TrimSpace(f.text) == "" {
			return a, `missing "text"`
		}
		return a, `empty "text" after removing HTML`
	}
	if len(text) > s.opt.MaxText {
		return a, fmt.Sprintf(`"text" longer than %d bytes`, s.opt.MaxText)
	}
	d := strings.TrimSpace(f.date)
	if !f.hasDate || d == "" {
		return a, `missing "date"`
	}
	day, ok := parseDate(d)
	if !ok {
		return a, fmt.Sprintf("bad date %q: want YYYY-MM-DD", d)
	}
	id := strings.TrimSpace(f.id)
	if id == "" && s.stdin {
		id = contentID(day, title, text)
	} else if id == "" {
		id = s.idBase() + ":" + strconv.Itoa(line)
	}
	return event.Article{
		ID:     id,
		Date:   day,
		Title:  title,
		Text:   text,
		URL:    strings.TrimSpace(f.url),
		Source: strings.TrimSpace(f.source),
		Origin: s.name + ":" + strconv.Itoa(line),
	}, ""
}

// cleanText normalises line endings to "\n" and trims the body.
func cleanText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
}
