// Package read streams news articles from JSONL, CSV and plain-text files,
// gzipped or not, from directories or from standard input.
//
// Reading is record by record and never aborts on bad input: a broken
// record (invalid JSON, a missing text, a bad date, invalid UTF-8, a ragged
// CSV row, a line over Options.MaxLine) is reported to the reject callback
// with its file and line, and reading goes on with the next record. A
// binary file is rejected as a whole. Read returns an error only when the
// emit callback does, so that a caller can stop the stream.
//
// The format comes from Options.Format, else from the file extension
// (".jsonl", ".ndjson", ".json", ".csv", ".txt"; a ".gz" suffix is looked
// through), else from the content: JSON objects, a CSV header with a "text"
// column, or plain text. Gzip is recognised by its magic bytes. Plain-text
// and HTML bodies hold one article per file; HTML is reduced to text.
package read
