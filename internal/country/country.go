// Package country is Flashpoint's one country reference table
// (data/countries.txt): ISO 3166 alpha-3 and alpha-2 codes, FIPS 10-4
// codes and English names. The actor dictionaries, the gazetteer and the
// exchange formats read their country facts here.
package country

import (
	_ "embed"
	"fmt"
	"strings"
)

// Country is one line of the table.
type Country struct {
	ISO3, ISO2, FIPS string // "" where the code does not exist
	Name             string // the English short name news uses
	Other            []string
}

//go:embed data/countries.txt
var table string

var byISO3, byISO2 = mustLoad(table)

// all keeps the table's order.
var all []Country

func mustLoad(text string) (map[string]*Country, map[string]*Country) {
	cs, err := parse("countries.txt", text)
	if err != nil {
		panic("country: " + err.Error())
	}
	all = cs
	i3, i2 := map[string]*Country{}, map[string]*Country{}
	for k := range all {
		c := &all[k]
		i3[c.ISO3] = c
		if c.ISO2 != "" {
			i2[c.ISO2] = c
		}
	}
	return i3, i2
}

// parse reads the table; errors name the line.
func parse(file, text string) ([]Country, error) {
	var out []Country
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, " ", 4)
		if len(f) != 4 || len(f[0]) != 3 || (f[1] != "-" && len(f[1]) != 2) || (f[2] != "-" && len(f[2]) != 2) || f[3] == "" {
			return nil, fmt.Errorf("%s:%d: want ISO3 ISO2 FIPS NAME, got %q", file, n, line)
		}
		if first, dup := seen[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: %s repeats line %d", file, n, f[0], first)
		}
		seen[f[0]] = n
		names := strings.Split(f[3], "|")
		out = append(out, Country{ISO3: f[0], ISO2: dash(f[1]), FIPS: dash(f[2]), Name: names[0], Other: names[1:]})
	}
	return out, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// Get returns the country of an ISO-3 code.
func Get(iso3 string) (Country, bool) {
	if c, ok := byISO3[iso3]; ok {
		return *c, true
	}
	return Country{}, false
}

// ByISO2 returns the country of an ISO-2 code (GeoNames' country column).
func ByISO2(iso2 string) (Country, bool) {
	if c, ok := byISO2[iso2]; ok {
		return *c, true
	}
	return Country{}, false
}

// Name returns the English name of an ISO-3 code, or "" if the table
// lacks it.
func Name(iso3 string) string {
	if c, ok := byISO3[iso3]; ok {
		return c.Name
	}
	return ""
}

// FIPS returns the FIPS 10-4 code of an ISO-3 code, or "".
func FIPS(iso3 string) string {
	if c, ok := byISO3[iso3]; ok {
		return c.FIPS
	}
	return ""
}

// All returns the table in its order; callers must not change it.
func All() []Country { return all }
