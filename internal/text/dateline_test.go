package text

import "testing"

func TestReadDateline(t *testing.T) {
	for _, tc := range []struct {
		in, place, qual, rest string
		ok                    bool
	}{
		{"BAKU, April 3 (Reuters) - Azerbaijan accused Armenia.", "BAKU", "", "Azerbaijan accused Armenia.", true},
		{"ZVECAN, Kosovo (AP) — Police said.", "ZVECAN", "Kosovo", "Police said.", true},
		{"Kyiv, 5 March (Reuters) - Russia struck.", "Kyiv", "", "Russia struck.", true},
		{"MANILA, Sept 3 (AP) - A Chinese ship rammed a boat.", "MANILA", "", "A Chinese ship rammed a boat.", true},
		{"Azerbaijan accused Armenia - again - of shelling.", "", "", "", false},
		{"The talks - the first in years - ended.", "", "", "", false},
	} {
		d, ok := ReadDateline(tc.in)
		if ok != tc.ok || d.Place != tc.place || d.Qualifier != tc.qual || ok && tc.in[d.End:] != tc.rest {
			t.Errorf("ReadDateline(%q) = %+v, %v", tc.in, d, ok)
		}
	}
}
