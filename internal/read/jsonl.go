package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// jsonRecord is one JSONL line; unknown fields are ignored. Date is a
// pointer to tell a missing date from an empty one; id may be a number.
type jsonRecord struct {
	ID     json.RawMessage `json:"id"`
	Date   *string         `json:"date"`
	Text   string          `json:"text"`
	Title  string          `json:"title"`
	URL    string          `json:"url"`
	Source string          `json:"source"`
}

func (s *source) readJSONL(lr *lineReader) error {
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			s.rejectf(lr.n+1, "read error: %v", err)
			return nil
		}
		if long {
			s.rejectf(lr.n, "line longer than %d bytes", s.opt.MaxLine)
			continue
		}
		if isBlank(line) {
			continue
		}
		a, reason := s.jsonArticle(line, lr.n)
		if reason != "" {
			s.rejectf(lr.n, "%s", reason)
			continue
		}
		if err := s.send(a); err != nil {
			return err
		}
	}
}

func (s *source) jsonArticle(line []byte, n int) (a event.Article, reason string) {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return a, fmt.Sprintf("binary data in a text file (NUL byte at byte %d)", i)
	}
	bad := badUTF8(line)
	if bad >= 0 {
		line = bytes.ToValidUTF8(line, replacement)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return a, jsonReason(line, err)
	}
	id, ok := jsonID(rec.ID)
	if !ok {
		return a, `bad "id": want a string or a number`
	}
	f := fields{id: id, text: rec.Text, title: rec.Title, url: rec.URL, source: rec.Source}
	if rec.Date != nil {
		f.date, f.hasDate = *rec.Date, true
	}
	a, reason = s.article(f, n)
	if reason == "" && bad >= 0 {
		s.warnf(n, "article %q: invalid UTF-8 at byte %d replaced with U+FFFD", a.ID, bad)
	}
	return a, reason
}

// jsonReason explains a decoding failure in the words of the input format.
func jsonReason(line []byte, err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			if t := bytes.TrimSpace(line); len(t) > 0 && t[0] == '[' {
				return "want one JSON object per line, got an array"
			}
			return "want one JSON object per line, got " + te.Value
		}
		return fmt.Sprintf("field %q: want a string, got %s", te.Field, te.Value)
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

// jsonID accepts a string or a number as the article id.
func jsonID(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err == nil
	case c == '-' || '0' <= c && c <= '9':
		return string(raw), true
	}
	return "", false
}
