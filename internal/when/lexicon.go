package when

// The lexicon maps the lower-cased words the time grammar cares about to a
// class and a value. Each word of a sentence costs one map lookup (words
// longer than maxWord are skipped without one), so the scanner can tell
// cheaply whether a sentence holds anything worth parsing.

// Word classes.
const (
	cNone     uint8 = iota
	cMonth          // val = 1..12, full name
	cMonAbbr        // val = 1..12, abbreviation: only with a day number
	cWeekday        // val = time.Weekday
	cWord           // val = one of the w* constants
	cNum            // val = the number a word spells ("two", "a")
	cSpeech         // a speech verb: "said", "told"
	cYearNoun       // a noun a bare year may modify: "war", "election"
	cUnit           // a counted noun a bare 4-digit number is not a year before
)

// Words with a grammatical role (cWord values).
const (
	wNone = iota
	wOn
	wIn
	wAt
	wOver
	wDuring
	wSince
	wBy
	wUntil
	wBefore
	wAfter
	wFrom
	wThrough
	wOf
	wInto
	wThe
	wLate
	wEarly
	wMid
	wLater
	wEarlier
	wLast
	wThis
	wNext
	wOvernight
	wToday
	wTonight
	wYesterday
	wTomorrow
	wNight
	wMorning
	wAfternoon
	wEvening
	wDay
	wDays
	wWeek
	wWeeks
	wWeekend
	wMonth
	wMonths
	wYear
	wYears
	wAgo
	wWill
	wDue
	wScheduled
	wExpected
	wUpcoming
	wStatement
	wA      // "a", "an": the number one in "a week ago"
	wFiller // words allowed between a speech verb and its date
	wLatter // pick values of continues, not lexicon words
	wFormer
	wS  // the "s" of "1990s"
	wSt // ordinal suffixes st, nd, rd, th
)

type entry struct {
	cls uint8
	val int
}

// maxWord is the longest key in lexicon; longer words are never looked up.
const maxWord = 9

var lexicon = map[string]entry{}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for i, m := range months {
		lexicon[m] = entry{cMonth, i + 1}
	}
	abbrs := map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
	for a, m := range abbrs {
		lexicon[a] = entry{cMonAbbr, m}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		lexicon[d] = entry{cWeekday, i}
	}
	words := map[string]int{
		"on": wOn, "in": wIn, "at": wAt, "over": wOver, "during": wDuring, "since": wSince,
		"by": wBy, "until": wUntil, "till": wUntil, "before": wBefore, "after": wAfter,
		"from": wFrom, "through": wThrough, "of": wOf, "into": wInto, "the": wThe,
		"late": wLate, "early": wEarly, "mid": wMid, "later": wLater, "earlier": wEarlier,
		"last": wLast, "this": wThis, "next": wNext, "overnight": wOvernight,
		"today": wToday, "tonight": wTonight, "yesterday": wYesterday, "tomorrow": wTomorrow,
		"night": wNight, "morning": wMorning, "afternoon": wAfternoon, "evening": wEvening,
		"day": wDay, "days": wDays, "week": wWeek, "weeks": wWeeks, "weekend": wWeekend,
		"month": wMonth, "months": wMonths, "year": wYear, "years": wYears, "ago": wAgo,
		"will": wWill, "due": wDue, "scheduled": wScheduled, "expected": wExpected,
		"upcoming": wUpcoming, "statement": wStatement,
		"a": wA, "an": wA, "to": wFiller, "reporters": wFiller, "briefing": wFiller,
		"press": wFiller, "news": wFiller, "interview": wFiller, "post": wFiller,
		"posted": wFiller, "journalists": wFiller, "media": wFiller, "social": wFiller,
		"s":  wS,
		"st": wSt, "nd": wSt, "rd": wSt, "th": wSt,
	}
	for w, v := range words {
		lexicon[w] = entry{cWord, v}
	}
	nums := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
	for w, n := range nums {
		lexicon[w] = entry{cNum, n}
	}
	for _, w := range []string{"said", "says", "told", "reported", "announced", "added",
		"stated", "confirmed", "tweeted", "wrote"} {
		lexicon[w] = entry{cSpeech, 0}
	}
	for _, w := range []string{"war", "wars", "election", "elections", "coup", "ceasefire",
		"truce", "agreement", "deal", "accord", "accords", "treaty", "invasion", "offensive",
		"vote", "referendum", "uprising", "revolution", "protests", "attack", "attacks",
		"earthquake", "crisis", "summit", "conflict", "clashes", "massacre", "genocide",
		"census", "campaign", "talks", "polls", "ballot", "unrest", "riots",
		"bombing", "bombings", "pact", "revolt", "floods", "olympics"} {
		if len(w) <= maxWord {
			lexicon[w] = entry{cYearNoun, 0}
		}
	}
	for _, w := range []string{"people", "troops", "soldiers", "civilians", "km", "miles",
		"metres", "meters", "tonnes", "tons", "dollars", "euros", "members", "residents",
		"homes", "families", "workers", "rockets", "missiles", "drones", "prisoners",
		"migrants", "refugees", "votes", "men", "women", "children", "fighters", "police",
		"officers", "hectares", "barrels", "units", "points", "feet", "seats", "cases",
		"deaths", "dead", "jobs", "houses", "buildings", "shells", "tanks", "vehicles",
		"pounds", "yuan", "rupees", "roubles", "rubles", "hryvnias", "shares", "words",
		"pages", "sq", "square", "kg", "mw", "gw", "bpd", "votes", "staff", "delegates"} {
		lexicon[w] = entry{cUnit, 0}
	}
	for w, e := range lexicon {
		if t := (token{kind: tWord, cls: e.cls, val: e.val}); t.interesting() {
			heads[len(w)] |= 1 << (w[0] - 'a')
		}
	}
}

// heads has bit c-'a' of heads[n] set when a word of n letters starting
// with letter c can head an expression, so that most words of a sentence
// without one cost no lexicon lookup.
var heads [maxWord + 1]uint32

// mayHead reports whether w may be a word that heads an expression.
func mayHead(w string) bool {
	if len(w) > maxWord {
		return false
	}
	c := w[0] | 0x20 // ASCII lower case
	return c >= 'a' && c <= 'z' && heads[len(w)]&(1<<(c-'a')) != 0
}

// prepositions that may open an expression; they are left out of its span
// ("on Monday" has the text "Monday") but count as cues for bare years
// and months.
func isPrep(w int) bool {
	switch w {
	case wOn, wIn, wAt, wOver, wDuring, wSince, wBy, wUntil, wBefore, wAfter,
		wFrom, wThrough, wOf, wInto:
		return true
	}
	return false
}
