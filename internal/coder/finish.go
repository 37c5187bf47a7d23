package coder

import (
	"fmt"
	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// finish drops what is not an event, merges restatements and marks
// contested reports, then builds the events.
func (d *doc) finish() []event.Event {
	d.resolveResignations()
	d.resolvePerpetrators()
	// a report the other side denies or counters is a claim
	ct := d.contests()
	for _, e := range d.evs {
		if e.reportedBy == "" || e.claimedBy != "" || e.accusation {
			continue
		}
		if ct.contested(e) {
			e.claimedBy = e.reportedBy
		}
	}
	var kept []*draft
	seen := map[[3]string]*draft{}
	seenRoot := map[[3]string]bool{}
	for _, e := range d.evs {
		// "Algeria banned the niqab": a country's measure on itself is an event
		selfMeasure := e.src.code == e.tgt.code && nationWide(e.code) && actors.RoleOf(e.src.code) == "" && actors.ParseCode(e.src.code).State()
		if e.src.code == "" || e.tgt.code == "" || e.src.code == e.tgt.code && !selfMeasure {
			continue
		}
		if violent(e.code) && actors.CountryOf(e.src.code) == actors.CountryOf(e.tgt.code) && actors.RoleOf(e.src.code) == "" &&
			stateRoles[actors.RoleOf(e.tgt.code)] {
			// a state's force against its own army, police or government
			// is a misread participant (mutinies and coups name the units)
			continue
		}
		if !selfMeasure && actors.CountryOf(e.src.code) == actors.CountryOf(e.tgt.code) &&
			(actors.RoleOf(e.src.code) == actors.RoleOf(e.tgt.code) ||
				actors.RoleOf(e.tgt.code) == "" && !nationWide(e.code) && !nonState(e.src.code)) {
			// a state acting on itself is not an event, except nation-wide
			// measures (17x); rebels seizing their country's towns are
			continue
		}
		// one act gets one code: a second trigger of the same root in
		// the same sentence for the same pair is the same happening
		// (an accusation is a separate act from the lawsuit or protest
		// that carries it: "filed a case … accusing Israel of genocide")
		rk := [3]string{e.src.code, e.tgt.code, verbs.Root(e.code) + "/" + fmt.Sprint(e.s.Index)}
		if _, ok := seenRoot[rk]; ok && !e.accusation {
			continue
		}
		if !e.accusation {
			seenRoot[rk] = true
		}
		// restatements across sentences are merged after dates and
		// places are known (package merge); here only within a sentence
		k := [3]string{e.src.code, e.tgt.code, e.code + "/" + fmt.Sprint(e.s.Index)}
		if prev, ok := seen[k]; ok {
			// a restatement: keep the first, with the most specific codes
			if len(e.src.code) > len(prev.src.code) {
				prev.src = e.src
			}
			if len(e.tgt.code) > len(prev.tgt.code) {
				prev.tgt = e.tgt
			}
			if prev.claimedBy == "" {
				prev.claimedBy = e.claimedBy
			}
			e.mergedInto = prev
			continue
		}
		seen[k] = e
		kept = append(kept, e)
	}
	d.kept = kept
	out := make([]event.Event, 0, len(kept))
	for _, e := range kept {
		out = append(out, d.event(e))
	}
	return out
}

// contests indexes who denies or counter-accuses whom in a document (by
// claimant: a country, or a non-state side in full, so that in a civil war
// the army and the rebels are two sides), so
// that checking every reported event costs a look-up, not a scan of all
// events (quadratic in the article's length).
type contests struct {
	denies  map[string]bool    // source countries with a denial (016)
	accuses map[[2]string]bool // source country → target country of an accusation
}

func (d *doc) contests() contests {
	c := contests{denies: map[string]bool{}, accuses: map[[2]string]bool{}}
	for _, o := range d.evs {
		src := claimant(o.src.code)
		if o.code == "016" {
			c.denies[src] = true
		}
		if o.accusation {
			c.accuses[[2]string{src, claimant(o.tgt.code)}] = true
		}
	}
	return c
}

// contested reports whether the document has the event's source deny or
// counter-accuse the party that reported it.
func (c contests) contested(e *draft) bool {
	src := claimant(e.src.code)
	return c.denies[src] || c.accuses[[2]string{src, claimant(e.reportedBy)}]
}

// link fills the denies field with the id of the denied event.
func (d *doc) link(evs []event.Event) {
	id := map[*draft]string{}
	for i, e := range d.kept {
		id[e] = evs[i].ID
	}
	for i, e := range d.kept {
		t := e.denies
		for t != nil && t.mergedInto != nil {
			t = t.mergedInto
		}
		if t == nil {
			continue
		}
		if s, ok := id[t]; ok {
			evs[i].Denies = &s
		}
	}
}

func (d *doc) event(e *draft) event.Event {
	c := d.c
	info, _ := c.Codes.Get(e.code)
	ev := event.Event{
		DocID:         d.art.ID,
		Source:        d.actor(e, e.src),
		Target:        d.actor(e, e.tgt),
		Code:          e.code,
		Root:          verbs.Root(e.code),
		QuadClass:     verbs.QuadClass(e.code),
		Goldstein:     info.Goldstein,
		Plover:        info.Plover,
		PloverMode:    info.PloverMode,
		Date:          d.art.Date,
		DatePrecision: "day",
		SentenceIndex: e.s.Index,
		Sentence:      e.s.Text,
		Explain:       e.explain,
	}
	if e.head < len(e.toks) {
		t := e.toks[e.head]
		ev.Trigger = event.Span{Text: e.s.Text[t.start:t.end], Start: t.start, End: t.end}
	}
	if e.cs < e.ce && e.ce <= len(e.toks) {
		a, b := e.toks[e.cs].start, e.toks[e.ce-1].end
		ev.Clause = event.Span{Text: e.s.Text[a:b], Start: a, End: b}
	}
	if e.place.end > e.place.start && e.place.end <= len(e.toks) {
		a, b := e.toks[e.place.start].start, e.toks[e.place.end-1].end
		ev.PlaceSpan = event.Span{Text: e.s.Text[a:b], Start: a, End: b}
	}
	ev.Assertion = assertion(e)
	ev.Confidence = e.confidence
	if e.claimedBy != "" {
		s := e.claimedBy
		ev.ClaimedBy = &s
	}
	return ev
}

func (d *doc) actor(e *draft, r ref) event.Actor {
	a := event.Actor{Code: r.code, Country: actors.CountryOf(r.code)}
	if r.start >= 0 && r.end <= len(e.toks) && r.start < r.end {
		s, t := e.toks[r.start].start, e.toks[r.end-1].end
		a.Span = event.Span{Text: e.s.Text[s:t], Start: s, End: t}
	}
	return a
}
