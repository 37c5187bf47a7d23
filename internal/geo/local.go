package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strings"
)

// The imported gazetteer file, written by Import and read in place (mapped
// into memory where the system allows, so opening it costs nothing and its
// size does not count against the heap). Little-endian throughout:
//
//	magic "FPGAZ01\n", u32 section count, u32 CRC-32 of the section table,
//	then per section u64 offset, u64 length; the sections:
//
//	meta      text lines: "format 1", "source NAME ROWS", ...
//	entries   32-byte records sorted by geonameid: u32 id, i32 lat·1e6,
//	          i32 lon·1e6, u32 population, u32 name offset, u16 name
//	          length, then as indexes into strings u16 feature ("P.PPL"),
//	          u16 admin1 ("XKX.10097358") and u16 country ("XKX"), 2 spare
//	names     the display names the entries point into
//	strings   features, admin1 codes and countries, one a line; line 0 is
//	          empty (no admin1, no country)
//	keyOff    u32 per key and one more: offsets into keys
//	keys      the name keys (norm.Key), sorted, concatenated
//	refStart  u32 per key and one more: offsets into refs
//	refs      u32 per reference: bit 31 set for an alternate name; bit 30
//	          set for a place of the embedded data, the rest its geonameid;
//	          else the rest is the index of an entry of this file
//	buckets   65,537 × u32: the first key whose first two bytes are >= i
const localMagic = "FPGAZ01\n"

const (
	secMeta = iota
	secEntries
	secNames
	secStrings
	secKeyOff
	secKeys
	secRefStart
	secRefs
	secBuckets
	secCount
)

const (
	entrySize = 32
	altBit    = 1 << 31
	embBit    = 1 << 30
	nBuckets  = 1 << 16
)

// LocalFileName is the imported gazetteer's file name in the user's data
// directory.
const LocalFileName = "gazetteer.fpg"

// localFile is an opened imported gazetteer.
type localFile struct {
	path  string
	data  []byte
	unmap func() error
	sec   [secCount][]byte
	strs  []string
	meta  []string
	nEnt  int
	nKeys int
}

func openLocal(path string) (*localFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	data, unmap, err := mapFile(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	l := &localFile{path: path, data: data, unmap: unmap}
	if err := l.parse(); err != nil {
		l.Close()
		return nil, fmt.Errorf("%s: not a gazetteer written by 'flashpoint gazetteer import' (%v)", path, err)
	}
	return l, nil
}

func (l *localFile) Close() error {
	if l.unmap == nil {
		return nil
	}
	err := l.unmap()
	l.unmap, l.data = nil, nil
	return err
}

func (l *localFile) parse() error {
	d := l.data
	hdr := len(localMagic) + 8 + secCount*16
	if len(d) < hdr || string(d[:len(localMagic)]) != localMagic {
		return errors.New("bad magic")
	}
	le := binary.LittleEndian
	if n := le.Uint32(d[8:]); n != secCount {
		return fmt.Errorf("%d sections, want %d", n, secCount)
	}
	table := d[16:hdr]
	if crc32.ChecksumIEEE(table) != le.Uint32(d[12:]) {
		return errors.New("section table checksum")
	}
	for i := range secCount {
		off, n := le.Uint64(table[i*16:]), le.Uint64(table[i*16+8:])
		if off > uint64(len(d)) || n > uint64(len(d))-off {
			return fmt.Errorf("section %d out of the file (truncated?)", i)
		}
		l.sec[i] = d[off : off+n]
	}
	if len(l.sec[secEntries])%entrySize != 0 || len(l.sec[secKeyOff])%4 != 0 || len(l.sec[secRefs])%4 != 0 ||
		len(l.sec[secKeyOff]) != len(l.sec[secRefStart]) || len(l.sec[secKeyOff]) < 4 ||
		len(l.sec[secBuckets]) != (nBuckets+1)*4 {
		return errors.New("section sizes disagree")
	}
	l.nEnt = len(l.sec[secEntries]) / entrySize
	l.nKeys = len(l.sec[secKeyOff])/4 - 1
	l.strs = strings.Split(string(l.sec[secStrings]), "\n")
	l.meta = strings.Split(strings.TrimSuffix(string(l.sec[secMeta]), "\n"), "\n")
	if len(l.meta) == 0 || l.meta[0] != "format 1" {
		return errors.New("unknown format version")
	}
	return nil
}

func (l *localFile) u32(sec, i int) uint32 {
	b := l.sec[sec]
	if i < 0 || 4*i+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[4*i:])
}

// key returns key i; out-of-range offsets (a damaged file) give "".
func (l *localFile) key(i int) []byte {
	a, b := l.u32(secKeyOff, i), l.u32(secKeyOff, i+1)
	if a > b || int(b) > len(l.sec[secKeys]) {
		return nil
	}
	return l.sec[secKeys][a:b]
}

// cmpKey compares a stored key with k, as bytes.Compare does.
func cmpKey[T string | []byte](b []byte, k T) int {
	n := min(len(b), len(k))
	for i := 0; i < n; i++ {
		if b[i] != k[i] {
			if b[i] < k[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(b) < len(k):
		return -1
	case len(b) > len(k):
		return 1
	}
	return 0
}

func bucketOf[T string | []byte](k T) int {
	b := int(k[0]) << 8
	if len(k) > 1 {
		b |= int(k[1])
	}
	return b
}

// findKey returns the index of key k, or -1.
func findKey[T string | []byte](l *localFile, k T) int {
	if len(k) == 0 || l.nKeys == 0 {
		return -1
	}
	b := bucketOf(k)
	lo, hi := int(l.u32(secBuckets, b)), int(l.u32(secBuckets, b+1))
	hi = min(hi, l.nKeys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmpKey(l.key(m), k) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < l.nKeys && cmpKey(l.key(lo), k) == 0 {
		return lo
	}
	return -1
}

// refs returns the references of key i (see refs in the format).
func (l *localFile) refs(i int, dst []uint32) []uint32 {
	a, b := int(l.u32(secRefStart, i)), int(l.u32(secRefStart, i+1))
	for j := a; j < b && j < len(l.sec[secRefs])/4; j++ {
		dst = append(dst, l.u32(secRefs, j))
	}
	return dst
}

// entryIndex finds the entry of geonameid id.
func (l *localFile) entryIndex(id uint32) (int, bool) {
	es := l.sec[secEntries]
	lo, hi := 0, l.nEnt
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint32(es[m*entrySize:]) < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < l.nEnt && binary.LittleEndian.Uint32(es[lo*entrySize:]) == id
}

// localEntry is a decoded entry record.
type localEntry struct {
	id       uint32
	lat, lon float64
	pop      int
	class    byte
	fcode    string // without the class
	admin1   int    // index of "ISO3.code" of its admin1 in strings, 0 if none
	country  string // ISO-3, "" for none
}

func (l *localFile) entry(i int) localEntry {
	le := binary.LittleEndian
	r := l.sec[secEntries][i*entrySize : (i+1)*entrySize]
	e := localEntry{
		id:  le.Uint32(r),
		lat: float64(int32(le.Uint32(r[4:]))) / 1e6,
		lon: float64(int32(le.Uint32(r[8:]))) / 1e6,
		pop: int(min(le.Uint32(r[12:]), math.MaxInt32)),
	}
	e.class, e.fcode = splitFeature(l.str(int(le.Uint16(r[22:]))))
	e.admin1 = int(le.Uint16(r[24:]))
	e.country = l.str(int(le.Uint16(r[26:])))
	return e
}

// name returns the display name of entry i.
func (l *localFile) name(i int) string {
	le := binary.LittleEndian
	r := l.sec[secEntries][i*entrySize : (i+1)*entrySize]
	if off, n := int(le.Uint32(r[16:])), int(le.Uint16(r[20:])); off+n <= len(l.sec[secNames]) {
		return string(l.sec[secNames][off : off+n])
	}
	return ""
}

func (l *localFile) str(i int) string {
	if i < len(l.strs) {
		return l.strs[i]
	}
	return ""
}

// splitFeature splits "P.PPL" into class and code.
func splitFeature(s string) (byte, string) {
	if len(s) >= 2 && s[1] == '.' {
		return s[0], s[2:]
	}
	return 0, s
}

// metaValues returns the values of the meta lines starting with name.
func (l *localFile) metaValues(name string) []string {
	var out []string
	for _, m := range l.meta {
		if v, ok := strings.CutPrefix(m, name+" "); ok {
			out = append(out, v)
		}
	}
	return out
}

// readFile reads the whole file, where it cannot be mapped.
func readFile(f *os.File, size int64) ([]byte, func() error, error) {
	b := make([]byte, size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, nil, err
	}
	return b, func() error { return nil }, nil
}
