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

func (c *icewsWriter) Write(e *event.Event) error {
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
		country = countryName(l.Country)
		lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
	}
	r := []string{
		strconv.FormatInt(numericID(e.ID), 10), date,
		e.Source.Text, strings.Join(sectorNames(e.Source), ","), countryName(e.Source.Country),
		codeLabel(e.Code), e.Code, strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		e.Target.Text, strings.Join(sectorNames(e.Target), ","), countryName(e.Target.Country),
		e.DocID, strconv.Itoa(e.SentenceIndex + 1), "",
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
