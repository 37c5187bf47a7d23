package read

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// detect picks the format: the option, else the extension, else the
// content of head (the first bytes; eof says head is the whole input).
func detect(opt, ext string, head []byte, eof bool) (string, bool) {
	switch strings.ToLower(opt) {
	case "", "auto":
	case "jsonl", "json", "ndjson":
		return "jsonl", true
	case "csv":
		return "csv", true
	case "text", "txt", "html":
		return "text", true
	default:
		return "", false
	}
	switch ext {
	case ".jsonl", ".ndjson", ".json", ".jsonlines":
		return "jsonl", true
	case ".csv":
		return "csv", true
	case ".txt", ".text", ".md", ".html", ".htm":
		return "text", true
	}
	head = bytes.TrimPrefix(head, bom)
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return "jsonl", true
	}
	if isCSVHeader(head, eof) {
		return "csv", true
	}
	return "text", true
}

var bom = []byte("\ufeff")

// isCSVHeader reports whether the first line of head parses as a CSV header
// with at least two columns, one of them "text".
func isCSVHeader(head []byte, eof bool) bool {
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		if !eof {
			return false // the line goes on past what we looked at
		}
		nl = len(head)
	}
	r := csv.NewReader(bytes.NewReader(head[:nl]))
	r.FieldsPerRecord = -1
	fields, err := r.Read()
	if err != nil || len(fields) < 2 {
		return false
	}
	for _, f := range fields {
		if strings.EqualFold(strings.TrimSpace(f), "text") {
			return true
		}
	}
	return false
}
