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
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
	// in 2000 is USA, not USAGOV); nil for undated entries. On a surname
	// alias it is the full entry the alias was derived from.
	outside *Entry
	// outOfOffice marks such a stand-in: it ranks below every entry that
	// is valid on the date
	outOfOffice bool
	// surname marks an alias derived from a dated person's full name
	// (surname.go): it codes only when unique on the date, below every
	// other entry on the same words.
	surname bool
	// person marks a named entry that reads as a person's name (two or
	// more capitalised words, the last a surname): "Qasem Soleimani", not
	// "Islamic State" or "Muslim Brotherhood".
	person bool
}

// Person reports whether the entry names one person rather than a body.
func (e *Entry) Person() bool { return e.person || e.surname }

// Surname reports whether the entry is a surname alias of a dated person.
func (e *Entry) Surname() bool { return e.surname }

// OutOfOffice reports whether the entry stands for a dated person on a date
// outside the office: the country only.
func (e *Entry) OutOfOffice() bool { return e.outOfOffice }

// ValidOn reports whether the entry applies on an article date.
func (e *Entry) ValidOn(date string) bool {
	if date == "" {
		return true
	}
	return (e.From == "" || date >= e.From) && (e.To == "" || date <= e.To)
}

// child returns the node under key, made if it is new; the key is copied
// only then.
func (n *node) child(key []byte) *node {
	next := n.next[string(key)]
	if next == nil {
		next = &node{}
		if n.next == nil {
			n.next = map[string]*node{}
		}
		n.next[string(key)] = next
	}
	return next
}

type node struct {
	next    map[string]*node // nil until the node has a child (most are leaves)
	entries []*Entry
}

// Dict is a compiled set of actor dictionaries.
type Dict struct {
	root node
	// countryOf maps an actor code's country part to itself for quick checks.
	countries map[string]bool
	// pending are the nodes given surname aliases, sorted out once all
	// files are read; nil after loading.
	pending []*node
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
	d.deriveSurnames()
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
		src := name + ":" + strconv.Itoa(n)
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
			kinds = countryKinds
		case "actors":
			if len(fields) != 2 {
				return fmt.Errorf("%s: want CODE | names", src)
			}
			if !validCode(code) {
				return fmt.Errorf("%s: bad actor code %q", src, code)
			}
			kinds = namedKinds
		case "agents":
			if len(fields) != 2 {
				return fmt.Errorf("%s: want ROLE | phrases", src)
			}
			kinds = agentKinds
			if code == "-" {
				kinds = modifierKinds
			}
		default:
			return fmt.Errorf("%s: unknown dictionary format %q", name, format)
		}
		for i, k := range kinds {
			for rest, more := fields[i+1], true; more; {
				var p string
				p, rest, more = strings.Cut(rest, ",")
				if p = strings.TrimSpace(p); p == "" {
					continue
				}
				d.add(&Entry{Code: code, Kind: k, Phrase: p, Src: src, From: from, To: to})
			}
		}
	}
	return sc.Err()
}

// The kinds of the phrase fields of each format, in field order.
var (
	countryKinds  = []Kind{Country, Demonym, Capital}
	namedKinds    = []Kind{Named}
	agentKinds    = []Kind{Agent}
	modifierKinds = []Kind{Modifier}
)

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

// innerCapital reports whether a capitalised word has a capital inside it
// ("LeT", "McConnell", "FedEx"): written so on purpose, it matches only as
// written, so "LeT" is not "Let's" at a sentence's start.
func innerCapital(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.IndexFunc(w[1:], func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0
}

// acronym reports whether w is written in capitals (UN, MIT, US): two
// or more characters, none lower case, some upper case. Acronyms match
// only as written.
func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	upper := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(w) == w && strings.ToLower(w) != w
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// appendKey appends Key(s) to b, without allocating when s is ASCII and
// b has room.
func appendKey(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return append(b[:0], Key(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func (d *Dict) add(e *Entry) {
	toks := text.Tokens(e.Phrase)
	if len(toks) == 0 {
		return
	}
	n := &d.root
	e.words = make([]string, len(toks))
	flags := make([]bool, 2*len(toks))
	e.exact, e.upper = flags[:len(toks):len(toks)], flags[len(toks):]
	var buf [64]byte
	for i, t := range toks {
		w := t.Text
		e.words[i] = w
		upper := w[0] >= 'A' && w[0] <= 'Z'
		e.exact[i] = (acronym(w) || innerCapital(w)) && e.Kind != Agent
		e.upper[i] = upper && e.Kind != Agent
		// The key is made in buf and copied only when it is new: most
		// words of a dictionary are keys already.
		n = n.child(appendKey(buf[:0], w))
	}
	n.entries = append(n.entries, e)
	d.noteSurname(e, toks)
	if e.Kind == Named && (e.From != "" || e.To != "") && len(CountryOf(e.Code)) == 3 && CountryOf(e.Code) != e.Code {
		out := *e
		out.Code = CountryOf(e.Code)
		out.From, out.To = "", ""
		out.Src = e.Src + " (out of office: country only)"
		out.outOfOffice = true
		e.outside = &out
	}
}
