package dictimport

import "strings"

// item is one element of a PETRARCH pattern: a word (which may be a
// synset "&NAME" or one of the markers * $ + ^ %), a noun phrase {…} or a
// prepositional group (…).
type item struct {
	word  string
	group byte // 0 for a word, '{' or '('
	items []item
}

// splitItems reads a pattern body into items; ok is false for
// unbalanced brackets.
func splitItems(s string) ([]item, bool) {
	items, rest, ok := readItems(s, 0)
	return items, ok && strings.TrimSpace(rest) == ""
}

func readItems(s string, closer byte) ([]item, string, bool) {
	var out []item
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out, "", closer == 0
		}
		switch c := s[0]; c {
		case '{', '(':
			end := byte('}')
			if c == '(' {
				end = ')'
			}
			sub, rest, ok := readItems(s[1:], end)
			if !ok {
				return nil, "", false
			}
			out = append(out, item{group: c, items: sub})
			s = rest
		case '}', ')':
			return out, s[1:], c == closer
		default:
			i := strings.IndexAny(s, " \t{}()")
			if i < 0 {
				i = len(s)
			}
			out = append(out, item{word: s[:i]})
			s = s[i:]
		}
	}
}

// stripComment cuts a line at its first '#'.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// cutBracket removes the last "[…]" of s and returns its content.
func cutBracket(s string) (rest, inside string, ok bool) {
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i {
		return s, "", false
	}
	return strings.TrimSpace(s[:i] + s[j+1:]), strings.TrimSpace(s[i+1 : j]), true
}

// cutBraces removes the first "{…}" of s and returns its fields.
func cutBraces(s string) (rest string, fields []string, ok bool) {
	i := strings.IndexByte(s, '{')
	j := strings.IndexByte(s, '}')
	if i < 0 || j < i {
		return s, nil, false
	}
	return strings.TrimSpace(s[:i] + " " + s[j+1:]), strings.Fields(s[i+1 : j]), true
}

// plural is PETRARCH's regular plural: +S, Y → IES, SS → SES.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "ss"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}
