package verbs

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Elem is one element of a verb pattern.
type Elem struct {
	Kind  ElemKind
	Words map[string]bool // lowercase forms a Lit element accepts
	// Phrases are multi-word alternatives, written joined by "_" in the
	// pattern file ("small_arms|gunfire"); each is a token sequence.
	Phrases [][]string
}

// ElemKind says what an element matches.
type ElemKind uint8

const (
	Lit    ElemKind = iota // one word from Words
	Target                 // an actor group: the event's target
	Gap                    // up to MaxGap words that are not actors
)

// MaxGap is how many words a ".." element may skip.
const MaxGap = 5

// Pattern is one line of a pattern file, compiled.
type Pattern struct {
	Code  string
	Elems []Elem
	Head  int      // index of the element whose word is the trigger
	Flags []string // recip, accuse, deny, say, ...
	Line  string   // "file:line" for --explain
	// Nominal patterns have no verb element: their trigger is a noun.
	Nominal bool
	Text    string // the pattern as written
}

// Has reports whether the pattern carries a flag.
func (p *Pattern) Has(flag string) bool {
	for _, f := range p.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// Specificity orders competing matches: more literal words win.
func (p *Pattern) Specificity() int {
	n := 0
	for _, e := range p.Elems {
		switch e.Kind {
		case Lit:
			n += 2
		case Target:
			n++
		}
	}
	return n
}

// Patterns is a compiled pattern dictionary, indexed by the words of
// each pattern's first element.
type Patterns struct {
	ByFirst map[string][]*Pattern
	All     []*Pattern
}

// knownFlags guards against typos in pattern files.
var knownFlags = map[string]bool{
	"recip": true, "accuse": true, "deny": true, "say": true, "refuse": true,
	"threat": true, "intent": true, "nopassive": true, "claim": true, "notarget": true,
	"mediate": true, "nominal": true, "borrow": true, "host": true, "visit": true, "comment": true,
}

// ParsePatterns reads pattern lines from r. name labels errors and
// explain output. Lines look like
//
//	193   open+ fire on|at $T
//	046   hold+ talks with $T   ; recip
func (ps *Patterns) Parse(name string, r io.Reader, codes *Codes) error {
	if ps.ByFirst == nil {
		ps.ByFirst = map[string][]*Pattern{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, err := parsePattern(line)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if codes != nil && !codes.Known(p.Code) || len(p.Code) < 3 {
			return fmt.Errorf("%s:%d: unknown CAMEO code %q", name, n, p.Code)
		}
		p.Line = fmt.Sprintf("%s:%d", name, n)
		ps.add(p)
	}
	return sc.Err()
}

func (ps *Patterns) add(p *Pattern) {
	if ps.ByFirst == nil {
		ps.ByFirst = map[string][]*Pattern{}
	}
	ps.All = append(ps.All, p)
	for w := range p.Elems[0].Words {
		ps.ByFirst[w] = append(ps.ByFirst[w], p)
	}
	for _, seq := range p.Elems[0].Phrases {
		ps.ByFirst[seq[0]] = append(ps.ByFirst[seq[0]], p)
	}
}

func parsePattern(line string) (*Pattern, error) {
	body, flags, _ := strings.Cut(line, ";")
	fields := strings.Fields(body)
	if len(fields) < 2 {
		return nil, fmt.Errorf("want CODE PATTERN, got %q", line)
	}
	p := &Pattern{Code: fields[0], Head: -1, Text: strings.Join(fields[1:], " ")}
	for _, f := range strings.Fields(strings.ReplaceAll(flags, ",", " ")) {
		if !knownFlags[f] {
			return nil, fmt.Errorf("unknown flag %q", f)
		}
		p.Flags = append(p.Flags, f)
	}
	// hyphenated words are three tokens to the tokenizer: "one - sided"
	var words []string
	for _, f := range fields[1:] {
		if strings.Contains(f, "-") && !strings.Contains(f, "|") && !strings.Contains(f, "_") && len(f) > 1 {
			for i, part := range strings.Split(f, "-") {
				if i > 0 {
					words = append(words, "-")
				}
				if part != "" {
					words = append(words, part)
				}
			}
			continue
		}
		if strings.Contains(f, "-") && strings.Contains(f, "|") && !strings.Contains(f, "_") {
			return nil, fmt.Errorf("hyphenated words cannot be alternatives in %q: write one line each", f)
		}
		words = append(words, f)
	}
	for _, f := range words {
		switch f {
		case "$T":
			p.Elems = append(p.Elems, Elem{Kind: Target})
			continue
		case "..":
			p.Elems = append(p.Elems, Elem{Kind: Gap})
			continue
		}
		e := Elem{Kind: Lit, Words: map[string]bool{}}
		verb := false
		for _, alt := range strings.Split(f, "|") {
			if alt == "" {
				return nil, fmt.Errorf("empty alternative in %q", f)
			}
			switch {
			case strings.Contains(alt, "_"):
				var seq []string
				for _, w := range strings.Split(strings.ToLower(alt), "_") {
					if w != "" {
						seq = append(seq, w)
					}
				}
				e.Phrases = append(e.Phrases, seq)
			case strings.HasSuffix(alt, "+"):
				verb = true
				for _, w := range Inflections(strings.ToLower(strings.TrimSuffix(alt, "+"))) {
					e.Words[w] = true
				}
			case strings.HasSuffix(alt, "*"):
				for _, w := range Plurals(strings.ToLower(strings.TrimSuffix(alt, "*"))) {
					e.Words[w] = true
				}
			default:
				e.Words[strings.ToLower(alt)] = true
			}
		}
		if verb && p.Head < 0 {
			p.Head = len(p.Elems)
		}
		p.Elems = append(p.Elems, e)
	}
	if p.Elems[0].Kind != Lit {
		return nil, fmt.Errorf("a pattern must start with a word: %q", line)
	}
	if p.Head < 0 {
		p.Head = 0 // nominal pattern: the first word is the trigger
		p.Nominal = true
	}
	return p, nil
}
