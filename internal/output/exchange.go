package output

// Helpers shared by the exchange formats (GDELT, PLOVER, ICEWS): stable
// numeric ids, actor-code parsing, dates, country codes and names.

import (
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/country"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// numericID derives a stable positive 63-bit number from an event id,
// for formats whose ids must be integers.
func numericID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	n := int64(h.Sum64() & (1<<63 - 1))
	if n == 0 {
		n = 1
	}
	return n
}

// eventDay resolves an event date at any precision to the first day of
// its period: 2024-03-05, 2024-03 → 2024-03-01, 2024 → 2024-01-01,
// 2024-W10 → that week's Monday, 2020s → 2020-01-01. ok is false for
// an empty or unreadable date.
func eventDay(d string) (t time.Time, ok bool) {
	if len(d) >= 10 {
		if t, err := time.Parse(time.DateOnly, d[:10]); err == nil {
			return t, true
		}
	}
	if len(d) < 4 {
		return t, false
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return t, false
	}
	rest := d[4:]
	switch {
	case rest == "" || rest == "s":
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	case len(rest) == 3 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return t, false
		}
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), true
	case len(rest) >= 4 && rest[:2] == "-W":
		w, err := strconv.Atoi(rest[2:4])
		if err != nil || w < 1 || w > 53 {
			return t, false
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)), true
	}
	return t, false
}

// roleCodes splits a CAMEO actor code after its country part into
// three-letter role codes: AZEGOVMIL → GOV, MIL.
func roleCodes(a event.Actor) []string {
	rest := strings.TrimPrefix(a.Code, a.Country)
	if rest == a.Code && len(a.Code) >= 3 {
		rest = a.Code[3:]
	}
	var out []string
	for len(rest) >= 3 {
		out = append(out, rest[:3])
		rest = rest[3:]
	}
	return out
}

// sectors names CAMEO role codes as ICEWS and POLECAT do.
var sectors = map[string]string{
	"GOV": "Government", "MIL": "Military", "REB": "Rebels", "OPP": "Opposition", "COP": "Police",
	"JUD": "Judiciary", "LEG": "Legislative", "BUS": "Business", "MED": "Media", "EDU": "Education",
	"HLH": "Health", "CVL": "Civilian", "REF": "Refugees", "LAB": "Labor", "ELI": "Elites",
	"SPY": "Intelligence", "UAF": "Unidentified Armed Forces", "IGO": "International Organization",
	"NGO": "Non-Governmental Organization", "REL": "Religious", "CRM": "Criminal", "AGR": "Agriculture",
	"ENV": "Environment", "HRI": "Human Rights", "MNC": "Multinational Corporation", "INS": "Insurgents",
	"SEP": "Separatists", "PTY": "Political Party", "DEV": "Development", "IMG": "Immigrants", "MOD": "Moderate",
	"RAD": "Radical", "PRO": "Protesters", "SET": "Settlers", "UIS": "Unidentified State Actor",
}

func sectorNames(a event.Actor) []string {
	var out []string
	if isOrg(a.Country) {
		out = append(out, sectors[a.Country])
	}
	for _, r := range roleCodes(a) {
		if n, ok := sectors[r]; ok {
			out = append(out, n)
		}
	}
	return out
}

// clean makes a value safe for a tab-separated field.
func clean(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

var (
	labelsOnce sync.Once
	labels     *verbs.Codes
)

// codeLabel is the CAMEO description of an event code, or the code.
func codeLabel(code string) string {
	labelsOnce.Do(func() { labels, _, _ = verbs.Default() })
	if labels != nil {
		if c, ok := labels.Get(code); ok && c.Label != "" {
			return c.Label
		}
	}
	return code
}

func fips(iso3 string) string { return country.FIPS(iso3) }

// isOrg reports whether an actor's country part names a kind of
// organisation rather than a country.
func isOrg(c string) bool { return c == "IGO" || c == "NGO" || c == "MNC" }

// countryName is the English name of a country code, the code itself
// when the reference table lacks it, and "" for an organisation.
func countryName(iso3 string) string {
	if isOrg(iso3) {
		return ""
	}
	if n := country.Name(iso3); n != "" {
		return n
	}
	return iso3
}
