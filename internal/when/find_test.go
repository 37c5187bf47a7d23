package when

import (
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// show renders expressions as "Text=Value/precision" joined by "; ".
func show(xs []Expr) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(x.Text + "=" + x.Value + "/" + x.Precision)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, article, sentence, want string
	}{
		// Weekdays: most recent on or before the article date.
		{"late on", "2024-04-14", "Iran launched drones at Israel late on Saturday, the military said on Sunday.",
			"late on Saturday=2024-04-13/day; Sunday=2024-04-14/day"},
		{"early on", "2024-01-12", "Warplanes struck targets early on Friday.", "early on Friday=2024-01-12/day"},
		{"night", "2024-09-08", "Israelis rallied in Tel Aviv on Saturday night.", "Saturday night=2024-09-07/day"},
		{"morning", "2024-09-11", "Talks resumed on Tuesday morning.", "Tuesday morning=2024-09-10/day"},
		{"bare adverbial", "2024-09-11", "The ministry said Monday it would act.", "Monday=2024-09-09/day"},
		{"monday article on monday", "2024-04-22", "Residents blocked a highway on Monday.", "Monday=2024-04-22/day"},
		{"sunday article on monday", "2024-04-22", "Residents blocked a highway on Sunday.", "Sunday=2024-04-21/day"},
		{"last monday on a monday", "2024-04-22", "It began last Monday.", "last Monday=2024-04-15/day"},
		{"last monday on a tuesday", "2024-04-23", "It began last Monday.", "last Monday=2024-04-22/day"},
		{"next monday", "2024-04-22", "They meet next Monday.", "next Monday=2024-04-29/day"},
		{"future cue", "2023-03-12", "Drills due to start on Monday.", "Monday=2023-03-13/day"},
		{"will", "2023-03-12", "The ministers will meet on Sunday.", "Sunday=2023-03-12/day"},
		{"overnight on", "2024-04-22", "Drones hit a depot overnight on Sunday.", "overnight on Sunday=2024-04-21/day"},
		{"overnight into", "2024-04-22", "Drones hit a depot overnight into Monday.", "overnight into Monday=2024-04-22/day"},
		{"possessive", "2024-07-31", "They marched against the result of Sunday's presidential election.", "Sunday's=2024-07-28/day"},
		{"weekday with date", "2024-04-14", "Troops moved on Monday, April 1, to the border.", "Monday, April 1=2024-04-01/day"},
		{"weekday with abbreviated date", "2024-09-14", "Troops moved on Thursday, Sept. 5.", "Thursday, Sept. 5=2024-09-05/day"},
		{"lower-case weekday ignored", "2024-07-31", "a monday thing", ""},
		// The text stage's tokens: a no-break space separates words and
		// guillemets are punctuation, not letters of the weekday.
		{"no-break space", "2024-04-14", "They met on\u00a0Monday.", "Monday=2024-04-08/day"},
		{"guillemets", "2024-04-14", "The «Monday» talks.", "Monday=2024-04-08/day"},
		{"currency before a number", "2024-04-14", "It cost €2020 and £2021.", ""},

		// Day words.
		{"today", "2024-04-02", "The court rules today.", "today=2024-04-02/day"},
		{"yesterday", "2024-01-01", "Fighting broke out yesterday.", "yesterday=2023-12-31/day"},
		{"tonight", "2024-04-02", "The vote is tonight.", "tonight=2024-04-02/day"},
		{"overnight", "2024-08-26", "Russia struck the grid overnight, officials said.", "overnight=2024-08-26/day"},
		{"earlier today", "2024-04-02", "He spoke earlier today.", "earlier today=2024-04-02/day"},

		// Weeks and weekends: ISO weeks.
		{"this week", "2024-05-04", "Israel reopened the crossing this week.", "this week=2024-W18/week"},
		{"earlier this week", "2024-05-04", "It reopened earlier this week.", "earlier this week=2024-W18/week"},
		{"late last week", "2024-07-29", "Fighting near the border late last week.", "late last week=2024-W30/week"},
		{"last week on a sunday", "2024-07-28", "Fighting broke out last week.", "last week=2024-W29/week"},
		{"last week across new year", "2024-01-02", "Fighting broke out last week.", "last week=2023-W52/week"},
		{"this week W53", "2021-01-03", "Protests grew this week.", "this week=2020-W53/week"},
		{"next week", "2024-05-03", "They will hold talks next week.", "next week=2024-W19/week"},
		{"over the weekend", "2023-11-08", "Hundreds were killed over the weekend.", "the weekend=2023-W44/week"},
		{"weekend across new year", "2021-01-06", "Crowds gathered at the weekend.", "the weekend=2020-W53/week"},
		{"weekend on a sunday", "2023-11-05", "Crowds gathered this weekend.", "this weekend=2023-W44/week"},
		{"last weekend on a sunday", "2023-11-05", "Crowds gathered last weekend.", "last weekend=2023-W43/week"},
		{"last week's", "2023-09-26", "since last week's offensive", "last week's=2023-W38/week"},

		// Months and years.
		{"this month", "2024-03-15", "Prices rose this month.", "this month=2024-03/month"},
		{"earlier this month", "2024-03-15", "It was agreed earlier this month.", "earlier this month=2024-03/month"},
		{"last month", "2025-11-14", "The group captured the city last month.", "last month=2025-10/month"},
		{"last month across new year", "2024-01-02", "The group captured the city last month.", "last month=2023-12/month"},
		{"next month", "2024-12-10", "Talks resume next month.", "next month=2025-01/month"},
		{"last year", "2025-05-12", "A fire destroyed the centre last year.", "last year=2024/year"},
		{"this year", "2025-05-12", "Growth slowed this year.", "this year=2025/year"},
		{"next year", "2025-05-12", "Elections are due next year.", "next year=2026/year"},

		// Explicit dates.
		{"month day", "2024-04-02", "The ministry reported on April 1 that forces engaged.", "April 1=2024-04-01/day"},
		{"day month", "2024-04-02", "Forces engaged on 1 April near the border.", "1 April=2024-04-01/day"},
		{"month day year", "2024-06-02", "It was signed on April 1, 2023 in Baku.", "April 1, 2023=2023-04-01/day"},
		{"day month year", "2024-06-02", "It was signed on 1 April 2023 in Baku.", "1 April 2023=2023-04-01/day"},
		{"ordinal", "2024-06-02", "It was signed on the 1st of April.", "1st of April=2024-04-01/day"},
		{"abbreviation", "2024-09-10", "Troops moved on Sept. 5 to the border.", "Sept. 5=2024-09-05/day"},
		{"abbreviation day first", "2024-09-10", "Troops moved on 5 Sept to the border.", "5 Sept=2024-09-05/day"},
		{"no year, previous year", "2024-04-02", "Troops moved on Sept. 5.", "Sept. 5=2023-09-05/day"},
		{"no year, within a week ahead", "2024-04-02", "A vote is set for April 8.", "April 8=2024-04-08/day"},
		{"december 30 across new year", "2024-01-02", "The strike on December 30 killed nine.", "December 30=2023-12-30/day"},
		{"leap day", "2025-03-10", "It happened on February 29.", "February 29=2024-02-29/day"},
		{"month year", "2023-05-14", "Killings in Moura in March 2022 were reported.", "March 2022=2022-03/month"},
		{"in month year", "2024-05-24", "An operation in July 2023 involved drones.", "July 2023=2023-07/month"},
		{"in month", "2024-04-02", "Talks collapsed in March.", "March=2024-03/month"},
		{"in month, previous year", "2024-04-02", "Talks collapsed in May.", "May=2023-05/month"},
		{"last may", "2024-02-17", "since the capture of Bakhmut last May", "last May=2023-05/month"},
		{"last march", "2024-05-20", "It fell last March.", "last March=2024-03/month"},
		{"last may in may", "2024-05-20", "It fell last May.", "last May=2023-05/month"},
		{"mid-month", "2024-05-20", "It fell in mid-March.", "mid-March=2024-03/month"},
		{"early month", "2024-05-20", "It fell in early March.", "early March=2024-03/month"},
		{"the november ceasefire", "2025-03-02", "It violated the November ceasefire.", "November=2024-11/month"},
		{"may modal", "2025-03-02", "May said the talks may resume.", ""},
		{"may day", "2024-05-02", "Petro told a May Day rally.", ""},
		{"march verb", "2024-05-02", "Thousands will march on parliament.", ""},

		// Years and decades.
		{"in year", "2024-04-02", "Wars erupted in the 1990s and again in 2020.", "the 1990s=1990s/decade; 2020=2020/year"},
		{"since", "2024-04-04", "People detained since the 2021 coup were tortured.", "2021=2021/year"},
		{"year noun", "2024-04-04", "A 2021 coup ousted the government.", "2021=2021/year"},
		{"the year war", "2024-04-04", "Territory lost in the 2020 war.", "2020=2020/year"},
		{"early year", "2024-06-13", "Its lowest level since early 2022.", "early 2022=2022/year"},
		{"mid-year", "2024-06-13", "Talks stalled in mid-2023.", "mid-2023=2023/year"},
		{"year and year", "2024-06-13", "Floods in 2019 and 2021 hit the delta.", "2019=2019/year; 2021=2021/year"},
		{"late decade", "2024-06-13", "It began in the late 1980s.", "the late 1980s=1980s/decade"},

		// Counts from the article date or an anchor.
		{"days ago", "2024-04-02", "He was detained two days ago.", "two days ago=2024-03-31/day"},
		{"a week ago", "2024-04-02", "He was detained a week ago.", "a week ago=2024-03-26/day"},
		{"weeks ago", "2024-04-02", "He was detained 3 weeks ago.", "3 weeks ago=2024-03-12/day"},
		{"months ago", "2024-04-02", "He was detained two months ago.", "two months ago=2024-02/month"},
		{"years ago", "2024-04-02", "He was detained two years ago.", "two years ago=2022/year"},
		{"day after anchor", "2024-07-31", "Protests began a day after Sunday's election.", "a day after Sunday's=2024-07-29/day"},
		{"days before anchor", "2024-04-02", "It happened two days before March 5.", "two days before March 5=2024-03-03/day"},
		{"unresolved anchor", "2025-03-04", "It came days after a heated exchange.", ""},
		{"week after unresolved", "2025-04-29", "Guterres urged restraint a week after gunmen killed 26 people.", ""},

		// Numbers that are not years or dates.
		{"thousands", "2024-04-02", "About 1,000 troops took part.", ""},
		{"money", "2025-07-09", "A value of $4 trillion on Wednesday.", "Wednesday=2025-07-09/day"},
		{"score", "2024-07-15", "Argentina beat Colombia 1-0 in the 112th minute.", ""},
		{"degrees", "2024-05-27", "Temperatures above 50 degrees Celsius.", ""},
		{"count without cue", "2024-05-27", "Police detained 2000 people.", ""},
		{"count with cue", "2024-05-27", "One of 2000 people detained.", ""},
		{"year in amount", "2024-05-27", "It cost $2020 and 2,021 euros.", ""},
		{"bare year", "2024-05-27", "Flight 2020 landed.", ""},
		{"percent", "2024-05-27", "Rates rose by 2020% in the period.", ""},
		{"durations", "2023-03-12", "Their biggest drills in five years.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := show(Find(tc.sentence, date(tc.article)))
			if got != tc.want {
				t.Errorf("Find(%q, %s)\n got %s\nwant %s", tc.sentence, tc.article, got, tc.want)
			}
		})
	}
}

func TestFindDays(t *testing.T) {
	tests := []struct {
		article, sentence string
		days              int
	}{
		{"2025-05-12", "last year", 132},
		{"2025-05-12", "this year", 0},
		{"2025-11-14", "last month", 14},
		{"2023-11-08", "over the weekend", 3},
		{"2024-04-02", "in the 1990s", 8859},
		{"2024-04-14", "late on Saturday", 1},
		{"2024-05-03", "next week", -9},
		{"2024-05-04", "this week", 0},
	}
	for _, tc := range tests {
		xs := Find(tc.sentence, date(tc.article))
		if len(xs) != 1 || xs[0].Days != tc.days {
			t.Errorf("Find(%q, %s) = %+v, want Days %d", tc.sentence, tc.article, xs, tc.days)
		}
	}
}

// The article time of day and zone must not move the calendar day.
func TestFindArticleClock(t *testing.T) {
	a := time.Date(2024, 4, 14, 23, 30, 0, 0, time.UTC)
	if got := show(Find("on Saturday", a)); got != "Saturday=2024-04-13/day" {
		t.Errorf("got %s", got)
	}
}

func TestFindSpans(t *testing.T) {
	s := "Kenyan police fired on Tuesday, a week ago, and again in mid-2023."
	for _, x := range Find(s, date("2024-06-26")) {
		if s[x.Start:x.End] != x.Text {
			t.Errorf("span %d..%d = %q, Text %q", x.Start, x.End, s[x.Start:x.End], x.Text)
		}
	}
}

// Truncated UTF-8 once stopped the scanner from advancing.
func TestFindTruncatedUTF8(t *testing.T) {
	for _, s := range []string{"\xe2\x80", "\xe2", "a\xe2\x80", "\xe2\x80\x99s Monday", "Monday\xe2\x80"} {
		Find(s, date("2024-04-14"))
	}
}
