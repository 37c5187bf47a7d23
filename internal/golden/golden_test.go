package golden

import (
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"case before date", "code Russia attacked Ukraine.\n", "t.txt:1: a 'date' line"},
		{"bad date", "date 2024-13-01\n", "t.txt:1: date \"2024-13-01\""},
		{"short event", "date 2024-01-01\ncode x\n  RUS UKR\n", "t.txt:3: want SOURCE TARGET CODE"},
		{"unknown field", "date 2024-01-01\ncode x\n  RUS UKR 190 colour=red\n", "t.txt:3: unknown field \"colour\""},
		{"unclosed quote", "date 2024-01-01\ncode x\n  RUS UKR 190 trigger=\"opened fire\n", "t.txt:3: unclosed quote"},
		{"stray line", "date 2024-01-01\nRussia\n", "t.txt:2: want 'date'"},
		{"bad background", "date 2024-01-01\ncode x\n  RUS UKR 190 background=yes\n", "t.txt:3: background=\"yes\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.txt", strings.NewReader(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	cases, err := Parse("t.txt", strings.NewReader(`# a comment
date 2024-04-02
code Azerbaijan accused Armenia of opening fire.
  AZE ARM 1123
  ARM AZE 193 claimed_by=AZE trigger="opening" place=Nakhchivan
code Nothing happened.
  none
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Line != 3 || len(cases[0].Want) != 2 || len(cases[1].Want) != 0 {
		t.Fatalf("got %+v", cases)
	}
	w := cases[0].Want[1]
	if w.ClaimedBy != "AZE" || w.Trigger != "opening" || w.Place != "Nakhchivan" || !w.Has["place"] || w.Has["date"] {
		t.Errorf("got %+v", w)
	}
}

// fixed codes every article into the same events.
type fixed []event.Event

func (f fixed) Process(event.Article) ([]event.Event, error) { return f, nil }

func TestRunComparesWhatIsAsked(t *testing.T) {
	aze := "AZE"
	evs := fixed{
		{Source: event.Actor{Code: "AZE"}, Target: event.Actor{Code: "ARM"}, Code: "1123", Date: "2024-04-02", Assertion: "asserted"},
		{Source: event.Actor{Code: "ARM"}, Target: event.Actor{Code: "AZE"}, Code: "193", ClaimedBy: &aze, Date: "2024-04-01",
			Location: &event.Location{Name: "Nakhchivan"}, Trigger: event.Span{Text: "opening fire"}, Assertion: "claimed"},
	}
	tests := []struct {
		name, want string
		fail       bool
	}{
		{"codes only", "  AZE ARM 1123\n  ARM AZE 193 claimed_by=AZE\n", false},
		{"claimant missing", "  AZE ARM 1123\n  ARM AZE 193\n", true},
		{"an event too many", "  AZE ARM 1123\n", true},
		{"every field", "  AZE ARM 1123 date=2024-04-02 assertion=asserted\n  ARM AZE 193 claimed_by=AZE date=2024-04-01 place=Nakhchivan trigger=\"opening fire\" assertion=claimed\n", false},
		{"wrong date", "  AZE ARM 1123\n  ARM AZE 193 claimed_by=AZE date=2024-04-02\n", true},
		{"asked field compared on every event", "  AZE ARM 1123 date=2024-04-02 assertion=claimed\n  ARM AZE 193 claimed_by=AZE\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cases, err := Parse("t.txt", strings.NewReader("date 2024-04-02\ncode text\n"+tc.want))
			if err != nil {
				t.Fatal(err)
			}
			fails, err := Run(evs, cases)
			if err != nil {
				t.Fatal(err)
			}
			if (len(fails) > 0) != tc.fail {
				t.Errorf("failures %v, want failing=%v", fails, tc.fail)
			}
		})
	}
}
