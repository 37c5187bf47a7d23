package geo

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/geo/internal/geonames"
	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

// ImportOptions control Import.
type ImportOptions struct {
	// Out is the gazetteer file to write; it is replaced only once the new
	// one is complete.
	Out string
	// TempDir holds the sort runs while importing ("": Out's directory).
	TempDir string
	// MemoryLimit bounds the bytes of records held in memory before they
	// are sorted to disk (0: 128 MiB).
	MemoryLimit int
	// BadRow is called for each row skipped as malformed.
	BadRow func(file string, line int, reason string)
	// Progress is called about once a second while the dumps are read.
	Progress func(ImportProgress)
}

// ImportProgress is where a running import is: reading File, or, once
// every file is read, Writing the gazetteer.
type ImportProgress struct {
	Writing     bool
	File        string
	Rows        int64 // rows read of File
	Bytes, Size int64 // bytes read of File, its size (0 if unknown)
	AllRows     int64 // rows read of all files
	Elapsed     time.Duration
}

// ImportReport says what an import read, kept and skipped.
type ImportReport struct {
	Out      string
	Files    []ImportedFile
	Rows     int64            // rows read
	Bad      int64            // malformed rows skipped
	Entries  int64            // places written
	Keys     int64            // distinct name keys written
	Refs     int64            // name → place references written
	Kept     map[string]int64 // entries by feature class ("P", "A", "S", ...)
	Skipped  map[string]int64 // rows and names not kept, by reason
	Bytes    int64            // size of the gazetteer file
	Took     time.Duration
	RowsPerS float64
}

// ImportedFile is one dump file read.
type ImportedFile struct {
	Name string
	Kind string // "geonames" or "alternate names"
	Rows int64
	Bad  int64
}

// keptCodes are the feature codes of classes H, L, S, T, U and V that news
// names as where something happened: islands, shoals and reefs, straits and
// canals, passes, valleys and heights, regions and zones, ports, camps,
// bases and airfields, border and customs posts, bridges and dams, power
// plants and oil fields, palaces, estates, monuments and squares, prisons,
// hospitals and stadiums, mosques and shrines. Streams, lakes, hills, farms,
// schools, churches, hotels and the like are left out: they are many
// (millions of streams) and rarely an event's place, and every kept name
// is one more word that can be read as a place.
var keptCodes = set(
	// H: water
	"SHOL", "RF", "RFC", "BNK", "STRT", "CHN", "CNL", "HBR", "LGN", "BAY", "GULF", "CHNM",
	// T: land forms
	"ISL", "ISLS", "ISLET", "ATOL", "PEN", "CAPE", "PASS", "MT", "MTS", "HLLS", "PLAT", "DSRT",
	"OAS", "VAL", "VALS", "GRGE", "PLN", "RDGE",
	// L: areas
	"AREA", "RGN", "RGNE", "PRT", "MILB", "OILF", "GASF", "PRK", "RES", "RESN", "RESF", "CST",
	"ZN", "ZNB", "TRB", "BTL", "INDS", "NVB",
	// S: sites and buildings
	"AIRB", "AIRF", "AIRP", "AIRH", "BDG", "CMP", "CMPRF", "CSTL", "CSTM", "DAM", "DIP", "EST",
	"HSEC", "INSM", "MNMT", "PAL", "PRN", "PS", "PSN", "PSTB", "PSTC", "PSTP", "RUIN", "HSTS",
	"ANS", "SQR", "STDM", "HSP", "OILR", "OILT", "OILJ", "PIER", "GOVL", "ADMF", "MSQE", "SHRN",
	"CTRS", "NSY", "FRM", "ESTO",
	// U: undersea
	"SHLU", "RFU", "BNKU",
	// V: vegetation
	"FRST",
)

// keepFeature says whether a row of a feature class and code is kept, and
// if not, why.
func keepFeature(class byte, code string) (bool, string) {
	switch class {
	case 'P':
		switch code {
		case "PPLH", "PPLQ", "PPLW", "PPLCH":
			return false, "historical, abandoned or destroyed place"
		}
		return true, ""
	case 'A':
		switch code {
		case "ADM1", "ADM2", "ADM3", "ADM4", "ADM5", "ADMD":
			return true, ""
		}
		return false, "country, dependency or historical division (countries come from Flashpoint's table)"
	case 'H', 'L', 'S', 'T', 'U', 'V':
		if keptCodes[code] {
			return true, ""
		}
		return false, "feature code not kept (stream, lake, hill, building, ...)"
	}
	return false, "feature class not kept (roads and railways, or none)"
}

// skipLangs are alternateNames "languages" that are codes, not names.
var skipLangs = set("post", "iata", "icao", "faac", "unlc", "abbr", "link", "wkdt", "phon", "tcid", "fr_1793")

// maxAlts bounds the alternate names taken from a row's alternatenames
// column (alternateNamesV2 rows are taken all, filtered).
const maxAlts = 24

type importer struct {
	opt     ImportOptions
	rep     *ImportReport
	ents    *sorter
	keys    *sorter
	rec     []byte
	start   time.Time
	lastRep time.Time
}

// Import reads GeoNames dump files (the geoname table: allCountries.txt,
// XX.txt, citiesN.txt; alternateNamesV2.txt; as .txt, .zip or .gz) and
// writes the gazetteer file opt.Out, which Default and Open load on top of
// the embedded data. Every path is checked before anything is read: a
// missing file or one that is not a dump is an error. Malformed rows are
// reported through opt.BadRow, counted and skipped. Reading streams; memory
// stays within opt.MemoryLimit plus the index of ids. The same files give
// the same gazetteer, byte for byte; a place in several files is taken
// from the last.
func Import(paths []string, opt ImportOptions) (*ImportReport, error) {
	if len(paths) == 0 {
		return nil, errors.New("no dump files given")
	}
	if opt.Out == "" {
		return nil, errors.New("no output file")
	}
	var srcs []dumpSource
	var kinds []dumpKind
	for _, p := range paths {
		ss, c, err := dumpSources(p)
		if err != nil {
			return nil, err
		}
		if c != nil {
			defer c.Close()
		}
		for _, s := range ss {
			k, err := sniffSource(s)
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, s)
			kinds = append(kinds, k)
		}
	}
	if err := os.MkdirAll(filepath.Dir(opt.Out), 0o755); err != nil {
		return nil, err
	}
	tmp := opt.TempDir
	if tmp == "" {
		tmp = filepath.Dir(opt.Out)
	}
	work, err := os.MkdirTemp(tmp, ".gazetteer-import-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	limit := opt.MemoryLimit
	if limit <= 0 {
		limit = 128 << 20
	}
	im := &importer{
		opt:   opt,
		rep:   &ImportReport{Out: opt.Out, Kept: map[string]int64{}, Skipped: map[string]int64{}},
		ents:  newSorter(work, limit/2),
		keys:  newSorter(work, limit/2),
		start: time.Now(),
	}
	im.lastRep = im.start
	// The sort buffers are most of the heap: collect garbage before it
	// doubles them.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(limit) + 96<<20))
	// References may name the embedded places.
	emb, err := embeddedIDs()
	if err != nil {
		return nil, err
	}
	for i, s := range srcs {
		if err := im.read(uint64(i), s, kinds[i]); err != nil {
			return nil, err
		}
	}
	if im.opt.Progress != nil {
		im.opt.Progress(ImportProgress{Writing: true, File: opt.Out, AllRows: im.rep.Rows, Elapsed: time.Since(im.start)})
	}
	if err := im.write(work, emb); err != nil {
		return nil, err
	}
	im.rep.Took = time.Since(im.start)
	if s := im.rep.Took.Seconds(); s > 0 {
		im.rep.RowsPerS = float64(im.rep.Rows) / s
	}
	return im.rep, nil
}

// sniffSource opens a source and tells its kind from its first rows (a
// damaged first row is a bad row, not a wrong file: up to 10 are tried).
func sniffSource(s dumpSource) (dumpKind, error) {
	rc, err := s.open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	lr := newLineReader(rc)
	var first error
	for tried := 0; tried < 10; {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil && err != errLineTooLong {
			return 0, fmt.Errorf("%s: %v", s.name, err)
		}
		if err == nil && (len(line) == 0 || line[0] == '#') {
			continue
		}
		tried++
		if err == nil {
			if k, ok := sniffDump(line); ok {
				return k, nil
			}
		}
		if first == nil {
			var cols [1][]byte
			first = fmt.Errorf("%s:%d: not a GeoNames dump file: %d tab-separated columns, want 19 (allCountries.txt, XX.txt, citiesN.txt) or 10 (alternateNamesV2.txt)",
				s.name, lr.line, splitTabs(line, cols[:]))
		}
	}
	if first == nil {
		return 0, fmt.Errorf("%s: empty, want a GeoNames dump file", s.name)
	}
	return 0, first
}

func (im *importer) read(fileIdx uint64, s dumpSource, kind dumpKind) error {
	rc, err := s.open()
	if err != nil {
		return err
	}
	defer rc.Close()
	cr := &countingReader{r: rc}
	lr := newLineReader(cr)
	f := ImportedFile{Name: s.name, Kind: kind.String()}
	bad := func(why string) {
		f.Bad++
		if im.opt.BadRow != nil {
			im.opt.BadRow(s.name, lr.line, why)
		}
	}
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err == errLineTooLong {
			f.Rows++
			bad(err.Error())
			continue
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %v", s.name, lr.line, err)
		}
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		f.Rows++
		seq := fileIdx<<40 | uint64(lr.line)
		if kind == dumpGeonames {
			err = im.geoname(seq, line)
		} else {
			err = im.altName(line)
		}
		if err != nil {
			if errors.Is(err, errSort) {
				return err
			}
			bad(err.Error())
		}
		if f.Rows&4095 == 0 && im.opt.Progress != nil {
			if now := time.Now(); now.Sub(im.lastRep) >= time.Second {
				im.lastRep = now
				im.opt.Progress(ImportProgress{File: s.name, Rows: f.Rows, Bytes: cr.n, Size: s.size,
					AllRows: im.rep.Rows + f.Rows, Elapsed: now.Sub(im.start)})
			}
		}
	}
	im.rep.Files = append(im.rep.Files, f)
	im.rep.Rows += f.Rows
	im.rep.Bad += f.Bad
	return nil
}

// errSort wraps a failure to write sort runs: it ends the import.
var errSort = errors.New("writing sort runs")

func (im *importer) skip(why string) { im.rep.Skipped[why]++ }

// geoname takes one row of the geoname table: an entry and its name keys.
func (im *importer) geoname(seq uint64, line []byte) error {
	var r geonameRow
	if err := parseGeoname(line, &r); err != nil {
		return err
	}
	if ok, why := keepFeature(r.class, string(r.code)); !ok {
		im.skip(why)
		return nil
	}
	var iso3 string
	if len(r.cc) > 0 {
		if iso3 = geonames.ISO3(string(r.cc)); iso3 == "" {
			im.skip("country code not in Flashpoint's table")
			return nil
		}
	}
	name, ascii := string(r.name), string(r.ascii)
	display := ascii
	if display == "" || !norm.IsLatin(display) {
		display = norm.ASCII(name)
	}
	if !norm.IsLatin(display) {
		im.skip("no Latin-script name")
		return nil
	}
	if len(display) > math.MaxUint16 || len(r.code) > 10 || len(r.admin1) > 20 {
		return errors.New("name or code too long")
	}
	primary := []string{display}
	if name != display && norm.IsLatin(name) {
		primary = append(primary, name)
	}
	if r.class == 'A' {
		primary = append(primary, geonames.AdminNames(display)...)
	}
	var alts []string
	if len(r.alts) > 0 {
		alts = geonames.PickAlts(primary, strings.Split(string(r.alts), ","), maxAlts)
	}

	// The entry: id, then the input order (a later file wins), then the
	// fields, strings last with their lengths.
	b := im.rec[:0]
	b = binary.BigEndian.AppendUint32(b, r.id)
	b = binary.BigEndian.AppendUint64(b, seq)
	b = binary.LittleEndian.AppendUint32(b, uint32(int32(math.Round(r.lat*1e6))))
	b = binary.LittleEndian.AppendUint32(b, uint32(int32(math.Round(r.lon*1e6))))
	b = binary.LittleEndian.AppendUint32(b, uint32(min(r.pop, math.MaxUint32)))
	var adm []byte
	if len(r.admin1) > 0 && iso3 != "" {
		adm = append(append([]byte(iso3), '.'), r.admin1...)
	}
	for _, s := range [][]byte{{r.class, '.'}, r.code, adm, []byte(iso3), []byte(display)} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	im.rec = b
	if err := im.ents.add(b); err != nil {
		return fmt.Errorf("%w: %v", errSort, err)
	}
	for _, p := range primary {
		if err := im.addKey(p, r.id, false); err != nil {
			return err
		}
	}
	for _, a := range alts {
		if err := im.addKey(a, r.id, true); err != nil {
			return err
		}
	}
	return nil
}

// altName takes one alternateNamesV2 row: a name key for its place.
func (im *importer) altName(line []byte) error {
	var r altNameRow
	if err := parseAltName(line, &r); err != nil {
		return err
	}
	lang := string(r.lang)
	if skipLangs[lang] {
		im.skip("alternate name that is a code, link or abbreviation")
		return nil
	}
	name := string(r.name)
	if !geonames.AltOK(name) {
		im.skip("alternate name not in Latin script, not capitalised, or with digits")
		return nil
	}
	// The preferred English name is how English news names the place.
	return im.addKey(name, r.id, !(r.preferred && lang == "en"))
}

// maxKeyWords is the most words of a name the mention finder tries.
const maxKeyWords = maxNameTokens

func (im *importer) addKey(name string, id uint32, alt bool) error {
	b := norm.AppendKey(im.rec[:0], name)
	if len(b) == 0 || len(b) > 200 || strings.Count(string(b), " ") >= maxKeyWords {
		return nil
	}
	b = append(b, 0)
	b = binary.BigEndian.AppendUint32(b, id)
	flag := byte(0)
	if alt {
		flag = 1
	}
	b = append(b, flag)
	im.rec = b
	if err := im.keys.add(b); err != nil {
		return fmt.Errorf("%w: %v", errSort, err)
	}
	return nil
}

// idSet is a bitset of geonameids.
type idSet []uint64

func (s *idSet) add(id uint32) {
	i := int(id >> 6)
	if i >= len(*s) {
		*s = append(*s, make([]uint64, i+1-len(*s)+len(*s)/4)...)
	}
	(*s)[i] |= 1 << (id & 63)
}

func (s idSet) has(id uint32) bool {
	i := int(id >> 6)
	return i < len(s) && s[i]&(1<<(id&63)) != 0
}

// ranks returns, per word of the set, how many ids the words before hold:
// the rank of an id (its index among the set's ids in order) is then one
// popcount away.
func (s idSet) ranks() []uint32 {
	out := make([]uint32, len(s))
	n := uint32(0)
	for i, w := range s {
		out[i] = n
		n += uint32(bits.OnesCount64(w))
	}
	return out
}

func (s idSet) rank(ranks []uint32, id uint32) uint32 {
	i := id >> 6
	return ranks[i] + uint32(bits.OnesCount64(s[i]&(1<<(id&63)-1)))
}

// secFile buffers one section of the output in a file of its own.
type secFile struct {
	f *os.File
	w *bufio.Writer
	n int64
}

func (s *secFile) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.n += int64(n)
	return n, err
}

func (s *secFile) u32(v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	s.Write(b[:])
}

// embeddedIDs returns the set of the embedded places' geonameids.
func embeddedIDs() (idSet, error) {
	emb, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	valid := idSet{}
	for i := range emb.entries {
		if id := emb.entries[i].id; id > 0 && id < embBit {
			valid.add(uint32(id))
		}
	}
	return valid, nil
}

// write merges the sorted entries and keys into the gazetteer file; emb
// holds the ids of the embedded places.
func (im *importer) write(work string, emb idSet) error {
	var secs [secCount]*secFile
	for i := range secs {
		f, err := os.CreateTemp(work, "sec-*")
		if err != nil {
			return err
		}
		defer f.Close()
		secs[i] = &secFile{f: f, w: bufio.NewWriterSize(f, 1<<20)}
	}
	// Entries, their names and the strings they use.
	ents := idSet{}
	strIdx := map[string]uint16{"": 0}
	strs := []string{""}
	intern := func(s string) (uint16, error) {
		if i, ok := strIdx[s]; ok {
			return i, nil
		}
		if len(strs) > math.MaxUint16 {
			return 0, errors.New("more than 65,535 feature, admin1 and country codes")
		}
		strIdx[s] = uint16(len(strs))
		strs = append(strs, s)
		return uint16(len(strs) - 1), nil
	}
	var rec [entrySize]byte
	flush := func(b []byte) error {
		le := binary.LittleEndian
		id := binary.BigEndian.Uint32(b)
		copy(rec[4:16], b[12:24]) // lat, lon, population
		p := b[24:]
		var fields [5]string
		for i := range fields {
			n, k := binary.Uvarint(p)
			if k <= 0 || int(n) > len(p)-k {
				return errors.New("damaged sort record")
			}
			fields[i] = string(p[k : k+int(n)])
			p = p[k+int(n):]
		}
		feat, err1 := intern(fields[0] + fields[1])
		adm, err2 := intern(fields[2])
		cc, err3 := intern(fields[3])
		if err := errors.Join(err1, err2, err3); err != nil {
			return err
		}
		le.PutUint32(rec[0:], id)
		le.PutUint32(rec[16:], uint32(secs[secNames].n))
		le.PutUint16(rec[20:], uint16(len(fields[4])))
		le.PutUint16(rec[22:], feat)
		le.PutUint16(rec[24:], adm)
		le.PutUint16(rec[26:], cc)
		secs[secEntries].Write(rec[:])
		io.WriteString(secs[secNames], fields[4])
		ents.add(id)
		im.rep.Entries++
		im.rep.Kept[fields[0][:1]]++
		return nil
	}
	var prev []byte
	err := im.ents.each(func(b []byte) error {
		if prev != nil && string(prev[:4]) != string(b[:4]) {
			if err := flush(prev); err != nil {
				return err
			}
		}
		prev = append(prev[:0], b...)
		return nil
	})
	if err == nil && prev != nil {
		err = flush(prev)
	}
	if err != nil {
		return err
	}
	io.WriteString(secs[secStrings], strings.Join(strs, "\n"))

	// Keys, their references and the buckets. A reference to a place the
	// embedded data has goes to it by geonameid; one to an entry of this
	// file, by the entry's index (its rank among the ids).
	ranks := ents.ranks()
	buckets := make([]uint32, nBuckets+1)
	nextBucket := 0
	var cur []byte // current key
	var lastID uint32
	nKeys, nRefs := uint32(0), uint32(0)
	keyOpen := false
	err = im.keys.each(func(b []byte) error {
		n := len(b) - 6
		key, id, alt := b[:n], binary.BigEndian.Uint32(b[n+1:]), b[n+5] == 1
		var ref uint32
		switch {
		case emb.has(id):
			ref = id | embBit
		case ents.has(id):
			ref = ents.rank(ranks, id)
		default:
			im.skip("name of a place not in the gazetteer")
			return nil
		}
		if keyOpen && string(key) == string(cur) {
			if id == lastID {
				return nil // the same name twice (the primary sorts first)
			}
		} else {
			for ; nextBucket <= bucketOf(key); nextBucket++ {
				buckets[nextBucket] = nKeys
			}
			secs[secKeyOff].u32(uint32(secs[secKeys].n))
			secs[secRefStart].u32(nRefs)
			secs[secKeys].Write(key)
			cur = append(cur[:0], key...)
			keyOpen = true
			nKeys++
		}
		if alt {
			ref |= altBit
		}
		secs[secRefs].u32(ref)
		lastID = id
		nRefs++
		return nil
	})
	if err != nil {
		return err
	}
	secs[secKeyOff].u32(uint32(secs[secKeys].n))
	secs[secRefStart].u32(nRefs)
	for ; nextBucket <= nBuckets; nextBucket++ {
		buckets[nextBucket] = nKeys
	}
	for _, v := range buckets {
		secs[secBuckets].u32(v)
	}
	if secs[secKeys].n > math.MaxUint32 || secs[secNames].n > math.MaxUint32 {
		return errors.New("gazetteer over 4 GiB of names")
	}
	im.rep.Keys, im.rep.Refs = int64(nKeys), int64(nRefs)

	meta := []string{"format 1"}
	for _, f := range im.rep.Files {
		meta = append(meta, fmt.Sprintf("source %s %d", filepath.Base(f.Name), f.Rows))
	}
	meta = append(meta, fmt.Sprintf("entries %d", im.rep.Entries), fmt.Sprintf("keys %d", nKeys))
	io.WriteString(secs[secMeta], strings.Join(meta, "\n")+"\n")
	return im.assemble(secs)
}

// assemble writes the header and the sections into a temporary file beside
// Out and renames it over Out.
func (im *importer) assemble(secs [secCount]*secFile) error {
	for _, s := range secs {
		if err := s.w.Flush(); err != nil {
			return err
		}
	}
	hdr := len(localMagic) + 8 + secCount*16
	table := make([]byte, 0, secCount*16)
	off := int64(hdr)
	for _, s := range secs {
		table = binary.LittleEndian.AppendUint64(table, uint64(off))
		table = binary.LittleEndian.AppendUint64(table, uint64(s.n))
		off += s.n
	}
	out, err := os.CreateTemp(filepath.Dir(im.opt.Out), filepath.Base(im.opt.Out)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	w := bufio.NewWriterSize(out, 1<<20)
	w.WriteString(localMagic)
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:], secCount)
	binary.LittleEndian.PutUint32(b[4:], crc32.ChecksumIEEE(table))
	w.Write(b[:])
	w.Write(table)
	for _, s := range secs {
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			out.Close()
			return err
		}
		if _, err := io.Copy(w, s.f); err != nil {
			out.Close()
			return err
		}
	}
	err = w.Flush()
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(out.Name(), 0o644)
	}
	if err != nil {
		return err
	}
	im.rep.Bytes = off
	return os.Rename(out.Name(), im.opt.Out)
}

// SkippedReasons returns the reasons of rep.Skipped, most frequent first.
func (rep *ImportReport) SkippedReasons() []string {
	out := make([]string, 0, len(rep.Skipped))
	for k := range rep.Skipped {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if rep.Skipped[out[i]] != rep.Skipped[out[j]] {
			return rep.Skipped[out[i]] > rep.Skipped[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
