package dictimport

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/verbs"
)

// verbBlock is one "--- NAME [CODE] ---" synonym block.
type verbBlock struct {
	name, code string
	line       int
	single     []string   // alternatives of the one-word verbs: "ask+", "speed+|sped"
	multi      [][]string // multi-word verbs, one element list each
}

// verbFile converts a PETRARCH verb dictionary into pattern lines.
type verbFile struct {
	name     string
	rep      *Report
	synsets  map[string][]string // "&NAME" → alternatives in our syntax
	lines    []patLine
	block    *verbBlock
	synset   string
	noPlural bool
	// needHeader is set at a block's start: its first line carries a
	// comment naming the block.
	needHeader bool
}

// patLine is a converted pattern before checking: code, pattern, flags
// and where it came from.
type patLine struct {
	code, text, flags, src string
	comment                string // a block header written before the line
}

func (v *verbFile) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(raw), "---") {
			v.startBlock(raw, n)
			continue
		}
		line := stripComment(raw)
		if i := strings.IndexByte(line, ';'); i >= 0 && line[0] != '-' {
			line = strings.TrimSpace(line[:i]) // TABARI-style comment
		}
		if line == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", v.name, n)
		switch {
		case line[0] == '&':
			v.synset, v.block = strings.Fields(line)[0], nil
			v.noPlural = strings.HasSuffix(v.synset, "_")
			v.synset = strings.TrimSuffix(v.synset, "_")
			v.synsets[v.synset] = nil
		case v.block == nil && line[0] == '+' && v.synset != "":
			v.addSynonym(line[1:])
		case v.block == nil:
			v.rep.skip("verb line outside a --- block", src+" "+line)
		case line[0] == '~':
			v.rep.skip("transformation (~): verb-on-verb rules have no Flashpoint form", src+" "+line)
		case line[0] == '-':
			v.pattern(line[1:], src)
		default:
			v.verb(line, src)
		}
	}
	return sc.Err()
}

func (v *verbFile) startBlock(raw string, n int) {
	s := strings.Trim(strings.TrimSpace(raw), "-")
	rest, code, _ := cutBracket(s)
	v.block = &verbBlock{name: strings.TrimSpace(rest), code: code, line: n}
	v.synset = ""
	v.needHeader = true
}

func (v *verbFile) addSynonym(phrase string) {
	phrase = strings.TrimSpace(phrase)
	noPlural := v.noPlural || strings.HasSuffix(phrase, "_")
	words := strings.FieldsFunc(strings.ToLower(strings.TrimSuffix(phrase, "_")), func(r rune) bool { return r == '_' || r == ' ' })
	if len(words) == 0 {
		return
	}
	alts := []string{strings.Join(words, "_")}
	if !noPlural {
		pl := append(append([]string{}, words[:len(words)-1]...), plural(words[len(words)-1]))
		alts = append(alts, strings.Join(pl, "_"))
	}
	v.synsets[v.synset] = append(v.synsets[v.synset], alts...)
}

// verb converts a verb line of a block: the verb joins the block's
// alternatives and, with a code of its own or the block's, becomes a
// "verb+ $T" line.
func (v *verbFile) verb(line, src string) {
	b := v.block
	rest, code, hasCode := cutBracket(line)
	rest, forms, hasForms := cutBraces(rest)
	if !hasCode {
		code = b.code
	}
	words := strings.Split(strings.ToLower(strings.Join(strings.Fields(rest), "_")), "_")
	head := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			head = i
			words[i] = w[1:]
		}
	}
	if head < 0 && len(words) == 1 {
		head = 0
	}
	if head < 0 {
		v.rep.skip("multi-word verb without + on its verb", src+" "+line)
		return
	}
	if hasForms && len(forms) == 0 {
		v.rep.skip("verb with an empty form list {}: no lemma to inflect", src+" "+line)
		return
	}
	elem := verbElem(words[head], forms, head)
	var seq []string
	for i, w := range words {
		if i == head {
			seq = append(seq, elem)
		} else {
			seq = append(seq, w)
		}
	}
	if len(words) == 1 && !strings.Contains(elem, "-") {
		b.single = append(b.single, elem)
	} else {
		b.multi = append(b.multi, seq)
	}
	c, flags, why := convertCode(code)
	if why != "" {
		if code == "---" {
			why = "verb alone is not an event ([---])"
		}
		v.rep.skip(why, src+" "+line)
		return
	}
	v.emit(patLine{code: c, flags: flags, src: src, text: strings.Join(seq, " ") + " $T"})
}

// verbElem is a verb's element: "lemma+" plus any listed form that the
// regular and irregular inflection of the lemma does not produce.
func verbElem(lemma string, forms []string, head int) string {
	have := map[string]bool{}
	for _, f := range verbs.Inflections(lemma) {
		have[f] = true
	}
	alts := []string{lemma + "+"}
	for _, f := range forms {
		ws := strings.Split(strings.ToLower(f), "_")
		w := ws[0]
		for _, x := range ws {
			if strings.HasPrefix(x, "+") {
				w = x
			}
		}
		if head < len(ws) && !strings.Contains(f, "+") {
			w = ws[head]
		}
		w = strings.TrimPrefix(w, "+")
		if w != "" && !have[w] {
			have[w] = true
			alts = append(alts, w)
		}
	}
	return strings.Join(alts, "|")
}

func (v *verbFile) emit(p patLine) {
	if v.needHeader {
		p.comment = fmt.Sprintf("--- %s [%s] (%s:%d)", v.block.name, v.block.code, v.name, v.block.line)
		v.needHeader = false
	}
	v.lines = append(v.lines, p)
}
