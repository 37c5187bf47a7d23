package geonames

import (
	"sort"
	"strings"
	"unicode"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

// AltOK reports whether an alternate name is one news could write: Latin
// script, capitalised, 3 to 48 bytes, no digits or brackets, not an airport
// or postal code.
func AltOK(a string) bool {
	if len(a) < 3 || len(a) > 48 || !norm.IsLatin(a) || strings.ContainsAny(a, "0123456789()[]|\t/") {
		return false
	}
	if len(a) <= 4 && strings.ToUpper(a) == a {
		return false // airport and postal codes
	}
	for _, r := range a {
		return unicode.IsUpper(r) // lower-case transliteration variants are noise
	}
	return false
}

// PickAlts keeps capitalised Latin-script alternates that add a new key,
// ASCII ones first, otherwise in GeoNames' order, at most limit of them.
func PickAlts(primary []string, alts []string, limit int) []string {
	seen := map[string]bool{}
	for _, p := range primary {
		seen[norm.Key(p)] = true
	}
	var cand []string
	for _, a := range alts {
		if a = strings.TrimSpace(a); AltOK(a) {
			cand = append(cand, a)
		}
	}
	isASCII := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return false
			}
		}
		return true
	}
	sort.SliceStable(cand, func(i, j int) bool {
		return isASCII(cand[i]) && !isASCII(cand[j])
	})
	var out []string
	for _, a := range cand {
		k := norm.Key(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
		if len(out) >= limit {
			break
		}
	}
	return out
}
