package read

import (
	"html"
	"strings"
	"unicode"
)

// looksHTML reports text whose first non-space characters open an HTML
// document.
func looksHTML(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n\ufeff")
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// skipped elements lose their content; block elements end a paragraph.
var (
	skipped = map[string]bool{
		"script": true, "style": true, "noscript": true, "template": true,
		"svg": true, "iframe": true, "object": true, "nav": true, "title": true,
	}
	blocks = map[string]bool{
		"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
		"h6": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
		"table": true, "tr": true, "section": true, "article": true, "header": true,
		"footer": true, "aside": true, "main": true, "blockquote": true, "pre": true,
		"hr": true, "figure": true, "figcaption": true, "form": true, "address": true,
		"body": true, "head": true, "html": true, "caption": true, "details": true, "summary": true,
	}
)

// stripHTML reduces an HTML document to text: tags go, script/style and
// similar contents go, entities are decoded, block tags become paragraph
// breaks and other white space collapses. title is the <title> content.
func stripHTML(s string) (text, title string) {
	var w textWriter
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			w.text(s[i:])
			break
		}
		w.text(s[i : i+lt])
		i += lt
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i = skipPast(s, i+4, "-->")
			continue
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
			i = skipPast(s, i+2, ">")
			continue
		}
		name, closing, end := tagName(s, i)
		if name == "" {
			w.text("<") // a literal "<"
			i++
			continue
		}
		selfClosing := end >= 2 && s[end-2] == '/'
		i = end
		switch {
		case skipped[name] && !closing && !selfClosing:
			close := indexFold(s[i:], "</"+name)
			if close < 0 {
				close = len(s) - i
			}
			if name == "title" && title == "" {
				title = collapse(html.UnescapeString(s[i : i+close]))
			}
			i = skipPast(s, i+close, ">")
		case name == "br":
			w.brk(1)
		case blocks[name]:
			w.brk(2)
		case name == "td" || name == "th":
			w.space = true
		}
	}
	return w.b.String(), title
}

// tagName reads the tag starting at s[i] == '<' and returns its lowercased
// name, whether it is a closing tag, and the index after its '>' (quoted
// attribute values may hold '>'). name is "" when this is not a tag.
func tagName(s string, i int) (name string, closing bool, end int) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	k := j
	for k < len(s) && (isAlpha(s[k]) || k > j && '0' <= s[k] && s[k] <= '9') {
		k++
	}
	if k == j {
		return "", false, 0
	}
	name = strings.ToLower(s[j:k])
	var q byte
	for ; k < len(s); k++ {
		c := s[k]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return name, closing, k + 1
		}
	}
	return name, closing, len(s)
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// skipPast returns the index after the first sep at or after i, or len(s).
func skipPast(s string, i int, sep string) int {
	if j := strings.Index(s[i:], sep); j >= 0 {
		return i + j + len(sep)
	}
	return len(s)
}

// indexFold is strings.Index for an ASCII needle, ignoring case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// textWriter collects text, collapsing white space and holding breaks back
// until more text arrives, so there is no leading or trailing space.
type textWriter struct {
	b     strings.Builder
	space bool
	nl    int // pending line breaks: 1 or 2
}

func (w *textWriter) brk(n int) { w.nl = max(w.nl, n) }

func (w *textWriter) text(raw string) {
	if raw == "" {
		return
	}
	if strings.IndexByte(raw, '&') >= 0 {
		raw = html.UnescapeString(raw)
	}
	for _, r := range raw {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.b.Len() > 0 {
			switch {
			case w.nl == 2:
				w.b.WriteString("\n\n")
			case w.nl == 1:
				w.b.WriteByte('\n')
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.space, w.nl = false, 0
		w.b.WriteRune(r)
	}
}

// collapse squeezes white space runs to single spaces and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
