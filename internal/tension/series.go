package tension

import (
	"sort"
	"strings"
	"time"
)

// Incident is what the series need of one stored incident. Build reads
// them from the store (LoadIncidents); tests and benchmarks make them.
type Incident struct {
	ID             int64
	Day            string // YYYY-MM-DD; incidents dated coarser are skipped
	Source, Target string // countries
	// Actors are the distinct (source code, target code) pairs of the
	// incident's non-denial events.
	Actors    [][2]string
	QuadClass int
	Goldstein float64  // of the first non-denial report
	Sources   []string // distinct article sources
	Reports   []string // distinct independent reports (wire copies count once)
	Claimants []string // non-empty when every report is someone's claim
	Denied    bool     // someone denied it (the claim and denial are one happening)
	Code      string   // CAMEO code of the first report (evidence)
	Location  string   // place name, "" if none (evidence)
}

// Day is one dyad's tallies for one day (or week or month in roll-ups).
type Day struct {
	Day          string   `json:"day"` // first day of the period
	Incidents    int      `json:"incidents"`
	Quad         [4]int   `json:"quad"` // incidents per QuadClass 1-4
	GoldsteinSum float64  `json:"goldstein_sum"`
	Weight       float64  `json:"weight"`  // conflict weight, see Weight
	Reports      int      `json:"reports"` // independent reports (sum over incidents)
	Claimed      int      `json:"claimed"` // incidents resting only on claims
	Denied       int      `json:"denied"`  // incidents someone denied
	Sources      []string `json:"sources"` // distinct sources, sorted
	Claimants    []string `json:"claimants,omitempty"`
	// ConflictReports are the independent reports behind the day's
	// conflict incidents (the detector's minimum-evidence rule).
	ConflictReports []string `json:"-"`
	// Filled by Index: the dyad's baseline weight per day and
	// Weight/max(Baseline, MinBaseline).
	Baseline float64 `json:"baseline"`
	Index    float64 `json:"index"`
}

// GoldsteinMean is the mean Goldstein score of the day's incidents.
func (d *Day) GoldsteinMean() float64 {
	if d.Incidents == 0 {
		return 0
	}
	return d.GoldsteinSum / float64(d.Incidents)
}

// Weight is an incident's contribution to the conflict weight: verbal
// (QuadClass 3) and material (4) conflict count |Goldstein|/5, clipped
// to [0.4, 2], so a threat or accusation weighs about 0.4-1 and an
// attack 1.6-2; cooperation weighs nothing.
func Weight(quad int, goldstein float64) float64 {
	if quad < 3 {
		return 0
	}
	w := goldstein / 5
	if w < 0 {
		w = -w
	}
	return min(max(w, 0.4), 2)
}

// Series is one dyad's days in date order, without gaps filled.
type Series struct {
	Dyad Dyad
	Days []Day
}

// add counts one incident into the day.
func (d *Day) add(in *Incident) {
	d.Incidents++
	if in.QuadClass >= 1 && in.QuadClass <= 4 {
		d.Quad[in.QuadClass-1]++
	}
	d.GoldsteinSum += in.Goldstein
	d.Weight += Weight(in.QuadClass, in.Goldstein)
	d.Reports += len(in.Reports)
	if len(in.Claimants) > 0 {
		d.Claimed++
		d.Claimants = mergeSorted(d.Claimants, in.Claimants)
	}
	if in.Denied {
		d.Denied++
	}
	d.Sources = mergeSorted(d.Sources, in.Sources)
	if in.QuadClass >= 3 {
		d.ConflictReports = mergeSorted(d.ConflictReports, in.Reports)
	}
}

// merge adds another period's tallies (roll-ups).
func (d *Day) merge(o *Day) {
	d.Incidents += o.Incidents
	for i := range d.Quad {
		d.Quad[i] += o.Quad[i]
	}
	d.GoldsteinSum += o.GoldsteinSum
	d.Weight += o.Weight
	d.Reports += o.Reports
	d.Claimed += o.Claimed
	d.Denied += o.Denied
	d.Sources = mergeSorted(d.Sources, o.Sources)
	d.Claimants = mergeSorted(d.Claimants, o.Claimants)
	d.ConflictReports = mergeSorted(d.ConflictReports, o.ConflictReports)
}

// mergeSorted adds the strings of add to the sorted set dst.
func mergeSorted(dst, add []string) []string {
	for _, s := range add {
		if s == "" {
			continue
		}
		i := sort.SearchStrings(dst, s)
		if i < len(dst) && dst[i] == s {
			continue
		}
		dst = append(dst, "")
		copy(dst[i+1:], dst[i:])
		dst[i] = s
	}
	return dst
}

// dyadsOf lists every dyad an incident counts in: directed and
// undirected, country level and each of its actor-code pairs.
func dyadsOf(in *Incident, buf []Dyad) []Dyad {
	buf = append(buf[:0], Directed(in.Source, in.Target), Undirected(in.Source, in.Target))
	for _, p := range in.Actors {
		if p[0] == "" || p[1] == "" {
			continue
		}
		buf = appendUnique(buf, Dyad{ActorLevel, true, p[0], p[1]})
		x, y := p[0], p[1]
		if y < x {
			x, y = y, x
		}
		buf = appendUnique(buf, Dyad{ActorLevel, false, x, y})
	}
	return buf
}

func appendUnique(ds []Dyad, d Dyad) []Dyad {
	for _, e := range ds {
		if e == d {
			return ds
		}
	}
	return append(ds, d)
}

// valid reports whether an incident can be placed on a day and has two
// sides; self-directed incidents (protests against one's own
// government) are not tension between two actors.
func valid(in *Incident) bool {
	return len(in.Day) == 10 && in.Source != "" && in.Target != "" && in.Source != in.Target
}

// Build aggregates incidents into daily series for every dyad they
// touch. Incidents need not be sorted.
func Build(incidents []Incident) map[Dyad]*Series {
	type builder struct {
		s   *Series
		idx map[string]int32 // day → index in s.Days
	}
	out := map[Dyad]*Series{}
	builders := map[Dyad]*builder{}
	var buf []Dyad
	for i := range incidents {
		in := &incidents[i]
		if !valid(in) {
			continue
		}
		buf = dyadsOf(in, buf)
		for _, d := range buf {
			bd := builders[d]
			if bd == nil {
				bd = &builder{s: &Series{Dyad: d}, idx: map[string]int32{}}
				builders[d] = bd
				out[d] = bd.s
			}
			j, ok := bd.idx[in.Day]
			if !ok {
				j = int32(len(bd.s.Days))
				bd.idx[in.Day] = j
				bd.s.Days = append(bd.s.Days, Day{Day: in.Day})
			}
			bd.s.Days[j].add(in)
		}
	}
	for _, s := range out {
		sortDays(s.Days)
	}
	return out
}

func sortDays(ds []Day) { sort.Slice(ds, func(i, j int) bool { return ds[i].Day < ds[j].Day }) }

// Period names a roll-up.
type Period string

const (
	Daily   Period = "day"
	Weekly  Period = "week"  // ISO weeks, starting Monday
	Monthly Period = "month" // calendar months
)

// periodStart returns the first day of the period holding day.
func periodStart(day string, p Period) string {
	switch p {
	case Monthly:
		return day[:8] + "01"
	case Weekly:
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return day
		}
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return t.AddDate(0, 0, -wd).Format(time.DateOnly)
	}
	return day
}

// Rollup sums daily tallies into weeks or months, labelled by their
// first day. Index and Baseline are left for Index to fill.
func Rollup(days []Day, p Period) []Day {
	if p == Daily || p == "" {
		return days
	}
	var out []Day
	for i := range days {
		start := periodStart(days[i].Day, p)
		if n := len(out); n == 0 || out[n-1].Day != start {
			out = append(out, Day{Day: start})
		}
		out[len(out)-1].merge(&days[i])
	}
	return out
}

// Fill returns the days from since to until (inclusive), with the
// missing days as zero tallies, so charts and detectors see quiet days.
func Fill(days []Day, since, until string) []Day {
	t0, err0 := time.Parse(time.DateOnly, since)
	t1, err1 := time.Parse(time.DateOnly, until)
	if err0 != nil || err1 != nil || t1.Before(t0) {
		return days
	}
	out := make([]Day, 0, int(t1.Sub(t0).Hours()/24)+1)
	j := 0
	for j < len(days) && days[j].Day < since {
		j++
	}
	for t := t0; !t.After(t1); t = t.AddDate(0, 0, 1) {
		s := t.Format(time.DateOnly)
		if j < len(days) && days[j].Day == s {
			out = append(out, days[j])
			j++
			continue
		}
		out = append(out, Day{Day: s})
	}
	return out
}

func joinList(s []string) string { return strings.Join(s, "\n") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
