package store

import (
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Incident groups the events of many reports of one happening: same
// source and target country, same CAMEO root, event dates within a day
// of each other, and no conflicting place.
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

// incidentRow is an incident being updated by one Add.
type incidentRow struct {
	Incident
	sources string // newline-separated, sorted, as stored
}

func scanIncident(row interface{ Scan(...any) error }) (*incidentRow, error) {
	r := &incidentRow{}
	i := &r.Incident
	err := row.Scan(&i.ID, &i.SourceCountry, &i.TargetCountry, &i.Root, &i.Code, &i.QuadClass, &i.Date,
		&i.Location, &i.Background, &i.FirstSeen, &i.LastSeen, &i.Mentions, &i.Articles, &r.sources, &i.Claims, &i.Denials)
	if err != nil {
		return nil, err
	}
	if r.sources != "" {
		i.Sources = strings.Split(r.sources, "\n")
	}
	return r, nil
}

// linker assigns the events of one article to incidents.
type linker struct {
	b        *Batch
	a        *event.Article
	touched  map[int64]*incidentRow
	counted  map[int64]bool   // incidents this article already counts in
	original map[string]int64 // near-duplicate: dyad key → original's incident
	created  int
}

func dyadKey(src, tgt, root string, background bool) string {
	bg := "0"
	if background {
		bg = "1"
	}
	return src + "|" + tgt + "|" + root + "|" + bg
}

// loadOriginal remembers the incidents of the article this one copies,
// so the copy's events become further mentions of them.
func (l *linker) loadOriginal(orig string) error {
	rows, err := l.b.stmt("originalIncidents").QueryContext(l.b.ctx, orig)
	if err != nil {
		return err
	}
	defer rows.Close()
	l.original = map[string]int64{}
	for rows.Next() {
		var id int64
		var src, tgt, root string
		var bg bool
		if err := rows.Scan(&id, &src, &tgt, &root, &bg); err != nil {
			return err
		}
		k := dyadKey(src, tgt, root, bg)
		if old, ok := l.original[k]; !ok || id < old {
			l.original[k] = id
		}
	}
	return rows.Err()
}

// incidentFor finds or creates e's incident, counts e in it and
// returns its id.
func (l *linker) incidentFor(e *event.Event) (int64, error) {
	var inc *incidentRow
	var err error
	if e.Denies != nil {
		// A denial belongs with the claim it denies.
		var id int64
		err = l.b.stmt("deniedIncident").QueryRowContext(l.b.ctx, *e.Denies, l.a.ID).Scan(&id)
		if err == nil {
			inc, err = l.load(id)
		} else if err == sql.ErrNoRows {
			err = nil
		}
	}
	if err == nil && inc == nil && l.original != nil {
		if id, ok := l.original[dyadKey(e.Source.Country, e.Target.Country, e.Root, e.Background)]; ok {
			inc, err = l.load(id)
		}
	}
	if err == nil && inc == nil {
		inc, err = l.match(e)
	}
	if err == nil && inc == nil {
		inc, err = l.create(e)
	}
	if err != nil {
		return 0, err
	}
	l.count(inc, e)
	return inc.ID, nil
}

// load returns an incident by id, from this Add's cache or the database.
func (l *linker) load(id int64) (*incidentRow, error) {
	if r, ok := l.touched[id]; ok {
		return r, nil
	}
	r, err := scanIncident(l.b.stmt("incidentLock").QueryRowContext(l.b.ctx, id))
	if err != nil {
		return nil, err
	}
	l.touched[id] = r
	return r, nil
}

// incidentDay is the date an event is matched on: the event's day at
// day precision, its coarser expression otherwise (matched exactly),
// the article's date when the text gave none.
func incidentDay(e *event.Event, articleDate string) (day string, exact bool) {
	switch {
	case e.Date == "":
		return articleDate, false
	case len(e.Date) >= 10 && (e.DatePrecision == "" || e.DatePrecision == "day"):
		return e.Date[:10], false
	default:
		return e.Date, true
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

// match finds a stored incident e belongs to, or nil.
func (l *linker) match(e *event.Event) (*incidentRow, error) {
	day, exact := incidentDay(e, l.a.Date)
	d0, d1, d2 := day, day, day
	if !exact {
		if t, err := time.Parse(time.DateOnly, day); err == nil {
			d0, d2 = t.AddDate(0, 0, -1).Format(time.DateOnly), t.AddDate(0, 0, 1).Format(time.DateOnly)
		}
	}
	rows, err := l.b.stmt("candidatesLock").QueryContext(l.b.ctx,
		e.Source.Country, e.Target.Country, e.Root, e.Background, d0, d1, d2)
	if err != nil {
		return nil, err
	}
	var cands []*incidentRow
	for rows.Next() {
		r, err := scanIncident(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if t, ok := l.touched[r.ID]; ok {
			r = t // this Add's counts are newer than the stored row
		}
		cands = append(cands, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	p := place(e)
	best := -1
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
	for i, r := range cands {
		if p != "" && r.Location != "" && r.Location != p {
			continue // a different place: a different happening
		}
		if best < 0 || rank(r) > rank(cands[best]) || rank(r) == rank(cands[best]) && r.ID < cands[best].ID {
			best = i
		}
	}
	if best < 0 {
		return nil, nil
	}
	r := cands[best]
	l.touched[r.ID] = r
	return r, nil
}

// create inserts a new incident for e, counted by count.
func (l *linker) create(e *event.Event) (*incidentRow, error) {
	day, _ := incidentDay(e, l.a.Date)
	r := &incidentRow{Incident: Incident{SourceCountry: e.Source.Country, TargetCountry: e.Target.Country,
		Root: e.Root, Code: e.Code, QuadClass: e.QuadClass, Date: day, Location: place(e),
		Background: e.Background, FirstSeen: l.a.Date, LastSeen: l.a.Date}}
	err := l.b.stmt("insertIncident").QueryRowContext(l.b.ctx, r.SourceCountry, r.TargetCountry, r.Root, r.Code,
		r.QuadClass, r.Date, r.Location, r.Background, r.FirstSeen, r.LastSeen).Scan(&r.ID)
	if err != nil {
		return nil, err
	}
	l.touched[r.ID] = r
	l.created++
	return r, nil
}

// count adds e (a mention from l.a) to the incident's tallies.
func (l *linker) count(r *incidentRow, e *event.Event) {
	r.Mentions++
	if e.ClaimedBy != nil {
		r.Claims++
	}
	if e.Denies != nil {
		r.Denials++
	}
	if r.Location == "" && e.Denies == nil { // a denial does not establish the place
		r.Location = place(e)
	}
	if l.counted[r.ID] {
		return
	}
	l.counted[r.ID] = true
	r.Articles++
	if l.a.Date < r.FirstSeen {
		r.FirstSeen = l.a.Date
	}
	if l.a.Date > r.LastSeen {
		r.LastSeen = l.a.Date
	}
	if src := strings.TrimSpace(strings.ReplaceAll(l.a.Source, "\n", " ")); src != "" {
		i := sort.SearchStrings(r.Sources, src)
		if i == len(r.Sources) || r.Sources[i] != src {
			r.Sources = append(r.Sources, "")
			copy(r.Sources[i+1:], r.Sources[i:])
			r.Sources[i] = src
		}
	}
}

// flush writes the tallies of every incident this article touched.
func (l *linker) flush() error {
	ids := make([]int64, 0, len(l.touched))
	for id := range l.touched {
		ids = append(ids, id)
	}
	// A fixed order keeps two PostgreSQL writers from deadlocking.
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		r := l.touched[id]
		if _, err := l.b.stmt("updateIncident").ExecContext(l.b.ctx, r.Location, r.FirstSeen, r.LastSeen,
			r.Mentions, r.Articles, strings.Join(r.Sources, "\n"), r.Claims, r.Denials, r.ID); err != nil {
			return err
		}
	}
	return nil
}
