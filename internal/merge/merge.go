// Package merge folds the restatements of one article into one event.
//
// Wire reports say the same thing twice: the lead summarises ("Azerbaijan
// has accused Armenian troops of opening fire"), a later sentence gives
// the details ("The Defence Ministry reported on April 1 that Armenian
// forces engaged with small arms near Nakhchivan"). Counting both would
// double the happening, so after dates and places are resolved the
// events of one article with the same source and target countries and
// the same CAMEO code are merged, keeping the most specific actors, the
// explicit date and the place.
package merge

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Restatements merges the restated events of one article and returns
// the survivors in their original order. A denial pointing at a merged
// event is pointed at its survivor.
func Restatements(evs []event.Event) []event.Event {
	type key struct{ src, tgt, code string }
	groups := map[key][]int{}
	var order []key
	for i, e := range evs {
		k := key{e.Source.Country, e.Target.Country, e.Code}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	drop := make([]bool, len(evs))
	renamed := map[string]string{}
	for _, k := range order {
		idx := groups[k]
		for len(idx) > 1 {
			best := idx[0]
			var rest, same []int
			for _, j := range idx[1:] {
				if compatible(&evs[best], &evs[j]) {
					same = append(same, j)
				} else {
					rest = append(rest, j)
				}
			}
			for _, j := range same {
				if score(&evs[j]) > score(&evs[best]) {
					best, j = j, best
				}
				absorb(&evs[best], &evs[j])
				drop[j] = true
				renamed[evs[j].ID] = evs[best].ID
			}
			// the survivor keeps the earliest position
			idx = rest
		}
	}
	counterClaims(evs, drop)
	generalities(evs, drop)
	out := make([]event.Event, 0, len(evs))
	for i, e := range evs {
		if drop[i] {
			continue
		}
		if e.Denies != nil {
			if to, ok := renamed[*e.Denies]; ok {
				e.Denies = &to
			}
		}
		out = append(out, e)
	}
	return out
}

// compatible reports whether two events can be one happening: both news
// or both history, and no two different explicit dates.
func compatible(a, b *event.Event) bool {
	if a.Background != b.Background {
		return false
	}
	// AZE and AZEGOVMIL may be one actor named twice; IRNBUS and IRNGOV
	// are two
	if !nested(a.Source.Code, b.Source.Code) || !nested(a.Target.Code, b.Target.Code) {
		return false
	}
	if a.DateText != "" && b.DateText != "" && a.Date != b.Date {
		return false
	}
	return true
}

// score prefers the telling that says where and when, with specific actors.
func score(e *event.Event) int {
	s := len(e.Source.Code) + len(e.Target.Code)
	if e.Location != nil {
		s += 10
	}
	if e.DateText != "" {
		s += 5
	}
	return s
}

// absorb copies into e what the restatement o knows and e does not.
func absorb(e, o *event.Event) {
	if e.ClaimedBy == nil {
		e.ClaimedBy = o.ClaimedBy
	}
	if e.Denies == nil {
		e.Denies = o.Denies
	}
	if e.Location == nil {
		e.Location = o.Location
	}
	if e.DateText == "" && o.DateText != "" {
		e.Date, e.DatePrecision, e.DateText = o.Date, o.DatePrecision, o.DateText
	}
	moreSpecific(&e.Source, o.Source)
	moreSpecific(&e.Target, o.Target)
	if len(o.Explain) > 0 {
		e.Explain = append(e.Explain, "restated in sentence "+itoa(o.SentenceIndex)+": "+strings.TrimSpace(o.Trigger.Text))
	}
}

func moreSpecific(a *event.Actor, b event.Actor) {
	if len(b.Code) > len(a.Code) && strings.HasPrefix(b.Code, a.Country) {
		a.Code = b.Code
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// nested reports whether one actor code refines the other: a bare
// country and one of its agencies (AZE, AZEGOVMIL). Two agencies are two
// actors even when one code extends the other (ISRGOV, ISRGOVMIL).
func nested(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 3 && strings.HasPrefix(b, a)
}

// counterClaims gives a claim the place and date of the opposite claim
// about the same exchange: when Azerbaijan says Armenian troops fired
// near Nakhchivan on April 1 and Armenia says Azerbaijan fired first,
// both claims are about that incident.
func counterClaims(evs []event.Event, drop []bool) {
	for i := range evs {
		e := &evs[i]
		if drop[i] || e.ClaimedBy == nil || e.Location != nil {
			continue
		}
		for j := range evs {
			o := &evs[j]
			if j == i || drop[j] || o.ClaimedBy == nil || o.Location == nil || *o.ClaimedBy == *e.ClaimedBy ||
				o.Source.Country != e.Target.Country || o.Target.Country != e.Source.Country ||
				o.Root != e.Root || o.Background != e.Background {
				continue
			}
			loc := *o.Location
			e.Location = &loc
			if e.DateText == "" && o.DateText != "" {
				e.Date, e.DatePrecision, e.DateText = o.Date, o.DatePrecision, o.DateText
			}
			break
		}
	}
}

// generalities drops a generic accusation ("both nations accuse each
// other", 112) between two countries when the article also reports a
// specific one between them (1121-1125): the summary restates it.
func generalities(evs []event.Event, drop []bool) {
	for i := range evs {
		e := &evs[i]
		if drop[i] || e.Code != "112" {
			continue
		}
		for j := range evs {
			o := &evs[j]
			if j != i && !drop[j] && len(o.Code) == 4 && strings.HasPrefix(o.Code, "112") &&
				o.Source.Country == e.Source.Country && o.Target.Country == e.Target.Country && o.Background == e.Background {
				drop[i] = true
				break
			}
		}
	}
}
