// Package geo is Flashpoint's offline geoparser: an embedded GeoNames
// gazetteer (countries, first-level divisions and places of 1,000+ people or
// administrative seats), optionally a gazetteer the user imported from
// GeoNames dump files on top of it, a hand-kept alias file, cue-based place
// mention finding, disambiguation by the article's context and event
// location annotation.
package geo

//go:generate go run ./gen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	// Feature is the GeoNames feature code ("PPL", "ADM2", "SHOL"; "PCLI"
	// for countries, "ADM1" for divisions).
	Feature string
	// Source is where the place comes from: "embedded" (the gazetteer
	// compiled in), the path of the imported gazetteer file, or "alias
	// FILE:LINE".
	Source string
}

// SourceEmbedded is Place.Source for the data compiled into the binary.
const SourceEmbedded = "embedded"

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
	kDivision // second-level and lower divisions (imported only)
	kFeature  // shoals, islands, camps, bases, ... (imported only)
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
	imported bool // from the imported gazetteer file, not the embedded data
	fcode    string
}

// admKey is a first-level division's country (ISO-3) and GeoNames code.
type admKey struct{ country, code string }

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
	// GeoNames admin1 code (for most countries the FIPS 10-4 code);
	// admin1ByCode maps country and admin1 code to the division's entry.
	admin1Codes  map[string]string
	admin1ByCode map[admKey]int32
	// local is the imported gazetteer, nil if none; byID lists the
	// embedded places by geonameid, for the references it makes to them.
	// localAdmin maps the file's strings to the embedded admin1 entry they
	// name ("XKX.10097358"), -1 for none.
	local      *localFile
	byID       []idRef
	embIDs     idSet
	localAdmin []int32
}

var (
	defOnce sync.Once
	defG    *Gazetteer
)

// Default returns the gazetteer built from the embedded data, loading it on
// first use, with the imported gazetteer LocalPath names on top when there
// is one (an imported file that cannot be read is reported on standard
// error and left out). It panics if the embedded data is corrupt (a build
// error).
func Default() *Gazetteer {
	defOnce.Do(func() {
		g, err := loadEmbedded()
		if err != nil {
			panic("geo: embedded gazetteer: " + err.Error())
		}
		if path, explicit := LocalPath(); path != "" {
			if err := g.attach(path); err != nil && (explicit || !errors.Is(err, fs.ErrNotExist)) {
				fmt.Fprintf(os.Stderr, "flashpoint: warning: imported gazetteer left out: %v\n", err)
			}
		}
		defG = g
	})
	return defG
}

// Open returns a gazetteer of the embedded data with the imported gazetteer
// file at path on top ("" for none), for a caller that chooses the file
// itself; Close releases the file.
func Open(path string) (*Gazetteer, error) {
	g, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	if path != "" {
		if err := g.attach(path); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// Close releases the imported gazetteer file of a gazetteer from Open;
// the gazetteer must not be used afterwards.
func (g *Gazetteer) Close() error {
	if g.local == nil {
		return nil
	}
	return g.local.Close()
}

// Lookup resolves a place name as a gazetteer lookup would with no context
// cue: aliases first, then the gazetteer, preferring the given countries.
// With countries given, a place only the imported gazetteer knows and in
// none of them is not taken (see docs/geo.md).
func (g *Gazetteer) Lookup(name string, prefer []string) (Place, bool) {
	key := string(keyOf(nil, name))
	if a := g.aliases.Load().byKey[key]; a != nil {
		if a.skip {
			return Place{}, false
		}
		return a.place, true
	}
	cands := usable(g.candidates(key, cueNone, &scope{prefer: prefer}, nil))
	if len(cands) == 0 {
		return Place{}, false
	}
	return g.placeOf(cands[0].e), true
}

// place builds the exported Place of entry i.
func (g *Gazetteer) place(i int32) Place { return g.placeOf(&g.entries[i]) }

// placeOf builds the exported Place of an entry.
func (g *Gazetteer) placeOf(e *entry) Place {
	p := Place{Name: e.name, GeonameID: e.id, Lat: e.lat, Lon: e.lon, Country: e.country, Population: e.pop,
		Feature: e.fcode, Source: SourceEmbedded}
	if e.imported {
		p.Source = g.local.path
		if i, ok := g.local.entryIndex(uint32(e.id)); ok && p.Name == "" {
			p.Name = g.local.name(i) // names are read only for the places returned
		}
	}
	switch e.kind {
	case kCountry:
		p.Precision = PrecCountry
	case kAdmin1:
		p.Precision = PrecAdmin1
		p.Admin1 = e.name
	default:
		// Lower divisions and features are points, as towns are.
		p.Precision = PrecCity
		if e.admin1 >= 0 {
			p.Admin1 = g.entries[e.admin1].name
		}
	}
	return p
}
