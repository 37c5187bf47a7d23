package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/store"
)

// badRequest is a parameter error: answered with 400 and its message.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func bad(format string, args ...any) error { return &badRequest{fmt.Sprintf(format, args...)} }

// params reads query parameters, rejecting unknown names so a typo
// ("dayd=") is a clear 400 rather than a silently unfiltered answer.
type params struct {
	q   url.Values
	err error
}

func newParams(u *url.URL, allowed ...string) *params {
	q, err := url.ParseQuery(u.RawQuery)
	p := &params{q: q}
	if err != nil {
		// ParseQuery drops what it cannot read (";" separators, bad
		// escapes): refuse rather than answer unfiltered.
		p.fail(bad("query string: %v", err))
	}
	for name, v := range p.q {
		ok := false
		for _, a := range allowed {
			ok = ok || a == name
		}
		if !ok {
			p.fail(bad("unknown parameter %q (allowed: %s)", name, strings.Join(allowed, ", ")))
		} else if len(v) > 1 {
			p.fail(bad("parameter %q given %d times", name, len(v)))
		}
	}
	return p
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *params) str(name string) string { return strings.TrimSpace(p.q.Get(name)) }

// code reads an upper-case code of letters and digits, at most n long.
func (p *params) code(name string, n int) string {
	v := strings.ToUpper(p.str(name))
	if len(v) > n {
		p.fail(bad("%s %q: at most %d characters", name, v, n))
		return ""
	}
	for _, c := range v {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			p.fail(bad("%s %q: letters and digits only", name, v))
			return ""
		}
	}
	return v
}

// digits reads a CAMEO event code (prefix) of 1 to n digits.
func (p *params) digits(name string, n int) string {
	v := p.str(name)
	if v == "" {
		return ""
	}
	if len(v) > n || strings.Trim(v, "0123456789") != "" {
		p.fail(bad("%s %q: want 1 to %d digits (a CAMEO code, e.g. 19 or 190)", name, v, n))
		return ""
	}
	return v
}

func (p *params) date(name string) string {
	v := p.str(name)
	if v == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		p.fail(bad("%s %q: want a date YYYY-MM-DD", name, v))
		return ""
	}
	return v
}

func (p *params) boolean(name string) bool {
	switch v := p.str(name); v {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		p.fail(bad("%s %q: want true or false", name, v))
		return false
	}
}

// intIn reads an integer in [lo, hi]; def when absent.
func (p *params) intIn(name string, lo, hi, def int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail(bad("%s %q: want an integer from %d to %d", name, v, lo, hi))
		return def
	}
	return n
}

// oneOf reads one of the listed values; the first is the default.
func (p *params) oneOf(name string, values ...string) string {
	v := p.str(name)
	if v == "" {
		return values[0]
	}
	for _, x := range values {
		if v == x {
			return v
		}
	}
	p.fail(bad("%s %q: want one of %s", name, v, strings.Join(values, ", ")))
	return values[0]
}

// dyadParam reads "AZE-ARM" (both sides letters and digits).
func (p *params) dyadParam(name string) string {
	v := strings.ToUpper(p.str(name))
	if v == "" {
		return ""
	}
	a, b, ok := strings.Cut(v, "-")
	if !ok || !isCode(a) || !isCode(b) {
		p.fail(bad("%s %q: want SOURCE-TARGET country codes, e.g. AZE-ARM", name, v))
		return ""
	}
	return v
}

func isCode(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// filterNames are the query parameters of the event and incident filters.
var filterNames = []string{"actor", "dyad", "pair", "code", "root", "quad", "country", "since", "until", "claimed", "denied", "background"}

// filter reads the CLI's filters: actor, dyad (directed; pair=true
// makes it undirected), code, root, quad, country, since, until,
// claimed, denied, background (include, exclude, only; absent: the
// caller's default).
func (p *params) filter() (store.Filter, bool) {
	f := store.Filter{
		Actor:     p.code("actor", 15),
		Dyad:      p.dyadParam("dyad"),
		Code:      p.digits("code", 4),
		QuadClass: p.intIn("quad", 1, 4, 0),
		Country:   p.code("country", 3),
		Since:     p.date("since"),
		Until:     p.date("until"),
		Claimed:   p.boolean("claimed"),
		Denied:    p.boolean("denied"),
	}
	if p.q.Has("background") {
		f.Background = p.oneOf("background", store.BackgroundModes...)
	}
	if r := p.str("root"); r != "" {
		if len(r) != 2 || strings.Trim(r, "0123456789") != "" {
			p.fail(bad("root %q: want a two-digit CAMEO root, e.g. 19", r))
		}
		f.Root = r
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		p.fail(bad("since %s is after until %s", f.Since, f.Until))
	}
	pair := p.boolean("pair")
	if pair && f.Dyad == "" {
		p.fail(bad("pair=true needs a dyad"))
	}
	return f, pair
}

// page reads cursor and limit (1 to max, default DefaultPage).
func (p *params) page(max int) store.Page {
	return store.Page{Cursor: p.str("cursor"), Limit: p.intIn("limit", 1, max, min(DefaultPage, max))}
}

// fraction reads a number in [0,1]; absent is 0.
func (p *params) fraction(name string) float64 {
	v := p.str(name)
	if v == "" {
		return 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		p.fail(bad("%s %q: want a number from 0 to 1", name, v))
		return 0
	}
	return f
}
