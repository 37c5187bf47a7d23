package read

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// magics are the openings of binary formats met in news folders: no
// text file starts with them.
var magics = []struct {
	prefix, name string
}{
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive (a .docx, .xlsx or .epub is one too)"},
	{"\x89PNG", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF8", "GIF image"},
	{"SQLite format 3\x00", "SQLite database"},
	{"\x7fELF", "executable"},
	{"\xff\xfe", "UTF-16 text: convert it to UTF-8"},
	{"\xfe\xff", "UTF-16 text: convert it to UTF-8"},
}

// binaryReason decides from head, the first bytes of an input, whether it
// is binary, and says why; "" means text. As git and grep do, the decision
// is made once from the first few KB, not from every byte: a text file
// with one corrupt line further down is still a text file, and the
// corrupt line is one bad record. Within head the lines vote: a line is
// odd when it holds a NUL byte or when more than a tenth of its bytes are
// control characters or invalid UTF-8; the input is binary when odd lines
// outnumber good ones (images, archives and databases have few line
// breaks and odd bytes throughout).
func binaryReason(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return "binary file (" + m.name + ")"
		}
	}
	good, odd, firstNUL := 0, 0, -1
	for off := 0; off < len(head); {
		line := head[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		switch {
		case isBlank(line):
		case oddLine(line):
			odd++
			if i := bytes.IndexByte(line, 0); i >= 0 && firstNUL < 0 {
				firstNUL = off + i
			}
		default:
			good++
		}
		off += len(line) + 1
	}
	if odd <= good {
		return ""
	}
	if firstNUL >= 0 {
		return "binary file (NUL byte at offset " + strconv.Itoa(firstNUL) + ")"
	}
	return "binary file (control characters or invalid UTF-8 throughout its first KB)"
}

// oddLine reports a line that does not look like text.
func oddLine(line []byte) bool {
	if bytes.IndexByte(line, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && w == 1 && len(line)-i >= utf8.UTFMax {
			bad++ // (a rune cut at the end of head is not held against it)
		}
		i += w
	}
	return bad*10 > len(line)
}
