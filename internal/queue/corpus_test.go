package queue_test

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// A cheap generated corpus for the real pipeline: short articles built
// from sentences the coder understands, each with a unique number so no
// two texts are equal (exact duplicates would make the stored set depend
// on which worker came first). A few invalid records are mixed in.

var (
	subjects = []string{"Russian forces", "Ukrainian troops", "Azerbaijani soldiers", "Armenian police",
		"Israeli aircraft", "Turkish officials", "Iranian diplomats", "The Georgian government"}
	acts    = []string{"shelled", "attacked", "met", "criticized", "threatened", "accused", "praised", "condemned"}
	objects = []string{"Ukrainian positions", "Russian troops", "Armenian villages", "Azerbaijani officials",
		"Syrian rebels", "Iraqi officials", "the Lebanese army", "Georgian officials"}
	places = []string{"near Kharkiv", "in Shusha", "in Aleppo", "near Mosul", "in Tbilisi", "in Lachin", "", "", ""}
	days   = []string{"on Monday", "on Tuesday", "on Friday", "last week", "", ""}
)

// corpusN is the article count of the worker test: FLASHPOINT_QUEUE_N
// or def.
func corpusN(t testing.TB, def int) int {
	if s := os.Getenv("FLASHPOINT_QUEUE_N"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 100 {
			t.Fatalf("FLASHPOINT_QUEUE_N=%q: want a number >= 100", s)
		}
		return n
	}
	return def
}

func corpus(n int, seed int64) []event.Article {
	r := rand.New(rand.NewSource(seed))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]event.Article, 0, n)
	var b strings.Builder
	for i := 0; i < n; i++ {
		a := event.Article{ID: fmt.Sprintf("q%06d", i), Date: base.AddDate(0, 0, i*90/n).Format(time.DateOnly),
			Source: []string{"Reuters", "AFP", "AP"}[r.Intn(3)], Origin: fmt.Sprintf("corpus.jsonl:%d", i+1)}
		if i%211 == 100 {
			a.Date = "last year" // rejected by the store, kept in rejects
		}
		b.Reset()
		for s := 0; s < 2+r.Intn(3); s++ {
			fmt.Fprintf(&b, "%s %s %s", subjects[r.Intn(len(subjects))], acts[r.Intn(len(acts))], objects[r.Intn(len(objects))])
			for _, opt := range [][]string{places, days} {
				if p := opt[r.Intn(len(opt))]; p != "" {
					b.WriteString(" " + p)
				}
			}
			b.WriteString(". ")
		}
		fmt.Fprintf(&b, "Officials counted %d people at the scene, according to report %d.", r.Intn(900)+10, i)
		a.Text = b.String()
		a.Title = fmt.Sprintf("Report %d", i)
		out = append(out, a)
	}
	return out
}
