package coder

import "github.com/flashpoint/flashpoint/internal/actors"

// context carries what earlier sentences of the article said, for
// coreference: the last country named, the last actor of each role, the
// last subject, and the accusations made so far (for denials).
type context struct {
	lastCountry  string
	firstCountry string
	byRole       map[string]string
	lastNamed    string // last non-state named actor (group, organisation)
	lastSubject  []string
	accusations  []*draft
	recent       []string // distinct countries, most recent last
	mentions     map[string]int
	names        []namedActor // multi-word names, most recent last
}

// namedActor is an actor the text named in several words, kept so that a
// later definite noun ("the court") can refer back to it.
type namedActor struct {
	words []string // lower-cased
	code  string
}

// maxNames bounds the names kept: a definite noun refers to a recent one.
const maxNames = 16

func (c *context) sawName(words []string, code string) {
	if len(c.names) == maxNames {
		c.names = append(c.names[:0], c.names[1:]...)
	}
	c.names = append(c.names, namedActor{append([]string(nil), words...), code})
}

// namedWith returns the code of the most recent name holding the noun
// ("court" in "International Court of Justice"), or "".
func (c *context) namedWith(noun string) string {
	for i := len(c.names) - 1; i >= 0; i-- {
		for _, w := range c.names[i].words {
			if w == noun {
				return c.names[i].code
			}
		}
	}
	return ""
}

// pair returns the two countries the article is about: the most named,
// the more recent first on a tie.
func (c *context) pair() (string, string, bool) {
	if len(c.recent) < 2 {
		return "", "", false
	}
	ranked := append([]string(nil), c.recent...)
	// recent is oldest first; a stable sort by count keeps recency order among equals
	for i := 1; i < len(ranked); i++ {
		for j := i; j > 0 && c.mentions[ranked[j]] >= c.mentions[ranked[j-1]]; j-- {
			ranked[j], ranked[j-1] = ranked[j-1], ranked[j]
		}
	}
	return ranked[0], ranked[1], true
}

func (c *context) saw(code string) {
	if code == "" {
		return
	}
	country := actors.CountryOf(code)
	if actors.ParseCode(code).State() || country == "IGO" || country == "IMG" {
		c.lastCountry = country
		if c.mentions == nil {
			c.mentions = map[string]int{}
		}
		c.mentions[country]++
		if n := len(c.recent); n == 0 || c.recent[n-1] != country {
			for i, r := range c.recent {
				if r == country {
					c.recent = append(c.recent[:i], c.recent[i+1:]...)
					break
				}
			}
			c.recent = append(c.recent, country)
		}
		if c.firstCountry == "" {
			c.firstCountry = country
		}
	}
	if c.byRole == nil {
		c.byRole = map[string]string{}
	}
	if r := actors.RoleOf(code); r != "" {
		c.byRole[r] = code
	}
	if r := actors.RoleOf(code); r == "REB" || len(country) > 3 || country == "NGO" {
		c.lastNamed = code
	}
}

// country returns the best guess for an unnamed actor's country.
func (c *context) country() string {
	if c.lastCountry != "" {
		return c.lastCountry
	}
	return c.firstCountry
}
