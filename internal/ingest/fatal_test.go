package ingest

import (
	"errors"
	"fmt"
	"io"
	"syscall"
	"testing"

	"github.com/flashpoint/flashpoint/internal/store"
)

type pgErr string

func (e pgErr) Error() string    { return "pg " + string(e) }
func (e pgErr) SQLState() string { return string(e) }

type liteErr int

func (e liteErr) Error() string { return fmt.Sprintf("sqlite %d", int(e)) }
func (e liteErr) Code() int     { return int(e) }

func TestStorageFailure(t *testing.T) {
	art := func(err error) error {
		return &store.ArticleError{ID: "a", Err: fmt.Errorf("store: article a: %w", err)}
	}
	for _, c := range []struct {
		err  error
		want bool
	}{
		{art(liteErr(13)), true},        // SQLITE_FULL
		{art(liteErr(10 | 3<<8)), true}, // SQLITE_IOERR_WRITE
		{art(liteErr(19)), false},       // SQLITE_CONSTRAINT: the article's fault
		{art(pgErr("57P01")), true},     // admin shutdown
		{art(pgErr("08006")), true},     // connection failure
		{art(pgErr("53100")), true},     // disk full
		{art(pgErr("23505")), false},    // unique violation
		{art(io.ErrUnexpectedEOF), true},
		{art(syscall.ENOSPC), true},
		{art(errors.New("two events with one id")), false},
	} {
		if got := storageFailure(c.err); got != c.want {
			t.Errorf("storageFailure(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
