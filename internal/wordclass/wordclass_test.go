package wordclass

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	known := []string{"a", "b"}
	for _, tc := range []struct{ name, text, want string }{
		{"ok", "# c\n[a]\nx y # z\n\n[b]\nx\n", ""},
		{"unknown section", "[a]\nx\n[c]\ny\n[b]\nz\n", "f:3: unknown class [c]"},
		{"repeated section", "[a]\nx y\n[b]\nx\n[a]\n", "f:5: class [a] repeated (first at line 1)"},
		{"duplicate word in class", "[a]\nx y\n\ny\n[b]\nz\n", `f:4: word "y" repeated in [a] (first at line 2)`},
		{"word before section", "# c\nx\n[a]\ny\n[b]\nz\n", `f:2: word "x" before any [class]`},
		{"malformed header", "[a]\nx\n[b\n", `f:3: malformed class header "[b", want [class]`},
		{"missing class", "[a]\nx\n", "f: class [b] missing"},
		{"empty class", "[a]\nx\n[b] # nothing\n", "f:3: class [b] has no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("f", tc.text, known)
			if tc.want == "" {
				if err != nil || !c["a"]["x"] || !c["a"]["y"] || !c["b"]["x"] || c["a"]["z"] {
					t.Fatalf("got %v, %v", c, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}
