package verbs

import (
	"strings"
	"testing"
)

// TestEmbeddedPatternsLint keeps the shipped dictionary free of the
// mistakes Lint finds; Load would refuse it anyway, this names them all.
func TestEmbeddedPatternsLint(t *testing.T) {
	_, ps, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ps.Lint() {
		t.Error(e)
	}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // substring of the one error, "" for none
	}{
		{"clean", "190 attack+ $T\n193 open+ fire on|at $T\n", ""},
		{"same pattern two codes", "180 attack+ $T\n190 attack+ $T\n", "is coded 190 here and 180"},
		{"alternatives in another order", "193 shoot+|fire $T\n190 fire|shoot+ $T\n", "is coded 190"},
		{"repeat", "143 general strike\n143 general  strike\n", "can never fire"},
		{"inert flag", "043 host+ $T ; nopassive\n", `flag "nopassive" does nothing`},
		{"different gap is another pattern", "190 attack+ $T\n190 attack+ .. $T\n", ""},
		{"a pattern for some sources is another", "040 leave+ $T\n0874 leave+ $T ; by=MIL\n", ""},
		{"roles in another order", "0874 leave+ $T ; by=MIL|COP\n0873 leave+ $T ; by=COP|MIL\n", "is coded 0873"},
	}
	codes := testCodes(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := &Patterns{}
			if err := ps.Parse("t.txt", strings.NewReader(tc.file), codes); err != nil {
				t.Fatal(err)
			}
			errs := ps.Lint()
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Errorf("unexpected: %v", errs)
			case tc.want != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want)):
				t.Errorf("got %v, want one error containing %q", errs, tc.want)
			}
		})
	}
}

func TestOverrideReplacesIdentical(t *testing.T) {
	codes := testCodes(t)
	base, user := &Patterns{}, &Patterns{}
	if err := base.Parse("base.txt", strings.NewReader("190 attack+ $T\n193 open+ fire\n"), codes); err != nil {
		t.Fatal(err)
	}
	if err := user.Parse("mine.txt", strings.NewReader("180 attack+ $T\n"), codes); err != nil {
		t.Fatal(err)
	}
	got := base.Override(user)
	if len(got.All) != 2 {
		t.Fatalf("got %d patterns, want 2", len(got.All))
	}
	for _, p := range got.ByFirst["attacked"] {
		if p.Code != "180" || p.Line != "mine.txt:1" {
			t.Errorf("attacked → %s from %s, want 180 from mine.txt:1", p.Code, p.Line)
		}
	}
}

func testCodes(t *testing.T) *Codes {
	t.Helper()
	codes, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return codes
}
