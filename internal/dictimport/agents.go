package dictimport

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// agentOut collects converted agent lines.
type agentOut struct {
	t       *tables
	rep     *Report
	ours    func(string) bool
	seen    map[string]string // phrase → role
	lines   []string
	entries int
}

func (a *agentOut) read(name string, r io.Reader) error {
	a.lines = append(a.lines, "", "# from "+name)
	subst := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := stripComment(sc.Text())
		if line == "" || strings.HasPrefix(line, "<") {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, n)
		if lhs, rhs, ok := strings.Cut(line, "="); ok && strings.HasPrefix(lhs, "!") {
			for _, w := range strings.Split(rhs, ",") {
				subst[strings.TrimSpace(lhs)] = append(subst[strings.TrimSpace(lhs)], strings.TrimSpace(w))
			}
			continue
		}
		a.line(line, src, subst)
	}
	return sc.Err()
}

func (a *agentOut) line(line, src string, subst map[string][]string) {
	ex := src + " " + line
	rest, code, ok := cutBracket(line)
	if !ok {
		a.rep.skip("agent without a [code]", ex)
		return
	}
	rest, forms, hasPlural := cutBraces(rest)
	switch {
	case strings.HasSuffix(code, "~"):
		a.rep.skip("code placed before the actor (XXX~): an organisation type, not a role", ex)
		return
	case !strings.HasPrefix(code, "~"):
		a.rep.skip("agent code without ~", ex)
		return
	}
	role, ok := a.t.roles[code[1:]]
	if !ok {
		a.rep.skip("agent role has no Flashpoint equivalent (CRM, HLH, EDU, UAF…; data/roles.txt)", ex)
		return
	}
	if strings.ContainsAny(rest, " \t") {
		a.rep.skip("words that may be apart (a blank in the phrase): agents are consecutive words", ex)
		return
	}
	phrases := []string{rest}
	expanded := false
	for _, m := range sortedKeys(subst) {
		if subs := subst[m]; strings.Contains(rest, m) {
			phrases, expanded = nil, true
			for _, s := range subs {
				phrases = append(phrases, strings.Replace(rest, m, s, 1))
			}
			break
		}
	}
	if strings.Contains(strings.Join(phrases, " "), "!") {
		a.rep.skip("undefined substitution marker !…!", ex)
		return
	}
	if !expanded {
		switch {
		case hasPlural && len(forms) > 0:
			phrases = append(phrases, forms...)
		case !hasPlural:
			w := strings.Split(rest, "_")
			w[len(w)-1] = plural(strings.ToLower(w[len(w)-1]))
			phrases = append(phrases, strings.Join(w, "_"))
		}
	}
	var out []string
	for _, p := range phrases {
		p = strings.ToLower(strings.Join(strings.FieldsFunc(p, func(r rune) bool { return r == '_' }), " "))
		if p == "" || strings.ContainsAny(p, ",|") {
			a.rep.skip("agent phrase empty or with , or |", ex)
			continue
		}
		if a.ours(p) {
			a.rep.conflict("agent phrase already ours (kept ours)", src+" "+p)
			continue
		}
		if prev, ok := a.seen[p]; ok {
			if prev == role {
				a.rep.conflict("agent phrase repeats an imported one", src+" "+p)
			} else {
				a.rep.conflict("agent phrase imported with another role (first kept)", fmt.Sprintf("%s %s %s, kept %s", src, p, role, prev))
			}
			continue
		}
		a.seen[p] = role
		out = append(out, p)
	}
	if len(out) > 0 {
		a.lines = append(a.lines, role+" | "+strings.Join(out, ", "))
		a.entries += len(out)
	}
}
