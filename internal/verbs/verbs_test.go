package verbs

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	codes, ps, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.All) < 300 {
		t.Errorf("only %d patterns loaded", len(ps.All))
	}
	for _, c := range []string{"010", "0256", "1123", "195", "1952", "204"} {
		if !codes.Known(c) {
			t.Errorf("code %s missing from the table", c)
		}
	}
}

func TestCodeAttributes(t *testing.T) {
	codes, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code      string
		quad      int
		goldstein float64
		plover    string
	}{
		{"0256", 1, -0.3, "REQUEST"},
		{"057", 1, 8.0, "AGREE"},
		{"073", 2, 7.4, "AID"},
		{"0871", 2, 9.0, "RETREAT"},
		{"1123", 3, -2.0, "ACCUSE"},
		{"016", 1, 3.4, "REJECT"},
		{"138", 3, -7.0, "THREATEN"},
		{"1442", 4, -7.5, "PROTEST"},
		{"193", 4, -10.0, "ASSAULT"},
		{"1952", 4, -10.0, "ASSAULT"},
	}
	for _, tt := range tests {
		c, _ := codes.Get(tt.code)
		if q := QuadClass(tt.code); q != tt.quad {
			t.Errorf("%s: quad class %d, want %d", tt.code, q, tt.quad)
		}
		if c.Goldstein != tt.goldstein || c.Plover != tt.plover {
			t.Errorf("%s: got %v %s, want %v %s", tt.code, c.Goldstein, c.Plover, tt.goldstein, tt.plover)
		}
	}
}

func TestInflections(t *testing.T) {
	tests := map[string]string{
		"accuse": "accuse accuses accusing accused",
		"hold":   "hold holds holding held",
		"ban":    "ban bans banning banned",
		"open":   "open opens opening opened",
		"deny":   "deny denies denying denied",
		"meet":   "meet meets meeting met",
		"strike": "strike strikes striking struck stricken",
		"commit": "commit commits committing committed",
	}
	for lemma, want := range tests {
		if got := strings.Join(Inflections(lemma), " "); got != want {
			t.Errorf("Inflections(%q) = %q, want %q", lemma, got, want)
		}
	}
}

func TestPresent(t *testing.T) {
	for _, tc := range []struct {
		form, lemma string
		want        bool
	}{
		{"runs", "run", true}, {"control", "control", true}, {"controls", "control", true},
		{"hit", "hit", false}, {"controlled", "control", false}, {"ran", "run", false}, {"put", "put", false},
	} {
		if got := Present(tc.form, tc.lemma); got != tc.want {
			t.Errorf("Present(%q, %q) = %v, want %v", tc.form, tc.lemma, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	codes, _, _ := Default()
	tests := []struct{ line, want string }{
		{"999 open+ fire", "unknown CAMEO code"},
		{"193", "want CODE PATTERN"},
		{"193 $T fire", "must start with a word"},
		{"193 open+ fire ; sideways", "unknown flag"},
		{"193 open+ |fire", "empty alternative"},
		{"0874 leave+ $T ; by=mil", "want by=ROLE"},
		{"0874 leave+ $T ; by=MIL|", "want by=ROLE"},
		{"173 appear+ in court ; as=jud", "want as=ROLE"},
		{"173 appear+ in court ; as=", "want as=ROLE"},
	}
	for _, tt := range tests {
		var ps Patterns
		err := ps.Parse("x.txt", strings.NewReader(tt.line), codes)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "x.txt:1:") {
			t.Errorf("%q: error %v, want %q with file:line", tt.line, err, tt.want)
		}
	}
}

// A lemma that is also the irregular past of another verb ("found" of
// "find") does not match its bare form.
func TestPastOfAnother(t *testing.T) {
	for _, c := range []struct {
		lemma, form string
		want        bool
	}{{"found", "found", false}, {"found", "founded", true}, {"find", "found", true}, {"lay", "lay", true}, {"hold", "held", true}} {
		got := slices.Contains(Inflections(c.lemma), c.form)
		if got != c.want {
			t.Errorf("Inflections(%q) has %q = %v, want %v", c.lemma, c.form, got, c.want)
		}
	}
}

// A prefix written apart is the same word: "re-opened" for reopen+,
// "co-operate" for cooperate; short stems ("react") keep their prefix.
func TestPrefixApart(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // a phrase the first element must hold
		has     bool
	}{
		{"0863 reopen+ .. crossing*", []string{"re", "-", "opened"}, true},
		{"060 cooperate with $T", []string{"co", "-", "operate"}, true},
		{"111 react+ to $T", []string{"re", "-", "acted"}, false},
	}
	for _, tc := range tests {
		var ps Patterns
		if err := ps.Parse("t.txt", strings.NewReader(tc.pattern), nil); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, seq := range ps.All[0].Elems[0].Phrases {
			found = found || slices.Equal(seq, tc.want)
		}
		if found != tc.has {
			t.Errorf("%q: phrase %v present %v, want %v", tc.pattern, tc.want, found, tc.has)
		}
	}
}
