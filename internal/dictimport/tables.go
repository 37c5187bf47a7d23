package dictimport

import (
	"bufio"
	"embed"
	"strings"
)

// The importer's mapping tables are data, not code.
//
//go:embed data/*.txt
var dataFS embed.FS

// tables are the embedded mapping tables.
type tables struct {
	roles map[string]string // CAMEO role suffix → ours
	intl  map[string]string // international code prefix → ours
	lower map[string]bool   // words kept in lower case when recasing names
}

func loadTables() (*tables, error) {
	t := &tables{roles: map[string]string{}, intl: map[string]string{}, lower: map[string]bool{}}
	for _, f := range []struct {
		name string
		fill func(fields []string)
	}{
		{"roles.txt", func(f []string) { t.roles[f[0]] = f[1] }},
		{"international.txt", func(f []string) { t.intl[f[0]] = f[1] }},
		{"lowercase.txt", func(f []string) {
			for _, w := range f {
				t.lower[w] = true
			}
		}},
	} {
		b, err := dataFS.ReadFile("data/" + f.name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			if line := stripComment(sc.Text()); line != "" {
				f.fill(strings.Fields(line))
			}
		}
	}
	return t, nil
}

// actorCode maps a Phoenix actor code to ours, or says why it cannot.
func (t *tables) actorCode(code string, isCountry func(string) bool) (string, string) {
	for n := len(code); n >= 3; n-- {
		if to, ok := t.intl[code[:n]]; ok {
			return to, ""
		}
	}
	if len(code) < 3 || !isCountry(code[:3]) {
		return "", "country code not in countries.txt (CAMEO, not ISO, or a former state)"
	}
	if len(code) == 3 {
		return code, ""
	}
	role, ok := t.roles[code[3:]]
	if !ok {
		return "", "actor role has no Flashpoint equivalent (ELI elites, territories, sectors; data/roles.txt)"
	}
	return code[:3] + role, ""
}

// recase writes an all-capitals Phoenix name as news writes it: words
// capitalised, function words lower case, acronyms (no vowel, or a
// one-word name of up to three letters, or dotted) kept in capitals.
func (t *tables) recase(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && t.lower[lw]:
			out[i] = lw
		case strings.Contains(w, ".") || !strings.ContainsAny(lw, "aeiouy") || len(words) == 1 && len(w) <= 3:
			out[i] = w
		default:
			parts := strings.Split(lw, "-")
			for j, p := range parts {
				if r := []rune(p); len(r) > 0 {
					parts[j] = strings.ToUpper(string(r[0])) + string(r[1:])
				}
			}
			out[i] = strings.Join(parts, "-")
		}
	}
	return strings.Join(out, " ")
}
