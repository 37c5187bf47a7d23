package geo

import (
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	var b strings.Builder
	Explain(&b, Default(), "Talks were held in Moscow, near the Red Sea and in Nakhchivan.")
	out := b.String()
	for _, want := range []string{`"Moscow"`, "cue=in", "candidates", "Moscow, Idaho", "-> Moscow (RUS, city)",
		"never a location", "alias aliases.txt:", "-> Nakhchivan (AZE, admin1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	Explain(&b, Default(), "Nothing here.")
	if !strings.Contains(b.String(), "no place mentions") {
		t.Errorf("empty: %q", b.String())
	}
}
