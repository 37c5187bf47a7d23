package feeds

import (
	"encoding/json"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/read"
)

// htmlText reduces HTML (a feed item's content or a fetched page) to
// text with the reader's HTML stripper. That stripper is not exported;
// read.Read applies it to a JSONL record whose text opens an HTML
// document, so the fragment is wrapped in <body> and read as one record.
// Plain text comes back trimmed; title is the page's <title>, if any.
func htmlText(s string) (text, title string) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "<") {
		return s, ""
	}
	if !strings.HasPrefix(strings.ToLower(s), "<!doctype") && !strings.HasPrefix(strings.ToLower(s), "<html") {
		s = "<body>" + s + "</body>"
	}
	line, err := json.Marshal(map[string]string{"id": "x", "date": "2000-01-01", "text": s})
	if err != nil {
		return "", ""
	}
	read.Read([]string{"-"}, read.Options{Format: "jsonl"}, strings.NewReader(string(line)),
		func(a event.Article) error {
			text, title = a.Text, a.Title
			return nil
		}, nil)
	return text, title
}
