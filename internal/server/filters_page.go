package server

import (
	"net/url"
	"slices"
	"strings"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// dashFilter is the search of the overview and the map as the page's
// URL carries it (a GET form, so every filter is in the address):
// q (an actor or country, by code or name), dyad (A-B either way, A>B
// one way), type (a CAMEO code or root, or a PLOVER type), since,
// until, and background=include to show history.
type dashFilter struct {
	Q, Dyad, Type, Since, Until string
	Background                  bool

	// Read from the above.
	Actor, Country string // q as an actor code prefix, or an ISO-3 country
	Means          string // what q was read as ("Armenia: ARM"), when it was a name
	Code, Plover   string // type as a CAMEO code prefix, or a PLOVER type
	dyad           tension.Dyad
}

// dashFilterNames are the query parameters of a dashFilter.
var dashFilterNames = []string{"q", "dyad", "type", "since", "until", "background"}

// readFilter reads and checks the search; errors go to p.
func (s *Server) readFilter(p *params) dashFilter {
	f := dashFilter{Q: p.str("q"), Dyad: p.str("dyad"), Type: strings.TrimSpace(p.str("type")),
		Since: p.date("since"), Until: p.date("until"), Background: p.oneOf("background", "exclude", "include") == "include"}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		p.fail(bad("since %s is after until %s", f.Since, f.Until))
	}
	if f.Q != "" {
		code, means, err := s.resolveActor(f.Q)
		p.fail(err)
		f.Means = means
		if len(code) == 3 {
			f.Country = code
		} else {
			f.Actor = code
		}
	}
	if f.Dyad != "" {
		d, err := parseDyad(f.Dyad)
		if err == nil && d.Level != tension.CountryLevel {
			err = bad("dyad %q: countries only, e.g. ARM-AZE or AZE>ARM", f.Dyad)
		}
		p.fail(err)
		f.dyad, f.Dyad = d, d.String()
	}
	switch t := strings.ToUpper(f.Type); {
	case t == "":
	case strings.Trim(t, "0123456789") == "" && len(t) >= 2 && len(t) <= 4:
		f.Code = t
	case slices.Contains(s.plover, t):
		f.Plover, f.Type = t, t
	default:
		p.fail(bad("type %q: want a CAMEO code or root (19, 193) or a PLOVER type (%s)", f.Type, strings.Join(s.plover, ", ")))
	}
	return f
}

// resolveActor reads an actor or country given by code ("ARM",
// "AZEMIL", or "arm" for a country) or by name ("Armenia", "the Armenian army"), as the
// dictionaries code it.
func (s *Server) resolveActor(q string) (code, means string, err error) {
	if len(q) > 200 {
		return "", "", bad("q: at most 200 bytes")
	}
	if isCode(q) {
		return q, "", nil
	}
	for _, ph := range s.dict.Phrases(text.Tokens(q), "") {
		if ph.Code != "" {
			return ph.Code, q + ": " + ph.Code, nil
		}
	}
	if up := strings.ToUpper(q); len(up) == 3 && isCode(up) { // "arm"
		return up, "", nil
	}
	return "", "", bad("q %q: no actor or country of that name or code (e.g. Armenia, ARM, AZEMIL)", q)
}

// Active reports whether any filter is set.
func (f dashFilter) Active() bool {
	return f.Q != "" || f.Dyad != "" || f.Type != "" || f.Since != "" || f.Until != "" || f.Background
}

// store is the filter as the store reads it (PLOVER types aside).
func (f dashFilter) store() store.Filter {
	sf := store.Filter{Actor: f.Actor, Country: f.Country, Code: f.Code, Since: f.Since, Until: f.Until, Background: store.BackgroundExclude}
	if f.Background {
		sf.Background = store.BackgroundInclude
	}
	if f.dyad.A != "" {
		if f.dyad.Directed {
			sf.Dyad = f.dyad.A + "-" + f.dyad.B
		} else {
			sf.Pair = f.dyad.A + "-" + f.dyad.B
		}
	}
	return sf
}

// api is the filter as the API's event, incident and point queries
// take it; ok is false when the API cannot say it (a PLOVER type).
func (f dashFilter) api() (q url.Values, ok bool) {
	sf := f.store()
	q = url.Values{}
	for k, v := range map[string]string{"actor": sf.Actor, "country": sf.Country, "code": sf.Code,
		"since": sf.Since, "until": sf.Until, "background": sf.Background} {
		if v != "" {
			q.Set(k, v)
		}
	}
	switch {
	case sf.Dyad != "":
		q.Set("dyad", sf.Dyad)
	case sf.Pair != "":
		q.Set("dyad", sf.Pair)
		q.Set("pair", "true")
	}
	return q, f.Plover == ""
}

// Query is the filter as the page's own URL query.
func (f dashFilter) Query() string {
	q := url.Values{}
	for k, v := range map[string]string{"q": f.Q, "dyad": f.Dyad, "type": f.Type, "since": f.Since, "until": f.Until} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.Background {
		q.Set("background", "include")
	}
	return q.Encode()
}

// ploverTypes lists the PLOVER types of the CAMEO code table, sorted.
func ploverTypes(codes *verbs.Codes) []string {
	var out []string
	for _, c := range codes.All() {
		if pc, ok := verbs.PloverOf(c.Code); ok && !slices.Contains(out, pc.Type) {
			out = append(out, pc.Type)
		}
	}
	slices.Sort(out)
	return out
}

// ploverCodes lists the CAMEO codes (and roots) of a PLOVER type.
func ploverCodes(codes *verbs.Codes, typ string) []string {
	var out []string
	for _, c := range codes.All() {
		for _, x := range []string{c.Code, verbs.Root(c.Code)} {
			if pc, ok := verbs.PloverOf(x); ok && pc.Type == typ && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// searchForm is a page's search form: where it submits, the search as
// read, and the choices it offers.
type searchForm struct {
	Action  string
	Filter  dashFilter
	Options filterOptions
	Plover  bool // offer PLOVER types (the map cannot filter on them)
}

// option is one entry of a filter's select or datalist.
type option struct{ Value, Label string }

// filterOptions are the choices the search form offers.
type filterOptions struct {
	Dyads  []string // the most active dyads, for the dyad picker
	Roots  []option // CAMEO roots with their labels
	Plover []string // PLOVER types
}

func (s *Server) filterOptions(dyads []tension.DyadTotal) filterOptions {
	o := filterOptions{Plover: s.plover, Roots: s.roots}
	for _, d := range dyads {
		o.Dyads = append(o.Dyads, d.Name)
	}
	return o
}

// cameoRoots lists the CAMEO roots with their labels, for the form.
func cameoRoots(codes *verbs.Codes) []option {
	var out []option
	for _, c := range codes.All() {
		if r := verbs.Root(c.Code); len(out) == 0 || out[len(out)-1].Value != r {
			out = append(out, option{r, r + " " + cameoLabel(codes, r)})
		}
	}
	return out
}

// cameoLabel is a code's label in the CAMEO table ("" unknown).
func cameoLabel(codes *verbs.Codes, code string) string {
	if len(code) == 2 {
		code += "0" // a root reads as its base code ("19": "190")
	}
	c, _ := codes.Get(code)
	return c.Label
}
