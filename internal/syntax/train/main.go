// Command train builds the syntax model from the UD English treebanks.
// With default flags it reproduces internal/syntax/model/en.model exactly.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/syntax"
)

func main() {
	d := syntax.DefaultTrainOptions
	dir := flag.String("treebanks", "../shared/treebanks", "directory of the .conllu files")
	files := flag.String("train", "en_ewt-ud-dev.conllu,en_lines-ud-train.conllu,en_lines-ud-dev.conllu,en_lines-ud-test.conllu,en_pud-ud-test.conllu", "training files")
	out := flag.String("out", "internal/syntax/model/en.model", "model output path (empty: don't write)")
	test := flag.String("test", "en_ewt-ud-test.conllu", "held-out file for -eval")
	eval := flag.Bool("eval", false, "evaluate the trained model on -test")
	ewtWeight := flag.Int("ewtweight", 4, "epoch repeats of EWT sentences (the target domain)")
	opt := syntax.TrainOptions{Log: os.Stderr}
	flag.IntVar(&opt.TagIters, "tagiters", d.TagIters, "tagger epochs")
	flag.IntVar(&opt.ParseIters, "iters", d.ParseIters, "parser epochs")
	flag.IntVar(&opt.DomainIters, "domainiters", d.DomainIters, "extra parser epochs on EWT only (-1: none)")
	flag.IntVar(&opt.Folds, "folds", d.Folds, "jackknife folds")
	flag.Uint64Var(&opt.Seed, "seed", d.Seed, "random seed")
	flag.UintVar(&opt.TagBits, "tagbits", d.TagBits, "log2 tagger buckets")
	flag.UintVar(&opt.ParseBits, "parsebits", d.ParseBits, "log2 parser buckets")
	flag.UintVar(&opt.LabelBits, "labelbits", d.LabelBits, "log2 label buckets")
	flag.IntVar(&opt.MinQ, "minq", d.MinQ, "prune quantised weights below this")
	flag.IntVar(&opt.MinHits, "minhits", d.MinHits, "prune features updated fewer times")
	flag.IntVar(&opt.MinLabel, "minlabel", d.MinLabel, "min count to keep a relation subtype")
	flag.IntVar(&opt.Beam, "beam", d.Beam, "parser beam width (trained globally); 1: greedy")
	flag.IntVar(&opt.BeamMargin, "margin", d.BeamMargin, "beam parsing: drop configurations scoring this far below the best (-1: none)")
	flag.BoolVar(&opt.EarlyUpdate, "early", false, "beam training: early update instead of max-violation")
	flag.StringVar(&opt.TagCache, "tagcache", "", "experiments: reuse the tagger and jackknifed tags kept in this file (made if absent)")
	flag.IntVar(&opt.Adapt, "adapt", d.Adapt, "domain adaptation: 1 tagger + 2 moves + 4 labels (-1: none)")
	flag.Parse()

	var sents []*syntax.Gold
	var weight []int
	for _, f := range strings.Split(*files, ",") {
		s, err := syntax.ReadFile(path(*dir, f))
		if err != nil {
			log.Fatal(err)
		}
		sents = append(sents, s...)
		w := 1
		if strings.Contains(filepath.Base(f), "ewt") {
			w = *ewtWeight
		}
		for range s {
			weight = append(weight, w)
		}
	}
	start := time.Now()
	m, err := syntax.Train(sents, weight, opt)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "trained on %d sentences in %v; model %d bytes\n", len(sents), time.Since(start).Round(time.Second), buf.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if *eval {
		t0 := time.Now()
		m2, err := syntax.Load(bytes.NewReader(buf.Bytes()))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("model load: %v\n", time.Since(t0).Round(time.Millisecond))
		gold, err := syntax.ReadFile(path(*dir, *test))
		if err != nil {
			log.Fatal(err)
		}
		syntax.Evaluate(m2, gold).Print(os.Stdout, *test)
	}
}

// path resolves a treebank name against dir unless it is absolute (handy
// for temporary tuning splits).
func path(dir, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(dir, name)
}
