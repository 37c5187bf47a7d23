package verbs

import (
	_ "embed"
	"strings"
	"sync"
)

// The official CAMEO to PLOVER conversion table, as published with the
// PLOVER manual (Draft 0.8, 2021): "CODE: TYPE, mode, context; context
// # description". Two-digit lines give a root's type.
//
//go:embed data/cameo2plover.txt
var cameo2plover string

// PloverClass is a CAMEO code's PLOVER type, mode and contexts.
type PloverClass struct {
	Type     string
	Mode     string   // "" when the table gives none
	Contexts []string // nil when none
}

var (
	ploverOnce  sync.Once
	ploverTable map[string]PloverClass
)

func loadPloverTable() {
	ploverTable = map[string]PloverClass{}
	for _, line := range strings.Split(cameo2plover, "\n") {
		line, _, _ = strings.Cut(line, "#")
		code, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		f := strings.SplitN(rest, ",", 3)
		for len(f) < 3 {
			f = append(f, "")
		}
		c := PloverClass{Type: strings.ToUpper(strings.TrimSpace(f[0])), Mode: strings.ToLower(strings.TrimSpace(f[1]))}
		for _, x := range strings.Split(f[2], ";") {
			if x = strings.ToLower(strings.TrimSpace(x)); x != "" {
				c.Contexts = append(c.Contexts, x)
			}
		}
		// The table lists a few codes twice (175; root 08 as CONCEDE and
		// RETREAT): the first entry wins.
		if _, dup := ploverTable[code]; !dup && c.Type != "" {
			ploverTable[code] = c
		}
	}
}

// PloverOf classifies a CAMEO code by the official table: the code,
// else its three-digit base, else its root. ok is false for codes the
// table does not cover (01x and 02x statements and appeals).
func PloverOf(code string) (PloverClass, bool) {
	ploverOnce.Do(loadPloverTable)
	for _, n := range []int{len(code), 3, 2} {
		if n <= len(code) {
			if c, ok := ploverTable[code[:n]]; ok {
				return c, true
			}
		}
	}
	return PloverClass{}, false
}
