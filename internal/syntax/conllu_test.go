package syntax

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"columns", "# c\n1\tA\ta\tDET\t_\t_\t0\troot\t_\n", "line 2"},
		{"id", "1\tA\ta\tDET\t_\t_\t0\troot\t_\t_\n3\tB\tb\tNOUN\t_\t_\t1\tnsubj\t_\t_\n", "line 2"},
		{"upos", "1\tA\ta\tFOO\t_\t_\t0\troot\t_\t_\n", "line 1"},
		{"head", "\n\n1\tA\ta\tDET\t_\t_\tx\troot\t_\t_\n", "line 3"},
		{"rel", "1\tA\ta\tDET\t_\t_\t0\tbogus\t_\t_\n", "line 1"},
		{"range", "1\tA\ta\tDET\t_\t_\t5\tdet\t_\t_\n", "line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ReadCoNLLU(strings.NewReader(tc.in), func(*Gold) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want mention of %q", err, tc.want)
			}
		})
	}
}

func TestReadCoNLLUSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n" +
		"3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\t_\n3.1\tgo\tgo\tVERB\t_\t_\t_\t_\t3:conj\t_\n4\t!\t!\tPUNCT\t_\t_\t3\tpunct:x\t_\t_\n"
	var got *Gold
	if err := ReadCoNLLU(strings.NewReader(in), func(g *Gold) error { got = g; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"do", "n't", "go", "!"}; !reflect.DeepEqual(got.Words, want) {
		t.Fatalf("words %q, want %q", got.Words, want)
	}
	if got.Head[2] != -1 || got.Rel[3] != RelPunct {
		t.Fatalf("head %d rel %v", got.Head[2], got.Rel[3])
	}
}

func TestCoNLLURoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/small.conllu")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = ReadCoNLLU(bytes.NewReader(data), func(g *Gold) error {
		return WriteCoNLLU(&out, g.Sentence(), g.SentID, g.Text)
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(data) {
		t.Fatalf("round trip differs:\n%s", out.String())
	}
}
