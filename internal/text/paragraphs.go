package text

import (
	"strings"
	"unicode/utf8"
)

// span is a byte range [start, end) of the body.
type span struct{ start, end int }

// para is one paragraph of the cleaned body.
type para struct {
	span
	heading bool
}

// paragraphs cleans body into paragraphs: blank lines and advert residue
// separate them; inside a block of consecutive lines, single newlines are
// paragraph breaks unless the block looks hard-wrapped.
func paragraphs(body string) []para {
	var out []para
	var block []span
	flush := func() {
		if len(block) > 0 {
			out = splitBlock(body, block, out)
			block = block[:0]
		}
	}
	for pos := 0; pos < len(body); {
		end := strings.IndexByte(body[pos:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += pos
		}
		a, b := trim(body, pos, end)
		if a == b || isAdvert(body[a:b]) {
			flush()
		} else {
			block = append(block, span{a, b})
		}
		pos = end + 1
	}
	flush()
	return out
}

// splitBlock appends the paragraphs of a block of non-blank lines to out.
func splitBlock(body string, lines []span, out []para) []para {
	if len(lines) == 1 {
		l := lines[0]
		return append(out, para{l, isHeadingLike(body[l.start:l.end])})
	}
	// A block is hard-wrapped when most of its lines stop mid-sentence;
	// otherwise each line is its own paragraph.
	ends, maxLen := 0, 0
	for k, l := range lines {
		if k < len(lines)-1 && endsSentence(body[l.start:l.end]) {
			ends++
		}
		maxLen = max(maxLen, l.end-l.start)
	}
	wrapped := ends*2 < len(lines)-1
	heading := func(k int) bool {
		l := lines[k]
		if wrapped && (l.end-l.start)*10 > maxLen*7 {
			return false // as long as the wrapped lines: part of the prose
		}
		return isHeadingLike(body[l.start:l.end])
	}
	startsLower := func(k int) bool {
		r, _ := runeAt(body, lines[k].start)
		return isLower(r)
	}
	cur := para{span: lines[0]}
	curLines := 1
	for k := 1; k < len(lines); k++ {
		prev := body[lines[k-1].start:lines[k-1].end]
		brk := false
		switch {
		case curLines == 1 && heading(k-1) && !startsLower(k):
			brk = true // the previous line is a heading
		case endsSentence(prev) && heading(k) && (k == len(lines)-1 || !startsLower(k+1)):
			brk = true // this line is a heading
		case !wrapped:
			brk = !(startsLower(k) && !endsSentence(prev))
		}
		if brk {
			cur.heading = curLines == 1 && isHeadingLike(body[cur.start:cur.end])
			out = append(out, cur)
			cur, curLines = para{span: lines[k]}, 1
			continue
		}
		cur.end = lines[k].end
		curLines++
	}
	cur.heading = curLines == 1 && isHeadingLike(body[cur.start:cur.end])
	return append(out, cur)
}

// endsSentence reports whether line ends with terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	for len(line) > 0 {
		r, w := utf8.DecodeLastRuneInString(line)
		if isTerminal(r) {
			return true
		}
		if !isCloser(r) {
			return false
		}
		line = line[:len(line)-w]
	}
	return false
}

// isHeadingLike reports a line that reads as a section heading: short, no
// terminal punctuation, starting with a capital and with mostly capitalised
// words ("Background of the Conflict").
func isHeadingLike(line string) bool {
	if len(line) > 160 || line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if isTerminal(last) || isCloser(last) || last == ',' || last == ';' || last == ':' {
		return false
	}
	first, _ := runeAt(line, 0)
	if !isUpper(first) && !isDigit(first) {
		return false
	}
	words, content, capital := 0, 0, 0
	for _, w := range strings.Fields(line) {
		words++
		if words > 12 {
			return false
		}
		if minor[w] || minor[strings.ToLower(w)] && words > 1 {
			continue
		}
		// Skip leading punctuation such as quotes or brackets.
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'(“‘"))
		if !isUpper(r) && !isLower(r) && !isDigit(r) {
			continue
		}
		content++
		if isUpper(r) || isDigit(r) {
			capital++
		}
	}
	return content > 0 && capital*3 >= content*2
}

// adverts are whole lines of page residue, compared lowercased and with
// trailing punctuation removed.
var adverts = set(
	"advertisement", "advertisment", "advertisements", "advertising", "advert", "ad",
	"sponsored", "sponsored content", "paid content", "paid post", "promoted", "promotion",
	"read more", "read also", "also read", "see also", "related", "related articles",
	"related stories", "related news", "related content", "more from this section",
	"continue reading", "story continues below", "story continues below advertisement",
	"article continues below", "article continues after advertisement",
	"scroll to continue", "scroll to continue with content", "share", "share this",
	"share this article", "click here", "subscribe", "recommended", "recommended stories",
	"you may also like", "trending", "must read", "don't miss", "skip advertisement",
)

// advertPrefixes introduce a link to another story: "Also read: ...".
var advertPrefixes = []string{
	"also read", "read more", "read also", "see also", "related", "recommended",
	"also watch", "watch", "must read", "don't miss", "sponsored", "advertisement",
	"you may also like", "click here",
}

// isAdvert reports a line of advertising or link residue.
func isAdvert(line string) bool {
	if len(line) > 300 {
		return false
	}
	l := strings.ToLower(line)
	l = strings.TrimRight(l, " .:!…-–—|>»")
	if adverts[l] {
		return true
	}
	for _, p := range advertPrefixes {
		if rest, ok := strings.CutPrefix(l, p); ok {
			rest = strings.TrimLeft(rest, " ")
			if rest != "" && strings.ContainsRune(":|-–—>»", firstRune(rest)) {
				return true
			}
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
