package server

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzQueryParams feeds raw query strings to the API's parameter parser
// as the events, incidents and tension handlers use it. It checks: no
// panic; a failure is always a *badRequest (a 400, never a 500); and
// whatever is accepted satisfies the documented shapes, so nothing the
// store receives was not validated here.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{
		"",
		"dyad=AZE-ARM&pair=true&since=2024-01-01&until=2024-12-31",
		"actor=AZEMIL&code=190&root=19&quad=4&country=arm&claimed=true&denied=0",
		"limit=500&cursor=eyJkIjoiMjAyNC0wNC0wMSIsImsiOjF9",
		"dyad=AZE-ARM;DROP TABLE events",
		"since=2024-13-01&limit=-1",
		"code=19&code=18",
		"%zz=1",
		"actor=AZE%25' OR '1'='1",
		"period=week&days=30&sort=escalating",
		"dyad=%00-%FF&country=\xff\xfe",
	} {
		f.Add(s)
	}
	allowed := append(filterNames, "incident", "cursor", "limit", "period", "days", "sort")
	f.Fuzz(func(t *testing.T, raw string) {
		p := newParams(&url.URL{RawQuery: raw}, allowed...)
		flt, pair := p.filter()
		flt.Incident = int64(p.intIn("incident", 1, 1<<62, 0))
		pg := p.page(DefaultMaxPage)
		period := p.oneOf("period", "day", "week", "month")
		days := p.intIn("days", 1, 3650, 30)
		p.oneOf("sort", "active", "escalating")
		if p.err != nil {
			var br *badRequest
			if !errors.As(p.err, &br) || br.msg == "" {
				t.Fatalf("%q: error %T %v is not a 400", raw, p.err, p.err)
			}
			return
		}
		for name, v := range map[string]string{"actor": flt.Actor, "country": flt.Country} {
			if !isCode(v) && v != "" {
				t.Fatalf("%q: accepted %s %q", raw, name, v)
			}
		}
		if flt.Dyad != "" {
			a, b, ok := strings.Cut(flt.Dyad, "-")
			if !ok || !isCode(a) || !isCode(b) {
				t.Fatalf("%q: accepted dyad %q", raw, flt.Dyad)
			}
		}
		if pair && flt.Dyad == "" {
			t.Fatalf("%q: pair without a dyad", raw)
		}
		if strings.Trim(flt.Code, "0123456789") != "" || len(flt.Code) > 4 {
			t.Fatalf("%q: accepted code %q", raw, flt.Code)
		}
		if flt.Root != "" && (len(flt.Root) != 2 || strings.Trim(flt.Root, "0123456789") != "") {
			t.Fatalf("%q: accepted root %q", raw, flt.Root)
		}
		for _, d := range []string{flt.Since, flt.Until} {
			if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
				t.Fatalf("%q: accepted date %q", raw, d)
			}
		}
		if flt.Since != "" && flt.Until != "" && flt.Since > flt.Until {
			t.Fatalf("%q: since after until", raw)
		}
		if flt.QuadClass < 0 || flt.QuadClass > 4 || pg.Limit < 1 || pg.Limit > DefaultMaxPage || days < 1 || days > 3650 {
			t.Fatalf("%q: out of range: quad %d limit %d days %d", raw, flt.QuadClass, pg.Limit, days)
		}
		if period != "day" && period != "week" && period != "month" {
			t.Fatalf("%q: accepted period %q", raw, period)
		}
	})
}
