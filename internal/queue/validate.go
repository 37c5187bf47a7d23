package queue

import (
	"fmt"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/ingest"
)

// invalid returns why an article cannot be stored, or "". The rules and
// wording are those of ingest (unexported there), so a worker and a
// single-process ingest reject the same records the same way.
func invalid(a *event.Article) string {
	switch {
	case strings.TrimSpace(a.ID) == "":
		return "missing id"
	case !validDate(a.Date):
		return fmt.Sprintf("article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
	case strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "":
		return fmt.Sprintf("article %s: no text", a.ID)
	}
	return ""
}

func validDate(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	_, err := time.Parse(time.DateOnly, d)
	return err == nil
}

// safeCode turns a coder panic into an error: the article is rejected
// instead of the worker dying on every redelivery of it.
func safeCode(code ingest.CodeFunc, a event.Article) (evs []event.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("coder panic: %v", r)
		}
	}()
	return code(a)
}
