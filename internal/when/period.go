package when

import (
	"strconv"
	"time"
)

// Precisions, from finest to coarsest.
const (
	pDay uint8 = iota
	pWeek
	pMonth
	pYear
	pDecade
)

var precName = [...]string{"day", "week", "month", "year", "decade"}

// period is a span of UTC calendar days, both ends included.
type period struct {
	prec       uint8
	start, end time.Time
}

// day truncates t to its UTC calendar day.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

func dayP(t time.Time) period { return period{pDay, t, t} }

// weekP is the ISO week (Monday to Sunday) holding t.
func weekP(t time.Time) period {
	mon := addDays(t, -((int(t.Weekday()) + 6) % 7))
	return period{pWeek, mon, addDays(mon, 6)}
}

func monthP(y int, m time.Month) period {
	s := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) // normalises m outside 1..12
	return period{pMonth, s, s.AddDate(0, 1, -1)}
}

func yearP(y int) period {
	return period{pYear, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
}

func decadeP(y int) period {
	return period{pDecade, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(y+9, 12, 31, 0, 0, 0, 0, time.UTC)}
}

// value writes the period as ISO 8601 at its precision.
func (p period) value() string {
	var b []byte
	switch p.prec {
	case pDay:
		return p.start.Format("2006-01-02")
	case pWeek:
		y, w := p.start.ISOWeek()
		b = strconv.AppendInt(make([]byte, 0, 8), int64(y), 10)
		b = append(b, '-', 'W', byte('0'+w/10), byte('0'+w%10))
		return string(b)
	case pMonth:
		return p.start.Format("2006-01")
	case pYear:
		return strconv.Itoa(p.start.Year())
	default:
		return strconv.Itoa(p.start.Year()) + "s"
	}
}

// daysBefore counts the days from the period's latest day to the article
// date a. A period that holds a is clipped to it ("this year" is 0 days
// back); a future period gives a negative count.
func (p period) daysBefore(a time.Time) int {
	e := p.end
	if !p.start.After(a) && e.After(a) {
		e = a
	}
	return int(a.Sub(e).Hours() / 24)
}

// pastWeekday is the most recent wd on or before a (strictly before when
// strict is set: "last Monday" said on a Monday).
func pastWeekday(a time.Time, wd time.Weekday, strict bool) time.Time {
	d := (int(a.Weekday()) - int(wd) + 7) % 7
	if d == 0 && strict {
		d = 7
	}
	return addDays(a, -d)
}

// nextWeekday is the first wd on or after a (strictly after when strict).
func nextWeekday(a time.Time, wd time.Weekday, strict bool) time.Time {
	d := (int(wd) - int(a.Weekday()) + 7) % 7
	if d == 0 && strict {
		d = 7
	}
	return addDays(a, d)
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}
