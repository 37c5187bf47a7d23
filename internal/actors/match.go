package actors

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/text"
)

// Mention is one dictionary phrase found in a token slice [Start, End).
type Mention struct {
	Start, End int
	Entry      *Entry
}

// Find returns the longest dictionary matches, left to right, without
// overlaps. Entries not valid on date (YYYY-MM-DD) are ignored.
func (d *Dict) Find(toks []text.Token, date string) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		m, ok := d.longest(toks, i, date)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

func (d *Dict) longest(toks []text.Token, i int, date string) (Mention, bool) {
	var best Mention
	found := false
	n := &d.root
	var buf [64]byte // the key of each token: looked up, not kept
	for j := i; j < len(toks); j++ {
		n = n.next[string(appendKey(buf[:0], toks[j].Text))]
		if n == nil {
			break
		}
		surnames := false
		for _, e := range n.entries {
			if e.surname {
				surnames = true
				continue
			}
			if !e.ValidOn(date) {
				if e.outside == nil {
					continue
				}
				e = e.outside
			}
			if e.accepts(toks[i:j+1]) && (!found || j+1 > best.End || rank(e) > rank(best.Entry)) {
				best = Mention{Start: i, End: j + 1, Entry: e}
				found = true
			}
		}
		if surnames && (!found || j+1 > best.End || rank(best.Entry) < surnameRank) {
			if e := d.surnameAt(n, toks, i, j, date); e != nil && (!found || j+1 > best.End || rank(e) > rank(best.Entry)) {
				best = Mention{Start: i, End: j + 1, Entry: e}
				found = true
			}
		}
	}
	return best, found
}

// surnameRank is a surname alias's rank: below every entry valid on the
// date, above a full name out of office.
const surnameRank = -5

// rank breaks ties between entries of one phrase: proper names beat
// role words; dated entries beat undated ones.
func rank(e *Entry) int {
	if e.surname {
		if e.outOfOffice {
			return surnameRank - 20
		}
		return surnameRank
	}
	r := map[Kind]int{Named: 5, Country: 4, Capital: 3, Demonym: 2, Agent: 1, Modifier: 0}[e.Kind] * 2
	if e.From != "" || e.To != "" {
		r++
	}
	if e.outOfOffice {
		r -= 20 // whoever holds the office now wins the same words
	}
	return r
}

func (e *Entry) accepts(toks []text.Token) bool {
	for i, t := range toks {
		w := t.Text
		if e.exact[i] && strings.ReplaceAll(w, "’", "'") != e.words[i] {
			return false
		}
		if e.upper[i] && !(w[0] >= 'A' && w[0] <= 'Z') && !strings.HasPrefix(w, "Ö") && !strings.HasPrefix(w, "É") {
			return false
		}
	}
	return true
}

// CountryOf returns the country part of an actor code: the first three
// letters, or the whole code for international and non-governmental
// bodies (IGOUNO, NGO).
func CountryOf(code string) string { return ParseCode(code).Country }

// RoleOf returns the role part of a state actor's code ("GOVMIL").
func RoleOf(code string) string { return ParseCode(code).Role }
