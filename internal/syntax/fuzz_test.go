package syntax

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzReadCoNLLU(f *testing.F) {
	f.Add([]byte("# text = a\n1\tA\ta\tDET\t_\t_\t0\troot\t_\t_\n\n"))
	f.Add([]byte("1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\t_\t_\t2\tdep\t_\t_\n2\ty\ty\tX\t_\t_\t0\troot\t_\t_\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadCoNLLU(bytes.NewReader(data), func(g *Gold) error {
			n := len(g.Words)
			if len(g.UPOS) != n || len(g.Lemma) != n || len(g.Head) != n || len(g.Rel) != n {
				t.Fatal("column lengths differ")
			}
			for _, h := range g.Head {
				if h < -1 || h >= n {
					t.Fatal("head out of range")
				}
			}
			return nil
		})
	})
}

func FuzzParse(f *testing.F) {
	f.Add("Israeli troops killed two Palestinians in Hebron .")
	f.Add("ÉCOLE \x00 -- ... 1,000 $ @#! ñ")
	f.Add("")
	p := Default().NewParser()
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		if len(words) > 300 {
			words = words[:300]
		}
		s := p.Parse(words)
		checkTree(t, s)
	})
}

// checkTree verifies exactly one root, heads in range and no cycles.
func checkTree(t *testing.T, s *Sentence) {
	t.Helper()
	n := len(s.Words)
	roots := 0
	for i, h := range s.Head {
		if h == -1 {
			roots++
			if s.Rel[i] != RelRoot {
				t.Fatalf("root word %d has rel %v", i, s.Rel[i])
			}
			continue
		}
		if h < 0 || h >= n || h == i {
			t.Fatalf("word %d: head %d out of range", i, h)
		}
		for k, j := 0, h; j != -1; k, j = k+1, s.Head[j] {
			if k > n {
				t.Fatalf("cycle through word %d", i)
			}
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}
