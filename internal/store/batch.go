package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// writeQueries are prepared once per Store; "?" is rebound to "$n" on
// PostgreSQL. Incident rows are not locked by these queries: on
// PostgreSQL writers take advisory locks first (locks.go), on SQLite
// IMMEDIATE transactions serialise writers anyway.
var writeQueries = map[string]string{
	// At most one row has the id and (duplicates being skipped) one the
	// hash, so two rows tell everything.
	"seen": `SELECT id, content_hash FROM articles WHERE id = ? OR content_hash = ? LIMIT 2`,
	"near": `SELECT id, simhash, date FROM articles WHERE duplicate_of IS NULL AND (
		(sh0 = ? AND date BETWEEN ? AND ?) OR (sh1 = ? AND date BETWEEN ? AND ?) OR
		(sh2 = ? AND date BETWEEN ? AND ?) OR (sh3 = ? AND date BETWEEN ? AND ?))`,
	"insertArticle": `INSERT INTO articles (id, date, title, url, source, content_hash, simhash, sh0, sh1, sh2, sh3, duplicate_of, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"insertText": `INSERT INTO article_texts (id, text) VALUES (?, ?)`,
	// The incidents of an original article, keyed by its events' dyads.
	"originalIncidents": `SELECT e.source_country, e.target_country, e.root, e.background, ` + prefixed("i", incidentColumns) + `
		FROM events e JOIN incidents i ON i.id = e.incident_id WHERE e.doc_id = ?`,
	// The incident of the first stored event with this id (another article's).
	"deniedIncident": `SELECT ` + incidentColumnList + ` FROM incidents WHERE id =
		(SELECT incident_id FROM events WHERE id = ? AND incident_id IS NOT NULL ORDER BY seq LIMIT 1)`,
	// The range lets the dyad index seek to the window's days instead of
	// reading every incident of the dyad.
	"candidates": `SELECT ` + incidentColumnList + ` FROM incidents
		WHERE source_country = ? AND target_country = ? AND root = ? AND background = ?
		AND date BETWEEN ? AND ? AND date IN (?, ?, ?)`,
	"insertIncident": `INSERT INTO incidents (source_country, target_country, root, code, quad_class, date, location, background,
		first_seen, last_seen, mentions, articles, sources, claims, denials)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	// SQLite: the tallies as computed by the (only) writer.
	"updateIncident": `UPDATE incidents SET location = ?, first_seen = ?, last_seen = ?, mentions = ?, articles = ?,
		sources = ?, claims = ?, denials = ? WHERE id = ?`,
	"insertEvent": `INSERT INTO events (` + eventColumnList + `) VALUES (` + placeholders(len(eventColumns)) + `)`,
	// A resumed run reads the same bad records again: each is logged once.
	"insertReject": `INSERT INTO rejects (file, line, reason, rejected_at) SELECT CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS TEXT)
		WHERE NOT EXISTS (SELECT 1 FROM rejects WHERE file = ? AND line = ? AND reason = ?)`,
}

// pgWriteQueries are PostgreSQL-only statements, rebound like
// writeQueries. An event that starts an incident inserts it in the same
// statement; a later event of that incident from the same article takes
// its id from the first event's row. So the ids the database assigns
// never have to come back before the events go out.
var pgWriteQueries = map[string]string{
	"insertEventNewIncident": `WITH i AS (INSERT INTO incidents (source_country, target_country, root, code, quad_class, date, location,
		background, first_seen, last_seen, mentions, articles, sources, claims, denials)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)
		INSERT INTO events (` + eventColumnList + `) VALUES (` + placeholders(len(eventColumns)-1) + `, (SELECT id FROM i))`,
	"insertEventSameIncident": `INSERT INTO events (` + eventColumnList + `) VALUES (` + placeholders(len(eventColumns)-1) + `,
		(SELECT incident_id FROM events WHERE doc_id = ? AND id = ?))`,
}

// pgAddToIncident adds one article's share to an incident on
// PostgreSQL as increments, so concurrent writers never overwrite each
// other's counts whatever they read: $1 place (taken if the incident
// has none), $2 article date, $3 mentions, $4 source (” for none),
// $5 claims, $6 denials, $7 id. Sources stay sorted byte-wise.
const pgAddToIncident = `UPDATE incidents SET
	location = CASE WHEN location = '' THEN $1 ELSE location END,
	first_seen = LEAST(first_seen, $2), last_seen = GREATEST(last_seen, $2),
	mentions = mentions + $3, articles = articles + 1,
	sources = CASE WHEN $4 = '' OR $4 = ANY(string_to_array(sources, E'\n')) THEN sources
		ELSE array_to_string(ARRAY(SELECT x FROM unnest(array_append(string_to_array(sources, E'\n'), $4::text)) AS x
			ORDER BY x COLLATE "C"), E'\n') END,
	claims = claims + $5, denials = denials + $6
	WHERE id = $7`

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
	now string

	// SQLite
	tx *sql.Tx
	st map[string]*sql.Stmt

	// PostgreSQL
	pg       *pgConn
	prefix   []string       // statements owed to the server, sent ahead of the next ones
	locked   map[int64]bool // advisory locks held
	reserved []int64        // locks announced by Reserve, taken by the next Add
}

// Begin starts a write transaction. The batch keeps running when ctx is
// cancelled (so Ctrl-C can still commit it); use Rollback to abandon it.
func (s *Store) Begin(ctx context.Context) (*Batch, error) {
	ctx = context.WithoutCancel(ctx)
	b := &Batch{s: s, ctx: ctx, now: time.Now().UTC().Format(time.RFC3339)}
	if s.dialect == postgresDialect {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: begin: %w", err)
		}
		b.pg, b.locked = &pgConn{conn: conn}, map[int64]bool{}
		if _, err := b.pgExec(ctx, "BEGIN"); err != nil {
			conn.Close()
			return nil, fmt.Errorf("store: begin: %w", err)
		}
		return b, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	b.tx, b.st = tx, map[string]*sql.Stmt{}
	return b, nil
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
	if b.pg == nil {
		if err := b.tx.Commit(); err != nil {
			return fmt.Errorf("store: commit: %w", err)
		}
		return nil
	}
	defer b.pg.conn.Close()
	tag, err := b.pgExec(b.ctx, "COMMIT")
	if err == nil && tag != "COMMIT" {
		// The server rolls back a failed transaction on COMMIT.
		err = errors.New("transaction was aborted and rolled back")
	}
	if err != nil {
		b.pgExec(b.ctx, "ROLLBACK")
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Rollback abandons the batch.
func (b *Batch) Rollback() error {
	if b.pg == nil {
		return b.tx.Rollback()
	}
	defer b.pg.conn.Close()
	_, err := b.pgExec(b.ctx, "ROLLBACK")
	return err
}

// Reject records an input record that was not stored, once: the same
// file, line and reason already logged is not logged again.
func (b *Batch) Reject(r Reject) error {
	file, reason := safeText(r.File, maxReasonBytes), safeText(r.Reason, maxReasonBytes)
	p := b.pipe()
	p.exec("insertReject", "store: reject", file, r.Line, reason, b.now, file, r.Line, reason)
	return p.run()
}

// Seen reports whether an article with this id or this normalised text
// is already stored (committed), so callers can skip coding it. An id
// stored with another text is not "seen": Add rejects it (ErrIDConflict),
// so it is reported instead of counted as a duplicate.
func (s *Store) Seen(ctx context.Context, id string, fp Fingerprint) (bool, error) {
	return seen(ctx, s.stmts["seen"], id, fp)
}

func seen(ctx context.Context, st *sql.Stmt, id string, fp Fingerprint) (bool, error) {
	rows, err := st.QueryContext(ctx, id, fp.Hash)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	dup, conflict, err := scanSeen(rows, id, fp)
	return dup && !conflict, err
}

// ErrIDConflict: the article's id is stored with a different text.
var ErrIDConflict = errors.New("id already stored with a different text (give each article its own id)")

// scanSeen reads the "seen" rows: dup when any matched, conflict when
// the id matched with another text.
func scanSeen(rows rowsLike, id string, fp Fingerprint) (dup, conflict bool, err error) {
	for rows.Next() {
		var got, hash string
		if err := rows.Scan(&got, &hash); err != nil {
			return false, false, err
		}
		dup = true
		if got == id && hash != fp.Hash {
			conflict = true
		}
	}
	return dup, conflict, rows.Err()
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
//
// On PostgreSQL Add costs two or three round trips: the advisory locks,
// the savepoint and every look-up; then the article and the incidents
// it creates; then its events, the updates of existing incidents and
// the savepoint's release (the last two groups go together when no
// incident is created).
func (b *Batch) Add(a *event.Article, fp Fingerprint, events []event.Event) (Result, error) {
	p := b.pipe()
	keys := b.lockKeys(a, events)
	if len(keys) > 0 {
		p.exec(pgLockKeys, "store: incident locks", keys)
	}
	sp := len(p.labels) // the savepoint's place in p
	p.exec("SAVEPOINT article", "store: savepoint")
	res, err := b.add(p, a, fp, events) // runs p first
	if len(keys) > 0 && p.done >= sp {
		for _, k := range keys {
			b.locked[k] = true
		}
	}
	if err == nil {
		return res, nil
	}
	if p.done <= sp {
		return Result{}, err // no savepoint: the transaction is broken
	}
	if rerr := b.undo(); rerr != nil {
		return Result{}, fmt.Errorf("%w (and rolling back: %v)", err, rerr)
	}
	return Result{}, &ArticleError{ID: a.ID, Err: err}
}

// undo rolls back to the article's savepoint and drops it. On
// PostgreSQL it goes by the simple protocol: the aborted transaction
// refuses to prepare statements.
func (b *Batch) undo() error {
	const q = "ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article"
	if b.pg != nil {
		b.prefix = nil
		_, err := b.pgExec(b.ctx, q)
		return err
	}
	_, err := b.tx.ExecContext(b.ctx, q)
	return err
}
