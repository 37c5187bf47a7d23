package store

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Filter selects events or incidents. Zero fields select everything.
type Filter struct {
	Actor     string // CAMEO actor code prefix of the source or target ("AZEMIL"); incidents: of any event
	Dyad      string // "AZE-ARM": directed, source country AZE and target country ARM
	Pair      string // "AZE-ARM": both ways, AZE to ARM or ARM to AZE
	Code      string // CAMEO event code prefix ("19" matches 190, 193...)
	Root      string // CAMEO root code ("19")
	QuadClass int    // 1-4, 0 for any
	Country   string // ISO-3 of the source or target (events: or of the location)
	Since     string // YYYY-MM-DD, inclusive, on the event (incident) date
	Until     string // YYYY-MM-DD, inclusive
	Claimed   bool   // only claimed events / incidents with a claim
	Denied    bool   // only denials and denied events / incidents with a denial
	Incident  int64  // events: only those of this incident; incidents: only this one
	// Background selects by the history flag: "" or BackgroundInclude
	// for all, BackgroundExclude for news only, BackgroundOnly for history.
	Background string
	// Assertion keeps events the text puts that way (asserted, claimed,
	// intended, threatened); MinConfidence those rated at least that
	// (events only; incidents ignore both).
	Assertion     string
	MinConfidence float64
	Limit         int // at most this many, 0 for no limit
}

// Assertions lists the values of Filter.Assertion (docs/output.md).
var Assertions = []string{"asserted", "claimed", "intended", "threatened"}

// Values of Filter.Background.
const (
	BackgroundInclude = "include"
	BackgroundExclude = "exclude"
	BackgroundOnly    = "only"
)

// BackgroundModes lists the values of Filter.Background, for flags and parameters.
var BackgroundModes = []string{BackgroundInclude, BackgroundExclude, BackgroundOnly}

// StoredEvent is an event as stored, with the incident it was linked to.
type StoredEvent struct {
	event.Event
	IncidentID int64 `json:"incident_id"`
}

// where builds the WHERE clause shared by both queries; events says
// which table the columns belong to.
func (f Filter) where(events bool) (string, []any, error) {
	self := "incidents"
	if events {
		self = "events"
	}
	return f.whereOn(events, self)
}

// whereOn is where for a table named (or aliased) self in the query:
// the name correlated subqueries use for the row being filtered.
// Unqualified columns resolve to the innermost table, so the clause can
// filter an aliased copy of the table inside a subquery.
func (f Filter) whereOn(events bool, self string) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.Actor != "" {
		if events {
			add("(source_code LIKE ? OR target_code LIKE ?)", f.Actor+"%", f.Actor+"%")
		} else {
			add("EXISTS (SELECT 1 FROM events e WHERE e.incident_id = "+self+".id AND (e.source_code LIKE ? OR e.target_code LIKE ?))",
				f.Actor+"%", f.Actor+"%")
		}
	}
	if f.Dyad != "" {
		src, tgt, ok := strings.Cut(f.Dyad, "-")
		if !ok || src == "" || tgt == "" {
			return "", nil, fmt.Errorf("store: dyad %q: want SOURCE-TARGET, e.g. AZE-ARM", f.Dyad)
		}
		add("source_country = ? AND target_country = ?", strings.ToUpper(src), strings.ToUpper(tgt))
	}
	if f.Pair != "" {
		a, b, ok := strings.Cut(f.Pair, "-")
		if !ok || a == "" || b == "" {
			return "", nil, fmt.Errorf("store: pair %q: want A-B, e.g. AZE-ARM", f.Pair)
		}
		a, b = strings.ToUpper(a), strings.ToUpper(b)
		add("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))", a, b, b, a)
	}
	if f.Code != "" {
		add("code LIKE ?", f.Code+"%")
	}
	if f.Root != "" {
		add("root = ?", f.Root)
	}
	if f.QuadClass != 0 {
		add("quad_class = ?", f.QuadClass)
	}
	if c := strings.ToUpper(f.Country); c != "" {
		if events {
			add("(source_country = ? OR target_country = ? OR loc_country = ?)", c, c, c)
		} else {
			add("(source_country = ? OR target_country = ?)", c, c)
		}
	}
	if f.Since != "" {
		add("date >= ?", f.Since)
	}
	if f.Until != "" {
		// Until is a day; coarser or longer date strings of that day sort after it.
		add("date < ?", f.Until+"~")
	}
	switch {
	case f.Claimed && events:
		add("claimed_by IS NOT NULL")
	case f.Claimed:
		add("claims > 0")
	}
	switch {
	case f.Denied && events:
		add("(denies IS NOT NULL OR EXISTS (SELECT 1 FROM events d WHERE d.denies = " + self + ".id))")
	case f.Denied:
		add("denials > 0")
	}
	switch f.Background {
	case "", BackgroundInclude:
	case BackgroundExclude:
		add("background = ?", false)
	case BackgroundOnly:
		add("background = ?", true)
	default:
		return "", nil, fmt.Errorf("store: background %q: want include, exclude or only", f.Background)
	}
	if f.Assertion != "" && events {
		if !slices.Contains(Assertions, f.Assertion) {
			return "", nil, fmt.Errorf("store: assertion %q: want one of %s", f.Assertion, strings.Join(Assertions, ", "))
		}
		add("assertion = ?", f.Assertion)
	}
	if f.MinConfidence != 0 && events {
		if f.MinConfidence < 0 || f.MinConfidence > 1 {
			return "", nil, fmt.Errorf("store: confidence %v: want a number in [0,1]", f.MinConfidence)
		}
		add("confidence >= ?", f.MinConfidence)
	}
	if f.Incident != 0 {
		if events {
			add("incident_id = ?", f.Incident)
		} else {
			add("id = ?", f.Incident)
		}
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func (f Filter) limit() string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}

// Events yields the stored events matching f, ordered by event date and
// then storage order. Stop early by breaking out of the loop.
func (s *Store) Events(ctx context.Context, f Filter) iter.Seq2[StoredEvent, error] {
	return func(yield func(StoredEvent, error) bool) {
		where, args, err := f.where(true)
		if err != nil {
			yield(StoredEvent{}, err)
			return
		}
		q := "SELECT " + eventColumnList + " FROM events" + where + " ORDER BY date, seq" + f.limit()
		rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
		if err != nil {
			yield(StoredEvent{}, fmt.Errorf("store: events: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			e, inc, err := scanEvent(rows)
			if err != nil {
				yield(StoredEvent{}, fmt.Errorf("store: events: %w", err))
				return
			}
			if !yield(StoredEvent{Event: e, IncidentID: inc}, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(StoredEvent{}, fmt.Errorf("store: events: %w", err))
		}
	}
}

// Incidents yields the incidents matching f, ordered by date and id.
func (s *Store) Incidents(ctx context.Context, f Filter) iter.Seq2[Incident, error] {
	return func(yield func(Incident, error) bool) {
		where, args, err := f.where(false)
		if err != nil {
			yield(Incident{}, err)
			return
		}
		q := "SELECT " + incidentColumnList + " FROM incidents" + where + " ORDER BY date, id" + f.limit()
		rows, err := s.db.QueryContext(ctx, s.rebind(q), args...)
		if err != nil {
			yield(Incident{}, fmt.Errorf("store: incidents: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanIncident(rows)
			if err != nil {
				yield(Incident{}, fmt.Errorf("store: incidents: %w", err))
				return
			}
			if !yield(r.Incident, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Incident{}, fmt.Errorf("store: incidents: %w", err))
		}
	}
}

// Counts are the sizes of the store's tables.
type Counts struct {
	Articles       int64 `json:"articles"`        // stored, near-duplicates included
	NearDuplicates int64 `json:"near_duplicates"` // articles linked to an earlier copy
	Events         int64 `json:"events"`
	Incidents      int64 `json:"incidents"`
	Rejects        int64 `json:"rejects"`
}

// Counts returns the number of rows in each table.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	for _, q := range []struct {
		dst *int64
		sql string
	}{
		{&c.Articles, "SELECT COUNT(*) FROM articles"},
		{&c.NearDuplicates, "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"},
		{&c.Events, "SELECT COUNT(*) FROM events"},
		{&c.Incidents, "SELECT COUNT(*) FROM incidents"},
		{&c.Rejects, "SELECT COUNT(*) FROM rejects"},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return c, fmt.Errorf("store: counts: %w", err)
		}
	}
	return c, nil
}

// Rejects returns the stored rejects, oldest first, at most limit (0: all).
func (s *Store) Rejects(ctx context.Context, limit int) ([]Reject, error) {
	q := "SELECT file, line, reason FROM rejects ORDER BY id" + Filter{Limit: limit}.limit()
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: rejects: %w", err)
	}
	defer rows.Close()
	var out []Reject
	for rows.Next() {
		var r Reject
		if err := rows.Scan(&r.File, &r.Line, &r.Reason); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
