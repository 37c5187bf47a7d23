package store

import (
	"sort"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Incident groups the events of many reports of one happening: same
// source and target country, same CAMEO root, same event day (at the
// precision known), and no conflicting place.
type Incident struct {
	ID            int64    `json:"id"`
	SourceCountry string   `json:"source_country"`
	TargetCountry string   `json:"target_country"`
	Root          string   `json:"root"`
	Code          string   `json:"code"` // the first report's event code
	QuadClass     int      `json:"quad_class"`
	Date          string   `json:"date"`     // the first report's event date
	Location      string   `json:"location"` // place name, "" if none named
	Background    bool     `json:"background"`
	FirstSeen     string   `json:"first_seen"` // earliest article date
	LastSeen      string   `json:"last_seen"`  // latest article date
	Mentions      int      `json:"mentions"`   // events linked
	Articles      int      `json:"articles"`   // distinct articles
	Sources       []string `json:"sources"`    // distinct article sources, sorted
	Claims        int      `json:"claims"`     // events reported on someone's word
	Denials       int      `json:"denials"`    // events denying another
}

var incidentColumns = []string{"id", "source_country", "target_country", "root", "code", "quad_class", "date",
	"location", "background", "first_seen", "last_seen", "mentions", "articles", "sources", "claims", "denials"}

var incidentColumnList = strings.Join(incidentColumns, ", ")

// incidentRow is an incident being updated by one Add: as read (or
// created), plus this article's share.
type incidentRow struct {
	Incident
	sources string // newline-separated, sorted, as stored
	isNew   bool   // created by this Add; ID is provisional until inserted
	// the event that created it (PostgreSQL takes a new incident's id from that event's row)
	firstEvent *event.Event
	counted    bool // this article already counts in it
	// This article's share, for PostgreSQL's incremental update.
	dMentions, dClaims, dDenials int
	source                       string // this article's source, "" if none
}

func scanIncident(row interface{ Scan(...any) error }) (*incidentRow, error) {
	r := &incidentRow{}
	if err := scanIncidentInto(row, r); err != nil {
		return nil, err
	}
	return r, nil
}

// scanIncidentInto reads the columns before (if any) and then the
// incident columns into r.
func scanIncidentInto(row interface{ Scan(...any) error }, r *incidentRow, before ...any) error {
	i := &r.Incident
	err := row.Scan(append(before, &i.ID, &i.SourceCountry, &i.TargetCountry, &i.Root, &i.Code, &i.QuadClass, &i.Date,
		&i.Location, &i.Background, &i.FirstSeen, &i.LastSeen, &i.Mentions, &i.Articles, &r.sources, &i.Claims, &i.Denials)...)
	if err != nil {
		return err
	}
	if r.sources != "" {
		i.Sources = strings.Split(r.sources, "\n")
	}
	return nil
}

// linker assigns the events of one article to incidents. Everything
// it needs from the database is read before it starts (one round trip
// on PostgreSQL): the candidate incidents of every event's dyad and day
// window, the incidents of denied events in other articles, and those
// of a near-duplicate's original. The rules are those of docs/store.md.
type linker struct {
	a        *event.Article
	rows     map[int64]*incidentRow    // every incident read or created, by id
	cands    map[string][]*incidentRow // dyad key|date → incidents
	denied   map[string]*incidentRow   // denied event id → its incident in another article
	local    map[string]*incidentRow   // event id of this article → its incident
	original map[string]*incidentRow   // near-duplicate: dyad key → original's incident
	touched  []*incidentRow            // counted in, in first-touch order
	created  []*incidentRow            // new, in creation order
	indexed  bool
}

func newLinker(a *event.Article) *linker {
	return &linker{a: a, rows: map[int64]*incidentRow{}, cands: map[string][]*incidentRow{},
		denied: map[string]*incidentRow{}, local: map[string]*incidentRow{}}
}

func dyadKey(src, tgt, root string, background bool) string {
	bg := "0"
	if background {
		bg = "1"
	}
	return src + "|" + tgt + "|" + root + "|" + bg
}

func eventKey(e *event.Event) string {
	return dyadKey(e.Source.Country, e.Target.Country, e.Root, e.Background)
}

// keep returns the one row object of an incident read more than once.
func (l *linker) keep(r *incidentRow) *incidentRow {
	if old, ok := l.rows[r.ID]; ok {
		return old
	}
	l.rows[r.ID] = r
	return r
}

// window is the day an event is matched on and the incident dates it
// matches: that day alone, at the precision the text gave. A report of
// the next day is a different happening (shelling near Sotk on Monday
// is not Sunday's shelling near Nakhchivan), so neighbouring days are
// not matched.
func window(e *event.Event, articleDate string) (day string, dates []string) {
	day = incidentDay(e, articleDate)
	return day, []string{day}
}

// queueReads queues the look-ups of the article's events on p.
func (l *linker) queueReads(p *pipe, events []event.Event) {
	scan := func(rows rowsLike) error {
		for rows.Next() {
			r, err := scanIncident(rows)
			if err != nil {
				return err
			}
			l.keep(r)
		}
		return nil
	}
	asked := map[string]bool{}
	for i := range events {
		e := &events[i]
		if e.Denies != nil && !asked["d"+*e.Denies] {
			asked["d"+*e.Denies] = true
			id := *e.Denies
			p.query("deniedIncident", "store: event "+e.ID+": denied incident", func(rows rowsLike) error {
				for rows.Next() {
					r, err := scanIncident(rows)
					if err != nil {
						return err
					}
					l.denied[id] = l.keep(r)
				}
				return nil
			}, id)
		}
		_, d := window(e, l.a.Date)
		k := eventKey(e)
		if asked["c"+k+"|"+d[0]] {
			continue
		}
		asked["c"+k+"|"+d[0]] = true
		d = append(d, d[0], d[0]) // ascending; pad a single date
		p.query("candidates", "store: event "+e.ID+": incident", scan,
			e.Source.Country, e.Target.Country, e.Root, e.Background, d[0], d[2], d[0], d[1], d[2])
	}
}

// queueOriginal queues the look-up of the incidents of the article this
// one copies, so the copy's events become further mentions of them.
func (l *linker) queueOriginal(p *pipe, orig string) {
	l.original = map[string]*incidentRow{}
	p.query("originalIncidents", "store: original incidents", func(rows rowsLike) error {
		for rows.Next() {
			var src, tgt, root string
			var bg bool
			r := &incidentRow{}
			if err := scanIncidentInto(rows, r, &src, &tgt, &root, &bg); err != nil {
				return err
			}
			r = l.keep(r)
			k := dyadKey(src, tgt, root, bg)
			if old, ok := l.original[k]; !ok || r.ID < old.ID {
				l.original[k] = r
			}
		}
		return nil
	}, orig)
}

// index files every incident read under its dyad key and date.
func (l *linker) index() {
	if l.indexed {
		return
	}
	l.indexed = true
	for _, r := range l.rows {
		k := dyadKey(r.SourceCountry, r.TargetCountry, r.Root, r.Background) + "|" + r.Date
		l.cands[k] = append(l.cands[k], r)
	}
}

// incidentFor finds or creates e's incident and counts e in it.
func (l *linker) incidentFor(e *event.Event) *incidentRow {
	l.index()
	var inc *incidentRow
	if e.Denies != nil {
		// A denial belongs with the claim it denies: this article's first.
		if inc = l.local[*e.Denies]; inc == nil {
			inc = l.denied[*e.Denies]
		}
	}
	if inc == nil && l.original != nil {
		inc = l.original[eventKey(e)]
	}
	if inc == nil {
		inc = l.match(e)
	}
	if inc == nil {
		inc = l.create(e)
	}
	l.count(inc, e)
	if _, ok := l.local[e.ID]; !ok {
		l.local[e.ID] = inc
	}
	return inc
}

// incidentDay is the date an event is matched on: the event's day at
// day precision, its coarser expression otherwise, the article's date
// when the text gave none. History keeps its own date: a background
// event without one (a decade) gets "", never the article's date, so
// a 1990s war is not listed as happening the day it was recalled.
func incidentDay(e *event.Event, articleDate string) string {
	switch {
	case e.Date == "" && e.Background:
		return ""
	case e.Date == "":
		return articleDate
	case len(e.Date) >= 10 && (e.DatePrecision == "" || e.DatePrecision == "day"):
		return e.Date[:10]
	default:
		return e.Date
	}
}

// place is the event's place for matching: a named city or province.
// A country-level location conflicts with nothing.
func place(e *event.Event) string {
	l := e.Location
	if l == nil || l.Precision == "country" {
		return ""
	}
	if l.Name != "" {
		return l.Name
	}
	return l.Text
}

// match finds an incident e belongs to, or nil. Among several the one
// with the same place, then the same date, then the oldest wins.
func (l *linker) match(e *event.Event) *incidentRow {
	day, dates := window(e, l.a.Date)
	k := eventKey(e)
	p := place(e)
	rank := func(r *incidentRow) int {
		n := 0
		if p != "" && r.Location == p {
			n += 2
		}
		if r.Date == day {
			n++
		}
		return n
	}
	var best *incidentRow
	for _, d := range dates {
		for _, r := range l.cands[k+"|"+d] {
			if p != "" && r.Location != "" && r.Location != p {
				continue // a different place: a different happening
			}
			if best == nil || rank(r) > rank(best) || rank(r) == rank(best) && r.ID < best.ID {
				best = r
			}
		}
	}
	return best
}

// provisionalID numbers new incidents until they are inserted: after
// every stored one, in creation order, as the database will.
const provisionalID = 1 << 62

// create makes a new incident for e, counted by count.
func (l *linker) create(e *event.Event) *incidentRow {
	day := incidentDay(e, l.a.Date)
	r := &incidentRow{isNew: true, firstEvent: e, Incident: Incident{ID: provisionalID + int64(len(l.created)),
		SourceCountry: e.Source.Country, TargetCountry: e.Target.Country,
		Root: e.Root, Code: e.Code, QuadClass: e.QuadClass, Date: day, Location: place(e),
		Background: e.Background, FirstSeen: l.a.Date, LastSeen: l.a.Date}}
	l.created = append(l.created, r)
	k := eventKey(e) + "|" + day
	l.cands[k] = append(l.cands[k], r)
	return r
}

// count adds e (a mention from l.a) to the incident's tallies.
func (l *linker) count(r *incidentRow, e *event.Event) {
	r.Mentions++
	r.dMentions++
	if e.ClaimedBy != nil {
		r.Claims++
		r.dClaims++
	}
	if e.Denies != nil {
		r.Denials++
		r.dDenials++
	}
	if r.Location == "" && e.Denies == nil { // a denial does not establish the place
		r.Location = place(e)
	}
	if r.counted {
		return
	}
	r.counted = true
	l.touched = append(l.touched, r)
	r.Articles++
	if l.a.Date < r.FirstSeen {
		r.FirstSeen = l.a.Date
	}
	if l.a.Date > r.LastSeen {
		r.LastSeen = l.a.Date
	}
	if src := strings.TrimSpace(strings.ReplaceAll(l.a.Source, "\n", " ")); src != "" {
		r.source = src
		i := sort.SearchStrings(r.Sources, src)
		if i == len(r.Sources) || r.Sources[i] != src {
			r.Sources = append(r.Sources, "")
			copy(r.Sources[i+1:], r.Sources[i:])
			r.Sources[i] = src
		}
	}
}

// queueWrites queues the tallies of every stored incident the article
// touched, in id order (the order two writers lock rows in). On
// PostgreSQL the article's share is added to what is stored; on SQLite,
// the only writer, the tallies computed here are written.
func (l *linker) queueWrites(p *pipe, pg bool) {
	var old []*incidentRow
	for _, r := range l.touched {
		if !r.isNew {
			old = append(old, r)
		}
	}
	sort.Slice(old, func(i, j int) bool { return old[i].ID < old[j].ID })
	for _, r := range old {
		label := "store: incident " + strconv.FormatInt(r.ID, 10)
		if pg {
			p.exec(pgAddToIncident, label, r.Location, l.a.Date, r.dMentions, r.source, r.dClaims, r.dDenials, r.ID)
			continue
		}
		p.exec("updateIncident", label, r.Location, r.FirstSeen, r.LastSeen,
			r.Mentions, r.Articles, strings.Join(r.Sources, "\n"), r.Claims, r.Denials, r.ID)
	}
}
