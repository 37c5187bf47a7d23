package text

import (
	"strings"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Sentences cleans an article body and splits it into sentences. Start
// offsets are byte offsets into body (the original string), so
// body[s.Start:s.Start+len(s.Text)] == s.Text.
//
// Headings are not sentences; each sentence carries the nearest heading
// above it. Paragraph numbers count prose paragraphs only, from 0.
func Sentences(body string) []event.Sentence {
	out := make([]event.Sentence, 0, len(body)/120+1)
	heading := ""
	n := 0
	for _, p := range paragraphs(body) {
		if p.heading {
			heading = body[p.start:p.end]
			continue
		}
		splitPara(body, p.start, p.end, func(a, b int) {
			for _, c := range capLength(body, a, b) {
				out = append(out, event.Sentence{
					Index:     len(out),
					Text:      body[c[0]:c[1]],
					Start:     c[0],
					Paragraph: n,
					Heading:   heading,
				})
			}
		})
		n++
	}
	return out
}

// splitPara calls emit with the trimmed range of each sentence of
// s[start:end], which must begin and end with non-space runes.
func splitPara(s string, start, end int, emit func(a, b int)) {
	from := start
	for i := start; i < end; {
		r, w := runeAt(s, i)
		if !isTerminal(r) {
			i += w
			continue
		}
		// The terminal run ("?!", "...") and its closing quotes/brackets.
		j := i + w
		ellipsis := r == '\u2026'
		for j < end {
			r2, w2 := runeAt(s, j)
			if !isTerminal(r2) {
				break
			}
			ellipsis = ellipsis || r2 == '\u2026' || r2 == '.' && r == '.'
			j += w2
		}
		k := j
		for k < end {
			r2, w2 := runeAt(s, k)
			if !isCloser(r2) {
				break
			}
			k += w2
		}
		if k == end {
			break
		}
		if _, sp := spaceAt(s, k); !sp {
			i = k // "U.S.-drafted", "4.2", "e.g.,"
			continue
		}
		n := skipSpace(s, k, end)
		if boundary(s, from, i, j, ellipsis, n, end) {
			emit(from, k)
			from = n
		}
		i = n
	}
	if from < end {
		a, b := trim(s, from, end)
		if a < b {
			emit(a, b)
		}
	}
}

// boundary decides whether the terminal run s[i:j] ends a sentence, given
// that the next sentence would start at n. from is the current sentence's
// start.
func boundary(s string, from, i, j int, ellipsis bool, n, end int) bool {
	next, _ := runeAt(s, n)
	if isLower(next) {
		return false // "etc. when", "a.m. on", "Why?" he asked
	}
	if ellipsis || s[i] != '.' || j != i+1 {
		return true
	}
	// A single period: look at the word before it.
	ws := i
	for ws > from {
		c := s[ws-1]
		if c == '.' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			ws--
			continue
		}
		break
	}
	w := s[ws:i]
	if w == "" {
		return true
	}
	if ws > from {
		// The word must stand alone: "3.5." or "Smith's." are ordinary ends.
		if c := s[ws-1]; c != ' ' && c != '\n' && c != '\t' && c != '(' && c != '"' && c != '\'' && c < 0x80 {
			return true
		}
	}
	switch {
	case titles[w]:
		return false
	case numbered[w] && isDigit(next):
		return false
	case len(w) == 1 && isUpper(rune(w[0])):
		return startsSentence(s, n, end) // initial: "John F. Kennedy"
	case strings.IndexByte(w, '.') >= 0, suffixes[w]:
		return startsSentence(s, n, end) // "the U.S. The move", "Inc. It"
	}
	return true
}

// startsSentence reports whether the word at s[n:] is a typical sentence
// start, or an opening quote (a quotation starts a new sentence).
func startsSentence(s string, n, end int) bool {
	r, _ := runeAt(s, n)
	if isOpener(r) && r != '(' && r != '[' {
		return true
	}
	e := n
	for e < end {
		c := s[e]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			e++
			continue
		}
		break
	}
	return starters[s[n:e]]
}

// MaxSentence bounds a sentence's length in bytes. Real sentences are far
// shorter; scraped pages without punctuation are not, and later stages
// must stay linear, so longer runs are cut at a space before the limit.
const MaxSentence = 2000

// capLength splits s[a:b] into pieces of at most MaxSentence bytes.
func capLength(s string, a, b int) [][2]int {
	if b-a <= MaxSentence {
		return [][2]int{{a, b}}
	}
	var out [][2]int
	for a < b {
		end := b
		if end-a > MaxSentence {
			end = a + MaxSentence
			if sp := strings.LastIndexByte(s[a:end], ' '); sp > MaxSentence/2 {
				end = a + sp
			} else {
				for end > a && !utf8.RuneStart(s[end]) {
					end-- // never cut inside a character
				}
			}
		}
		x, y := trim(s, a, end)
		if y > x {
			out = append(out, [2]int{x, y})
		}
		a = end
	}
	return out
}
