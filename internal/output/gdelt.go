package output

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
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

func (g *gdeltWriter) Write(e *event.Event) error {
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
	r = append(r, root, e.Code, base, e.Root, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), "1", "1", "1", "0")
	r = append(r, "0", "", "", "", "", "", "", "") // Actor1Geo: actors carry no place
	r = append(r, "0", "", "", "", "", "", "", "") // Actor2Geo
	r = gdeltGeo(r, e.Location)
	r = append(r, g.added, clean(e.DocID))
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
	case l.Precision == "country":
		typ = "1"
	case l.Precision == "admin1" && us:
		typ = "2"
	case l.Precision == "admin1":
		typ = "5"
	case us:
		typ = "3"
	}
	f := fips(l.Country)
	adm1 := f
	if l.Admin1 != "" && f != "" {
		adm1 = f + l.Admin1
	}
	name := l.Name
	if name == "" {
		name = l.Text
	}
	if cn := countryName(l.Country); l.Precision != "country" && cn != "" && cn != name {
		name += ", " + cn
	}
	feature := ""
	if l.GeonameID != 0 {
		feature = strconv.FormatInt(l.GeonameID, 10)
	}
	return append(r, typ, clean(name), f, adm1, "",
		strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64), feature)
}

func (g *gdeltWriter) Close() error { return g.w.Flush() }
