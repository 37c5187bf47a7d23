package coder

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/announced.txt
var announcedTxt string

// announced maps a code prefix to the code an announced act gets
// (data/announced.txt).
var announced = func() map[string]string {
	m, err := parseAnnounced("announced.txt", announcedTxt)
	if err != nil {
		panic("coder: " + err.Error())
	}
	return m
}()

func parseAnnounced(name, s string) (map[string]string, error) {
	m := map[string]string{}
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
// ("will deliver" 072 → 0332, "will strike" 195 → 1384): the longest
// prefix of data/announced.txt decides.
func intentCode(code string) string {
	for n := len(code); n >= 2; n-- {
		if c, ok := announced[code[:n]]; ok {
			return c
		}
	}
	return code
}
