package geo

import (
	"cmp"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// EnvGazetteer names the environment variable that gives the imported
// gazetteer file ("off" or "none": none).
const EnvGazetteer = "FLASHPOINT_GAZETTEER"

// LocalPath returns the imported gazetteer file Default loads and whether
// the user named it: $FLASHPOINT_GAZETTEER when set ("" when it is "off" or
// "none"), else DefaultLocalPath. A test binary loads only a file the
// environment names, so that tests never depend on what the user imported.
func LocalPath() (path string, explicit bool) {
	if v, ok := os.LookupEnv(EnvGazetteer); ok && v != "" {
		if v == "off" || v == "none" {
			return "", true
		}
		return v, true
	}
	if testing.Testing() {
		return "", false
	}
	return DefaultLocalPath(), false
}

// DefaultLocalPath is where 'flashpoint gazetteer import' writes and
// Default looks when the environment names no file: gazetteer.fpg in
// flashpoint's folder of the user's data directory ($XDG_DATA_HOME, else
// ~/.local/share; the user configuration directory on macOS and Windows).
// It is "" when no home directory is known.
func DefaultLocalPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		var err error
		switch runtime.GOOS {
		case "windows", "darwin", "ios", "plan9":
			dir, err = os.UserConfigDir()
		default:
			var home string
			home, err = os.UserHomeDir()
			dir = filepath.Join(home, ".local", "share")
		}
		if err != nil {
			return ""
		}
	}
	return filepath.Join(dir, "flashpoint", LocalFileName)
}

// idRef is an embedded place's geonameid and entry.
type idRef struct {
	id  int64
	idx int32
}

// attach opens the imported gazetteer file at path on top of the embedded
// data.
func (g *Gazetteer) attach(path string) error {
	l, err := openLocal(path)
	if err != nil {
		return err
	}
	g.byID = g.byID[:0]
	g.embIDs = idSet{}
	for i := range g.entries {
		if id := g.entries[i].id; id > 0 {
			g.byID = append(g.byID, idRef{id, int32(i)})
			if id < embBit {
				g.embIDs.add(uint32(id))
			}
		}
	}
	slices.SortFunc(g.byID, func(a, b idRef) int { return cmp.Compare(a.id, b.id) })
	// The file's admin1 codes, as entries of the embedded data.
	g.localAdmin = make([]int32, len(l.strs))
	for i, s := range l.strs {
		g.localAdmin[i] = -1
		if c, code, ok := strings.Cut(s, "."); ok && len(c) == 3 {
			if a, ok := g.admin1ByCode[admKey{c, code}]; ok {
				g.localAdmin[i] = a
			}
		}
	}
	g.local = l
	return nil
}

// embeddedByID finds the embedded place of a geonameid.
func (g *Gazetteer) embeddedByID(id int64) (int32, bool) {
	i, ok := slices.BinarySearchFunc(g.byID, id, func(r idRef, id int64) int { return cmp.Compare(r.id, id) })
	if !ok {
		return 0, false
	}
	return g.byID[i].idx, true
}

// hasKey reports whether any gazetteer has a name with this key.
func (g *Gazetteer) hasKey(key []byte) bool {
	if _, ok := g.index[string(key)]; ok {
		return true
	}
	return g.local != nil && findKey(g.local, key) >= 0
}

// collect lists the entries called key: the embedded ones, then those of
// the imported gazetteer. An imported reference to a place the embedded
// data has (the same geonameid, or the same first-level division) adds a
// name to the embedded entry instead of a second candidate.
func (g *Gazetteer) collect(key string) []cand {
	var cs []cand
	h, inIndex := g.index[key]
	k := -1
	if g.local != nil {
		k = findKey(g.local, key)
	}
	var buf [16]uint32
	var refs []uint32
	if k >= 0 {
		refs = g.local.refs(k, buf[:0])
		cs = make([]cand, 0, len(refs)+4)
	}
	if inIndex {
		for j := h; j >= 0; j = g.next[j] {
			ref := g.refs[j]
			i := entryOf(ref)
			cs = append(cs, cand{e: &g.entries[i], ref: i, alt: ref < 0})
		}
	}
	if k < 0 {
		return cs
	}
	addEmbedded := func(i int32, alt bool) {
		for j := range cs {
			if cs[j].ref == i {
				cs[j].alt = cs[j].alt && alt
				return
			}
		}
		cs = append(cs, cand{e: &g.entries[i], ref: i, alt: alt})
	}
	var ents []entry // the imported candidates, allocated at the first one
	for _, r := range refs {
		alt := r&altBit != 0
		li := int(r &^ (altBit | embBit))
		if r&embBit != 0 {
			if i, ok := g.embeddedByID(int64(li)); ok {
				addEmbedded(i, alt)
				continue
			}
			// A place this binary's embedded data no longer has: the
			// file's own entry, if it has one.
			var ok bool
			if li, ok = g.local.entryIndex(uint32(li)); !ok {
				continue
			}
		}
		if li >= g.local.nEnt {
			continue // a damaged file
		}
		le := g.local.entry(li)
		if g.embIDs.has(le.id) {
			if i, ok := g.embeddedByID(int64(le.id)); ok {
				addEmbedded(i, alt) // a place this binary's embedded data has since
				continue
			}
		}
		if le.class == 'A' && le.fcode == "ADM1" {
			if a := g.localAdminOf(le.admin1); a >= 0 {
				addEmbedded(a, alt)
				continue
			}
		}
		if ents == nil {
			// capacity fixed at len(refs): the slice never moves, so the
			// candidates may point into it
			ents = make([]entry, 0, len(refs))
		}
		ents = append(ents, g.localEntry(le))
		cs = append(cs, cand{e: &ents[len(ents)-1], ref: -1, alt: alt})
	}
	return cs
}

// localAdminOf returns the embedded admin1 entry of the file's string i, -1
// for none.
func (g *Gazetteer) localAdminOf(i int) int32 {
	if i < 0 || i >= len(g.localAdmin) {
		return -1
	}
	return g.localAdmin[i]
}

// localEntry turns a record of the imported file into an entry.
func (g *Gazetteer) localEntry(le localEntry) entry {
	e := entry{id: int64(le.id), lat: le.lat, lon: le.lon, pop: le.pop, admin1: g.localAdminOf(le.admin1),
		country: le.country, fcode: le.fcode, imported: true}
	switch {
	case le.class == 'P':
		e.kind = kCity
	case le.class == 'A' && le.fcode == "ADM1":
		e.kind = kAdmin1
	case le.class == 'A':
		e.kind = kDivision
	default:
		e.kind = kFeature
	}
	return e
}

// ImportedInfo describes the imported gazetteer a Gazetteer uses.
type ImportedInfo struct {
	Path    string
	Entries int      // places
	Keys    int      // distinct names
	Sources []string // the dump files imported, with their rows: "allCountries.txt 13000000"
}

// Imported describes the imported gazetteer on top of the embedded data;
// ok is false when there is none.
func (g *Gazetteer) Imported() (info ImportedInfo, ok bool) {
	if g.local == nil {
		return ImportedInfo{}, false
	}
	return ImportedInfo{Path: g.local.path, Entries: g.local.nEnt, Keys: g.local.nKeys, Sources: g.local.metaValues("source")}, true
}

// EmbeddedInfo counts the embedded gazetteer's places and names.
func (g *Gazetteer) EmbeddedInfo() (entries, keys int) { return len(g.entries), len(g.index) }
