package dictimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var mini = []string{"testdata/mini.verbs.txt", "testdata/mini.actors.txt", "testdata/mini.agents.txt", "testdata/mini.discards.txt"}

func importMini(t *testing.T) (map[string]string, *Report) {
	t.Helper()
	outs, rep, err := Import("petrarch", mini)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, o := range outs {
		files[o.Name] = string(o.Data)
	}
	return files, rep
}

func TestConvertedLines(t *testing.T) {
	files, _ := importMini(t)
	for _, c := range []struct{ file, line string }{
		{VerbsFile, "0231  glom+ onto $T"},
		{VerbsFile, "061   frobnicate+|twiddle+|twoddle .. widget|sprocket_wheel"},
		{VerbsFile, "062   frobnicate+|twiddle+|twoddle .. shiny hammer|hammers .. with $T  ; recip"},
		{VerbsFile, "062   glom+ onto .. shiny hammer|hammers .. with $T  ; recip"},
		{VerbsFile, "042   frobnicate+|twiddle+|twoddle .. to $T  ; visit"},
		{VerbsFile, "173   snorkel+ $T"},
		{ActorsFile, "AZEGOV 1992-01-01..1999-12-31 | Boris Quuxley, President Quuxley"},
		{ActorsFile, "ARMGOV 2005-01-01.. | Maria Zorp"},
		{ActorsFile, "IGOUNO | Blue Helmet Brigade"},
		{AgentsFile, "GOV | gizmo ministry"},
		{AgentsFile, "MIL | sprocketman, sprocketwoman"},
	} {
		if !strings.Contains(files[c.file], "\n"+c.line+"\n") {
			t.Errorf("%s: no line %q in\n%s", c.file, c.line, files[c.file])
		}
	}
	if strings.Contains(files[VerbsFile], "frobnicate+ $T") {
		t.Errorf("a [---] block's verb became a pattern")
	}
}

func TestSkipReasons(t *testing.T) {
	_, rep := importMini(t)
	for _, c := range []struct {
		reason string
		n      int
	}{
		{"source ($) before the verb: the coder finds the source itself", 1},
		{"^ (skip a noun phrase) has no Flashpoint form", 1},
		{"pattern coded [---] (this context is not an event): Flashpoint has no null code", 1},
		{"reverse-only code [:X] (an event from target to source)", 1},
		{"transformation (~): verb-on-verb rules have no Flashpoint form", 1},
		{"actor role has no Flashpoint equivalent (ELI elites, territories, sectors; data/roles.txt)", 2},
		{"country's places and spellings (ours: countries.txt, gazetteer)", 2}, // Freedonia, Azerbaijan
		{"country code not in countries.txt (CAMEO, not ISO, or a former state)", 1},
		{"bad date restriction", 1},
		{"words that may be apart (a blank in the phrase): agents are consecutive words", 1},
		{"code placed before the actor (XXX~): an organisation type, not a role", 1},
		{"agent role has no Flashpoint equivalent (CRM, HLH, EDU, UAF…; data/roles.txt)", 1},
		{"discard list: Flashpoint has no discard stage (not added by an importer)", 2},
		{"CAMEO code not in cameo.txt", 2}, // 0612, once per verb variant
	} {
		got := 0
		if tl := rep.Skipped[c.reason]; tl != nil {
			got = tl.n
		}
		if got != c.n {
			t.Errorf("skipped %q: %d, want %d", c.reason, got, c.n)
		}
	}
	for _, c := range []string{"actor name already ours (kept ours)", "agent phrase already ours (kept ours)"} {
		if rep.Conflicts[c] == nil {
			t.Errorf("no conflict %q (Ilham Aliyev, government are ours)", c)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := importMini(t)
	rev := append([]string{}, mini...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	outs, _, err := Import("petrarch", rev)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if string(o.Data) != a[o.Name] {
			t.Errorf("%s differs between runs", o.Name)
		}
	}
}

func TestTabariVerbsRefused(t *testing.T) {
	if _, _, err := Import("tabari", []string{"testdata/mini.verbs.txt"}); err == nil {
		t.Error("--from tabari accepted a verb dictionary")
	}
}

// TestCommittedFiles re-runs the import of the shared dictionaries and
// compares with the generated files in the repository, byte for byte.
func TestCommittedFiles(t *testing.T) {
	dir := "../../../shared/dictionaries/petrarch2"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no PETRARCH2 dictionaries at " + dir)
	}
	outs, _, err := Import("petrarch", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		path := filepath.Join("../actors/data/imported", o.Name)
		if o.Patterns {
			path = filepath.Join("../verbs/data/imported", o.Name)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, o.Data) {
			t.Errorf("%s is not what 'flashpoint dict import --from petrarch' generates: re-run it", path)
		}
	}
}

func TestExpandNames(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)", []string{"LIBERATION_TIGERS_OF_TAMIL_EELAM", "LTTE"}},
		{"STANKO_TODOROV_(ACTING", []string{"STANKO_TODOROV"}},
		{"GEORGIA_(SOVEREIGN_STATE)", []string{"GEORGIA"}},
		{"HAMAS", []string{"HAMAS"}},
	} {
		got := expandNames([]string{tc.in})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("expandNames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
