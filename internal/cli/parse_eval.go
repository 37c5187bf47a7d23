package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/text"
)

// rawScores are the CoNLL 2018 shared task measures of parsing raw text:
// F1 over words aligned by their character spans, so tokenisation and
// sentence splitting errors count against the tagger and parser.
type rawScores struct {
	goldWords, sysWords, aligned int
	upos, uas, las               int
	goldSents, sysSents, sents   int
}

func f1(correct, gold, sys int) float64 {
	if gold+sys == 0 {
		return 0
	}
	return 200 * float64(correct) / float64(gold+sys)
}

// evalRaw rebuilds the raw text of a CoNLL-U file from its "# text"
// lines (a blank line between paragraphs and documents), splits and
// parses it as the coder does, and scores the result against the file.
func evalRaw(goldPath string, p *syntax.Parser, w io.Writer) error {
	f, err := os.Open(goldPath)
	if err != nil {
		return err
	}
	defer f.Close()
	var raw strings.Builder
	type gword struct {
		start, end, head int // head: global index, -1 root
		pos              syntax.POS
		rel              syntax.Rel
	}
	var gold []gword
	var goldEnds []int // end offset of each gold sentence
	err = syntax.ReadCoNLLU(f, func(g *syntax.Gold) error {
		if g.Text == "" {
			return fmt.Errorf("line %d: sentence without a '# text' line", g.Line)
		}
		if raw.Len() > 0 {
			sep := " "
			for _, c := range g.Comments {
				if strings.HasPrefix(strings.TrimSpace(c), "newpar") || strings.HasPrefix(strings.TrimSpace(c), "newdoc") {
					sep = "\n\n"
				}
			}
			raw.WriteString(sep)
		}
		base, at := raw.Len(), 0
		raw.WriteString(g.Text)
		first := len(gold)
		for i, form := range g.Words {
			k := strings.Index(g.Text[at:], form)
			start, end := -1, -1
			if k >= 0 {
				start, end = base+at+k, base+at+k+len(form)
				at += k + len(form)
			}
			head := -1
			if g.Head[i] >= 0 {
				head = first + g.Head[i]
			}
			gold = append(gold, gword{start, end, head, g.UPOS[i], g.Rel[i]})
		}
		goldEnds = append(goldEnds, raw.Len())
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", goldPath, err)
	}
	bySpan := map[[2]int]int{}
	for i, g := range gold {
		if g.start >= 0 {
			bySpan[[2]int{g.start, g.end}] = i
		}
	}
	goldEnd := map[int]bool{}
	for _, e := range goldEnds {
		goldEnd[e] = true
	}
	s := rawScores{goldWords: len(gold), goldSents: len(goldEnds)}
	body := raw.String()
	var words []text.Word
	var forms []string
	for _, sent := range text.Sentences(body) {
		words = text.Words(words[:0], text.Tokens(sent.Text))
		if len(words) == 0 {
			continue
		}
		s.sysSents++
		if end := sent.Start + words[len(words)-1].End; goldEnd[end] {
			s.sents++
		}
		forms = forms[:0]
		for _, wd := range words {
			forms = append(forms, wd.Text)
		}
		out := p.Parse(forms)
		match := make([]int, len(words)) // system word → gold word or -1
		for i, wd := range words {
			match[i] = -1
			if gi, ok := bySpan[[2]int{sent.Start + wd.Start, sent.Start + wd.End}]; ok {
				match[i] = gi
			}
		}
		s.sysWords += len(words)
		for i, gi := range match {
			if gi < 0 {
				continue
			}
			s.aligned++
			g := gold[gi]
			if out.POS[i] == g.pos {
				s.upos++
			}
			headOK := out.Head[i] < 0 && g.head < 0 || out.Head[i] >= 0 && match[out.Head[i]] >= 0 && match[out.Head[i]] == g.head
			if headOK {
				s.uas++
				if out.Rel[i].Base() == g.rel.Base() {
					s.las++
				}
			}
		}
	}
	fmt.Fprintf(w, "raw text of %s through Flashpoint's sentence splitter and tokenizer (F1, CoNLL 2018 alignment)\n", goldPath)
	fmt.Fprintf(w, "  sentences %.2f  words %.2f  UPOS %.2f  UAS %.2f  LAS %.2f\n",
		f1(s.sents, s.goldSents, s.sysSents), f1(s.aligned, s.goldWords, s.sysWords),
		f1(s.upos, s.goldWords, s.sysWords), f1(s.uas, s.goldWords, s.sysWords), f1(s.las, s.goldWords, s.sysWords))
	return nil
}
