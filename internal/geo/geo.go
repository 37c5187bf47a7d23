// Package geo is Flashpoint's offline geoparser: an embedded GeoNames
// gazetteer (countries, first-level divisions and places of 1,000+ people or
// administrative seats), a hand-kept alias file, cue-based place mention
// finding, disambiguation and event location annotation.
package geo

//go:generate go run ./gen

import (
	"embed"
	"sync"
	"sync/atomic"

	"github.com/flashpoint/flashpoint/internal/event"
)

//go:embed data/gazetteer.tsv.gz data/aliases.txt
var dataFS embed.FS

// Precision values of a Place.
const (
	PrecCountry = "country"
	PrecAdmin1  = "admin1"
	PrecCity    = "city"
)

// Place is a resolved gazetteer entry.
type Place struct {
	Name       string
	GeonameID  int64
	Lat, Lon   float64
	Country    string // ISO-3
	Admin1     string // first-level division name, "" if none or unknown
	Precision  string // country, admin1 or city
	Population int
}

// Mention is a place named in a sentence: its span (byte offsets into the
// sentence), the resolved place, how sure the resolution is, and the cue
// that made the phrase a place ("in", "region", "alias", ...).
type Mention struct {
	event.Span
	Place      Place
	Confidence float64
	Cue        string
}

type kind uint8

const (
	kCountry kind = iota
	kAdmin1
	kCity
)

// entry is one gazetteer record.
type entry struct {
	name     string
	id       int64
	lat, lon float64
	pop      int
	country  string // ISO-3
	admin1   int32  // index of the entry of the place's admin1, -1 if none
	kind     kind
	fcode    string
}

// Gazetteer holds the place index. It is safe for concurrent use; LoadAliases
// swaps the alias table atomically.
type Gazetteer struct {
	entries []entry
	// index maps a key (norm.Key) to the head of a chain in refs: ref
	// values are entry indexes, negated-minus-one for alternate names.
	index   map[string]int32
	refs    []int32
	next    []int32
	aliases atomic.Pointer[aliasTable]
	// countries maps ISO-3 to the country's entry.
	countries map[string]int32
	// admin1Codes maps "ISO3|name" of a first-level division to its
	// GeoNames admin1 code (for most countries the FIPS 10-4 code).
	admin1Codes map[string]string
}

var (
	defOnce sync.Once
	defG    *Gazetteer
)

// Default returns the gazetteer built from the embedded data, loading it on
// first use. It panics if the embedded data is corrupt (a build error).
func Default() *Gazetteer {
	defOnce.Do(func() {
		g, err := loadEmbedded()
		if err != nil {
			panic("geo: embedded gazetteer: " + err.Error())
		}
		defG = g
	})
	return defG
}

// Lookup resolves a place name as a gazetteer lookup would with no context
// cue: aliases first, then the gazetteer, preferring the given countries.
func (g *Gazetteer) Lookup(name string, prefer []string) (Place, bool) {
	key := string(keyOf(nil, name))
	if a := g.aliases.Load().byKey[key]; a != nil {
		if a.skip {
			return Place{}, false
		}
		return a.place, true
	}
	cands := g.candidates(key, cueNone, prefer)
	if len(cands) == 0 {
		return Place{}, false
	}
	return g.place(cands[0].ref), true
}

// place builds the exported Place of entry i.
func (g *Gazetteer) place(i int32) Place {
	e := &g.entries[i]
	p := Place{Name: e.name, GeonameID: e.id, Lat: e.lat, Lon: e.lon, Country: e.country, Population: e.pop}
	switch e.kind {
	case kCountry:
		p.Precision = PrecCountry
	case kAdmin1:
		p.Precision = PrecAdmin1
		p.Admin1 = e.name
	default:
		p.Precision = PrecCity
		if e.admin1 >= 0 {
			p.Admin1 = g.entries[e.admin1].name
		}
	}
	return p
}
