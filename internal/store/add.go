package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// add does Add's work inside the savepoint queued on p: every look-up
// rides on p, then the writes go in at most two more groups.
func (b *Batch) add(p *pipe, a *event.Article, fp Fingerprint, events []event.Event) (Result, error) {
	var res Result
	dup, conflict := false, false
	p.query("seen", "store: article "+a.ID, func(rows rowsLike) error {
		var err error
		dup, conflict, err = scanSeen(rows, a.ID, fp)
		return err
	}, a.ID, fp.Hash)
	day, dateErr := time.Parse(time.DateOnly, a.Date)
	var near []nearCandidate
	l := newLinker(a)
	if dateErr == nil && !fp.Short {
		lo := day.AddDate(0, 0, -3).Format(time.DateOnly)
		hi := day.AddDate(0, 0, 3).Format(time.DateOnly)
		bl := blocks(fp.SimHash)
		p.query("near", "store: article "+a.ID+": near-duplicates", func(rows rowsLike) error {
			for rows.Next() {
				var c nearCandidate
				if err := rows.Scan(&c.id, &c.sh, &c.date); err != nil {
					return err
				}
				near = append(near, c)
			}
			return nil
		}, bl[0], lo, hi, bl[1], lo, hi, bl[2], lo, hi, bl[3], lo, hi)
	}
	if dateErr == nil {
		l.queueReads(p, events)
	}
	if err := p.run(); err != nil {
		return res, err
	}
	if conflict {
		return res, fmt.Errorf("store: article %q: %w", a.ID, ErrIDConflict)
	}
	if dup {
		res.Outcome = Duplicate
		return res, b.release()
	}
	if dateErr != nil {
		return res, fmt.Errorf("store: article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
	}

	orig := nearest(near, fp)
	var dupOf sql.NullString
	if orig != "" {
		dupOf = sql.NullString{String: orig, Valid: true}
		res.Outcome, res.DuplicateOf = NearDuplicate, orig
		q := b.pipe()
		l.queueOriginal(q, orig)
		if err := q.run(); err != nil {
			return res, fmt.Errorf("store: article %s: %w", a.ID, err)
		}
	}

	// Denials after the events they may deny, so those are linked first.
	order := make([]int, 0, len(events))
	for pass := 0; pass < 2; pass++ {
		for i := range events {
			if (events[i].Denies != nil) == (pass == 1) {
				order = append(order, i)
			}
		}
	}
	incs := make([]*incidentRow, len(events))
	for _, i := range order {
		incs[i] = l.incidentFor(&events[i])
	}

	w := b.pipe()
	bl := fp.storedBlocks()
	w.exec("insertArticle", "store: article "+a.ID, a.ID, a.Date, a.Title, a.URL, a.Source,
		fp.Hash, int64(fp.SimHash), bl[0], bl[1], bl[2], bl[3], dupOf, b.now)
	w.exec("insertText", "store: article "+a.ID+" text", a.ID, a.Text)
	if b.pg != nil {
		b.queueEventsPG(w, a, events, order, incs)
	} else if err := b.queueEvents(w, a, events, order, incs, l.created); err != nil {
		return res, err
	}
	l.queueWrites(w, b.pg != nil)
	w.exec("RELEASE SAVEPOINT article", "store: release savepoint")
	if err := w.run(); err != nil {
		return res, err
	}
	res.Events = len(events)
	res.NewIncidents = len(l.created)
	return res, nil
}

// queueEvents inserts the new incidents, learning their ids, then
// queues the events (SQLite: each statement runs at once anyway).
func (b *Batch) queueEvents(w *pipe, a *event.Article, events []event.Event, order []int, incs, created []*incidentRow) error {
	for _, r := range created {
		w.query("insertIncident", "store: article "+a.ID+": new incident", func(rows rowsLike) error {
			if !rows.Next() {
				return sql.ErrNoRows
			}
			return rows.Scan(&r.ID)
		}, incidentArgs(r)...)
	}
	if err := w.run(); err != nil {
		return err
	}
	for _, i := range order {
		e := &events[i]
		w.exec("insertEvent", "store: event "+e.ID+" of "+a.ID, eventArgs(e, a.ID, incs[i].ID)...)
	}
	return nil
}

// queueEventsPG queues the events in the same round trip as the
// incidents they create: the first event of a new incident inserts it
// in a data-modifying WITH, later ones take its id from that event.
func (b *Batch) queueEventsPG(w *pipe, a *event.Article, events []event.Event, order []int, incs []*incidentRow) {
	for _, i := range order {
		e, r := &events[i], incs[i]
		label := "store: event " + e.ID + " of " + a.ID
		args := eventArgs(e, a.ID, 0)
		args = args[:len(args)-1]
		switch {
		case !r.isNew:
			w.exec("insertEvent", label, append(args, r.ID)...)
		case r.firstEvent == e:
			w.exec("insertEventNewIncident", label, append(incidentArgs(r), args...)...)
		default:
			w.exec("insertEventSameIncident", label, append(args, a.ID, r.firstEvent.ID)...)
		}
	}
}

func incidentArgs(r *incidentRow) []any {
	return []any{r.SourceCountry, r.TargetCountry, r.Root, r.Code, r.QuadClass, r.Date, r.Location, r.Background,
		r.FirstSeen, r.LastSeen, r.Mentions, r.Articles, strings.Join(r.Sources, "\n"), r.Claims, r.Denials}
}

// release ends the article's savepoint. On PostgreSQL the statement
// waits for the next round trip (COMMIT ends it anyway).
func (b *Batch) release() error {
	if b.pg != nil {
		b.prefix = append(b.prefix, "RELEASE SAVEPOINT article")
		return nil
	}
	p := b.pipe()
	p.exec("RELEASE SAVEPOINT article", "store: release savepoint")
	return p.run()
}

type nearCandidate struct {
	id, date string
	sh       int64
}

// nearest returns the id of the original within nearDistance of fp:
// the closest, then the earliest report, then the smallest id; or "".
func nearest(cands []nearCandidate, fp Fingerprint) string {
	best, bestDist, bestDate := "", nearDistance+1, ""
	for _, c := range cands {
		d := Hamming(uint64(c.sh), fp.SimHash)
		if d < bestDist || d == bestDist && (c.date < bestDate || c.date == bestDate && c.id < best) {
			best, bestDist, bestDate = c.id, d, c.date
		}
	}
	return best
}
