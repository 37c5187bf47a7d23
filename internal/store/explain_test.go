package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/store/storetest"
)

// TestIngestQueriesSeek plans every statement the ingest runs per
// article on a store of realistic shape (thousands of articles, tens of
// thousands of events, statistics gathered) and fails on a sequential
// scan or an index walked end to end: such a plan costs time in
// proportion to the store, so an ingest would slow as it grows.
func TestIngestQueriesSeek(t *testing.T) {
	eachRealistic(t, func(t *testing.T, s *Store) {
		for _, q := range ingestQueries() {
			if q.pgOnly && !s.Postgres() {
				continue
			}
			t.Run(q.name, func(t *testing.T) {
				plan, bad, err := s.explain(context.Background(), q.sql, q.args)
				if err != nil {
					t.Fatalf("explain: %v", err)
				}
				if bad != "" {
					t.Errorf("%s is planned with %s:\n%s", q.name, bad, plan)
				}
			})
		}
	})
}

// eachRealistic runs f on a SQLite and a PostgreSQL store filled by
// fillRealistic, with statistics gathered, as the planner sees a store
// in use.
func eachRealistic(t *testing.T, f func(t *testing.T, s *Store)) {
	for _, b := range []struct {
		name     string
		url      func(testing.TB) string
		articles int
	}{
		{"sqlite", storetest.SQLite, 4000},
		{"postgres", storetest.Postgres, 2000},
	} {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, b.url(t))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			fillRealistic(t, s, b.articles)
			if _, err := s.db.ExecContext(ctx, "ANALYZE"); err != nil {
				t.Fatal(err)
			}
			f(t, s)
		})
	}
}

type plannedQuery struct {
	name   string
	sql    string
	args   []any
	pgOnly bool
}

// ingestQueries are the statements of Batch.Add and Batch.Reject with
// arguments that match stored rows the way an ingest's do.
func ingestQueries() []plannedQuery {
	e := realisticEvent(7, 1, "2024-03-05")
	inc := &incidentRow{Incident: Incident{SourceCountry: "AZE", TargetCountry: "ARM", Root: "19", Code: "190",
		QuadClass: 4, Date: "2024-03-05", FirstSeen: "2024-03-05", LastSeen: "2024-03-05", Mentions: 1, Articles: 1}}
	evArgs := eventArgs(&e, "r000007", 1)
	ev := evArgs[:len(evArgs)-1]
	bl := blocks(0x123456789abcdef)
	lo, hi := "2024-03-02", "2024-03-08"
	args := map[string][]any{
		"seen":                    {"r000007", "00ff"},
		"near":                    {bl[0], lo, hi, bl[1], lo, hi, bl[2], lo, hi, bl[3], lo, hi},
		"insertArticle":           {"x", "2024-03-05", "", "", "", "h", 1, bl[0], bl[1], bl[2], bl[3], nil, "now"},
		"insertText":              {"x", "text"},
		"originalIncidents":       {"r000007"},
		"deniedIncident":          {"no-such-event"},
		"candidates":              {"AZE", "ARM", "19", false, "2024-03-04", "2024-03-06", "2024-03-04", "2024-03-05", "2024-03-06"},
		"insertIncident":          incidentArgs(inc),
		"updateIncident":          {"", "2024-03-05", "2024-03-05", 2, 2, "", 0, 0, 1},
		"insertEvent":             evArgs,
		"insertReject":            {"f.jsonl", 3, "bad", "now", "f.jsonl", 3, "bad"},
		"insertEventNewIncident":  append(incidentArgs(inc), ev...),
		"insertEventSameIncident": append(append([]any{}, ev...), "r000007", "r000007-1"),
	}
	var out []plannedQuery
	for i, set := range []map[string]string{writeQueries, pgWriteQueries} {
		for name, q := range set {
			a, ok := args[name]
			if !ok {
				panic("explain_test: no arguments for " + name)
			}
			out = append(out, plannedQuery{name, q, a, i == 1})
		}
	}
	out = append(out, plannedQuery{"addToIncident", pgAddToIncident, []any{"", "2024-03-05", 1, "AFP", 0, 0, 1}, true})
	return out
}

// explain returns the plan of q and, when it reads a table or an index
// without a seek, what that step is.
func (s *Store) explain(ctx context.Context, q string, args []any) (plan, bad string, err error) {
	if s.dialect != postgresDialect {
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			return "", "", err
		}
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				return "", "", err
			}
			lines = append(lines, detail)
			// SEARCH seeks; SCAN reads a whole table or index.
			if strings.HasPrefix(detail, "SCAN ") && detail != "SCAN CONSTANT ROW" && bad == "" {
				bad = detail
			}
		}
		return strings.Join(lines, "\n"), bad, rows.Err()
	}
	var js string
	if err := s.db.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) "+s.rebind(q), args...).Scan(&js); err != nil {
		return "", "", err
	}
	var root []struct{ Plan pgPlan }
	if err := json.Unmarshal([]byte(js), &root); err != nil {
		return "", "", err
	}
	return js, root[0].Plan.unbounded(), nil
}

type pgPlan struct {
	NodeType  string   `json:"Node Type"`
	Relation  string   `json:"Relation Name"`
	Index     string   `json:"Index Name"`
	IndexCond string   `json:"Index Cond"`
	Plans     []pgPlan `json:"Plans"`
}

// unbounded names the first sequential scan or index scan without an
// index condition (a walk of the whole index) in the plan, or "".
func (p *pgPlan) unbounded() string {
	switch p.NodeType {
	case "Seq Scan":
		return "a sequential scan of " + p.Relation
	case "Index Scan", "Index Only Scan", "Bitmap Index Scan":
		if p.IndexCond == "" {
			return "a full walk of index " + p.Index
		}
	}
	for i := range p.Plans {
		if b := p.Plans[i].unbounded(); b != "" {
			return b
		}
	}
	return ""
}

// fillRealistic stores n articles of five events each over a year, a
// few with denials and places, and a reject for every other one.
func fillRealistic(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewSource(1))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		date := start.AddDate(0, 0, i*365/n).Format(time.DateOnly)
		a := event.Article{ID: fmt.Sprintf("r%06d", i), Date: date, Source: "AFP",
			Text: fmt.Sprintf("report %d words %d %d %d", i, r.Int(), r.Int(), r.Int())}
		evs := make([]event.Event, 5)
		for k := range evs {
			evs[k] = realisticEvent(i, k+1, date)
			c := []string{"AZE", "ARM", "RUS", "UKR", "TUR", "IRN", "GEO", "ISR"}
			evs[k].Source.Country, evs[k].Target.Country = c[r.Intn(8)], c[r.Intn(8)]
		}
		if i%10 == 0 {
			d := evs[0].ID
			evs[4].Denies = &d
		}
		if _, err := b.Add(&a, FingerprintOf(a.Title, a.Text), evs); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 { // a bad input can hold many bad records
			if err := b.Reject(Reject{File: "f.jsonl", Line: i, Reason: "bad"}); err != nil {
				t.Fatal(err)
			}
		}
		if i%500 == 499 {
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
			if b, err = s.Begin(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

func realisticEvent(article, k int, date string) event.Event {
	id := fmt.Sprintf("r%06d", article)
	e := event.Event{ID: fmt.Sprintf("%s-%d", id, k), DocID: id,
		Source: event.Actor{Code: "AZE", Country: "AZE"}, Target: event.Actor{Code: "ARM", Country: "ARM"},
		Code: "190", Root: "19", QuadClass: 4, Goldstein: -10, Plover: "ASSAULT",
		Date: date, DatePrecision: "day", SentenceIndex: k, Sentence: "AZE shelled ARM."}
	if k%3 == 0 {
		e.Location = &event.Location{Text: "Shusha", Name: "Shusha", Country: "AZE", Precision: "city", Confidence: 1}
	}
	return e
}

// TestPointsWalkTheLocatedIndex plans the map's query on a realistic
// store: the located events are walked in date order by index and the
// incident's earlier events sought, never the events table scanned or
// the points sorted (a sort reads every match before the first point).
func TestPointsWalkTheLocatedIndex(t *testing.T) {
	eachRealistic(t, func(t *testing.T, s *Store) {
		for _, f := range []Filter{
			{Background: BackgroundExclude, Since: "2024-01-01"},
			{Background: BackgroundExclude, Since: "2024-03-01", Until: "2024-03-31", Code: "19"},
		} {
			// 100 of the year's ~3,000 located events: the share the
			// server's 2,000 are of a year at a million events.
			q, args, err := pointsQuery(f, 100)
			if err != nil {
				t.Fatal(err)
			}
			plan, bad, err := s.explain(context.Background(), q, args)
			if err != nil {
				t.Fatalf("explain: %v", err)
			}
			if bad == "" && (strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, `"Sort"`)) {
				bad = "a sort"
			}
			if bad == "" && !strings.Contains(plan, "events_located") {
				bad = "no located-events index"
			}
			if bad != "" {
				t.Errorf("points %+v are planned with %s:\n%s", f, bad, plan)
			}
		}
	})
}
