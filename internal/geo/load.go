package geo

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

func loadEmbedded() (*Gazetteer, error) {
	// Loading builds ~40 MB of live data in one go: collecting garbage
	// meanwhile only slows it down.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	gz, err := dataFS.ReadFile("data/gazetteer.tsv.gz")
	if err != nil {
		return nil, err
	}
	g, err := parseGazetteer(gz)
	if err != nil {
		return nil, err
	}
	a, err := dataFS.ReadFile("data/aliases.txt")
	if err != nil {
		return nil, err
	}
	g.aliases.Store(&aliasTable{byKey: map[string]*alias{}, first: map[string]bool{}})
	if err := g.loadAliases(bytes.NewReader(a), "aliases.txt"); err != nil {
		return nil, err
	}
	return g, nil
}

// parseGazetteer reads the gzip-compressed TSV written by gen. The whole text
// becomes one string whose substrings are the names, and all keys share one
// arena string: loading allocates little beyond the map itself.
func parseGazetteer(gz []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	// The gzip trailer holds the text's size: read it in one allocation.
	size := 1 << 20
	if len(gz) >= 4 {
		size = int(binary.LittleEndian.Uint32(gz[len(gz)-4:])) + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := io.Copy(buf, zr); err != nil {
		return nil, err
	}
	raw := buf.Bytes()
	text := string(raw)
	raw = nil

	g := &Gazetteer{countries: map[string]int32{}, admin1Codes: map[string]string{}, admin1ByCode: map[admKey]int32{}}
	g.entries = make([]entry, 0, strings.Count(text, "\n"))
	admins := g.admin1ByCode
	type keyRef struct {
		start, end int32
		ref        int32
	}
	arena := make([]byte, 0, len(text)/2)
	keys := make([]keyRef, 0, len(text)/12)
	addKey := func(name string, ref int32) {
		start := len(arena)
		arena = norm.AppendKey(arena, name)
		if len(arena) == start {
			return
		}
		keys = append(keys, keyRef{int32(start), int32(len(arena)), ref})
	}

	var cols [10]string
	for lineNo := 1; len(text) > 0; lineNo++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		n := 0
		for n < 9 {
			i := strings.IndexByte(line, '\t')
			if i < 0 {
				break
			}
			cols[n], line = line[:i], line[i+1:]
			n++
		}
		cols[n] = line
		if n != 9 {
			return nil, fmt.Errorf("gazetteer line %d: %d columns", lineNo, n+1)
		}
		id, err1 := strconv.ParseInt(cols[1], 10, 64)
		lat, err2 := strconv.ParseFloat(cols[3], 64)
		lon, err3 := strconv.ParseFloat(cols[4], 64)
		pop, err4 := strconv.Atoi(cols[8])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return nil, fmt.Errorf("gazetteer line %d: bad number", lineNo)
		}
		e := entry{name: cols[2], id: id, lat: lat, lon: lon, pop: pop, country: cols[5], admin1: -1, fcode: cols[7]}
		idx := int32(len(g.entries))
		switch cols[0] {
		case "C":
			e.kind = kCountry
			g.countries[e.country] = idx
		case "A":
			e.kind = kAdmin1
			admins[admKey{e.country, cols[6]}] = idx
			g.admin1Codes[e.country+"|"+e.name] = cols[6]
		case "P":
			e.kind = kCity
			if a, ok := admins[admKey{e.country, cols[6]}]; ok {
				e.admin1 = a
			}
		default:
			return nil, fmt.Errorf("gazetteer line %d: kind %q", lineNo, cols[0])
		}
		g.entries = append(g.entries, e)
		addKey(e.name, idx)
		for alts := cols[9]; alts != ""; {
			a := alts
			if i := strings.IndexByte(alts, '|'); i >= 0 {
				a, alts = alts[:i], alts[i+1:]
			} else {
				alts = ""
			}
			// Admin1 short forms ("Ryazan" for "Ryazan Oblast") and country
			// names count as primary names; other alternates are weaker.
			if e.kind == kCity {
				addKey(a, -idx-1)
			} else {
				addKey(a, idx)
			}
		}
	}

	keyText := string(arena)
	g.index = make(map[string]int32, len(keys))
	g.refs = make([]int32, len(keys))
	g.next = make([]int32, len(keys))
	for i, k := range keys {
		key := keyText[k.start:k.end]
		g.refs[i] = k.ref
		g.next[i] = -1
		if h, ok := g.index[key]; ok {
			// Drop a second key of the same entry (name and alternate
			// folding to one key).
			dup := false
			for j := h; j >= 0; j = g.next[j] {
				if entryOf(g.refs[j]) == entryOf(k.ref) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			g.next[i] = h
		}
		g.index[key] = int32(i)
	}
	return g, nil
}

// entryOf strips the alternate-name mark of a ref.
func entryOf(ref int32) int32 {
	if ref < 0 {
		return -ref - 1
	}
	return ref
}
