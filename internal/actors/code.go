package actors

import (
	"slices"
	"strings"

	"github.com/flashpoint/flashpoint/internal/country"
)

// Code is a CAMEO actor code read once into its parts: "AZEGOVMIL" is the
// country AZE with the role GOVMIL, "IGOUNO" and "NGO" are international
// and non-governmental bodies (their whole code is their "country"), and
// "IMGREB" a transnational group with a role. Callers ask it what they
// need instead of slicing strings and counting letters.
type Code struct {
	Country string // ISO-3 (or XKX), or the whole code of a body
	Role    string // GOV, MIL, GOVMIL, COP, REB, CVL, ... or ""
}

// ParseCode splits an actor code. It never fails: an unknown country is
// kept as written, and Known says whether the reference table has it.
func ParseCode(s string) Code {
	if strings.HasPrefix(s, "IGO") || strings.HasPrefix(s, "NGO") || strings.HasPrefix(s, "MNC") {
		return Code{Country: s}
	}
	if len(s) < 3 {
		return Code{Country: s}
	}
	return Code{Country: s[:3], Role: s[3:]}
}

// String is the code as written: country, then role.
func (c Code) String() string { return c.Country + c.Role }

// HasRole reports whether the code holds one of roles, each of three
// letters: GOVMIL holds both GOV and MIL.
func (c Code) HasRole(roles []string) bool {
	for k := 0; k+3 <= len(c.Role); k += 3 {
		if slices.Contains(roles, c.Role[k:k+3]) {
			return true
		}
	}
	return false
}

// Body reports whether the code names an international or
// non-governmental body (IGO…, NGO…, MNC…) rather than a country's actor.
func (c Code) Body() bool {
	return strings.HasPrefix(c.Country, "IGO") || strings.HasPrefix(c.Country, "NGO") || strings.HasPrefix(c.Country, "MNC")
}

// State reports whether the code is a country's actor: its country is in
// the reference table (package country).
func (c Code) State() bool {
	_, ok := country.Get(c.Country)
	return ok
}

// Known reports whether the code's country part is a country of the
// reference table or a body, so a mistyped code can be told apart.
func (c Code) Known() bool { return c.Body() || c.State() || c.Country == "IMG" }
