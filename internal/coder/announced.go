package coder

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/announced.txt
var announcedTxt string

//go:embed data/halted.txt
var haltedTxt string

//go:embed data/demanded.txt
var demandedTxt string

//go:embed data/refused.txt
var refusedTxt string

//go:embed data/threatened.txt
var threatenedTxt string

//go:embed data/cancelled.txt
var cancelledTxt string

// announced maps a code prefix to the code an announced act gets
// (data/announced.txt); halted, the code a stopped cooperative act gets
// (data/halted.txt); demanded, the demand that what one side says another
// must do makes (data/demanded.txt); refused, the rejection that refusing
// a cooperative act is (data/refused.txt); threatened, the threat a hostile
// act announced on a condition is (data/threatened.txt); cancelled, the
// concession that calling off a hostile act is (data/cancelled.txt).
var (
	announced  = mustCodeMap("announced.txt", announcedTxt)
	halted     = mustCodeMap("halted.txt", haltedTxt)
	demanded   = mustCodeMap("demanded.txt", demandedTxt)
	refused    = mustCodeMap("refused.txt", refusedTxt)
	threatened = mustCodeMap("threatened.txt", threatenedTxt)
	cancelled  = mustCodeMap("cancelled.txt", cancelledTxt)
)

// codeMap maps a prefix of an event code to the code it becomes.
type codeMap map[string]string

func mustCodeMap(name, s string) codeMap {
	m, err := parseCodeMap(name, s)
	if err != nil {
		panic("coder: " + err.Error())
	}
	return m
}

func parseCodeMap(name, s string) (codeMap, error) {
	m := codeMap{}
	for i, line := range strings.Split(s, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 || strings.Trim(f[0]+f[1], "0123456789") != "" {
			return nil, fmt.Errorf("%s:%d: want PREFIX CODE, digits only", name, i+1)
		}
		if _, dup := m[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: prefix %s listed twice", name, i+1, f[0])
		}
		m[f[0]] = f[1]
	}
	return m, nil
}

// intentCode turns an act announced for the future into what it is now
// ("will deliver" 072 → 0332, "will strike" 195 → 1384).
func intentCode(code string) string { return announced.of(code) }

// of returns the code the longest matching prefix maps code to, or code.
func (m codeMap) of(code string) string {
	for n := len(code); n >= 2; n-- {
		if c, ok := m[code[:n]]; ok {
			return c
		}
	}
	return code
}

// demandCode is the demand that saying another side must do an act makes
// (data/demanded.txt); an act no line covers is a demand all the same (100).
func demandCode(code string) string {
	if c := demanded.of(code); c != code {
		return c
	}
	return "100"
}

// refusalCode is the rejection that refusing a cooperative act is
// (data/refused.txt); an act no line covers is rejected all the same (120).
func refusalCode(code string) string {
	if c := refused.of(code); c != code {
		return c
	}
	return "120"
}
