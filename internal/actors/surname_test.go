package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/text"
)

func TestPersonSurname(t *testing.T) {
	for _, tc := range []struct{ phrase, want string }{
		{"Bill Clinton", "Clinton"},
		{"Us President Bill Clinton", "Clinton"},
		{"Boris N. Yeltsin", "Yeltsin"},
		{"Bashar al-Assad", "Assad"},
		{"Osama bin Laden", "bin Laden"},
		{"Jean-Marie Le Pen", "Le Pen"},
		{"James Addison Baker Iii", "Baker"},
		{"Maria Lvova-Belova", "Lvova-Belova"},
		{"Recep Tayyip Erdoğan", "Erdoğan"},
		{"Ehud O'Neill", "O'Neill"},
		// not a person's name, or no usable surname
		{"The Clinton Administration", ""},
		{"Clinton Administration", ""},
		{"Party of Regions", ""},
		{"Yeltsin", ""},
		{"Kim Jong Un", ""},
		{"Friends of NATO", ""},
		{"Secretary of State Clinton", ""},
		{"Theresa May", ""},
		{"Al Sabah", ""},
	} {
		toks := text.Tokens(tc.phrase)
		got := ""
		if k, end, ok := personSurname(tc.phrase, toks); ok {
			got = tc.phrase[toks[k].Start:toks[end-1].End]
		}
		if got != tc.want {
			t.Errorf("personSurname(%q) = %q, want %q", tc.phrase, got, tc.want)
		}
	}
}

// TestSurnames checks the aliases on a user dictionary of placeholder
// people (on top of the embedded ones, which name none of them).
func TestSurnames(t *testing.T) {
	user := filepath.Join(t.TempDir(), "people.txt")
	os.WriteFile(user, []byte(`# format: actors
XXXGOV 2000-01-01..2010-12-31 | Jane Placeholder, President Jane Placeholder
YYYGOV 2005-01-01..2015-12-31 | John Placeholder
XXXMIL 2001-01-01..2003-12-31 | Anna Fixture
XXXGOV 2001-01-01..2003-12-31 | Bob Fixture
QQQGOV 2000-01-01..2010-12-31 | Jane Sampleton, Sampleton
QQQLEG 2000-01-01..2010-12-31 | Otto Sampleton
XXXGOV 2000-01-01..2010-12-31 | Jane Armenia, Jane Ministry, Jane Tuesday, Jane Exemplar
XXXREB | Exemplar
XXXGOV 2000-01-01..2010-12-31 | Erik Testcase
YYYGOV 2012-01-01..2014-12-31 | Ivan Testcase
`), 0o644)
	d, err := Load([]string{user})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, date, want string // want: "" = no actor, else the first phrase
	}{
		{"in range", "Placeholder said", "2003-06-01", "XXXGOV=Placeholder"},
		{"in the other range", "Placeholder said", "2012-06-01", "YYYGOV=Placeholder"},
		{"two codes valid", "Placeholder said", "2007-06-01", ""},
		{"two people, two codes", "Fixture said", "2002-06-01", ""},
		{"lower case", "placeholder said", "2003-06-01", ""},
		{"another person's name", "Mary Placeholder said", "2003-06-01", ""},
		{"part of another name", "the Placeholder Foundation said", "2003-06-01", ""},
		{"a weekday after it", "Placeholder Tuesday said", "2003-06-01", "XXXGOV=Placeholder"},
		{"a title before it", "Foreign Minister Placeholder said", "2003-06-01", "XXXGOV=Foreign Minister Placeholder"},
		{"full name wins", "John Placeholder said", "2007-06-01", "YYYGOV=John Placeholder"},
		{"full surname entry wins", "Sampleton said", "2005-06-01", "QQQGOV=Sampleton"},
		{"country word", "Armenia said", "2005-06-01", "ARM=Armenia"},
		{"agent word", "the Ministry said", "2005-06-01", "?GOV=Ministry"},
		{"undated named entry", "Exemplar said", "2005-06-01", "XXXREB=Exemplar"},
		{"out of office: the country", "Placeholder said", "2020-06-01", ""}, // XXX and YYY
		{"out of office, one country", "Testcase said", "2011-06-01", ""},    // XXX and YYY
		{"out of office, one country", "Fixture said", "2008-06-01", "XXX=Fixture"},
	}
	for _, tt := range tests {
		got := phrases(t, d, tt.text, tt.date)
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		if first != tt.want {
			t.Errorf("%s: %q on %s: %v, want %q", tt.name, tt.text, tt.date, got, tt.want)
		}
	}
	// "Tuesday", "Ministry" and "Armenia" give no alias at all
	for _, w := range []string{"tuesday", "ministry", "armenia", "exemplar"} {
		if n := d.root.next[w]; n != nil && hasSurname(n) {
			t.Errorf("%q was made a surname", w)
		}
	}
	// aliases are derived, not written: the importer and 'dict stats' do not see them
	if d.Has("Placeholder") || d.Has("Fixture") {
		t.Error("Has sees a surname alias")
	}
}

// TestSurnamesDefault checks the aliases of the embedded dictionaries on
// the examples that motivated them, and the --explain note.
func TestSurnamesDefault(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, date string
		want       []string
		note       string // in the first phrase's entry source
	}{
		{"Clinton met Yeltsin in Helsinki", "1997-03-21", []string{"USAGOV=Clinton", "RUSGOV=Yeltsin", "FIN=Helsinki"}, `(surname of "Bill Clinton")`},
		{"Clinton spoke", "2010-05-01", []string{"USAGOV=Clinton"}, `(surname of "Hillary Clinton")`},
		{"Arafat accused Israel", "2002-04-01", []string{"PSEGOV=Arafat", "ISR=Israel"}, `(surname of "Yasir Arafat")`},
		{"Arafat accused Israel", "2008-04-01", []string{"PSE=Arafat", "ISR=Israel"}, "(out of office: country only)"},
		{"Clinton spoke", "2006-06-01", nil, ""}, // USA and HTI out of office
		{"the Clinton administration said", "1996-01-01", []string{"USAGOV=Clinton administration"}, ""},
	}
	for _, tt := range tests {
		toks := text.Tokens(tt.text)
		ps := d.Phrases(toks, tt.date)
		got := phrases(t, d, tt.text, tt.date)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q on %s: %v, want %v", tt.text, tt.date, got, tt.want)
			continue
		}
		if tt.note != "" && !strings.Contains(ps[0].Entries[0].Src, tt.note) {
			t.Errorf("%q on %s: source %q, want it to say %s", tt.text, tt.date, ps[0].Entries[0].Src, tt.note)
		}
	}
}
