package verbs

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Code describes one CAMEO event code.
type Code struct {
	Code       string
	Label      string
	Goldstein  float64
	Plover     string
	PloverMode string
}

// Root is the two-digit CAMEO root category of a code.
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// QuadClass maps a CAMEO code to its quad class: 1 verbal cooperation
// (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
// 4 material conflict (14-20).
func QuadClass(code string) int {
	r, err := strconv.Atoi(Root(code))
	switch {
	case err != nil || r < 1:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	}
	return 4
}

// Codes is the CAMEO code table.
type Codes struct{ byCode map[string]*Code }

// Known reports whether code is in the table.
func (c *Codes) Known(code string) bool { _, ok := c.byCode[code]; return ok }

// Get returns a code's entry; unknown codes fall back to their nearest
// listed ancestor (1951 → 195 → 19).
func (c *Codes) Get(code string) (Code, bool) {
	for k := code; len(k) >= 2; k = k[:len(k)-1] {
		if e, ok := c.byCode[k]; ok {
			return *e, k == code
		}
	}
	return Code{Code: code}, false
}

// ParseCodes reads a code table: "code | goldstein | PLOVER[:mode] | label".
// Empty Goldstein or PLOVER fields inherit from the parent code, so a
// subcode only states what differs.
func ParseCodes(name string, r io.Reader) (*Codes, error) {
	c := &Codes{byCode: map[string]*Code{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 fields separated by |, got %d", name, n, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		e := &Code{Code: f[0], Label: f[3]}
		if len(e.Code) < 3 || len(e.Code) > 4 || strings.Trim(e.Code, "0123456789") != "" {
			return nil, fmt.Errorf("%s:%d: bad CAMEO code %q", name, n, e.Code)
		}
		parent, hasParent := c.Get(e.Code[:len(e.Code)-1])
		if len(e.Code) == 3 && e.Code[2] != '0' {
			parent, hasParent = c.Get(e.Code[:2] + "0")
		}
		if f[1] != "" {
			g, err := strconv.ParseFloat(f[1], 64)
			if err != nil || g < -10 || g > 10 {
				return nil, fmt.Errorf("%s:%d: bad Goldstein value %q", name, n, f[1])
			}
			e.Goldstein = g
		} else if hasParent {
			e.Goldstein = parent.Goldstein
		} else {
			return nil, fmt.Errorf("%s:%d: no Goldstein value and no parent to inherit from", name, n)
		}
		switch {
		case f[2] != "":
			e.Plover, e.PloverMode, _ = strings.Cut(f[2], ":")
		case hasParent:
			e.Plover, e.PloverMode = parent.Plover, parent.PloverMode
		}
		if _, dup := c.byCode[e.Code]; dup {
			return nil, fmt.Errorf("%s:%d: code %s listed twice", name, n, e.Code)
		}
		c.byCode[e.Code] = e
		// the two-digit root answers Get for codes written as roots
		if len(e.Code) == 3 && e.Code[2] == '0' {
			c.byCode[e.Code[:2]] = e
		}
	}
	return c, sc.Err()
}
