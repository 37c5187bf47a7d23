package dictimport

import (
	"fmt"
	"strings"

	"github.com/flashpoint/flashpoint/internal/verbs"
)

// checkPatterns parses every converted line with Flashpoint's own parser
// and drops what would change existing behaviour or fail Lint: a pattern
// identical (same Key) to one of ours, a repeat within the import, and
// one pattern with two codes (the more specific code wins, then the
// first in file order). It returns the lines to write.
func checkPatterns(lines []patLine, codes *verbs.Codes, ours *verbs.Patterns, rep *Report) []patLine {
	ourKeys := map[string]string{}
	for _, p := range ours.All {
		ourKeys[p.Key()] = p.Line
	}
	var out []patLine
	at := map[string]int{} // key → index in out
	pending := ""          // a block header whose line was dropped
	for _, l := range lines {
		if l.comment != "" {
			pending = l.comment
		}
		if !codes.Known(l.code) {
			rep.skip("CAMEO code not in cameo.txt", fmt.Sprintf("%s %s %s", l.src, l.code, l.text))
			continue
		}
		ps := &verbs.Patterns{}
		if err := ps.Parse(l.src, strings.NewReader(l.String()), codes); err != nil {
			rep.skip("does not parse as a Flashpoint pattern", err.Error())
			continue
		}
		k := ps.All[0].Key()
		if line, ok := ourKeys[k]; ok {
			rep.conflict("identical to one of ours (kept ours)", fmt.Sprintf("%s %s = %s", l.src, l.text, line))
			continue
		}
		if i, ok := at[k]; ok {
			prev := out[i]
			switch {
			case prev.code == l.code:
				rep.conflict("repeats an earlier imported pattern", fmt.Sprintf("%s %s %s", l.src, l.code, l.text))
			case len(l.code) > len(prev.code):
				rep.conflict("one pattern, two codes: the more specific code kept", fmt.Sprintf("%s %s over %s %s", l.src, l.code, prev.src, prev.code))
				l.comment = prev.comment
				out[i] = l
			default:
				rep.conflict("one pattern, two codes: the more specific code kept", fmt.Sprintf("%s %s over %s %s", prev.src, prev.code, l.src, l.code))
			}
			continue
		}
		l.comment = pending
		pending = ""
		at[k] = len(out)
		out = append(out, l)
	}
	return out
}

// String is the line as written to the pattern file.
func (l patLine) String() string {
	s := fmt.Sprintf("%-5s %s", l.code, l.text)
	if l.flags != "" {
		s += "  ; " + l.flags
	}
	return s
}
