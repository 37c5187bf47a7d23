package output

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// ICEWS coded-event files: 20 tab-separated columns with a header.
// Countries are written as names, sectors as comma-separated names.

func init() { register("icews", newICEWS) }

var icewsHeader = []string{"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
	"Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country",
	"Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"}

type icewsWriter struct {
	w      *bufio.Writer
	header bool
}

func newICEWS(w io.Writer) Writer { return &icewsWriter{w: bufio.NewWriter(w)} }

func (c *icewsWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	_, err := c.w.WriteString(strings.Join(icewsHeader, "\t") + "\n")
	return err
}

func (c *icewsWriter) Write(e *event.Event) error { return c.WriteMeta(e, &Meta{}) }

// WriteMeta writes one row; the Publisher column is the article's source.
func (c *icewsWriter) WriteMeta(e *event.Event, m *Meta) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	date := ""
	if t, ok := eventDay(e.Date); ok {
		date = t.Format("2006-01-02")
	}
	var city, province, country, lat, lon string
	if l := e.Location; l != nil {
		name := l.Name
		if name == "" {
			name = l.Text
		}
		switch l.Precision {
		case "city":
			city, province = name, l.Admin1
		case "admin1":
			province = name
		}
		country = icewsCountry(l.Country)
		if l.Precision != "named" { // a place no gazetteer holds has no coordinates
			lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		}
	}
	r := []string{
		strconv.FormatInt(numericID(e.ID), 10), date,
		icewsName(e.Source), strings.Join(sectorNames(e.Source), ","), icewsCountry(e.Source.Country),
		sentenceCase(codeLabel(e.Code)), e.Code, strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		icewsName(e.Target), strings.Join(sectorNames(e.Target), ","), icewsCountry(e.Target.Country),
		e.DocID, strconv.Itoa(e.SentenceIndex + 1), m.Publisher,
		city, "", province, country, lat, lon,
	}
	for i := range r {
		r[i] = clean(r[i])
	}
	_, err := c.w.WriteString(strings.Join(r, "\t") + "\n")
	return err
}

// Close writes the header of an empty export, then flushes.
func (c *icewsWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.w.Flush()
}

// icewsName is the canonical name ICEWS gives an actor: the country for
// a state as a whole, "Sector (Country)" for a part of it
// ("Government (Pakistan)", "Military (Armenia)"), and for an
// organisation the words that named it.
func icewsName(a event.Actor) string {
	if isOrg(a.Country) || a.Country == "" {
		return a.Text
	}
	country := icewsCountry(a.Country)
	for _, r := range roleCodes(a) {
		if n, ok := icewsSectors[r]; ok {
			return n + " (" + country + ")"
		}
		if n, ok := sectors[r]; ok {
			return n + " (" + country + ")"
		}
	}
	return country
}

// icewsSectors are the generic actor names ICEWS uses where they differ
// from the sector names.
var icewsSectors = map[string]string{"CVL": "Citizen", "COP": "Police", "REB": "Insurgents", "OPP": "Opposition",
	"LEG": "Legislature", "JUD": "Judiciary", "MED": "Media", "BUS": "Business"}

// sentenceCase capitalises the first letter, as ICEWS writes its event
// texts ("Use conventional military force").
func sentenceCase(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// icewsCountries are the countries ICEWS names otherwise than news does.
var icewsCountries = map[string]string{
	"RUS": "Russian Federation", "PSE": "Occupied Palestinian Territory", "CIV": "Cote d'Ivoire",
	"TLS": "Timor-Leste", "VAT": "Holy See",
}

// icewsCountry is the country name ICEWS writes for a code.
func icewsCountry(iso3 string) string {
	if n, ok := icewsCountries[iso3]; ok {
		return n
	}
	return countryName(iso3)
}
