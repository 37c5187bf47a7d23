// Package tension turns stored incidents into daily series per dyad, a
// tension index normalised against each dyad's own baseline, and spike
// alerts with their evidence. See docs/tension.md.
package tension

import (
	"fmt"
	"strings"
)

// Level says what the two sides of a dyad are.
type Level string

const (
	CountryLevel Level = "country" // ISO-3 / IGO codes (event Actor.Country)
	ActorLevel   Level = "actor"   // full CAMEO actor codes (AZEMIL)
)

// Dyad is a pair of sides. Directed dyads run from A (source) to B
// (target); undirected ones hold the pair with A < B.
type Dyad struct {
	Level    Level
	Directed bool
	A, B     string
}

// Directed returns the directed country dyad src → tgt.
func Directed(src, tgt string) Dyad { return Dyad{CountryLevel, true, src, tgt} }

// Undirected returns the unordered country dyad of x and y.
func Undirected(x, y string) Dyad {
	if y < x {
		x, y = y, x
	}
	return Dyad{CountryLevel, false, x, y}
}

// String writes "AZE>ARM" (directed) or "ARM-AZE" (undirected), with an
// "actor:" prefix at actor level. ParseDyad reads it back.
func (d Dyad) String() string {
	sep := "-"
	if d.Directed {
		sep = ">"
	}
	s := d.A + sep + d.B
	if d.Level == ActorLevel {
		s = "actor:" + s
	}
	return s
}

// ParseDyad reads "AZE-ARM" (undirected), "AZE>ARM" (directed), either
// with an optional "actor:" prefix. Codes are upper-cased.
func ParseDyad(s string) (Dyad, error) {
	d := Dyad{Level: CountryLevel}
	if rest, ok := strings.CutPrefix(s, "actor:"); ok {
		d.Level, s = ActorLevel, rest
	}
	s = strings.ToUpper(strings.TrimSpace(s))
	if a, b, ok := strings.Cut(s, ">"); ok && a != "" && b != "" {
		d.Directed, d.A, d.B = true, a, b
		return d, nil
	}
	if a, b, ok := strings.Cut(s, "-"); ok && a != "" && b != "" {
		if b < a {
			a, b = b, a
		}
		d.A, d.B = a, b
		return d, nil
	}
	return d, fmt.Errorf("tension: dyad %q: want A-B (undirected) or A>B (directed), e.g. AZE-ARM", s)
}

// pairKey is the unordered country pair an incident belongs to: the
// unit the incremental update recomputes.
func pairKey(x, y string) string {
	if y < x {
		x, y = y, x
	}
	return x + "|" + y
}
