// Package actors recognises and codes political actors in text, from
// human-editable dictionaries embedded in the binary (data/*.txt) and
// optional user files: countries with their names, demonyms and capitals;
// named organisations, groups, institutions and people; and the agent
// words (government, troops, police…) that give an actor its role.
package actors

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/flashpoint/flashpoint/internal/text"
)

// Kind says how an entry names its actor.
type Kind uint8

const (
	Country  Kind = iota // a country's name: "Azerbaijan"
	Demonym              // "Azerbaijani", "Azeris"
	Capital              // a capital standing for the state: "Baku"
	Named                // an organisation, group, institution or person
	Agent                // a role word: "defence ministry" → GOVMIL
	Modifier             // a word that may sit between country and agent
)

func (k Kind) String() string {
	return [...]string{"country", "demonym", "capital", "named", "agent", "modifier"}[k]
}

// Entry is one phrase of a dictionary.
type Entry struct {
	Code   string // actor code (countries, named) or role (agents)
	Kind   Kind
	Phrase string
	Src    string // "file:line", for --explain
	From   string // validity, YYYY-MM-DD, "" = open
	To     string
	// words are the phrase's tokens; exact[i] means token i must match
	// case-sensitively (acronyms), upper[i] that it must be capitalised.
	words []string
	exact []bool
	upper []bool
	// outside stands for a dated named entry on dates outside its range:
	// the same person out of office is still of the same country ("Bush"
	// in 2000 is USA, not USAGOV); nil for undated entries.
	outside *Entry
	// outOfOffice marks such a stand-in: it ranks below every entry that
	// is valid on the date
	outOfOffice bool
}

// ValidOn reports whether the entry applies on an article date.
func (e *Entry) ValidOn(date string) bool {
	if date == "" {
		return true
	}
	return (e.From == "" || date >= e.From) && (e.To == "" || date <= e.To)
}

type node struct {
	next    map[string]*node
	entries []*Entry
}

// Dict is a compiled set of actor dictionaries.
type Dict struct {
	root node
	// countryOf maps an actor code's country part to itself for quick checks.
	countries map[string]bool
}

//go:embed data/*.txt data/imported/phoenix_actors.txt
var dataFS embed.FS

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns the embedded dictionaries.
func Default() (*Dict, error) {
	defaultOnce.Do(func() { defaultDict, defaultErr = Load(nil) })
	return defaultDict, defaultErr
}

// ownFiles are the dictionaries written for Flashpoint; importedFiles
// are generated from the field's dictionaries by 'flashpoint dict import'
// and read after ours, which the importer has already kept them from
// contradicting.
var (
	ownFiles      = []struct{ name, format string }{{"countries.txt", "countries"}, {"actors.txt", "actors"}, {"agents.txt", "agents"}}
	importedFiles = []struct{ name, format string }{{"imported/phoenix_actors.txt", "actors"}}
)

// Own returns the dictionaries written for Flashpoint alone: what an
// import is checked against.
func Own() (*Dict, error) { return load(ownFiles, nil) }

// Load reads the embedded dictionaries, then user files. A user file's
// format is chosen by its first line: "# format: countries", "# format:
// actors" or "# format: agents" (actors is the default).
func Load(userFiles []string) (*Dict, error) {
	return load(append(ownFiles[:len(ownFiles):len(ownFiles)], importedFiles...), userFiles)
}

func load(embedded []struct{ name, format string }, userFiles []string) (*Dict, error) {
	d := &Dict{root: node{next: map[string]*node{}}, countries: map[string]bool{}}
	for _, f := range embedded {
		r, err := dataFS.Open("data/" + f.name)
		if err != nil {
			return nil, err
		}
		err = d.parse(f.name, f.format, r)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, name := range userFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("actor dictionary: %w", err)
		}
		format := "actors"
		first, _, _ := strings.Cut(string(b), "\n")
		if _, f, ok := strings.Cut(first, "format:"); ok {
			format = strings.TrimSpace(f)
		}
		if err := d.parse(name, format, strings.NewReader(string(b))); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// IsCountry reports whether code is a known country code.
func (d *Dict) IsCountry(code string) bool { return d.countries[code] }

func (d *Dict) parse(name, format string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, n)
		fields := strings.Split(line, "|")
		head := strings.Fields(fields[0])
		if len(head) == 0 || len(head) > 2 {
			return fmt.Errorf("%s: want CODE [FROM..TO] | phrases", src)
		}
		code := head[0]
		var from, to string
		if len(head) == 2 {
			var ok bool
			from, to, ok = strings.Cut(head[1], "..")
			if !ok {
				return fmt.Errorf("%s: validity %q: want FROM..TO", src, head[1])
			}
		}
		var kinds []Kind
		switch format {
		case "countries":
			if len(fields) != 4 {
				return fmt.Errorf("%s: want CODE | names | demonyms | capitals (4 fields), got %d", src, len(fields))
			}
			if !validCode(code) || len(code) != 3 {
				return fmt.Errorf("%s: bad country code %q", src, code)
			}
			d.countries[code] = true
			kinds = []Kind{Country, Demonym, Capital}
		case "actors":
			if len(fields) != 2 {
				return fmt.Errorf("%s: want CODE | names", src)
			}
			if !validCode(code) {
				return fmt.Errorf("%s: bad actor code %q", src, code)
			}
			kinds = []Kind{Named}
		case "agents":
			if len(fields) != 2 {
				return fmt.Errorf("%s: want ROLE | phrases", src)
			}
			kinds = []Kind{Agent}
			if code == "-" {
				kinds = []Kind{Modifier}
			}
		default:
			return fmt.Errorf("%s: unknown dictionary format %q", name, format)
		}
		for i, k := range kinds {
			for _, p := range strings.Split(fields[i+1], ",") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				d.add(&Entry{Code: code, Kind: k, Phrase: p, Src: src, From: from, To: to})
			}
		}
	}
	return sc.Err()
}

func validCode(code string) bool {
	// state codes are 3-letter blocks; IGO and NGO codes follow their own
	// naming (IGOAFRAU, NGOHRI)
	if len(code) < 3 || len(code)%3 != 0 && !strings.HasPrefix(code, "IGO") && !strings.HasPrefix(code, "NGO") {
		return false
	}
	for _, r := range code {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Key normalises a token for dictionary look-up: lower case, curly
// apostrophes straightened.
func Key(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

func (d *Dict) add(e *Entry) {
	toks := text.Tokens(e.Phrase)
	if len(toks) == 0 {
		return
	}
	n := &d.root
	for _, t := range toks {
		w := t.Text
		e.words = append(e.words, w)
		upper := w[0] >= 'A' && w[0] <= 'Z'
		// acronyms (UN, MIT, US) match only as written
		exact := len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
		e.exact = append(e.exact, exact && e.Kind != Agent)
		e.upper = append(e.upper, upper && e.Kind != Agent)
		k := Key(w)
		next := n.next[k]
		if next == nil {
			next = &node{next: map[string]*node{}}
			n.next[k] = next
		}
		n = next
	}
	n.entries = append(n.entries, e)
	if e.Kind == Named && (e.From != "" || e.To != "") && len(CountryOf(e.Code)) == 3 && CountryOf(e.Code) != e.Code {
		out := *e
		out.Code = CountryOf(e.Code)
		out.From, out.To = "", ""
		out.Src = e.Src + " (out of office: country only)"
		out.outOfOffice = true
		e.outside = &out
	}
}
