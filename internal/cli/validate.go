package cli

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// parseDay reads a --since or --until value: YYYY, YYYY-MM or YYYY-MM-DD,
// returning the first day of the period (since) or its last (until). A
// date the calendar does not have is an error, never an empty result.
func parseDay(flagName, v string, last bool) (string, error) {
	if v == "" {
		return "", nil
	}
	const day = "2006-01-02"
	for _, layout := range []string{"2006", "2006-01", day} {
		if len(v) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, v)
		if err != nil {
			break
		}
		if last {
			switch layout {
			case "2006":
				t = t.AddDate(1, 0, -1)
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			}
		}
		return t.Format(day), nil
	}
	return "", fmt.Errorf("--%s %q: want a date YYYY-MM-DD, a month YYYY-MM or a year YYYY", flagName, v)
}

// dateRange parses --since and --until together.
func dateRange(since, until string) (string, string, error) {
	s, err := parseDay("since", since, false)
	if err != nil {
		return "", "", err
	}
	u, err := parseDay("until", until, true)
	if err != nil {
		return "", "", err
	}
	if s != "" && u != "" && s > u {
		return "", "", fmt.Errorf("--since %s is after --until %s", since, until)
	}
	return s, u, nil
}

// international are the code prefixes of actors that are not states.
var international = []string{"IGO", "NGO", "MNC", "IMG"}

func isInternational(code string) bool {
	for _, p := range international {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

var (
	codesOnce    sync.Once
	countryCodes []string // every country code of the dictionaries, sorted
)

// knownCountries lists the dictionaries' country codes.
func knownCountries(d *actors.Dict) []string {
	codesOnce.Do(func() {
		var b [3]byte
		for b[0] = 'A'; b[0] <= 'Z'; b[0]++ {
			for b[1] = 'A'; b[1] <= 'Z'; b[1]++ {
				for b[2] = 'A'; b[2] <= 'Z'; b[2]++ {
					if d.IsCountry(string(b[:])) {
						countryCodes = append(countryCodes, string(b[:]))
					}
				}
			}
		}
	})
	return countryCodes
}

// country resolves what a user typed for a country: an ISO-3 code in any
// case, an international code (IGOUNO), or a name, demonym or capital the
// dictionaries know ("Azerbaijan", "azerbaijani", "Baku"). Anything else is
// an error that suggests the nearest codes, so a typo is never taken for
// a dyad without events.
func country(what, s string) (string, error) {
	d, err := actors.Default()
	if err != nil {
		return "", err
	}
	s = strings.TrimSpace(s)
	up := strings.ToUpper(s)
	if d.IsCountry(up) || isInternational(up) && len(up) >= 3 {
		return up, nil
	}
	if c, ok := countryByName(d, s); ok {
		return c, nil
	}
	return "", fmt.Errorf("%s %q: not a known country code or name%s", what, s, suggest(nearestCodes(d, up)))
}

// countryByName finds a name that is one whole dictionary phrase of a
// country, as typed or with each word capitalised.
func countryByName(d *actors.Dict, s string) (string, bool) {
	for _, try := range []string{s, titleCase(s)} {
		toks := text.Tokens(try)
		ms := d.Find(toks, "")
		if len(toks) == 0 || len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(toks) {
			continue
		}
		switch e := ms[0].Entry; e.Kind {
		case actors.Country, actors.Demonym, actors.Capital:
			return actors.CountryOf(e.Code), true
		}
	}
	return "", false
}

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w != "of" && w != "and" && w != "the" || i == 0 {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(ws, " ")
}

// nearestCodes returns the country codes closest to s: its first three
// letters when they are a code ("AZERBAIJN" → AZE), else those at the
// smallest edit distance.
func nearestCodes(d *actors.Dict, s string) []string {
	if len(s) > 3 && d.IsCountry(s[:3]) {
		return []string{s[:3]}
	}
	best, out := 3, []string(nil)
	for _, c := range knownCountries(d) {
		switch dist := editDistance(s, c); {
		case dist < best:
			best, out = dist, []string{c}
		case dist == best:
			out = append(out, c)
		}
	}
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// suggest formats "; did you mean A, B?" or nothing.
func suggest(cands []string) string {
	if len(cands) == 0 {
		return ""
	}
	return "; did you mean " + strings.Join(cands, ", ") + "?"
}

// editDistance is the Levenshtein distance of two short ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// actorCode checks a CAMEO actor code or prefix (AZE, AZEGOV, IGOUNO):
// its country part must be known and the rest be role letters.
func actorCode(what, s string) (string, error) {
	up := strings.ToUpper(strings.TrimSpace(s))
	if isInternational(up) {
		return up, nil
	}
	d, err := actors.Default()
	if err != nil {
		return "", err
	}
	if len(up) >= 3 && d.IsCountry(up[:3]) && strings.Trim(up[3:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return up, nil
	}
	if len(up) > 3 {
		if c, ok := countryByName(d, s); ok {
			return c, nil
		}
	}
	head := up
	if len(head) > 3 {
		head = head[:3]
	}
	return "", fmt.Errorf("%s %q: not a known actor code (country code, then an optional role such as GOV, MIL)%s", what, s, suggest(nearestCodes(d, head)))
}

// pairOf reads an "A-B" dyad value, each side a country code or name.
func pairOf(flagName, v string) (string, string, error) {
	a, b, ok := strings.Cut(v, "-")
	if !ok || a == "" || b == "" {
		return "", "", fmt.Errorf("--%s %q: want A-B, e.g. AZE-ARM", flagName, v)
	}
	ca, err := country("--"+flagName, a)
	if err != nil {
		return "", "", err
	}
	cb, err := country("--"+flagName, b)
	if err != nil {
		return "", "", err
	}
	return ca, cb, nil
}

// cameoCode checks an event code prefix (--code) or root (--root) against
// the CAMEO table.
func cameoCode(flagName, v string, root bool) (string, error) {
	codes, _, err := verbs.Default()
	if err != nil {
		return "", err
	}
	all := codes.All()
	if root {
		if len(v) == 1 && v >= "1" && v <= "9" {
			return "", fmt.Errorf("--root %q: want a two-digit CAMEO root 01-20; did you mean 0%s?", v, v)
		}
		if len(v) != 2 || !codes.Known(v) {
			return "", fmt.Errorf("--root %q: want a two-digit CAMEO root 01-20", v)
		}
		return v, nil
	}
	var near []string
	for _, c := range all {
		if strings.HasPrefix(c.Code, v) {
			return v, nil
		}
		if len(v) > 1 && strings.HasPrefix(c.Code, v[:len(v)-1]) && len(c.Code) == len(v) {
			near = append(near, c.Code)
		}
	}
	sort.Strings(near)
	if len(near) > 5 {
		near = near[:5]
	}
	return "", fmt.Errorf("--%s %q: no CAMEO code starts with it%s", flagName, v, suggest(near))
}
