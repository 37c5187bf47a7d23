package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// writeQueries are prepared once per Store; "?" is rebound to "$n" on
// PostgreSQL. Queries whose names end in "Lock" get FOR UPDATE on
// PostgreSQL so concurrent writers serialise on the incidents they
// touch (SQLite's IMMEDIATE transactions serialise writers anyway).
var writeQueries = map[string]string{
	"seen": `SELECT id FROM articles WHERE id = ? OR content_hash = ? LIMIT 1`,
	"near": `SELECT id, simhash, date FROM articles WHERE duplicate_of IS NULL AND (
		(sh0 = ? AND date BETWEEN ? AND ?) OR (sh1 = ? AND date BETWEEN ? AND ?) OR
		(sh2 = ? AND date BETWEEN ? AND ?) OR (sh3 = ? AND date BETWEEN ? AND ?))`,
	"insertArticle": `INSERT INTO articles (id, date, title, url, source, content_hash, simhash, sh0, sh1, sh2, sh3, duplicate_of, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"insertText": `INSERT INTO article_texts (id, text) VALUES (?, ?)`,
	"originalIncidents": `SELECT DISTINCT incident_id, source_country, target_country, root, background
		FROM events WHERE doc_id = ? AND incident_id IS NOT NULL`,
	"deniedIncident": `SELECT incident_id FROM events WHERE id = ? AND incident_id IS NOT NULL
		ORDER BY CASE WHEN doc_id = ? THEN 0 ELSE 1 END, seq LIMIT 1`,
	"candidatesLock": `SELECT ` + incidentColumnList + ` FROM incidents
		WHERE source_country = ? AND target_country = ? AND root = ? AND background = ? AND date IN (?, ?, ?)`,
	"incidentLock": `SELECT ` + incidentColumnList + ` FROM incidents WHERE id = ?`,
	"insertIncident": `INSERT INTO incidents (source_country, target_country, root, code, quad_class, date, location, background,
		first_seen, last_seen, mentions, articles, sources, claims, denials)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', 0, 0) RETURNING id`,
	"updateIncident": `UPDATE incidents SET location = ?, first_seen = ?, last_seen = ?, mentions = ?, articles = ?,
		sources = ?, claims = ?, denials = ? WHERE id = ?`,
	"insertEvent":  `INSERT INTO events (` + eventColumnList + `) VALUES (` + placeholders(len(eventColumns)) + `)`,
	"insertReject": `INSERT INTO rejects (file, line, reason, rejected_at) VALUES (?, ?, ?, ?)`,
}

// Reject is an input record that was not stored, and why.
type Reject struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// Outcome says what Add did with an article.
type Outcome int

const (
	Stored        Outcome = iota // new article, events stored
	Duplicate                    // same id or same normalised text already stored: skipped
	NearDuplicate                // stored, linked to an earlier wire copy
)

// Result reports what Add wrote.
type Result struct {
	Outcome      Outcome
	DuplicateOf  string // the original, for NearDuplicate
	Events       int    // events stored
	NewIncidents int    // incidents created
}

// Batch is one write transaction. Articles added to it commit together
// with their events, or not at all.
type Batch struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx
	st  map[string]*sql.Stmt
	now string
}

// Begin starts a write transaction. The batch keeps running when ctx is
// cancelled (so Ctrl-C can still commit it); use Rollback to abandon it.
func (s *Store) Begin(ctx context.Context) (*Batch, error) {
	ctx = context.WithoutCancel(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	return &Batch{s: s, ctx: ctx, tx: tx, st: map[string]*sql.Stmt{},
		now: time.Now().UTC().Format(time.RFC3339)}, nil
}

func (b *Batch) stmt(name string) *sql.Stmt {
	st, ok := b.st[name]
	if !ok {
		st = b.tx.StmtContext(b.ctx, b.s.stmts[name])
		b.st[name] = st
	}
	return st
}

// Commit makes the batch durable.
func (b *Batch) Commit() error {
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Rollback abandons the batch.
func (b *Batch) Rollback() error { return b.tx.Rollback() }

// Reject records an input record that was not stored.
func (b *Batch) Reject(r Reject) error {
	_, err := b.stmt("insertReject").ExecContext(b.ctx, r.File, r.Line, r.Reason, b.now)
	return err
}

// Seen reports whether an article with this id or this normalised text
// is already stored (committed), so callers can skip coding it.
func (s *Store) Seen(ctx context.Context, id string, fp Fingerprint) (bool, error) {
	return seen(ctx, s.stmts["seen"], id, fp)
}

func seen(ctx context.Context, st *sql.Stmt, id string, fp Fingerprint) (bool, error) {
	var got string
	err := st.QueryRowContext(ctx, id, fp.Hash).Scan(&got)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// ArticleError is an error confined to one article: Add undid that
// article's writes and the batch can go on. Any other error from Add
// means the batch is broken and must be rolled back.
type ArticleError struct {
	ID  string
	Err error
}

func (e *ArticleError) Error() string { return e.Err.Error() }
func (e *ArticleError) Unwrap() error { return e.Err }

// Add stores an article with its coded events unless it is already
// stored. fp must be FingerprintOf(a.Title, a.Text); a.Date must be
// YYYY-MM-DD. Events are linked to incidents as described in
// docs/store.md. The article's writes happen inside a savepoint, so a
// bad article (say, two events with one id) is undone alone.
func (b *Batch) Add(a *event.Article, fp Fingerprint, events []event.Event) (Result, error) {
	if _, err := b.tx.ExecContext(b.ctx, "SAVEPOINT article"); err != nil {
		return Result{}, fmt.Errorf("store: savepoint: %w", err)
	}
	res, err := b.add(a, fp, events)
	if err != nil {
		if _, rerr := b.tx.ExecContext(b.ctx, "ROLLBACK TO SAVEPOINT article"); rerr != nil {
			return Result{}, fmt.Errorf("%w (and rolling back: %v)", err, rerr)
		}
		return Result{}, &ArticleError{ID: a.ID, Err: err}
	}
	if _, err := b.tx.ExecContext(b.ctx, "RELEASE SAVEPOINT article"); err != nil {
		return Result{}, fmt.Errorf("store: release savepoint: %w", err)
	}
	return res, nil
}

func (b *Batch) add(a *event.Article, fp Fingerprint, events []event.Event) (Result, error) {
	var res Result
	dup, err := seen(b.ctx, b.stmt("seen"), a.ID, fp)
	if err != nil {
		return res, fmt.Errorf("store: article %s: %w", a.ID, err)
	}
	if dup {
		res.Outcome = Duplicate
		return res, nil
	}
	day, err := time.Parse(time.DateOnly, a.Date)
	if err != nil {
		return res, fmt.Errorf("store: article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
	}
	orig, err := b.nearOriginal(day, fp)
	if err != nil {
		return res, fmt.Errorf("store: article %s: near-duplicates: %w", a.ID, err)
	}
	bl := blocks(fp.SimHash)
	var dupOf sql.NullString
	if orig != "" {
		dupOf = sql.NullString{String: orig, Valid: true}
		res.Outcome, res.DuplicateOf = NearDuplicate, orig
	}
	if _, err := b.stmt("insertArticle").ExecContext(b.ctx, a.ID, a.Date, a.Title, a.URL, a.Source,
		fp.Hash, int64(fp.SimHash), bl[0], bl[1], bl[2], bl[3], dupOf, b.now); err != nil {
		return res, fmt.Errorf("store: article %s: %w", a.ID, err)
	}
	if _, err := b.stmt("insertText").ExecContext(b.ctx, a.ID, a.Text); err != nil {
		return res, fmt.Errorf("store: article %s text: %w", a.ID, err)
	}
	l := linker{b: b, a: a, touched: map[int64]*incidentRow{}, counted: map[int64]bool{}}
	if orig != "" {
		if err := l.loadOriginal(orig); err != nil {
			return res, fmt.Errorf("store: article %s: %w", a.ID, err)
		}
	}
	// Denials after the events they may deny, so those are stored first.
	order := make([]int, 0, len(events))
	for pass := 0; pass < 2; pass++ {
		for i := range events {
			if (events[i].Denies != nil) == (pass == 1) {
				order = append(order, i)
			}
		}
	}
	for _, i := range order {
		e := &events[i]
		inc, err := l.incidentFor(e)
		if err != nil {
			return res, fmt.Errorf("store: event %s: incident: %w", e.ID, err)
		}
		if _, err := b.stmt("insertEvent").ExecContext(b.ctx, eventArgs(e, a.ID, inc)...); err != nil {
			return res, fmt.Errorf("store: event %s of %s: %w", e.ID, a.ID, err)
		}
		res.Events++
	}
	if err := l.flush(); err != nil {
		return res, fmt.Errorf("store: article %s: %w", a.ID, err)
	}
	res.NewIncidents = l.created
	return res, nil
}

// nearOriginal returns the id of an earlier original article within
// ±3 days whose SimHash is within nearDistance of fp's, or "".
func (b *Batch) nearOriginal(day time.Time, fp Fingerprint) (string, error) {
	lo := day.AddDate(0, 0, -3).Format(time.DateOnly)
	hi := day.AddDate(0, 0, 3).Format(time.DateOnly)
	bl := blocks(fp.SimHash)
	rows, err := b.stmt("near").QueryContext(b.ctx, bl[0], lo, hi, bl[1], lo, hi, bl[2], lo, hi, bl[3], lo, hi)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	best, bestDist, bestDate := "", nearDistance+1, ""
	for rows.Next() {
		var id, date string
		var sh int64
		if err := rows.Scan(&id, &sh, &date); err != nil {
			return "", err
		}
		d := Hamming(uint64(sh), fp.SimHash)
		// Closest first; ties go to the earliest report, then the smallest id.
		if d < bestDist || d == bestDist && (date < bestDate || date == bestDate && id < best) {
			best, bestDist, bestDate = id, d, date
		}
	}
	return best, rows.Err()
}
