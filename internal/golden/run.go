package golden

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Coder codes one article into finished events (the pipeline does).
type Coder interface {
	Process(event.Article) ([]event.Event, error)
}

// Failure is a case whose events differ from the expected ones.
type Failure struct {
	Case      Case
	Got, Want []string
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s:%d: %s\n  got:\n    %s\n  want:\n    %s", f.Case.File, f.Case.Line, f.Case.Text,
		strings.Join(orNone(f.Got), "\n    "), strings.Join(orNone(f.Want), "\n    "))
}

func orNone(ls []string) []string {
	if len(ls) == 0 {
		return []string{"none"}
	}
	return ls
}

// Run codes every case and returns those that fail.
func Run(c Coder, cases []Case) ([]Failure, error) {
	var fails []Failure
	for i, gc := range cases {
		evs, err := c.Process(event.Article{ID: "case" + strconv.Itoa(i+1), Date: gc.Date, Text: gc.Text})
		if err != nil {
			return fails, fmt.Errorf("%s:%d: %v", gc.File, gc.Line, err)
		}
		asked := askedFields(gc.Want)
		got := observe(evs, asked)
		for k := range gc.Want {
			gc.Want[k].Has = asked
		}
		want := sortedLines(gc.Want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			fails = append(fails, Failure{Case: gc, Got: got, Want: want})
		}
	}
	return fails, nil
}

// askedFields returns the optional fields some event line of a case
// writes: a case states only what it is about, and once one of its lines
// writes a field every event of the case is compared on it (a line that
// does not write it expects it empty).
func askedFields(want []Want) map[string]bool {
	asked := map[string]bool{}
	for _, w := range want {
		for k := range w.Has {
			asked[k] = true
		}
	}
	return asked
}

// observe renders the events as golden lines with the asked fields.
func observe(evs []event.Event, asked map[string]bool) []string {
	ws := make([]Want, len(evs))
	for i, e := range evs {
		w := Want{Source: e.Source.Code, Target: e.Target.Code, Code: e.Code, Denies: e.Denies != nil, Has: asked,
			Date: e.Date, Trigger: e.Trigger.Text, Assertion: e.Assertion, Background: strconv.FormatBool(e.Background)}
		if e.ClaimedBy != nil {
			w.ClaimedBy = *e.ClaimedBy
		}
		if e.Location != nil {
			w.Place = e.Location.Name
		}
		ws[i] = w
	}
	return sortedLines(ws)
}
