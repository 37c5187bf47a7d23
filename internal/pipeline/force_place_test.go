package pipeline

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// TestForcePlace: force that falls on a town or region happened there,
// whether the town is the object, the subject of a passive or the target
// of "an attack"; a country so named is a target, not a place.
func TestForcePlace(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, code, place string }{
		{"Kharkiv was shelled by Russian forces on Monday.", "194", "Kharkiv"},
		{"Russian artillery shelled the city of Kharkiv overnight.", "194", "Kharkiv"},
		{"Mosul was bombed by American jets overnight.", "195", "Mosul"},
		{"In 2006, Abqaiq was the target of an al-Qaeda suicide attack.", "1831", "Abqaiq"},
		{"In March, Houthi rebels attacked Abqaiq.", "190", "Abqaiq"},
		{"Russia attacked Ukraine on Monday.", "190", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			evs, doc, err := p.ProcessDoc(event.Article{ID: "d", Date: "2024-03-11", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].Code != tc.code {
				t.Fatalf("want one %s event, got %+v", tc.code, evs)
			}
			got := ""
			if l := evs[0].Location; l != nil {
				got = l.Name
				if !onLayer(doc, l.Text) {
					t.Errorf("place %q not on the place layer", l.Text)
				}
			}
			if got != tc.place {
				t.Errorf("place %q, want %q", got, tc.place)
			}
		})
	}
}

func onLayer(doc *event.Doc, txt string) bool {
	for _, m := range doc.Places {
		if m.Text == txt {
			return true
		}
	}
	return false
}
