package coder

import (
	"slices"

	"github.com/flashpoint/flashpoint/internal/actors"
)

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
	// armed are the distinct state and armed actors named so far, most
	// recent last; sides are the last two of them as earlier sentences
	// left them: "both sides", "the two sides" in a civil war are the
	// army and the rebels, not two countries
	armed []string
	sides [2]string
	// lastPerson is the code of the last private person the article
	// named ("An Australian, Brenton Tarrant"): "the accused", "the
	// attacker" refer to them
	lastPerson string
	// perpetrator is the first lone perpetrator the article names ("the
	// attacker", "a suspect", "the gunman") and the sentence it is in:
	// the agent of the attacks it told in the passive with no agent
	perpetrator   string
	perpetratorAt int
}

// namedActor is an actor the text named in several words, kept so that a
// later definite noun ("the court") can refer back to it.
type namedActor struct {
	words []string // lower-cased
	code  string
}

// maxNames bounds the names kept: a definite noun refers to a recent one.
const maxNames = 16

// sawName keeps a name's words, which it takes over: the caller builds
// them for it.
func (c *context) sawName(words []string, code string) {
	if len(c.names) == maxNames {
		c.names = append(c.names[:0], c.names[1:]...)
	}
	c.names = append(c.names, namedActor{words, code})
}

// sawPerson records a person named: a private one (a civilian, a rebel,
// one no role word describes) is who "the suspect" is; an official is not.
func (c *context) sawPerson(code string) {
	if r := actors.RoleOf(code); r == "" || r == "CVL" || r == "REB" {
		c.lastPerson = code
	}
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

// pair returns the two parties "both sides" stands for: the last two
// state or armed actors of earlier sentences, and for "both nations" (or
// with no such actors) the two countries the article is about (the most
// named, the more recent first on a tie). Countries in exclude (those the
// sentence names itself: "Russia urged both nations") are not among them.
func (c *context) pair(noun string, exclude map[string]bool) (string, string, bool) {
	if c.sides[0] != "" && sidesNouns[noun] && !exclude[actors.CountryOf(c.sides[0])] && !exclude[actors.CountryOf(c.sides[1])] {
		return c.sides[0], c.sides[1], true
	}
	var ranked []string
	for _, r := range c.recent {
		if !exclude[r] {
			ranked = append(ranked, r)
		}
	}
	if len(ranked) < 2 {
		return "", "", false
	}
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
	c.sawArmed(code)
	country, side := sideCountry(code)
	if side {
		c.lastCountry = country
		if c.mentions == nil {
			c.mentions = map[string]int{}
		}
		c.mentions[country]++
		c.recent = toRecent(c.recent, country)
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

// sawArmed records a state or armed actor for "both sides".
func (c *context) sawArmed(code string) {
	ac := actors.ParseCode(code)
	if !ac.State() && ac.Country != "IMG" {
		return
	}
	switch ac.Role {
	case "CVL", "REF", "MED", "BUS", "JUD", "LEG":
		return
	}
	c.armed = toRecent(c.armed, code)
	if len(c.armed) > 8 {
		c.armed = c.armed[1:]
	}
}

// endSentence fixes the sides the next sentences' "both sides" mean.
func (c *context) endSentence() {
	if n := len(c.armed); n >= 2 {
		c.sides = [2]string{c.armed[n-2], c.armed[n-1]}
	}
}

// toRecent moves x to the end of a most-recent-last list of distinct
// values, adding it if absent.
func toRecent(list []string, x string) []string {
	if i := slices.Index(list, x); i >= 0 {
		list = slices.Delete(list, i, i+1)
	}
	return append(list, x)
}
