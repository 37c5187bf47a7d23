package output

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/geo"
)

// GDELT 2.0 event table: 61 tab-separated columns in the codebook's
// order, no header. What we put where GDELT's meaning and ours differ
// is documented in docs/store.md ("Exports").

func init() { register("gdelt", newGDELT) }

// now is the export time (DATEADDED); tests pin it.
var now = time.Now

type gdeltWriter struct {
	w     *bufio.Writer
	added string
	rec   []string
}

func newGDELT(w io.Writer) Writer {
	return &gdeltWriter{w: bufio.NewWriter(w), added: now().UTC().Format("20060102150405"), rec: make([]string, 0, 61)}
}

func (g *gdeltWriter) Write(e *event.Event) error { return g.WriteMeta(e, &Meta{}) }

// WriteMeta writes one row. From the store, NumMentions, NumSources and
// NumArticles are the incident's, DATEADDED is when the article was
// ingested (stable across exports) and SOURCEURL its URL; without a
// store they are 1, the export time and the article id.
func (g *gdeltWriter) WriteMeta(e *event.Event, m *Meta) error {
	r := g.rec[:0]
	r = append(r, strconv.FormatInt(numericID(e.ID), 10))
	if t, ok := eventDay(e.Date); ok {
		frac := float64(t.Year()) + float64(int(t.Month())*30+t.Day())/365
		r = append(r, t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
	} else {
		r = append(r, "", "", "", "")
	}
	r = gdeltActor(r, e.Source)
	r = gdeltActor(r, e.Target)
	root := "0"
	if e.SentenceIndex == 0 {
		root = "1"
	}
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	one := func(n int) string { return strconv.Itoa(max(n, 1)) }
	r = append(r, root, e.Code, base, e.Root, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), one(m.Mentions), one(m.Sources), one(m.Articles), "0")
	r = append(r, "0", "", "", "", "", "", "", "") // Actor1Geo: actors carry no place
	r = append(r, "0", "", "", "", "", "", "", "") // Actor2Geo
	r = gdeltGeo(r, e.Location)
	added, url := g.added, e.DocID
	if !m.Added.IsZero() {
		added = m.Added.UTC().Format("20060102150405")
	}
	if m.URL != "" {
		url = m.URL
	}
	r = append(r, added, clean(url))
	g.rec = r
	_, err := g.w.WriteString(strings.Join(r, "\t") + "\n")
	return err
}

// gdeltActor appends Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code..Type3Code.
func gdeltActor(r []string, a event.Actor) []string {
	roles := roleCodes(a)
	group := ""
	if isOrg(a.Country) {
		// An organisation: its own code is the known group, the country
		// part names its kind.
		if len(roles) > 0 {
			group, roles = roles[0], roles[1:]
		}
		roles = append([]string{a.Country}, roles...)
	}
	country := a.Country
	if group != "" {
		country = ""
	}
	types := [3]string{}
	copy(types[:], roles)
	return append(r, clean(a.Code), clean(strings.ToUpper(a.Text)), country, group, "", "", "", types[0], types[1], types[2])
}

// gdeltGeo appends Type, FullName, CountryCode (FIPS 10-4), ADM1Code,
// ADM2Code, Lat, Long, FeatureID.
func gdeltGeo(r []string, l *event.Location) []string {
	if l == nil {
		return append(r, "0", "", "", "", "", "", "", "")
	}
	us := l.Country == "USA"
	typ := "4" // world city
	switch {
	case l.Precision == "country" || l.Precision == "named":
		// a place no gazetteer holds is located at its country's level
		typ = "1"
	case l.Precision == "admin1" && us:
		typ = "2"
	case l.Precision == "admin1":
		typ = "5"
	case us:
		typ = "3"
	}
	f := fips(l.Country)
	// ADM1: FIPS country code + the division's code (GeoNames' admin1
	// codes are FIPS 10-4 for most countries); the country code alone
	// when the division is unknown.
	adm1, division := f, ""
	switch l.Precision {
	case "admin1":
		division = l.Name
	case "city":
		division = l.Admin1
	}
	if c := admin1Code(l.Country, division); c != "" && f != "" {
		adm1 = f + c
	}
	// FullName as GDELT writes it: "City, ADM1, Country", "ADM1, Country"
	// or "Country".
	var parts []string
	name := l.Name
	if name == "" {
		name = l.Text
	}
	if l.Precision == "city" {
		parts = append(parts, name)
	}
	if division != "" {
		parts = append(parts, division)
	}
	if cn := countryName(l.Country); cn != "" {
		parts = append(parts, cn)
	} else if l.Precision == "country" {
		parts = append(parts, name)
	}
	name = strings.Join(parts, ", ")
	feature := ""
	if l.GeonameID != 0 {
		feature = strconv.FormatInt(l.GeonameID, 10)
	}
	lat, lon := strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
	if l.Precision == "named" {
		lat, lon = "", "" // no coordinates are known
	}
	return append(r, typ, clean(name), f, adm1, "", lat, lon, feature)
}

// admin1Code is the gazetteer's code of a division, "" when unknown.
// Tests replace it to avoid loading the gazetteer.
var admin1Code = func(iso3, name string) string {
	if name == "" {
		return ""
	}
	return geo.Default().Admin1Code(iso3, name)
}

func (g *gdeltWriter) Close() error { return g.w.Flush() }
