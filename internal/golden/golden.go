// Package golden reads and runs golden case files: sentences in, the
// events expected out. They are the coder's contract, and analysts run
// their own with `flashpoint test FILE…` (in the spirit of promtool's
// rule tests). A file is a series of
//
//	date 2024-04-02                 article date for the cases below
//	code <article text>             one case: the text is coded as one article
//	  SOURCE TARGET CODE [field=value …] [denies]
//	  none                          the case yields no events
//	# comment
//
// Every expected event must be produced and nothing else. SOURCE, TARGET,
// CODE, claimed_by and denies are always compared (an event line without
// claimed_by expects none). date=, place=, trigger=, assertion= and
// background= are compared when the line writes them; a value with
// spaces is quoted: trigger="opened fire".
package golden

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Case is one coded text and the events it must give.
type Case struct {
	File string
	Line int
	Date string
	Text string
	Want []Want
}

// Want is one expected event.
type Want struct {
	Source, Target, Code string
	ClaimedBy            string
	Denies               bool
	// Optional fields, compared when set (Has records which).
	Date, Place, Trigger, Assertion, Background string
	Has                                         map[string]bool
}

// optional lists the fields a line may add, in the order they print.
var optional = []string{"date", "place", "trigger", "assertion", "background"}

// Parse reads golden cases from r; name labels errors and cases.
func Parse(name string, r io.Reader) ([]Case, error) {
	var out []Case
	date := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(line, "date "):
			date = strings.TrimSpace(line[5:])
			if !validDate(date) {
				return nil, fmt.Errorf("%s:%d: date %q is not YYYY-MM-DD", name, n, date)
			}
		case strings.HasPrefix(line, "code "):
			if date == "" {
				return nil, fmt.Errorf("%s:%d: a 'date' line must come before the first case", name, n)
			}
			out = append(out, Case{File: name, Line: n, Date: date, Text: strings.TrimSpace(line[5:])})
		case strings.HasPrefix(line, "  ") && len(out) > 0:
			if trimmed == "none" {
				continue
			}
			w, err := parseWant(trimmed)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, err)
			}
			out[len(out)-1].Want = append(out[len(out)-1].Want, w)
		default:
			return nil, fmt.Errorf("%s:%d: want 'date', 'code', an indented event or a comment", name, n)
		}
	}
	return out, sc.Err()
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	return e1 == nil && e2 == nil && e3 == nil && y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// parseWant reads "SOURCE TARGET CODE [k=v …] [denies]".
func parseWant(s string) (Want, error) {
	fields, err := splitQuoted(s)
	if err != nil {
		return Want{}, err
	}
	if len(fields) < 3 {
		return Want{}, fmt.Errorf("want SOURCE TARGET CODE, got %q", s)
	}
	w := Want{Source: fields[0], Target: fields[1], Code: fields[2], Has: map[string]bool{}}
	for _, f := range fields[3:] {
		if f == "denies" {
			w.Denies = true
			continue
		}
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return Want{}, fmt.Errorf("unknown field %q (want key=value or denies)", f)
		}
		switch k {
		case "claimed_by":
			w.ClaimedBy = v
		case "date":
			w.Date = v
		case "place":
			w.Place = v
		case "trigger":
			w.Trigger = v
		case "assertion":
			w.Assertion = v
		case "background":
			if v != "true" && v != "false" {
				return Want{}, fmt.Errorf("background=%q: want true or false", v)
			}
			w.Background = v
		default:
			return Want{}, fmt.Errorf("unknown field %q", k)
		}
		if k != "claimed_by" {
			w.Has[k] = true
		}
	}
	return w, nil
}

// splitQuoted splits on spaces, keeping key="a b" together.
func splitQuoted(s string) ([]string, error) {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteRune(r)
		}
	}
	if quoted {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out, nil
}

// String renders w as a golden line, optional fields in a fixed order.
func (w Want) String() string {
	s := w.Source + " " + w.Target + " " + w.Code
	if w.ClaimedBy != "" {
		s += " claimed_by=" + w.ClaimedBy
	}
	if w.Denies {
		s += " denies"
	}
	vals := map[string]string{"date": w.Date, "place": w.Place, "trigger": w.Trigger, "assertion": w.Assertion, "background": w.Background}
	for _, k := range optional {
		if w.Has[k] {
			v := vals[k]
			if strings.Contains(v, " ") {
				v = strconv.Quote(v)
			}
			s += " " + k + "=" + v
		}
	}
	return s
}

func sortedLines(ws []Want) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.String()
	}
	sort.Strings(out)
	return out
}
