package dictimport

import (
	"fmt"
	"strings"
)

// restriction reads a PETRARCH date restriction: "<D" (up to D), ">D"
// (from D on) or "D1-D2", limits inclusive; "" for none.
func restriction(s string) (from, to string, err error) {
	switch {
	case s == "":
		return "", "", nil
	case s[0] == '<':
		to, err = date(s[1:])
	case s[0] == '>':
		from, err = date(s[1:])
	default:
		a, b, ok := strings.Cut(s, "-")
		if !ok {
			return "", "", fmt.Errorf("want <D, >D or D-D")
		}
		if from, err = date(a); err == nil {
			to, err = date(b)
		}
		if err == nil && from > to {
			err = fmt.Errorf("range ends before it starts")
		}
	}
	return from, to, err
}

// date converts YYMMDD or YYYYMMDD to YYYY-MM-DD; as in KEDS, TABARI and
// PETRARCH, two-digit years 00–30 are 20YY, the others 19YY.
func date(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
		}
	}
	switch len(s) {
	case 6:
		century := "19"
		if s[:2] <= "30" {
			century = "20"
		}
		s = century + s
	case 8:
	default:
		return "", fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	}
	if m, d := s[4:6], s[6:8]; m < "01" || m > "12" || d < "01" || d > "31" {
		return "", fmt.Errorf("date %q has no such month or day", s)
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:], nil
}
