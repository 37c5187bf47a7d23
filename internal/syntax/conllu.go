package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Gold is one sentence of a CoNLL-U file: its comment lines and the word
// lines (multiword-token ranges and empty nodes are skipped).
type Gold struct {
	Line     int      // line number of the sentence's first line
	SentID   string   // value of "# sent_id = ", if any
	Text     string   // value of "# text = ", if any
	Comments []string // all comment lines, without the leading "#"
	Words    []string
	Lemma    []string
	UPOS     []POS
	Head     []int // 0-based; -1 for the root
	Rel      []Rel
}

// Len returns the number of words.
func (g *Gold) Len() int { return len(g.Words) }

// ReadCoNLLU calls fn for every sentence in r. Relations with an unknown
// subtype are mapped to their base relation; anything else malformed is an
// error naming the line.
func ReadCoNLLU(r io.Reader, fn func(s *Gold) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<24)
	var g *Gold
	lineNo := 0
	flush := func() error {
		if g == nil {
			return nil
		}
		cur := g
		g = nil
		if len(cur.Words) == 0 {
			return nil
		}
		for i, h := range cur.Head {
			if h < -1 || h >= len(cur.Words) {
				return fmt.Errorf("conllu: sentence at line %d: word %d has head %d out of range", cur.Line, i+1, h+1)
			}
		}
		return fn(cur)
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if g == nil {
			g = &Gold{Line: lineNo}
		}
		if line[0] == '#' {
			c := line[1:]
			g.Comments = append(g.Comments, c)
			c = strings.TrimSpace(c)
			if v, ok := strings.CutPrefix(c, "sent_id ="); ok {
				g.SentID = strings.TrimSpace(v)
			} else if v, ok := strings.CutPrefix(c, "text ="); ok {
				g.Text = strings.TrimSpace(v)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return fmt.Errorf("conllu: line %d: %d columns, want 10", lineNo, len(cols))
		}
		id := cols[0]
		if strings.ContainsAny(id, "-.") {
			continue // multiword token range or empty node
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(g.Words)+1 {
			return fmt.Errorf("conllu: line %d: bad word id %q", lineNo, id)
		}
		pos, ok := ParsePOS(cols[3])
		if !ok {
			return fmt.Errorf("conllu: line %d: unknown UPOS %q", lineNo, cols[3])
		}
		head := -1
		rel := RelNone
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return fmt.Errorf("conllu: line %d: bad head %q", lineNo, cols[6])
			}
			head = h - 1
			r, ok := ParseRel(cols[7])
			if !ok {
				base, _, _ := strings.Cut(cols[7], ":")
				if r, ok = ParseRel(base); !ok {
					return fmt.Errorf("conllu: line %d: unknown relation %q", lineNo, cols[7])
				}
			}
			rel = r
		}
		g.Words = append(g.Words, cols[1])
		g.Lemma = append(g.Lemma, cols[2])
		g.UPOS = append(g.UPOS, pos)
		g.Head = append(g.Head, head)
		g.Rel = append(g.Rel, rel)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("conllu: line %d: %w", lineNo+1, err)
	}
	return flush()
}

// WriteCoNLLU writes s as one CoNLL-U sentence followed by a blank line.
// Empty sentID/text omit the comment. XPOS, FEATS, DEPS and MISC are "_".
func WriteCoNLLU(w io.Writer, s *Sentence, sentID, text string) error {
	bw := bufio.NewWriter(w)
	if sentID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", sentID)
	}
	if text != "" {
		fmt.Fprintf(bw, "# text = %s\n", text)
	}
	for i, word := range s.Words {
		lemma, pos, head, rel := "_", "_", "_", "_"
		if i < len(s.Lemma) && s.Lemma[i] != "" {
			lemma = s.Lemma[i]
		}
		if i < len(s.POS) {
			pos = s.POS[i].String()
		}
		if i < len(s.Head) && i < len(s.Rel) && s.Rel[i] != RelNone {
			head = strconv.Itoa(s.Head[i] + 1)
			rel = s.Rel[i].String()
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n", i+1, word, lemma, pos, head, rel)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// Sentence converts g to a Sentence (sharing its slices).
func (g *Gold) Sentence() *Sentence {
	return &Sentence{Words: g.Words, POS: g.UPOS, Lemma: g.Lemma, Head: g.Head, Rel: g.Rel}
}
