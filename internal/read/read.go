package read

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Options control how input is read.
type Options struct {
	Format  string // "auto" (default, ""), "jsonl", "csv", "text"
	Date    string // YYYY-MM-DD used for plain-text files without a date line
	MaxLine int    // bytes; default 64<<20. A longer line/record is rejected and skipped.
	// MaxText bounds one article's text in bytes (default 8 MiB): coding
	// costs time and memory in proportion to it, and each record must be
	// coded within seconds. A longer article is rejected; a plain-text
	// file is not read past it.
	MaxText int
	// MaxStream bounds the bytes read from one input after decompression
	// (default 16 GiB): a small gzip file can hold terabytes. What comes
	// after it is rejected unread.
	MaxStream int64

	// Warn hears of input that was kept after a repair (invalid UTF-8
	// replaced, a binary line dropped from a plain-text article) and of
	// files passed over; nil ignores them. Warnings are not rejects.
	Warn func(Reject)
	// Skip lists files never read, such as the command's own output.
	Skip []os.FileInfo

	names map[string]string // base name → the input that has it (idBase); shared by one Read
}

// Defaults for Options' zero values.
const (
	DefaultMaxLine   = 64 << 20
	DefaultMaxText   = 8 << 20
	DefaultMaxStream = 16 << 30
)

// Reject reports a record (or, with Line 0, a whole file) that was skipped.
type Reject struct {
	File   string
	Line   int
	Reason string
}

// Error formats the reject as "FILE:LINE: reason" or "FILE: reason".
func (r Reject) Error() string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason)
	}
	return r.File + ": " + r.Reason
}

// Read streams articles from paths (files; directories walked recursively in
// lexical order, skipping dot-files; "-" = stdin). emit is called for each
// good article (stop and return its error if it returns one); reject for
// each bad record (the record is skipped, reading continues). Returns a
// non-nil error only when emit fails.
func Read(paths []string, opt Options, stdin io.Reader, emit func(event.Article) error, reject func(Reject)) error {
	opt.fill()
	opt.names = map[string]string{}
	if reject == nil {
		reject = func(Reject) {}
	}
	if opt.Warn == nil {
		opt.Warn = func(Reject) {}
	}
	if stdin == nil {
		stdin = os.Stdin
	}
	for _, p := range paths {
		var err error
		if p == "-" {
			err = readStream(&source{name: "stdin", stdin: true, opt: opt, emit: emit, reject: reject}, stdin)
		} else if fi, serr := os.Stat(p); serr != nil {
			reject(Reject{File: p, Reason: reason(serr)})
		} else if fi.IsDir() {
			err = walk(p, opt, emit, reject)
		} else if excluded(fi, opt.Skip) {
			opt.Warn(Reject{File: p, Reason: "is this command's output (not read)"})
		} else {
			err = readFile(p, opt, emit, reject)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// fill sets the defaults of the bounds left zero.
func (o *Options) fill() {
	if o.MaxLine <= 0 {
		o.MaxLine = DefaultMaxLine
	}
	if o.MaxText <= 0 {
		o.MaxText = DefaultMaxText
	}
	if o.MaxStream <= 0 {
		o.MaxStream = DefaultMaxStream
	}
}

// walk reads every regular file under root in lexical order, skipping
// names that start with a dot, files that are not articles
// (notarticles.txt) and the command's own output, and not following
// directory symlinks. A directory with nothing to read is rejected, so
// that a wrong folder is not mistaken for one without news.
func walk(root string, opt Options, emit func(event.Article) error, reject func(Reject)) error {
	files := 0
	var passed []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			reject(Reject{File: path, Reason: reason(err)})
			if d != nil && d.IsDir() && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(path) // a symlink to a regular file is read
		if err != nil || !fi.Mode().IsRegular() {
			return nil
		}
		if p := notArticle(d.Name()); p != "" {
			passed = append(passed, d.Name())
			return nil
		}
		if excluded(fi, opt.Skip) {
			opt.Warn(Reject{File: path, Reason: "is this command's output (not read)"})
			return nil
		}
		files++
		return readFile(path, opt, emit, reject)
	})
	if len(passed) > 0 {
		opt.Warn(Reject{File: root, Reason: fmt.Sprintf("passed over %d files that are not articles: %s", len(passed), list(passed, 5))})
	}
	if err == nil && files == 0 {
		reject(Reject{File: root, Reason: "no input files in this folder"})
	}
	return err
}

// list joins up to n names, with a count of the rest.
func list(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

func readFile(path string, opt Options, emit func(event.Article) error, reject func(Reject)) error {
	f, err := os.Open(path)
	if err != nil {
		reject(Reject{File: path, Reason: reason(err)})
		return nil
	}
	defer f.Close()
	return readStream(&source{name: path, opt: opt, emit: emit, reject: reject}, f)
}

// reason drops the path an fs error repeats, since Reject names the file.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// source is one input stream being read.
type source struct {
	name    string // path as given, or "stdin"
	stdin   bool
	opt     Options
	emit    func(event.Article) error
	reject  func(Reject)
	records int // emitted or rejected so far
}

func (s *source) rejectf(line int, format string, args ...any) {
	s.records++
	s.reject(Reject{File: s.name, Line: line, Reason: fmt.Sprintf(format, args...)})
}

// warnf reports input kept after a repair; it is not a reject.
func (s *source) warnf(line int, format string, args ...any) {
	if s.opt.Warn != nil {
		s.opt.Warn(Reject{File: s.name, Line: line, Reason: fmt.Sprintf(format, args...)})
	}
}

// send emits a good article.
func (s *source) send(a event.Article) error {
	s.records++
	return s.emit(a)
}

// base is the file name without directories and without ".gz".
func (s *source) base() string {
	if s.stdin {
		return "stdin"
	}
	b := filepath.Base(s.name)
	if strings.HasSuffix(strings.ToLower(b), ".gz") {
		b = b[:len(b)-3]
	}
	return b
}

// idBase is what ids made from the input's name start with: the base
// name without ".gz", or, when another input of this run already has
// that base name (a/report.txt, b/report.txt), the path as given,
// cleaned and slash-separated. So ids are unique within a run and the
// same on a re-run; a clash across runs (same id, other text) is
// rejected by the store, not counted as a duplicate.
func (s *source) idBase() string {
	b := s.base()
	if prev, ok := s.opt.names[b]; !ok || prev == s.name {
		if s.opt.names != nil {
			s.opt.names[b] = s.name
		}
		return b
	}
	p := filepath.ToSlash(filepath.Clean(s.name))
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		p = p[:len(p)-3]
	}
	return p
}

// contentID names a record of standard input by its content: stable
// across runs (a second run from stdin finds it stored) and different
// for different texts (a line number would collide).
func contentID(date, title, text string) string {
	h := sha256.New()
	for _, f := range []string{date, title, text} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return "stdin:" + hex.EncodeToString(h.Sum(nil)[:8])
}

// ext is the lowercased extension of base, such as ".jsonl".
func (s *source) ext() string {
	if s.stdin {
		return ""
	}
	return strings.ToLower(filepath.Ext(s.base()))
}

const (
	bufSize   = 64 << 10
	sniffSize = 8 << 10 // the binary check and content detection look this far
)

// capped reads at most max bytes of r, then fails with streamError.
type capped struct {
	r         io.Reader
	max, read int64
}

type streamError struct{ max int64 }

func (e streamError) Error() string {
	return fmt.Sprintf("input longer than %d bytes: the rest is not read", e.max)
}

func (c *capped) Read(p []byte) (int, error) {
	if c.read >= c.max {
		// Only more input than the limit is an error.
		var one [1]byte
		if n, err := c.r.Read(one[:]); n > 0 {
			return 0, streamError{c.max}
		} else if err != nil {
			return 0, err
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.max-c.read {
		p = p[:c.max-c.read]
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

// readStream decompresses r if needed, rejects binary content, detects the
// format and reads the records.
func readStream(s *source, r io.Reader) error {
	s.opt.fill()
	br := bufio.NewReaderSize(r, bufSize)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			s.rejectf(0, "gzip: %v", err)
			return nil
		}
		defer gz.Close()
		br = bufio.NewReaderSize(&capped{r: gz, max: s.opt.MaxStream}, bufSize)
	} else {
		br = bufio.NewReaderSize(&capped{r: br, max: s.opt.MaxStream}, bufSize)
	}
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		s.rejectf(0, "read error: %v", err)
		return nil
	}
	if len(head) == 0 {
		if s.stdin {
			s.rejectf(0, "empty input")
		} else {
			s.rejectf(0, "empty file")
		}
		return nil
	}
	if why := binaryReason(head); why != "" {
		s.rejectf(0, "%s", why)
		return nil
	}
	format, ok := detect(s.opt.Format, s.ext(), head, err == io.EOF)
	if !ok {
		s.rejectf(0, "unknown format %q: want auto, jsonl, csv or text", s.opt.Format)
		return nil
	}
	lr := &lineReader{r: br, max: s.opt.MaxLine}
	switch format {
	case "jsonl":
		err = s.readJSONL(lr)
	case "csv":
		err = s.readCSV(lr)
	default:
		err = s.readText(lr)
	}
	if err == nil && s.records == 0 {
		s.rejectf(0, "no articles in this file")
	}
	return err
}
