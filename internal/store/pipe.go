package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// On PostgreSQL a write transaction runs on one pgx connection taken
// from the pool, so that the statements of an article go to the server
// together as a pipeline: one network round trip for a group of
// statements instead of one each. SQLite runs in-process, where round
// trips cost nothing, and keeps using database/sql.

// rowsLike is what both *sql.Rows and pgx.Rows offer.
type rowsLike interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// pgConn is the pooled connection a PostgreSQL Batch writes on.
type pgConn struct {
	conn *sql.Conn
}

// run calls f with the pgx connection. A connection that f left closed
// (server gone) yields an error wrapping driver.ErrBadConn, as
// database/sql reports it, and is dropped from the pool.
func (c *pgConn) run(f func(*pgx.Conn) error) error {
	var ferr error
	var closed bool
	err := c.conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		ferr = f(pc)
		if ferr != nil && pc.IsClosed() {
			closed = true
			return driver.ErrBadConn
		}
		return nil
	})
	switch {
	case ferr != nil && closed:
		return fmt.Errorf("%w (%w)", ferr, driver.ErrBadConn)
	case ferr != nil:
		return ferr
	}
	return err
}

// pipe queues statements. On PostgreSQL they are sent together when
// run is called; on SQLite each runs at once and run reports the first
// error (later statements are skipped after one fails, as on the
// server). q is a name in writeQueries or literal SQL.
type pipe struct {
	b      *Batch
	pg     *pgx.Batch
	labels []string // what each queued statement is, for errors
	done   int      // statements that succeeded
	err    error
}

func (b *Batch) pipe() *pipe {
	p := &pipe{b: b}
	if b.pg != nil {
		p.pg = &pgx.Batch{}
		for _, q := range b.prefix {
			p.exec(q, "store")
		}
		b.prefix = nil
	}
	return p
}

func (p *pipe) sql(q string) string {
	if s, ok := p.b.s.pgq[q]; ok {
		return s
	}
	return q
}

// exec queues a statement without results.
func (p *pipe) exec(q, label string, args ...any) {
	p.labels = append(p.labels, label)
	if p.pg != nil {
		p.pg.Queue(p.sql(q), args...).Exec(func(pgconn.CommandTag) error { p.done++; return nil })
		return
	}
	if p.err != nil {
		return
	}
	var err error
	if _, ok := writeQueries[q]; ok {
		_, err = p.b.stmt(q).ExecContext(p.b.ctx, args...)
	} else {
		_, err = p.b.tx.ExecContext(p.b.ctx, q, args...)
	}
	if err != nil {
		p.err = fmt.Errorf("%s: %w", label, err)
		return
	}
	p.done++
}

// query queues a statement whose rows fn reads.
func (p *pipe) query(q, label string, fn func(rowsLike) error, args ...any) {
	p.labels = append(p.labels, label)
	if p.pg != nil {
		p.pg.Queue(p.sql(q), args...).Query(func(rows pgx.Rows) error {
			if err := fn(rows); err != nil {
				return err
			}
			p.done++
			return nil
		})
		return
	}
	if p.err != nil {
		return
	}
	rows, err := p.b.stmt(q).QueryContext(p.b.ctx, args...)
	if err == nil {
		err = fn(rows)
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
	}
	if err != nil {
		p.err = fmt.Errorf("%s: %w", label, err)
		return
	}
	p.done++
}

// run sends what is queued (PostgreSQL) and returns the first error,
// prefixed with what the failing statement was.
func (p *pipe) run() error {
	if p.pg == nil || len(p.pg.QueuedQueries) == 0 {
		return p.err
	}
	ctx := p.b.ctx
	err := p.b.pg.run(func(c *pgx.Conn) error { return c.SendBatch(ctx, p.pg).Close() })
	if err != nil {
		label := "store"
		if p.done < len(p.labels) {
			label = p.labels[p.done]
		}
		return fmt.Errorf("%s: %w", label, err)
	}
	return nil
}

// pgExec runs one statement on the Batch's PostgreSQL connection.
func (b *Batch) pgExec(ctx context.Context, q string, args ...any) (string, error) {
	var tag string
	err := b.pg.run(func(c *pgx.Conn) error {
		ct, err := c.Exec(ctx, q, args...)
		tag = ct.String()
		return err
	})
	return tag, err
}
