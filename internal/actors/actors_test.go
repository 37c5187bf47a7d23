package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/text"
)

func phrases(t *testing.T, d *Dict, s, date string) []string {
	t.Helper()
	toks := text.Tokens(s)
	var out []string
	for _, p := range d.Phrases(toks, date) {
		code := p.Code
		if code == "" {
			code = "?" + p.Role
		}
		out = append(out, code+"="+s[toks[p.Start].Start:toks[p.End-1].End])
	}
	return out
}

func TestPhrases(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, date string
		want       []string
	}{
		{"Armenian forces opened fire", "", []string{"ARMMIL=Armenian forces"}},
		{"Azerbaijan's defence ministry said", "", []string{"AZEGOVMIL=Azerbaijan's defence ministry"}},
		{"The Azerbaijan Defence Ministry reported", "", []string{"AZEGOVMIL=Azerbaijan Defence Ministry"}},
		{"the foreign ministers of Armenia and Azerbaijan", "", []string{"ARMGOV=foreign ministers of Armenia", "AZEGOV=Azerbaijan"}},
		{"the defence ministry in Berlin said", "", []string{"DEUGOVMIL=defence ministry in Berlin"}},
		{"Kenyan police fired", "", []string{"KENCOP=Kenyan police"}},
		{"Moscow said", "", []string{"RUS=Moscow"}},
		{"thousands of Israelis rallied", "", []string{"ISRCVL=Israelis"}},
		{"Sudan's paramilitary Rapid Support Forces", "", []string{"SDNREB=Sudan's paramilitary Rapid Support Forces"}},
		{"the police later", "", []string{"?COP=police"}},
		{"Israeli territory", "", []string{"ISR=Israeli"}},
		{"U.N. Secretary-General Antonio Guterres", "", []string{"IGOUNO=U.N. Secretary-General Antonio Guterres"}},
		{"President Donald Trump said", "2025-03-01", []string{"USAGOV=President Donald Trump"}},
	}
	for _, tt := range tests {
		got := phrases(t, d, tt.text, tt.date)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") && !(len(tt.want) == 1 && len(got) > 0 && got[0] == tt.want[0]) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCaseRules(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// "turkey" and "chad" in lower case are not countries; "un" is not the UN
	for _, s := range []string{"they ate turkey", "a hanging chad", "un peu"} {
		for _, p := range phrases(t, d, s, "") {
			if !strings.HasPrefix(p, "?") {
				t.Errorf("%q: lower-case word coded as %s", s, p)
			}
		}
	}
}

func TestValidity(t *testing.T) {
	d, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	user := filepath.Join(t.TempDir(), "people.txt")
	os.WriteFile(user, []byte("# format: actors\nXXXGOV ..2024-12-31 | Jane Placeholder\nYYYGOV 2025-01-01.. | Jane Placeholder\n"), 0o644)
	d, err = Load([]string{user})
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]string{"2024-06-01": "XXXGOV", "2025-06-01": "YYYGOV"} {
		if got := phrases(t, d, "Jane Placeholder said", date); len(got) == 0 || !strings.HasPrefix(got[0], want) {
			t.Errorf("on %s: %v, want %s", date, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"# format: countries\nAZE | Azerbaijan\n", "4 fields"},
		{"# format: actors\nazegov | x\n", "bad actor code"},
		{"# format: actors\nAZEGOV 2024 | x\n", "FROM..TO"},
		{"# format: sideways\nAZE | x\n", "unknown dictionary format"},
	}
	for _, tt := range tests {
		f := filepath.Join(t.TempDir(), "bad.txt")
		os.WriteFile(f, []byte(tt.body), 0o644)
		_, err := Load([]string{f})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("%q: error %v, want %q naming the file", tt.body, err, tt.want)
		}
	}
}
