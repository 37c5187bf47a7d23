// Package wordclass reads the word-class files that hold the closed-class
// English words the stages rely on ("[class]" headers, words separated by
// spaces, "#" comments), so that word lists are data, not code: the coder's
// data/words.txt and the actor matcher's data/words.txt share one format,
// one parser and one set of errors naming file and line.
package wordclass

import (
	"fmt"
	"strings"
)

// Classes are the parsed classes of one file, by name.
type Classes map[string]map[string]bool

// MustParse parses an embedded file and panics on an error in it: an
// embedded file is part of the build, so its errors are build defects
// (each package's tests parse its file and report them first).
func MustParse(file, text string, known []string) Classes {
	c, err := Parse(file, text, known)
	if err != nil {
		panic(err)
	}
	return c
}

// Class returns the named class; it panics on a name the file was not
// parsed to define, a programming error.
func (c Classes) Class(name string) map[string]bool {
	s, ok := c[name]
	if !ok {
		panic("wordclass: class [" + name + "] was not among the known classes")
	}
	return s
}

// Parse reads the word-class format: "[class]" opens a class, the words
// follow separated by spaces, "#" starts a comment. Every class in known
// must appear once and have words; errors name the file and line.
func Parse(file, text string, known []string) (Classes, error) {
	isKnown := make(map[string]bool, len(known))
	for _, k := range known {
		isKnown[k] = true
	}
	classes := Classes{}
	headerLine := map[string]int{}
	wordLine := map[string]int{} // "class\x00word" → line, for duplicate errors
	class := ""
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if h := strings.IndexByte(line, '#'); h >= 0 {
			line = line[:h]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			name, ok := strings.CutSuffix(line[1:], "]")
			if !ok || name == "" || strings.ContainsAny(name, "[] \t") {
				return nil, fmt.Errorf("%s:%d: malformed class header %q, want [class]", file, n, line)
			}
			if !isKnown[name] {
				return nil, fmt.Errorf("%s:%d: unknown class [%s]", file, n, name)
			}
			if first, dup := headerLine[name]; dup {
				return nil, fmt.Errorf("%s:%d: class [%s] repeated (first at line %d)", file, n, name, first)
			}
			class = name
			headerLine[name] = n
			classes[name] = map[string]bool{}
			continue
		}
		for _, w := range strings.Fields(line) {
			if class == "" {
				return nil, fmt.Errorf("%s:%d: word %q before any [class]", file, n, w)
			}
			key := class + "\x00" + w
			if first, dup := wordLine[key]; dup {
				return nil, fmt.Errorf("%s:%d: word %q repeated in [%s] (first at line %d)", file, n, w, class, first)
			}
			wordLine[key] = n
			classes[class][w] = true
		}
	}
	for _, k := range known {
		if _, ok := classes[k]; !ok {
			return nil, fmt.Errorf("%s: class [%s] missing", file, k)
		}
		if len(classes[k]) == 0 {
			return nil, fmt.Errorf("%s:%d: class [%s] has no words", file, headerLine[k], k)
		}
	}
	return classes, nil
}
