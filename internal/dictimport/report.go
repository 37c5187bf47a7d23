package dictimport

import (
	"fmt"
	"io"
	"sort"
)

// maxExamples is how many examples the report keeps per reason.
const maxExamples = 3

// tally counts one reason and keeps its first examples.
type tally struct {
	n        int
	examples []string
}

// Report says what an import converted, skipped and dropped.
type Report struct {
	Converted map[string]int    // output file → entries written
	Skipped   map[string]*tally // reason → entries skipped
	Conflicts map[string]*tally // kind → entries dropped in favour of ours or an earlier one
	Notes     map[string]*tally // repairs of evident slips in the source
}

func newReport() *Report {
	return &Report{Converted: map[string]int{}, Skipped: map[string]*tally{}, Conflicts: map[string]*tally{}, Notes: map[string]*tally{}}
}

func add(m map[string]*tally, key, example string) {
	t := m[key]
	if t == nil {
		t = &tally{}
		m[key] = t
	}
	t.n++
	if len(t.examples) < maxExamples {
		t.examples = append(t.examples, example)
	}
}

func (r *Report) skip(reason, example string)   { add(r.Skipped, reason, example) }
func (r *Report) conflict(kind, example string) { add(r.Conflicts, kind, example) }
func (r *Report) note(kind, example string)     { add(r.Notes, kind, example) }
func (r *Report) count(m map[string]*tally) (n int) {
	for _, t := range m {
		n += t.n
	}
	return n
}

// SkippedCount is the number of source entries not converted.
func (r *Report) SkippedCount() int { return r.count(r.Skipped) }

// ConflictCount is the number of converted entries dropped as duplicates.
func (r *Report) ConflictCount() int { return r.count(r.Conflicts) }

// Write prints the report: converted entries per file, then skips and
// conflicts by reason, largest first, with examples.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintln(w, "converted:")
	for _, f := range sortedKeys(r.Converted) {
		fmt.Fprintf(w, "  %6d  %s\n", r.Converted[f], f)
	}
	section(w, fmt.Sprintf("skipped (%d):", r.SkippedCount()), r.Skipped)
	section(w, fmt.Sprintf("conflicts, dropped (%d):", r.ConflictCount()), r.Conflicts)
	if len(r.Notes) > 0 {
		section(w, "repaired:", r.Notes)
	}
}

func section(w io.Writer, title string, m map[string]*tally) {
	fmt.Fprintln(w, title)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]].n != m[keys[j]].n {
			return m[keys[i]].n > m[keys[j]].n
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "  %6d  %s\n", m[k].n, k)
		for _, e := range m[k].examples {
			fmt.Fprintf(w, "            e.g. %s\n", e)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
