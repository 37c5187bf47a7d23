package coder

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/text"
)

// names are the people an article introduces that no dictionary knows
// ("Judge Paul Kellar", "An Australian, Brenton Tarrant"): their code
// holds for the rest of the article, by full name and by surname.
type names map[string]string

// maxNameWords bounds a person's name.
const maxNameWords = 4

// learn records a name (lower-cased words) for code, with its surname.
func (n *names) learn(words []string, code string) {
	if len(words) == 0 || len(words) > maxNameWords {
		return
	}
	if *n == nil {
		*n = names{}
	}
	(*n)[strings.Join(words, " ")] = code
	if len(words) > 1 {
		n.surname(words[len(words)-1], code)
		n.givenName(words, code)
	}
	if len(words) == 3 {
		// "Ricardo Rosselló Nevares": Spanish and Portuguese names put
		// the surname used alone first
		n.surname(words[1], code)
	}
}

// givenName records the first of a person's name words (two or more),
// which news uses alone for some people ("Osama", "Hamza", "Brenton"),
// unless another person's name holds it too.
func (n *names) givenName(words []string, code string) {
	if len(words) < 2 || len(words[0]) < 3 {
		return
	}
	if *n == nil {
		*n = names{}
	}
	n.surname(words[0], code)
}

// surname records word as a surname of code's person; a surname another
// person of another code already holds stays ambiguous and is dropped.
func (n *names) surname(word, code string) {
	keepUnique(*n, word, code)
}

// keepUnique records value for key unless another value holds it
// already; a key two values claim is kept empty: neither.
func keepUnique(m map[string]string, key, value string) {
	if v, ok := m[key]; ok && v != value {
		m[key] = ""
	} else if !ok {
		m[key] = value
	}
}

// at returns the length and code of the longest known name starting at
// token i, written capitalised; 0 if none.
func (n names) at(lower []string, toks []text.Token, i int) (int, string) {
	if len(n) == 0 || !isCapital(toks[i].Text) {
		return 0, ""
	}
	for k := min(maxNameWords, len(lower)-i); k >= 1; k-- {
		if k == 1 && i+1 < len(toks) && isCapital(toks[i+1].Text) {
			// "Ricardo Llerandi" after "Ricardo Rosselló": one word of a
			// known name before a name of its own is another person
			break
		}
		if code := n[strings.Join(lower[i:i+k], " ")]; code != "" {
			return k, code
		}
	}
	return 0, ""
}
