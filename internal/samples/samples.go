// Package samples bundles a few wire-style articles written for the
// project, so that `flashpoint code` does its job with nothing but Go.
package samples

import _ "embed"

// JSONL holds the sample articles, one JSON object a line.
//
//go:embed articles.jsonl
var JSONL []byte
