package geo

import (
	"os"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range benchSentences {
		f.Add(s)
	}
	f.Add("in Russia's Ryazan region's al-Fasher St. Petersburg-based ’s '")
	f.Add("in")
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range g.Find(s, []string{"USA"}) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m.Span, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("span splits a rune: %q", m.Text)
			}
			if m.Confidence <= 0 || m.Confidence > 1 {
				t.Fatalf("confidence %v", m.Confidence)
			}
		}
	})
}

func TestUserAliasFile(t *testing.T) {
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/user_aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := g.LoadAliases(f); err != nil {
		t.Fatal(err)
	}
	ms := g.Find("Hundreds were killed in Ardamata, near the Darfur city of El Geneina.", []string{"SDN"})
	if len(ms) != 3 || ms[0].Place.Name != "Ardamata" || ms[1].Place.Name != "Darfur" || ms[2].Place.Name != "El Geneina" {
		t.Errorf("Find = %+v", ms)
	}
}
