package store

import (
	"errors"
	"slices"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Concurrent PostgreSQL writers serialise on the incidents they may
// join or create with transaction-scoped advisory locks, one per dyad
// key (source and target country, root, background flag) and incident
// date: an event locks every date of its matching window before it
// reads the candidates. Two writers that could touch the same incident
// therefore share a lock, and the later one reads the earlier one's
// committed incidents, so one happening gets one incident. Incident
// rows themselves are updated with increments and locked only by those
// UPDATEs. Incidents reached by id (a denied event's, a near-duplicate
// original's) are not covered by these locks; the increments keep
// their counts right.
//
// Locks are taken in ascending key order per Add; Reserve lets a caller
// that knows its whole batch take all of them at once, in one order for
// every writer, so that batches queue behind each other instead of
// deadlocking. SQLite needs none of this: its writers take the database
// lock at BEGIN.

// pgLockKeys takes the advisory locks of $1 in array order.
const pgLockKeys = `SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`

// lockKey is the advisory lock key of a dyad key and incident date
// (FNV-1a; a collision only serialises two writers needlessly).
func lockKey(dyad, date string) int64 {
	h := uint64(fnvOffset)
	for _, s := range [...]string{dyad, "|", date} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= fnvPrime
		}
	}
	return int64(h)
}

// appendLockKeys appends the lock keys of an article's events.
func appendLockKeys(keys []int64, a *event.Article, events []event.Event) []int64 {
	for i := range events {
		e := &events[i]
		k := eventKey(e)
		_, dates := window(e, a.Date)
		for _, d := range dates {
			keys = append(keys, lockKey(k, d))
		}
	}
	return keys
}

// Reserve announces an article that this batch is about to Add. On
// PostgreSQL the next Add then takes the incident locks of every
// reserved article together, in ascending order; a writer that
// reserves its whole batch first cannot deadlock with another that
// does the same. Optional, and a no-op on SQLite.
func (b *Batch) Reserve(a *event.Article, events []event.Event) {
	if b.pg != nil {
		b.reserved = appendLockKeys(b.reserved, a, events)
	}
}

// lockKeys returns the sorted locks the next Add must take: those of
// its own events and of reserved articles that are not yet held.
func (b *Batch) lockKeys(a *event.Article, events []event.Event) []int64 {
	if b.pg == nil {
		return nil
	}
	keys := appendLockKeys(b.reserved, a, events)
	b.reserved = nil
	keys = slices.DeleteFunc(keys, func(k int64) bool { return b.locked[k] })
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Retryable reports an error that the same batch may not meet when
// run again: a deadlock or serialization failure between concurrent
// PostgreSQL writers. The batch must be rolled back and redone.
func Retryable(err error) bool {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return false
	}
	switch pg.Code {
	case "40P01", "40001", "55P03": // deadlock_detected, serialization_failure, lock_not_available
		return true
	}
	return false
}
