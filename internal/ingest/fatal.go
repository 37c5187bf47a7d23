package ingest

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"syscall"
)

// storageFailure reports an error that is the database's or the disk's
// trouble rather than the article's: a full disk, an I/O error, a lost
// connection, a server shutting down. Such an error must stop the run
// (a re-run resumes it) instead of rejecting the article it happened on,
// or the article would be recorded as bad and its loss hidden.
func storageFailure(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, sql.ErrTxDone) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EIO) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	// PostgreSQL (pgconn.PgError): SQLSTATE classes 08 connection,
	// 53 insufficient resources (disk full, out of memory), 57 operator
	// intervention (shutdown, restart), 58 system error (I/O).
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		switch s := pg.SQLState(); {
		case len(s) < 2:
		case s[:2] == "08", s[:2] == "53", s[:2] == "57", s[:2] == "58":
			return true
		}
	}
	// SQLite (modernc.org/sqlite Error): primary result codes NOMEM 7,
	// IOERR 10, CORRUPT 11, FULL 13, CANTOPEN 14.
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		switch lite.Code() & 0xff {
		case 7, 10, 11, 13, 14:
			return true
		}
	}
	return false
}
