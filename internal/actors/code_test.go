package actors

import (
	"strings"
	"testing"
)

func TestParseCode(t *testing.T) {
	for _, tc := range []struct {
		in            string
		country, role string
		state, body   bool
	}{
		{"AZEGOVMIL", "AZE", "GOVMIL", true, false},
		{"ARM", "ARM", "", true, false},
		{"XKXGOV", "XKX", "GOV", true, false},
		{"IGOUNO", "IGOUNO", "", false, true},
		{"NGO", "NGO", "", false, true},
		{"IMGREB", "IMG", "REB", false, false},
		{"ZZZGOV", "ZZZ", "GOV", false, false},
		{"", "", "", false, false},
	} {
		c := ParseCode(tc.in)
		if c.Country != tc.country || c.Role != tc.role || c.State() != tc.state || c.Body() != tc.body || c.String() != tc.in {
			t.Errorf("ParseCode(%q) = %+v state=%v body=%v", tc.in, c, c.State(), c.Body())
		}
		if CountryOf(tc.in) != tc.country || RoleOf(tc.in) != tc.role {
			t.Errorf("CountryOf/RoleOf(%q) disagree with ParseCode", tc.in)
		}
	}
}

func TestHasRole(t *testing.T) {
	for _, tc := range []struct {
		code  string
		roles []string
		want  bool
	}{
		{"AZEGOVMIL", []string{"MIL"}, true},
		{"AZEGOVMIL", []string{"GOV"}, true},
		{"USACOP", []string{"MIL", "GOV"}, false},
		{"RUS", []string{"MIL"}, false},
		{"IGOUNO", []string{"UNO"}, false},
	} {
		if got := ParseCode(tc.code).HasRole(tc.roles); got != tc.want {
			t.Errorf("%s.HasRole(%v) = %v", tc.code, tc.roles, got)
		}
	}
}

// TestDictionaryCountriesKnown checks every code the embedded actor
// files give is a country of the reference table or a body: the actor
// names and the country facts cannot drift apart.
func TestDictionaryCountriesKnown(t *testing.T) {
	for _, name := range []string{"data/countries.txt", "data/actors.txt", "data/imported/phoenix_actors.txt"} {
		b, err := dataFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		bad := map[string]int{}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			code := strings.TrimSpace(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '|' })[0])
			if c := ParseCode(code); !c.Known() {
				bad[code]++
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s: codes whose country the reference table lacks: %v", name, bad)
		}
	}
}
