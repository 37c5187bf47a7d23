package pipeline

import (
	"fmt"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Synthetic returns n wire-style articles built from our own templates,
// for benchmarks: varied actors, verbs, places and dates, with the
// structure of real reports (lead, attribution, background).
func Synthetic(n int) []event.Article {
	out := make([]event.Article, n)
	for i := range out {
		a, b := pairs[i%len(pairs)], pairs[(i*7+3)%len(pairs)]
		if a == b {
			b = pairs[(i+1)%len(pairs)]
		}
		var sb strings.Builder
		for k := 0; k < 4; k++ {
			t := templates[(i+k*5)%len(templates)]
			t = strings.ReplaceAll(t, "{A}", a[0])
			t = strings.ReplaceAll(t, "{a}", a[1])
			t = strings.ReplaceAll(t, "{B}", b[0])
			t = strings.ReplaceAll(t, "{b}", b[1])
			t = strings.ReplaceAll(t, "{day}", days[(i+k)%len(days)])
			sb.WriteString(t)
			sb.WriteString(" ")
			if k == 1 {
				sb.WriteString("\n\nBackground\n\n")
			}
		}
		out[i] = event.Article{
			ID:   fmt.Sprintf("synthetic-%d", i),
			Date: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28),
			Text: sb.String(),
		}
	}
	return out
}

var pairs = [][2]string{
	{"Azerbaijan", "Azerbaijani"}, {"Armenia", "Armenian"}, {"Russia", "Russian"}, {"Ukraine", "Ukrainian"},
	{"Israel", "Israeli"}, {"Iran", "Iranian"}, {"India", "Indian"}, {"Pakistan", "Pakistani"},
	{"Sudan", "Sudanese"}, {"Ethiopia", "Ethiopian"}, {"China", "Chinese"}, {"Japan", "Japanese"},
	{"Colombia", "Colombian"}, {"Venezuela", "Venezuelan"}, {"Serbia", "Serbian"}, {"Kenya", "Kenyan"},
}

var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var templates = []string{
	"{A} has accused {b} troops of opening fire along the border on {day}, the defence ministry in the capital said.",
	"{B}'s foreign ministry denied the claims and accused {A} of provoking the clashes.",
	"The United States urged both {A} and {B} to exercise restraint.",
	"{a} police fired tear gas at protesters outside parliament on {day} and detained dozens of students.",
	"Foreign ministers of {A} and {B} held talks in Geneva on {day}, the first such meeting in a year.",
	"{A} imposed sanctions on several {b} banks over what it called support for armed groups.",
	"{a} forces shelled villages near the frontier overnight, local officials said, and at least three civilians were wounded.",
	"The two countries fought a war in the 1990s that ended with a ceasefire mediated by Moscow.",
	"{A} will deliver humanitarian aid to {B} next week, the government said in a statement.",
	"Analysts said the dispute could escalate if talks fail.",
	"{B} recalled its ambassador from {A} on {day} in protest at the decision.",
	"Thousands of {b} residents marched in the capital against the government's new security law.",
}
