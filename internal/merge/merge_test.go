package merge

import (
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

func ev(id, src, tgt, code string, sent int, date, dateText string, bg bool, loc bool) event.Event {
	e := event.Event{ID: id, Code: code, SentenceIndex: sent, Date: date, DateText: dateText, Background: bg,
		Source: event.Actor{Code: src, Country: src[:3]}, Target: event.Actor{Code: tgt, Country: tgt[:3]}}
	if loc {
		e.Location = &event.Location{Name: "Nakhchivan", Country: "AZE"}
	}
	return e
}

func TestCounterClaims(t *testing.T) {
	aze, arm := "AZE", "ARM"
	a := ev("d-1", "ARMMIL", "AZE", "193", 1, "2024-04-01", "on April 1", false, true)
	a.ClaimedBy, a.Root = &aze, "19"
	b := ev("d-2", "AZE", "ARM", "190", 2, "2024-04-02", "", false, false)
	b.ClaimedBy, b.Root = &arm, "19"
	out := Restatements([]event.Event{a, b})
	if out[1].Location == nil || out[1].Date != "2024-04-01" {
		t.Errorf("counter-claim did not take the incident's place and date: %+v", out[1])
	}
}

func TestRestatements(t *testing.T) {
	tests := []struct {
		name  string
		in    []event.Event
		want  []string // surviving ids
		check func(t *testing.T, out []event.Event)
	}{
		{
			name: "lead and detail merge; the detail's date, place and actors win",
			in: []event.Event{
				ev("d-1", "AZE", "ARMMIL", "193", 0, "2024-04-02", "", false, false),
				ev("d-2", "ARMMIL", "AZE", "193", 0, "2024-04-02", "", false, false),
				ev("d-3", "ARMMIL", "AZE", "193", 1, "2024-04-01", "April 1", false, true),
			},
			want: []string{"d-1", "d-3"},
			check: func(t *testing.T, out []event.Event) {
				if out[1].Date != "2024-04-01" || out[1].Location == nil {
					t.Errorf("survivor lost the detail: %+v", out[1])
				}
			},
		},
		{
			name: "different explicit dates are different happenings",
			in: []event.Event{
				ev("d-1", "AZE", "ARM", "190", 4, "", "the 1990s", true, false),
				ev("d-2", "AZE", "ARM", "190", 4, "2020", "in 2020", true, false),
			},
			want: []string{"d-1", "d-2"},
		},
		{
			name: "sibling actors of one country are two targets",
			in: []event.Event{
				ev("d-1", "IGOEUREEC", "IRNBUS", "163", 0, "2024-10-14", "on Monday", false, false),
				ev("d-2", "IGOEUREEC", "IRNGOV", "163", 0, "2024-10-14", "on Monday", false, false),
			},
			want: []string{"d-1", "d-2"},
		},
		{
			name: "news and history never merge",
			in: []event.Event{
				ev("d-1", "ISRMIL", "PSE", "190", 0, "2024-05-23", "on Thursday", false, true),
				ev("d-2", "ISRMIL", "PSE", "190", 1, "2023-07", "", true, true),
			},
			want: []string{"d-1", "d-2"},
		},
		{
			name: "a denial follows its claim to the survivor",
			in: []event.Event{
				ev("d-1", "ARMMIL", "AZE", "193", 0, "2024-04-02", "", false, false),
				ev("d-2", "ARMGOVMIL", "AZE", "016", 2, "2024-04-02", "", false, false),
				ev("d-3", "ARMMIL", "AZE", "193", 1, "2024-04-01", "April 1", false, true),
			},
			want: []string{"d-2", "d-3"},
		},
	}
	tests[4].in[1].Denies = func() *string { s := "d-1"; return &s }()
	tests[4].check = func(t *testing.T, out []event.Event) {
		if out[0].Denies == nil || *out[0].Denies != "d-3" {
			t.Errorf("denial points at %v, want d-3", out[0].Denies)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Restatements(tt.in)
			var ids []string
			for _, e := range out {
				ids = append(ids, e.ID)
			}
			if len(ids) != len(tt.want) {
				t.Fatalf("survivors %v, want %v", ids, tt.want)
			}
			for i := range ids {
				if ids[i] != tt.want[i] {
					t.Fatalf("survivors %v, want %v", ids, tt.want)
				}
			}
			if tt.check != nil {
				tt.check(t, out)
			}
		})
	}
}

func TestGenericAccusationYieldsToSpecific(t *testing.T) {
	out := Restatements([]event.Event{
		ev("d-1", "AZE", "ARMMIL", "1123", 0, "2024-04-02", "", false, false),
		ev("d-2", "AZE", "ARM", "112", 6, "2024-04-02", "", false, false),
		ev("d-3", "ARM", "AZE", "112", 6, "2024-04-02", "", false, false),
	})
	if len(out) != 2 || out[0].ID != "d-1" || out[1].ID != "d-3" {
		t.Errorf("survivors %v, want d-1 and d-3 (no specific ARM→AZE accusation)", out)
	}
}
