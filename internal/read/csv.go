package read

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// columns maps the known column names to their index in the header.
type columns struct {
	n                                  int
	id, date, text, title, url, source int
}

func (c *columns) get(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

// readCSV reads a CSV file with a header row. Records are cut into logical
// records here (a quoted field may span lines), so the line limit holds and
// each record knows its starting line; encoding/csv then parses each one.
func (s *source) readCSV(lr *lineReader) error {
	var (
		rec    []byte
		start  int  // line where rec starts
		quoted bool // inside a quoted field at the end of rec
		skip   bool // dropping the rest of an overlong record
		cols   *columns
	)
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			if len(rec) > 0 {
				return s.csvRecord(rec, start, &cols)
			}
			return nil
		}
		if err != nil {
			s.rejectf(lr.n+1, "read error: %v", err)
			return nil
		}
		if long {
			// The quote state after a dropped line is unknown: start afresh.
			switch {
			case skip:
			case len(rec) > 0:
				s.rejectf(start, "record longer than %d bytes", s.opt.MaxLine)
			default:
				s.rejectf(lr.n, "line longer than %d bytes", s.opt.MaxLine)
			}
			rec, quoted, skip = rec[:0], false, false
			continue
		}
		if skip {
			quoted = endsQuoted(line, quoted)
			skip = quoted
			continue
		}
		if len(rec) == 0 {
			if isBlank(line) {
				continue
			}
			start = lr.n
		} else {
			rec = append(rec, '\n')
		}
		rec = append(rec, line...)
		quoted = endsQuoted(line, quoted)
		if len(rec) > s.opt.MaxLine {
			s.rejectf(start, "record longer than %d bytes", s.opt.MaxLine)
			rec, skip = rec[:0], quoted
			continue
		}
		if quoted {
			continue
		}
		if err := s.csvRecord(rec, start, &cols); err != nil {
			return err
		}
		if cols != nil && cols.n == 0 {
			return nil // bad header: the file was rejected
		}
		rec = rec[:0]
	}
}

// endsQuoted reports whether a line leaves a quoted field open, given
// whether it starts inside one (RFC 4180: quotes open a field only at its
// start, and "" inside a quoted field is a literal quote).
func endsQuoted(line []byte, quoted bool) bool {
	atStart := !quoted
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted:
			if c == '"' {
				if i+1 < len(line) && line[i+1] == '"' {
					i++
				} else {
					quoted = false
				}
			}
		case c == '"' && atStart:
			quoted = true
		}
		atStart = !quoted && c == ','
	}
	return quoted
}

// csvRecord parses one logical record starting at line; the first record is
// the header. A bad header rejects the whole file and sets *cols to columns
// with n == 0, which tells readCSV to stop.
func (s *source) csvRecord(rec []byte, line int, cols **columns) error {
	bad := badUTF8(rec)
	if bad >= 0 {
		rec = bytes.ToValidUTF8(rec, replacement)
	}
	f, reason := parseCSV(rec)
	if *cols == nil {
		c, ok := header(f)
		switch {
		case reason != "":
			s.rejectf(0, "bad CSV header at line %d: %s", line, reason)
		case !ok:
			s.rejectf(0, `CSV header at line %d has no "text" column`, line)
		}
		if reason != "" {
			c = &columns{}
		}
		*cols = c
		return nil
	}
	if reason != "" {
		s.rejectf(line, "%s", reason)
		return nil
	}
	c := *cols
	if len(f) != c.n {
		s.rejectf(line, "row has %d fields, header has %d", len(f), c.n)
		return nil
	}
	a, reason := s.article(fields{
		id:      c.get(f, c.id),
		date:    c.get(f, c.date),
		hasDate: c.date >= 0,
		text:    c.get(f, c.text),
		title:   c.get(f, c.title),
		url:     c.get(f, c.url),
		source:  c.get(f, c.source),
	}, line)
	if reason != "" {
		s.rejectf(line, "%s", reason)
		return nil
	}
	if bad >= 0 {
		s.warnf(line, "article %q: invalid UTF-8 at byte %d replaced with U+FFFD", a.ID, bad)
	}
	return s.send(a)
}

// header maps column names (any order, any case) to indexes. A header
// without "text" gives columns with n == 0.
func header(f []string) (*columns, bool) {
	c := &columns{n: len(f), id: -1, date: -1, text: -1, title: -1, url: -1, source: -1}
	for i, name := range f {
		var p *int
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "id":
			p = &c.id
		case "date":
			p = &c.date
		case "text":
			p = &c.text
		case "title":
			p = &c.title
		case "url":
			p = &c.url
		case "source":
			p = &c.source
		}
		if p != nil && *p < 0 {
			*p = i
		}
	}
	if c.text < 0 {
		return &columns{}, false
	}
	return c, true
}

// parseCSV splits one logical record into fields.
func parseCSV(rec []byte) ([]string, string) {
	if i := bytes.IndexByte(rec, 0); i >= 0 {
		return nil, fmt.Sprintf("binary data in a text file (NUL byte at byte %d)", i)
	}
	r := csv.NewReader(bytes.NewReader(rec))
	r.FieldsPerRecord = -1
	f, err := r.Read()
	if err == nil {
		if _, err2 := r.Read(); err2 != io.EOF {
			err = errors.New("unexpected line break in a record")
		}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, "invalid CSV: " + err.Error()
	}
	return f, ""
}
