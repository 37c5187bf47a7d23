package read

import (
	"bytes"
	"io"
	"path"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// readText reads a plain-text (or HTML) file as one article. A leading line
// "date YYYY-MM-DD" gives the date and is removed; text may follow the date
// on the same line.
func (s *source) readText(lr *lineReader) error {
	var b strings.Builder
	repaired, firstBad, firstByte := 0, 0, 0 // lines with invalid UTF-8
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.rejectf(lr.n+1, "read error: %v (file skipped)", err)
			return nil
		}
		// One bad line does not lose the article: it is dropped or
		// repaired, and the warning says which.
		if long {
			s.warnf(lr.n, "line longer than %d bytes dropped", s.opt.MaxLine)
			continue
		}
		if i := bytes.IndexByte(line, 0); i >= 0 {
			s.warnf(lr.n, "line with binary data (NUL byte at byte %d) dropped", i)
			continue
		}
		if i := badUTF8(line); i >= 0 {
			if repaired == 0 {
				firstBad, firstByte = lr.n, i
			}
			repaired++
			line = bytes.ToValidUTF8(line, replacement)
		}
		if b.Len()+len(line) > s.opt.MaxText {
			// Streamed up to the bound, never held whole: an endless
			// pipe or a gzip bomb costs MaxText bytes, not all of it.
			s.rejectf(0, "text longer than %d bytes (file not read further)", s.opt.MaxText)
			return nil
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if repaired > 0 {
		// One warning a file: a Latin-1 page has a bad byte on most lines.
		s.warnf(firstBad, "invalid UTF-8 at byte %d (and on %d more lines) replaced with U+FFFD", firstByte, repaired-1)
	}
	text := cleanText(b.String())
	if text == "" {
		return nil // blank file: nothing to read
	}
	date, rest, found := dateLine(text)
	if found {
		text = strings.TrimSpace(rest)
	} else if date = strings.TrimSpace(s.opt.Date); date == "" {
		s.rejectf(0, "no date: use --date or a leading 'date YYYY-MM-DD' line")
		return nil
	}
	day, ok := parseDate(date)
	if !ok {
		s.rejectf(0, "bad date %q: want YYYY-MM-DD", date)
		return nil
	}
	var title string
	if ext := s.ext(); looksHTML(text) || ext == ".html" || ext == ".htm" {
		text, title = stripHTML(text)
	}
	if text == "" {
		s.rejectf(0, "no text")
		return nil
	}
	id := contentID(day, title, text)
	if !s.stdin {
		id = s.idBase()
		id = strings.TrimSuffix(id, path.Ext(id))
	}
	return s.send(event.Article{ID: id, Date: day, Title: title, Text: text, Origin: s.name})
}

// dateLine splits a leading "date YYYY-MM-DD" (or "Date: ...") from text.
// found is true when the first line starts with the word "date" followed by
// something that looks like a date; date is that word, rest the text after.
func dateLine(text string) (date, rest string, found bool) {
	t := strings.TrimLeft(text, " \t")
	if len(t) < 5 || !strings.EqualFold(t[:4], "date") {
		return "", text, false
	}
	t = t[4:]
	if t[0] == ':' {
		t = t[1:]
	}
	u := strings.TrimLeft(t, " \t")
	if len(u) == len(t) || u == "" || u[0] < '0' || u[0] > '9' {
		return "", text, false // "dated ...", "date of ..." is prose
	}
	end := strings.IndexAny(u, " \t\n")
	if end < 0 {
		end = len(u)
	}
	return u[:end], u[end:], true
}
