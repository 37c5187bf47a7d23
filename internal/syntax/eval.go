package syntax

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Scores are attachment and tagging counts against gold sentences, with
// punctuation included (as the CoNLL 2018 script) and excluded.
type Scores struct {
	Sents, Tokens         int
	UPOS, Lemma           int
	UAS, LAS, LASBase     int // LAS compares full relations; LASBase only the part before ':' (CoNLL 2018)
	NoPunct, UASNP, LASNP int // the same restricted to non-punctuation gold tokens
	Elapsed               time.Duration
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluate parses the gold sentences' words with m and scores the result.
func Evaluate(m *Model, gold []*Gold) Scores {
	p := m.NewParser()
	var s Scores
	start := time.Now()
	for _, g := range gold {
		out := p.Parse(g.Words)
		s.Sents++
		for i := range g.Words {
			s.Tokens++
			if out.POS[i] == g.UPOS[i] {
				s.UPOS++
			}
			if out.Lemma[i] == g.Lemma[i] {
				s.Lemma++
			}
			uas := out.Head[i] == g.Head[i]
			punct := g.UPOS[i] == PUNCT
			if !punct {
				s.NoPunct++
			}
			if uas {
				s.UAS++
				if out.Rel[i].Base() == g.Rel[i].Base() {
					s.LASBase++
				}
				if out.Rel[i] == g.Rel[i] {
					s.LAS++
				}
				if !punct {
					s.UASNP++
					if out.Rel[i] == g.Rel[i] {
						s.LASNP++
					}
				}
			}
		}
	}
	s.Elapsed = time.Since(start)
	return s
}

// TokensPerSecond is the parsing speed measured by Evaluate.
func (s Scores) TokensPerSecond() float64 {
	return float64(s.Tokens) / max(s.Elapsed.Seconds(), 1e-9)
}

// Print writes a small table of the scores.
func (s Scores) Print(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: %d sentences, %d tokens\n", name, s.Sents, s.Tokens)
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "UPOS", pct(s.UPOS, s.Tokens))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "Lemma", pct(s.Lemma, s.Tokens))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "UAS", pct(s.UAS, s.Tokens))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "LAS (full deprel)", pct(s.LAS, s.Tokens))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "LAS (base deprel)", pct(s.LASBase, s.Tokens))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "UAS excl. punct", pct(s.UASNP, s.NoPunct))
	fmt.Fprintf(w, "  %-22s %6.2f%%\n", "LAS excl. punct", pct(s.LASNP, s.NoPunct))
	fmt.Fprintf(w, "  %-22s %8.0f\n", "tokens/s (1 core)", s.TokensPerSecond())
}

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(path string) ([]*Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Gold
	err = ReadCoNLLU(f, func(g *Gold) error { out = append(out, g); return nil })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
