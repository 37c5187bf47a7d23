package geo

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// TestNamedPlace checks that a place the text introduces by its kind but
// no gazetteer holds is reported by name in the country of the event's
// target, else its source, and that an actor's own words are no place.
func TestNamedPlace(t *testing.T) {
	for _, tc := range []struct {
		text, src, tgt string
		want, country  string
	}{
		{"Azerbaijani forces shelled the village of Sotk on Monday.", "AZE", "ARM", "Sotk", "ARM"},
		{"Israeli troops raided the town of Kafr Qaddum overnight.", "ISR", "PSE", "Kafr Qaddum", "PSE"},
		{"Rebels attacked the settlement of Bir Ajam.", "SYRREB", "IGO", "Bir Ajam", "SYR"},
		{"Russia criticised Ukraine on Monday.", "RUS", "UKR", "", ""},
	} {
		s := event.Sentence{Text: tc.text}
		ev := event.Event{Source: event.Actor{Country: tc.src[:3]}, Target: event.Actor{Country: tc.tgt[:3]}}
		loc, ok := namedPlace(&ev, &s)
		if tc.want == "" {
			if ok {
				t.Errorf("%q: got %+v, want none", tc.text, loc)
			}
			continue
		}
		if !ok || loc.Name != tc.want || loc.Country != tc.country || loc.Precision != PrecNamed {
			t.Errorf("%q: got %+v, %v; want %s in %s", tc.text, loc, ok, tc.want, tc.country)
		}
	}
}
