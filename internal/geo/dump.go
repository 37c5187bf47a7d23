package geo

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GeoNames dump files (see the readme of the GeoNames export): tab-separated
// UTF-8, one record a line.
//
//   - the geoname table (allCountries.txt, XX.txt, citiesN.txt, no-country.txt):
//     19 columns: geonameid, name, asciiname, alternatenames (comma-separated),
//     latitude, longitude, feature class, feature code, country code, cc2,
//     admin1..admin4 codes, population, elevation, dem, timezone,
//     modification date;
//   - alternateNamesV2.txt: 10 columns: alternateNameId, geonameid,
//     isolanguage, alternate name, isPreferredName, isShortName,
//     isColloquial, isHistoric, from, to (the older alternateNames.txt has
//     the first 8).
//
// Both come as .txt, inside the .zip GeoNames publishes, or gzipped.

type dumpKind uint8

const (
	dumpGeonames dumpKind = iota + 1
	dumpAltNames
)

func (k dumpKind) String() string {
	if k == dumpAltNames {
		return "alternate names"
	}
	return "geonames"
}

// maxDumpLine bounds a dump line; GeoNames caps alternatenames at 10,000
// characters, so a longer line is damage, reported and skipped.
const maxDumpLine = 1 << 20

// dumpSource is one input to read: a file, or a member of a zip archive.
type dumpSource struct {
	name string // as reported: "path" or "archive.zip:member"
	size int64  // uncompressed size when known, else 0
	open func() (io.ReadCloser, error)
}

// dumpSources lists what path holds: the .txt members of a zip (its
// readme and language-code list left out), or the file itself; the
// closer, if not nil, closes the archive once its members are read. A path
// that does not exist or is a directory is an error.
func dumpSources(path string) ([]dumpSource, io.Closer, error) {
	fi, err := os.Stat(path)
	if pe, ok := err.(*fs.PathError); ok {
		return nil, nil, fmt.Errorf("%s: %w", path, pe.Err)
	}
	if err != nil {
		return nil, nil, err
	}
	if fi.IsDir() {
		return nil, nil, fmt.Errorf("%s: is a directory, want GeoNames dump files", path)
	}
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		return []dumpSource{{name: path, size: fi.Size(), open: func() (io.ReadCloser, error) { return openMaybeGzip(path) }}}, nil, nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	var out []dumpSource
	for _, f := range zr.File {
		base := strings.ToLower(filepath.Base(f.Name))
		if f.FileInfo().IsDir() || filepath.Ext(base) != ".txt" || base == "readme.txt" || base == "iso-languagecodes.txt" {
			continue
		}
		out = append(out, dumpSource{name: path + ":" + f.Name, size: int64(f.UncompressedSize64), open: f.Open})
	}
	if len(out) == 0 {
		zr.Close()
		return nil, nil, fmt.Errorf("%s: no .txt dump file in the archive", path)
	}
	return out, zr, nil
}

func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		return struct {
			io.Reader
			io.Closer
		}{zr, f}, nil
	}
	return struct {
		io.Reader
		io.Closer
	}{br, f}, nil
}

// countingReader counts the bytes read, for the progress line.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// lineReader yields the lines of a dump without their line ending.
type lineReader struct {
	br   *bufio.Reader
	line int
	buf  []byte
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 1<<16)}
}

// next returns the next line (valid until the following call), or
// errLineTooLong with the line skipped, or io.EOF.
func (lr *lineReader) next() ([]byte, error) {
	lr.line++
	b, err := lr.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		lr.buf = append(lr.buf[:0], b...)
		for err == bufio.ErrBufferFull {
			b, err = lr.br.ReadSlice('\n')
			if len(lr.buf) <= maxDumpLine {
				lr.buf = append(lr.buf, b...)
			}
		}
		b = lr.buf
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	if err == io.EOF && len(b) == 0 {
		return nil, io.EOF
	}
	if len(b) > maxDumpLine {
		return nil, errLineTooLong
	}
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'}), nil
}

var errLineTooLong = errors.New("line longer than 1 MiB")

// splitTabs splits line into at most len(cols) fields and returns how many
// fields the line has (which may be more than len(cols)).
func splitTabs(line []byte, cols [][]byte) int {
	n := 0
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			if n < len(cols) {
				cols[n] = line
			}
			return n + 1
		}
		if n < len(cols) {
			cols[n] = line[:i]
		}
		line = line[i+1:]
		n++
	}
}

// sniffDump tells a geoname table from an alternate-names file by the
// first line's columns.
func sniffDump(line []byte) (dumpKind, bool) {
	var cols [20][]byte
	n := splitTabs(line, cols[:])
	switch {
	case n == 19:
		return dumpGeonames, true
	case n >= 4 && n <= 10 && isDigits(cols[0]) && isDigits(cols[1]):
		return dumpAltNames, true
	}
	return 0, false
}

func isDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// geonameRow is one parsed row of the geoname table; byte slices point
// into the line.
type geonameRow struct {
	id                uint32
	name, ascii, alts []byte
	lat, lon          float64
	class             byte
	code, cc, admin1  []byte
	pop               int64
}

// parseGeoname parses a geoname-table line; the error is the reason a
// bad row is skipped.
func parseGeoname(line []byte, r *geonameRow) error {
	var cols [19][]byte
	if n := splitTabs(line, cols[:]); n != 19 {
		return fmt.Errorf("%d columns, want 19", n)
	}
	if !utf8.Valid(line) {
		return errors.New("invalid UTF-8")
	}
	id, err := parseID(cols[0])
	if err != nil {
		return fmt.Errorf("geonameid %q: %v", cols[0], err)
	}
	lat, err1 := strconv.ParseFloat(string(cols[4]), 64)
	lon, err2 := strconv.ParseFloat(string(cols[5]), 64)
	if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return fmt.Errorf("position %q,%q: want latitude -90..90 and longitude -180..180", cols[4], cols[5])
	}
	var pop int64
	if len(cols[14]) > 0 {
		if pop, err = strconv.ParseInt(string(cols[14]), 10, 64); err != nil || pop < 0 {
			return fmt.Errorf("population %q: want a whole number", cols[14])
		}
	}
	if len(cols[1]) == 0 {
		return errors.New("empty name")
	}
	if len(cols[6]) > 1 {
		return fmt.Errorf("feature class %q: want one letter", cols[6])
	}
	*r = geonameRow{id: id, name: cols[1], ascii: cols[2], alts: cols[3], lat: lat, lon: lon,
		code: cols[7], cc: cols[8], admin1: cols[10], pop: pop}
	if len(cols[6]) == 1 {
		r.class = cols[6][0]
	}
	return nil
}

// altNameRow is one parsed row of alternateNamesV2.txt.
type altNameRow struct {
	id         uint32 // the geonameid named
	lang, name []byte
	preferred  bool
	historic   bool
}

func parseAltName(line []byte, r *altNameRow) error {
	var cols [10][]byte
	n := splitTabs(line, cols[:])
	if n < 4 || n > 10 {
		return fmt.Errorf("%d columns, want 4 to 10 (alternateNameId, geonameid, isolanguage, alternate name, ...)", n)
	}
	if !utf8.Valid(line) {
		return errors.New("invalid UTF-8")
	}
	if _, err := parseID(cols[0]); err != nil {
		return fmt.Errorf("alternateNameId %q: %v", cols[0], err)
	}
	id, err := parseID(cols[1])
	if err != nil {
		return fmt.Errorf("geonameid %q: %v", cols[1], err)
	}
	*r = altNameRow{id: id, lang: cols[2], name: cols[3]}
	r.preferred = n > 4 && string(cols[4]) == "1"
	r.historic = n > 7 && string(cols[7]) == "1"
	return nil
}

// parseID reads a positive id below 2^30 (GeoNames ids are about 13 million).
func parseID(b []byte) (uint32, error) {
	if !isDigits(b) {
		return 0, errors.New("want a positive whole number")
	}
	v, err := strconv.ParseUint(string(b), 10, 30)
	if err != nil || v == 0 {
		return 0, errors.New("want a positive whole number below 2^30")
	}
	return uint32(v), nil
}
