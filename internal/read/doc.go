// Package read streams news articles from JSONL, CSV and plain-text files,
// gzipped or not, from directories or from standard input.
//
// Reading is record by record and never aborts on bad input: a broken
// record (invalid JSON, a missing text, a bad date, binary data, a ragged
// CSV row, a line over Options.MaxLine) is reported to the reject callback
// with its file and line, and reading goes on with the next record.
// Invalid UTF-8 is repaired (U+FFFD) with a warning naming the record, and
// a plain-text article loses only its bad lines. Whether a file is binary
// is decided once, from its first 8 KB, so one corrupt line further down
// costs one record, not the file. An empty file, a file without records
// and a folder without input files are rejected, so that a wrong path is
// never mistaken for "no news". Read returns an error only when the emit
// callback does, so that a caller can stop the stream.
//
// A directory walk passes over dot-files, the files listed in
// notarticles.txt (LICENSE, *.md, databases) and Options.Skip (the
// command's own output).
//
// The format comes from Options.Format, else from the file extension
// (".jsonl", ".ndjson", ".json", ".csv", ".txt"; a ".gz" suffix is looked
// through), else from the content: JSON objects, a CSV header with a "text"
// column, or plain text. Gzip is recognised by its magic bytes. Plain-text
// and HTML bodies hold one article per file; HTML is reduced to text.
package read
