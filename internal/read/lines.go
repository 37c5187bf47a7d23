package read

import (
	"bufio"
	"io"
	"unicode/utf8"
)

// lineReader yields lines without their line endings and enforces the line
// limit without buffering an overlong line: its bytes are discarded chunk
// by chunk as they arrive.
type lineReader struct {
	r   *bufio.Reader
	max int
	n   int // number of the line last returned, from 1
	buf []byte
}

// next returns the next line. long reports a line over the limit, whose
// content was dropped. The line is valid until the following call. err is
// io.EOF at the end of input, or a read error.
func (l *lineReader) next() (line []byte, long bool, err error) {
	l.buf = l.buf[:0]
	started := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if err == io.EOF && len(chunk) == 0 && !started {
			return nil, false, io.EOF
		}
		started = true
		switch {
		case long:
		case len(l.buf) == 0 && err != bufio.ErrBufferFull:
			line = chunk // the common case: no copy
		case len(l.buf)+len(chunk) > l.max+2: // +2 for "\r\n"
			long, l.buf = true, nil
		default:
			l.buf = append(l.buf, chunk...)
			line = l.buf
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		l.n++
		if long {
			return nil, true, nil
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		if len(line) > l.max {
			return nil, true, nil
		}
		if l.n == 1 && len(line) >= 3 && line[0] == 0xef && line[1] == 0xbb && line[2] == 0xbf {
			line = line[3:] // byte order mark
		}
		return line, false, nil
	}
}

// replacement stands in for invalid UTF-8, as encoding/json and
// strings.ToValidUTF8 do.
var replacement = []byte("\uFFFD")

// badUTF8 returns the offset of the first invalid UTF-8 byte in b, or -1.
func badUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}

// isBlank reports a line of only white space.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
			return false
		}
	}
	return true
}
