package demo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Seed is the generator seed of the committed corpus.
const Seed = 20240401

//go:embed data/corpus.jsonl.gz data/truth.json
var data embed.FS

// Articles returns the embedded corpus, in publication order.
func Articles() ([]event.Article, error) {
	b, err := data.ReadFile("data/corpus.jsonl.gz")
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("demo: corpus: %w", err)
	}
	var out []event.Article
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var a event.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("demo: corpus: %w", err)
		}
		a.Origin = fmt.Sprintf("demo:%d", len(out)+1)
		out = append(out, a)
	}
	return out, sc.Err()
}

// EmbeddedTruth returns what the generator recorded for the embedded corpus.
func EmbeddedTruth() (Truth, error) {
	var t Truth
	b, err := data.ReadFile("data/truth.json")
	if err == nil {
		err = json.Unmarshal(b, &t)
	}
	return t, err
}

// WriteCorpus writes articles as gzip JSONL.
func WriteCorpus(w io.Writer, arts []event.Article) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	enc := json.NewEncoder(zw)
	for i := range arts {
		if err := enc.Encode(&arts[i]); err != nil {
			return err
		}
	}
	return zw.Close()
}
