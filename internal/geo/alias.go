package geo

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// alias is one resolved entry of an alias file.
type alias struct {
	place  Place
	skip   bool   // a name that is never an event location (open sea)
	source string // "file:line", for Explain
}

type aliasTable struct {
	byKey map[string]*alias
	// first holds the first word of every phrase, to skip most positions
	// cheaply; maxTokens is the most words in any phrase.
	first     map[string]bool
	maxTokens int
}

// LoadAliases adds the entries of an alias file (format: data/aliases.txt)
// to the default gazetteer; its phrases override earlier ones.
func LoadAliases(r io.Reader) error { return Default().LoadAliases(r) }

// LoadAliases adds the entries of an alias file (format: data/aliases.txt);
// its phrases override earlier ones. On error nothing is changed.
func (g *Gazetteer) LoadAliases(r io.Reader) error {
	return g.loadAliases(r, "aliases")
}

func (g *Gazetteer) loadAliases(r io.Reader, name string) error {
	old := g.aliases.Load()
	t := &aliasTable{byKey: make(map[string]*alias, len(old.byKey)+64), first: map[string]bool{}, maxTokens: old.maxTokens}
	for k, v := range old.byKey {
		t.byKey[k] = v
	}
	for k := range old.first {
		t.first[k] = true
	}
	sc := bufio.NewScanner(r)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, lineNo)
		a, phrases, err := g.parseAlias(line)
		if err != nil {
			return fmt.Errorf("%s: %v", src, err)
		}
		a.source = src
		a.place.Source = "alias " + src
		for _, p := range phrases {
			key := string(keyOf(nil, p))
			if key == "" {
				return fmt.Errorf("%s: empty phrase", src)
			}
			t.byKey[key] = a
			first, _, _ := strings.Cut(key, " ")
			t.first[first] = true
			if n := strings.Count(key, " ") + 1; n > t.maxTokens {
				t.maxTokens = n
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	g.aliases.Store(t)
	return nil
}

func (g *Gazetteer) parseAlias(line string) (*alias, []string, error) {
	f := strings.Split(line, "|")
	if len(f) != 5 {
		return nil, nil, fmt.Errorf("want 5 fields separated by |, have %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	var phrases []string
	for _, p := range strings.Split(f[0], ";") {
		if p = strings.TrimSpace(p); p != "" {
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 {
		return nil, nil, fmt.Errorf("no phrase")
	}
	ctry, prec, pos, name := f[1], f[2], f[3], f[4]
	if prec == "skip" {
		return &alias{skip: true, place: Place{Name: name}}, phrases, nil
	}
	if prec != PrecCountry && prec != PrecAdmin1 && prec != PrecCity {
		return nil, nil, fmt.Errorf("precision %q: want country, admin1, city or skip", prec)
	}
	if len(ctry) != 3 || strings.ToUpper(ctry) != ctry {
		return nil, nil, fmt.Errorf("country %q: want an ISO-3 code", ctry)
	}
	p := Place{Name: name, Country: ctry, Precision: prec}
	if lat, lon, ok := strings.Cut(pos, ","); ok {
		var err1, err2 error
		p.Lat, err1 = strconv.ParseFloat(strings.TrimSpace(lat), 64)
		p.Lon, err2 = strconv.ParseFloat(strings.TrimSpace(lon), 64)
		if err1 != nil || err2 != nil || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			return nil, nil, fmt.Errorf("position %q: want lat,lon", pos)
		}
		if prec == PrecAdmin1 {
			p.Admin1 = name
		}
		return &alias{place: p}, phrases, nil
	}
	ref := name
	if strings.HasPrefix(pos, "@") {
		ref = strings.TrimSpace(pos[1:])
	} else if pos != "-" {
		return nil, nil, fmt.Errorf("position %q: want lat,lon, - or @name", pos)
	}
	i, ok := g.find(ref, ctry, prec)
	if !ok {
		return nil, nil, fmt.Errorf("no %s %q in %s in the gazetteer", prec, ref, ctry)
	}
	gp := g.place(i)
	gp.Name = name
	if prec == PrecAdmin1 {
		gp.Admin1 = g.entries[i].name
	}
	return &alias{place: gp}, phrases, nil
}

// find returns the most populous entry called name in country at precision.
func (g *Gazetteer) find(name, country, prec string) (int32, bool) {
	want := map[string]kind{PrecCountry: kCountry, PrecAdmin1: kAdmin1, PrecCity: kCity}[prec]
	best, found := int32(-1), false
	h, ok := g.index[string(keyOf(nil, name))]
	if !ok {
		return 0, false
	}
	for j := h; j >= 0; j = g.next[j] {
		i := entryOf(g.refs[j])
		e := &g.entries[i]
		if e.kind != want || e.country != country {
			continue
		}
		if !found || e.pop > g.entries[best].pop {
			best, found = i, true
		}
	}
	return best, found
}
