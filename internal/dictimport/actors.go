package dictimport

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// actorRecord is a primary phrase, its '+' synonyms and its codes.
type actorRecord struct {
	src   string
	names []string
	codes []string // bracket contents: "CODE" or "CODE restriction"
}

// actorOut collects converted actor lines across files.
type actorOut struct {
	t         *tables
	rep       *Report
	isCountry func(string) bool
	ours      func(string) bool
	seen      map[string]string // name|from..to → code
	lines     []string
	entries   int
}

func (a *actorOut) read(name string, r io.Reader) error {
	a.lines = append(a.lines, "", "# from "+name)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var rec *actorRecord
	n, blank := 0, false
	for sc.Scan() {
		n++
		raw := sc.Text()
		if strings.TrimSpace(raw) == "" {
			blank = true
		}
		line := raw
		if i := strings.IndexAny(line, "#;"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<") {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, n)
		phrase, codes := splitCodes(line)
		switch {
		case raw[0] == ' ' || raw[0] == '\t' || phrase == "":
			if rec == nil {
				a.rep.skip("date restriction outside a record", src+" "+line)
				continue
			}
			rec.codes = append(rec.codes, codes...)
		case phrase[0] == '+':
			if rec == nil {
				a.rep.skip("synonym outside a record", src+" "+line)
				continue
			}
			rec.names = append(rec.names, phrase[1:])
			rec.codes = append(rec.codes, codes...)
		case rec != nil && len(rec.codes) == 0 && !blank:
			// a name line right after a code-less one is a synonym whose
			// '+' was lost (BORIS_YELTSIN_ then YELTSIN): join them
			a.rep.note("code-less actor line joined to the next one (missing '+')", src+" "+phrase)
			rec.names = append(rec.names, phrase)
			rec.codes = append(rec.codes, codes...)
		default:
			a.flush(rec)
			rec = &actorRecord{src: src, names: []string{phrase}, codes: codes}
		}
		blank = false
	}
	a.flush(rec)
	return sc.Err()
}

// splitCodes separates a line's phrase from its "[…]" codes.
func splitCodes(line string) (string, []string) {
	var codes []string
	for {
		i := strings.IndexByte(line, '[')
		j := strings.IndexByte(line, ']')
		if i < 0 || j < i {
			return strings.TrimSpace(line), codes
		}
		codes = append(codes, strings.Join(strings.Fields(line[i+1:j]), " "))
		line = line[:i] + " " + line[j+1:]
	}
}

// flush writes one line per code and validity period of a record, with
// the names that are not ours and not already imported for that period.
func (a *actorOut) flush(rec *actorRecord) {
	if rec == nil {
		return
	}
	ex := rec.src + " " + rec.names[0]
	if len(rec.codes) == 0 {
		a.rep.skip("actor without a code", ex)
		return
	}
	for _, c := range rec.codes {
		code, restr, _ := strings.Cut(c, " ")
		if code == "---" {
			a.rep.skip("null code [---]", ex)
			continue
		}
		ours, why := a.t.actorCode(code, a.isCountry)
		if why != "" {
			a.rep.skip(why, ex+" ["+c+"]")
			continue
		}
		if len(ours) == 3 && restr == "" && a.isCountry(ours) {
			// Phoenix lists a country's spellings, cities and provinces
			// under its bare code; our countries file has the spellings
			// and capitals, and the gazetteer has the places: a city is
			// where something happened, not who did it
			a.rep.skip("country's places and spellings (ours: countries.txt, gazetteer)", ex+" ["+c+"]")
			continue
		}
		from, to, err := restriction(strings.ReplaceAll(restr, " ", ""))
		if err != nil {
			a.rep.skip("bad date restriction", ex+" ["+c+"]: "+err.Error())
			continue
		}
		var names []string
		for _, raw := range expandNames(rec.names) {
			nm, why := a.name(raw)
			if why != "" {
				a.rep.skip(why, rec.src+" "+raw)
				continue
			}
			if a.ours(nm) {
				a.rep.conflict("actor name already ours (kept ours)", rec.src+" "+nm)
				continue
			}
			k := strings.ToLower(nm) + "|" + from + ".." + to
			if prev, ok := a.seen[k]; ok {
				if prev == ours {
					a.rep.conflict("actor name repeats an imported one", rec.src+" "+nm)
				} else {
					a.rep.conflict("actor name and dates imported with another code (first kept)", fmt.Sprintf("%s %s %s, kept %s", rec.src, nm, ours, prev))
				}
				continue
			}
			a.seen[k] = ours
			names = append(names, nm)
		}
		if len(names) == 0 {
			continue
		}
		head := ours
		if from != "" || to != "" {
			head += " " + from + ".." + to
		}
		a.lines = append(a.lines, head+" | "+strings.Join(names, ", "))
		a.entries += len(names)
	}
}

// name converts a phrase string to ours, or says why it cannot.
func (a *actorOut) name(raw string) (string, string) {
	raw = strings.TrimSpace(raw)
	if strings.ContainsAny(raw, ",|+") {
		return "", "name with , | or + (not expressible in our list format)"
	}
	words := strings.FieldsFunc(raw, func(r rune) bool { return r == '_' || r == ' ' })
	if len(words) == 0 {
		return "", "empty name"
	}
	return a.t.recase(words), ""
}

// expandNames splits Phoenix names with a parenthesis: an acronym in it is
// a name of its own ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)" is both
// "Liberation Tigers of Tamil Eelam" and "LTTE"), any other note in it
// ("(ACTING", "(COUNTRY)") is dropped, since text never writes it.
func expandNames(raws []string) []string {
	var out []string
	for _, raw := range raws {
		base, note, ok := strings.Cut(raw, "(")
		if !ok {
			out = append(out, raw)
			continue
		}
		if base = strings.Trim(base, "_ "); base != "" {
			out = append(out, base)
		}
		note = strings.TrimSpace(note)
		closed := strings.HasSuffix(note, ")")
		if note = strings.Trim(strings.TrimSuffix(note, ")"), "_ "); closed && acronymNote(note) {
			out = append(out, strings.ToUpper(note))
		}
	}
	return out
}

// acronymNote reports whether a parenthesised note is an acronym: 2 to 5
// letters, no spaces ("LTTE", "UNITA"; "ACTING" is a note).
func acronymNote(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}
