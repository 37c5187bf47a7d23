package when

import "time"

// parser holds one sentence's tokens and the article day. Each head
// method starts at the token that identifies an expression (a month, a
// weekday, "week", a year...), reads its complements forward and its
// modifiers backward, never before floor.
type parser struct {
	s        string
	toks     []token
	a        time.Time
	lastYear int // last token of the previous expression if it was a year, else -1
}

func (p *parser) word(i int, w int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tWord && p.toks[i].cls == cWord && p.toks[i].val == w
}

func (p *parser) wordIn(i int, ws ...int) bool {
	for _, w := range ws {
		if p.word(i, w) {
			return true
		}
	}
	return false
}

// punct reports whether token i is the one-byte mark c.
func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct &&
		p.toks[i].end-p.toks[i].start == 1 && p.s[p.toks[i].start] == c
}

// possessive returns the index of the "s" of "Sunday's" after token i, or -1.
func (p *parser) possessive(i int) int {
	if i+2 >= len(p.toks) {
		return -1
	}
	ap, s := &p.toks[i+1], &p.toks[i+2]
	if ap.kind != tPunct || !ap.glued || !s.glued || !p.word(i+2, wS) {
		return -1
	}
	if p.s[ap.start:ap.end] == "'" || p.s[ap.start:ap.end] == "\u2019" {
		return i + 2
	}
	return -1
}

// num reads a count at token i: digits, a number word, or "a"/"an".
func (p *parser) num(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	switch {
	case t.kind == tNum && t.end-t.start <= 3 && t.val > 0:
		return t.val, true
	case t.kind == tWord && t.cls == cNum:
		return t.val, true
	case p.word(i, wA):
		return 1, true
	}
	return 0, false
}

// year reads a plausible year at token i.
func (p *parser) year(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.kind != tNum || t.end-t.start != 4 || t.val < 1900 || t.val > 2100 {
		return 0, false
	}
	return t.val, true
}

// numberGlue reports whether token i is part of a larger number or
// amount: "1,000", "4.5", "$2020", "2020%", "10:30".
func (p *parser) numberGlue(i int) bool {
	t := &p.toks[i]
	if t.glued && i > 0 && p.toks[i-1].kind == tPunct {
		switch p.s[p.toks[i-1].start] {
		case ',', '.', '$', ':', '/', 0xC2, 0xE2: // 0xC2: £ etc.; 0xE2: €
			return true
		}
	}
	if i+1 < len(p.toks) && p.toks[i+1].glued {
		n := &p.toks[i+1]
		if n.kind == tWord && !p.word(i+1, wS) && !p.word(i+1, wSt) {
			return true
		}
		if n.kind == tPunct {
			switch p.s[n.start] {
			case '%', ':', '/':
				return true
			case ',', '.':
				return i+2 < len(p.toks) && p.toks[i+2].kind == tNum && p.toks[i+2].glued
			}
		}
	}
	return false
}

// at tries every pattern headed by token i.
func (p *parser) at(i, floor int) (match, bool) {
	t := &p.toks[i]
	switch t.kind {
	case tNum:
		return p.yearHead(i, floor)
	case tWord:
		switch t.cls {
		case cMonth, cMonAbbr:
			return p.monthHead(i, floor)
		case cWeekday:
			return p.weekdayHead(i, floor)
		case cWord:
			switch t.val {
			case wToday, wTonight:
				return p.withMods(i, i, floor, dayP(p.a)), true
			case wYesterday:
				return p.withMods(i, i, floor, dayP(addDays(p.a, -1))), true
			case wTomorrow:
				return p.withMods(i, i, floor, dayP(addDays(p.a, 1))), true
			case wOvernight:
				// "overnight on Sunday" belongs to the weekday.
				j := i + 1
				if p.wordIn(j, wOn, wInto) {
					j++
				}
				if j < len(p.toks) && p.toks[j].cls == cWeekday {
					return match{}, false
				}
				return match{i, i, dayP(p.a)}, true
			case wWeek, wWeekend, wMonth, wYear:
				return p.relative(i, floor)
			case wAgo:
				return p.ago(i, floor)
			case wAfter, wBefore:
				return p.offset(i, floor)
			}
		}
	}
	return match{}, false
}

// withMods extends first back over "earlier"/"later"/"late"/"early" and
// last forward over a possessive.
func (p *parser) withMods(first, last, floor int, per period) match {
	if first-1 >= floor && p.wordIn(first-1, wEarlier, wLater, wLate, wEarly) {
		first--
	}
	if k := p.possessive(last); k > 0 {
		last = k
	}
	return match{first, last, per}
}

// futureCue reports a future marker in the four tokens before i:
// "will meet on Monday", "due to start on Monday".
func (p *parser) futureCue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if p.toks[k].kind == tPunct {
			return false
		}
		if p.wordIn(k, wWill, wDue, wScheduled, wExpected, wUpcoming) {
			return true
		}
	}
	return false
}

func (p *parser) weekdayHead(i, floor int) (match, bool) {
	if !p.toks[i].upper {
		return match{}, false
	}
	wd := time.Weekday(p.toks[i].val)
	first, last := i, i
	if k := p.possessive(i); k > 0 {
		last = k
	} else if p.wordIn(i+1, wNight, wMorning, wAfternoon, wEvening) {
		last = i + 1
	}
	past, strict := true, false
	switch {
	case i-1 >= floor && p.word(i-1, wLast):
		first, strict = i-1, true
	case i-1 >= floor && p.word(i-1, wNext):
		first, past, strict = i-1, false, true
	case i-1 >= floor && p.word(i-1, wThis):
		first = i - 1
	default:
		k := i - 1
		if p.wordIn(k, wOn, wInto) {
			k--
		}
		if k >= floor && p.wordIn(k, wLate, wEarly, wLater, wEarlier, wOvernight) {
			first = k
		}
	}
	// "on Monday, April 1": the explicit date wins and the span covers both.
	if last == i && p.punct(i+1, ',') && i+2 < len(p.toks) && (p.toks[i+2].cls == cMonth || p.toks[i+2].cls == cMonAbbr) {
		if m, ok := p.monthHead(i+2, i+2); ok && m.per.prec == pDay {
			return match{first, m.last, m.per}, true
		}
	}
	if past && p.futureCue(first) {
		past = false
	}
	var d time.Time
	if past {
		d = pastWeekday(p.a, wd, strict)
	} else {
		d = nextWeekday(p.a, wd, strict)
	}
	return match{first, last, dayP(d)}, true
}

// dayNum reads a day of the month at token i (1..31, at most two digits,
// not part of a larger number).
func (p *parser) dayNum(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.kind != tNum || t.end-t.start > 2 || t.val < 1 || t.val > 31 || p.numberGlue(i) {
		return 0, false
	}
	return t.val, true
}

func (p *parser) monthHead(i, floor int) (match, bool) {
	t := &p.toks[i]
	if !t.upper {
		return match{}, false
	}
	mon, abbr := t.val, t.cls == cMonAbbr
	first, last := i, i
	if abbr && p.punct(i+1, '.') && p.toks[i+1].glued {
		last = i + 1
	}
	d, y := 0, 0
	k := last + 1
	if v, ok := p.dayNum(k); ok {
		// "April 1", "April 1st", "April 1, 2024", "April 1 2024"
		d, last = v, k
		if p.word(k+1, wSt) && p.toks[k+1].glued {
			last = k + 1
		}
		j := last + 1
		if p.punct(j, ',') {
			j++
		}
		if v, ok := p.year(j); ok && !p.numberGlue(j) {
			y, last = v, j
		}
	} else {
		// "1 April", "1st of April", then an optional year
		j := i - 1
		if p.word(j, wOf) {
			j--
		}
		if p.word(j, wSt) && p.toks[j].glued {
			j--
		}
		if j >= floor {
			if v, ok := p.dayNum(j); ok && (j == i-1 || p.word(j+1, wSt)) {
				d, first = v, j
			}
		}
		j = last + 1
		if p.word(j, wOf) {
			j++
		}
		if v, ok := p.year(j); ok && !p.numberGlue(j) && !p.word(j+1, wS) {
			y, last = v, j
		}
	}
	if abbr && d == 0 {
		return match{}, false
	}
	if d > 0 {
		if y == 0 {
			y = p.a.Year()
			if !validDate(y, mon, d) {
				y-- // 29 February of the last leap year... or nothing
			}
			if validDate(y, mon, d) && time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC).After(addDays(p.a, 7)) {
				y--
			}
		}
		if !validDate(y, mon, d) {
			return match{}, false
		}
		return match{first, last, dayP(time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC))}, true
	}
	// Month without a day: modifiers, then a cue unless a year follows.
	mod := 0
	j := i - 1
	if p.punct(j, '-') && p.toks[i].glued && p.word(j-1, wMid) {
		j -= 2
		first, mod = j+1, wMid
	} else if j >= floor && p.wordIn(j, wEarly, wLate, wMid, wLast, wThis, wNext) {
		first, mod = j, p.toks[j].val
		j--
	}
	if mod == wLate || mod == wEarly || mod == wMid {
		if j >= floor && p.wordIn(j, wLast, wThis, wNext) {
			first, mod = j, p.toks[j].val
		}
	}
	if y > 0 {
		return match{first, last, monthP(y, time.Month(mon))}, true
	}
	if mon == 5 && i+1 < len(p.toks) && p.s[p.toks[i+1].start:p.toks[i+1].end] == "Day" {
		return match{}, false // "May Day" is a name
	}
	cue := mod != 0 || p.wordIn(j, wIn, wSince, wBy, wUntil, wBefore, wAfter, wFrom, wThrough, wDuring)
	if !cue && mon != 5 && p.wordIn(j, wThe, wOf) {
		cue = true // "the November ceasefire", "the end of March"
	}
	if !cue {
		return match{}, false
	}
	am := int(p.a.Month())
	y = p.a.Year()
	switch mod {
	case wLast:
		if mon >= am {
			y--
		}
	case wNext:
		if mon <= am {
			y++
		}
	case wThis:
	default:
		if mon > am {
			y--
		}
	}
	return match{first, last, monthP(y, time.Month(mon))}, true
}

func (p *parser) yearHead(i, floor int) (match, bool) {
	y, ok := p.year(i)
	if !ok || p.numberGlue(i) {
		return match{}, false
	}
	first, last := i, i
	decade := p.word(i+1, wS) && p.toks[i+1].glued
	if decade {
		if y%10 != 0 {
			return match{}, false
		}
		last = i + 1
	}
	// Modifiers: "early 2022", "mid-2020", "the late 1990s".
	j := i - 1
	if p.punct(j, '-') && p.toks[i].glued && p.word(j-1, wMid) && j-1 >= floor {
		first = j - 1
		j -= 2
	} else if j >= floor && p.wordIn(j, wEarly, wLate, wMid) {
		first = j
		j--
	}
	if decade {
		if j >= floor && p.word(j, wThe) {
			first = j
		}
		return match{first, last, decadeP(y)}, true
	}
	if i+1 < len(p.toks) && p.toks[i+1].cls == cUnit {
		return match{}, false // "2000 troops"
	}
	cue := first != i ||
		p.wordIn(j, wIn, wSince, wBy, wOf, wThe, wUntil, wBefore, wAfter, wDuring, wFrom, wThrough) ||
		(i+1 < len(p.toks) && p.toks[i+1].cls == cYearNoun) ||
		(p.lastYear >= 0 && p.lastYear == i-2 && p.toks[i-1].kind == tWord && p.s[p.toks[i-1].start:p.toks[i-1].end] == "and")
	if !cue {
		return match{}, false
	}
	return match{first, last, yearP(y)}, true
}

// relative reads "this week", "late last week", "over the weekend",
// "last month", "earlier this year", "next year", "last week's".
func (p *parser) relative(i, floor int) (match, bool) {
	w := p.toks[i].val
	first, last := i, i
	if k := p.possessive(i); k > 0 {
		last = k
	}
	j := i - 1
	rel := 0
	if j >= floor && p.wordIn(j, wThis, wLast, wNext) {
		rel, first = p.toks[j].val, j
		j--
		if j >= floor && p.wordIn(j, wEarlier, wLater, wLate, wEarly) {
			first = j
		}
	} else if w == wWeekend && j >= floor && p.word(j, wThe) && p.wordIn(j-1, wOver, wAt, wDuring, wOn) {
		rel, first = wThis, j
	}
	if rel == 0 {
		return match{}, false
	}
	a := p.a
	var per period
	switch w {
	case wWeek:
		per = weekP(addDays(a, 7*step(rel)))
	case wWeekend:
		sat := pastWeekday(a, time.Saturday, false)
		switch {
		case rel == wNext:
			sat = nextWeekday(a, time.Saturday, true)
		case rel == wLast && (a.Weekday() == time.Saturday || a.Weekday() == time.Sunday):
			sat = addDays(sat, -7)
		}
		per = weekP(sat)
	case wMonth:
		per = monthP(a.Year(), a.Month()+time.Month(step(rel)))
	case wYear:
		per = yearP(a.Year() + step(rel))
	}
	return match{first, last, per}, true
}

// step turns this/last/next into 0/-1/+1.
func step(rel int) int {
	switch rel {
	case wLast:
		return -1
	case wNext:
		return 1
	}
	return 0
}

// ago reads "two days ago", "a week ago", "three months ago".
func (p *parser) ago(i, floor int) (match, bool) {
	n, ok := p.num(i - 2)
	if !ok || i-2 < floor {
		return match{}, false
	}
	if p.toks[i-1].cls != cWord {
		return match{}, false
	}
	a := p.a
	var per period
	switch p.toks[i-1].val {
	case wDay, wDays:
		per = dayP(addDays(a, -n))
	case wWeek, wWeeks:
		per = dayP(addDays(a, -7*n))
	case wMonth, wMonths:
		per = monthP(a.Year(), a.Month()-time.Month(n))
	case wYear, wYears:
		per = yearP(a.Year() - n)
	default:
		return match{}, false
	}
	return match{i - 2, i, per}, true
}

// offset reads "a day after Sunday's vote", "two days before March 5":
// a count of days or weeks from an anchor that resolves to a day. An
// anchor that does not resolve ("days after a summit") gives nothing:
// the count then dates neither the main event nor the anchored one.
func (p *parser) offset(i, floor int) (match, bool) {
	u := i - 1
	if u < floor+1 || p.toks[u].cls != cWord {
		return match{}, false
	}
	mult := 0
	switch p.toks[u].val {
	case wDay, wDays:
		mult = 1
	case wWeek, wWeeks:
		mult = 7
	default:
		return match{}, false
	}
	n, ok := p.num(u - 1)
	first := u - 1
	if !ok && p.word(u-1, wThe) && mult == 1 {
		n, ok = 1, true // "the day after"
	}
	if !ok {
		return match{}, false
	}
	if p.toks[i].val == wBefore {
		mult = -mult
	}
	start := i + 1
	if p.word(start, wThe) {
		start++
	}
	for j := start; j < len(p.toks) && j <= start+2; j++ {
		if !p.toks[j].interesting() {
			continue
		}
		m, ok := p.at(j, start)
		if !ok || m.first != start || m.per.prec != pDay {
			return match{}, false
		}
		return match{first, m.last, dayP(addDays(m.per.start, n*mult))}, true
	}
	return match{}, false
}
