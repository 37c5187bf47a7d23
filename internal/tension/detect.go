package tension

import (
	"math"
)

// Config holds the detector's parameters. DefaultConfig documents the
// defaults; docs/tension.md gives the reasoning and measured rates.
type Config struct {
	// Baseline is the number of days before the tested window whose
	// conflict weight forms the dyad's baseline.
	Baseline int
	// MinBaseline floors the baseline weight per day: a dyad that is
	// usually silent is compared with a little background noise, not 0.
	MinBaseline float64
	// Dispersion is the variance/mean ratio of the daily weight's
	// Poisson part: incidents of weight w arriving at random give a ratio
	// E[w²]/E[w], at most the heaviest weight (2, an attack), which is
	// the default, so unequal weights never look like a spike.
	Dispersion float64
	// Overdispersion is the floor of the dyad's extra-Poisson variance,
	// the squared coefficient of variation of its daily rate (1/shape of
	// a negative binomial): the detector estimates it from the baseline
	// days' variance, (variance - Dispersion×mean)/mean², and never
	// assumes less than this.
	Overdispersion float64
	// DispersionDays is the window, in days before the tested window,
	// over which the overdispersion is estimated (at least Baseline): a
	// dyad's burstiness changes more slowly than its level and needs more
	// days to estimate.
	DispersionDays int
	// Windows are the spike lengths tested, in days: a one-day burst and
	// sustained escalations are tested separately.
	Windows []int
	// Alpha is the largest tail probability of the window's weight under
	// the baseline: the weight in units of Dispersion is tested as a
	// negative binomial count with the baseline's mean and estimated
	// overdispersion (an exact tail keeps small counts honest where a
	// z-score would not, and a gamma-mixed tail keeps bursty dyads quiet).
	Alpha float64
	// MinRatio is the least observed/expected weight ratio.
	MinRatio float64
	// MinWeight is the least absolute weight in the window.
	MinWeight float64
	// MinReports is the minimum-evidence rule: the window's conflict
	// incidents must rest on at least this many independent reports
	// (wire copies of one report count once), so one report cannot fire
	// an alert however many incidents it describes.
	MinReports int
	// EpisodeGap merges alert days at most this many days apart into one
	// alert (an episode).
	EpisodeGap int
	// Warmup days at the start of a series raise no alert: the baseline
	// is not known yet.
	Warmup int
	// Evidence is the number of top incidents kept with an alert.
	Evidence int
	// Directed and Actor add alerts on directed dyads and on actor-code
	// dyads; by default only undirected country dyads raise alerts.
	Directed, Actor bool
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{
		Baseline:       42,
		MinBaseline:    0.1,
		Dispersion:     2,
		Overdispersion: 0.02,
		DispersionDays: 91,
		Windows:        []int{1, 3, 7},
		Alpha:          5e-4,
		MinRatio:       2,
		MinWeight:      1.5,
		MinReports:     2,
		EpisodeGap:     3,
		Warmup:         14,
		Evidence:       5,
	}
}

func (c *Config) fill() {
	d := DefaultConfig()
	if c.Baseline <= 0 {
		c.Baseline = d.Baseline
	}
	if c.MinBaseline <= 0 {
		c.MinBaseline = d.MinBaseline
	}
	if c.Dispersion <= 0 {
		c.Dispersion = d.Dispersion
	}
	if c.Overdispersion <= 0 {
		c.Overdispersion = d.Overdispersion
	}
	if len(c.Windows) == 0 {
		c.Windows = d.Windows
	}
	if c.Alpha <= 0 {
		c.Alpha = d.Alpha
	}
	if c.EpisodeGap <= 0 {
		c.EpisodeGap = d.EpisodeGap
	}
	if c.Evidence <= 0 {
		c.Evidence = d.Evidence
	}
}

// baseline keeps the running mean and variance of the weight over the
// Baseline days before the current one, leaving out the days marked
// skip (the detector's alert days) unless that would leave fewer than
// half the window: a lasting change of level becomes the new baseline.
type baseline struct {
	w           []float64
	skip        []bool
	size        int
	i           int // the next day step will describe
	s, ss       float64
	sAll, ssAll float64
	kept        int
}

// step returns the mean and variance of the days before day b.i and
// moves on by one day. skip[b.i-1] must be final.
func (b *baseline) step() (mean, variance float64) {
	i := b.i
	b.i++
	if i > 0 {
		v := b.w[i-1]
		b.sAll += v
		b.ssAll += v * v
		if !b.skip[i-1] {
			b.s += v
			b.ss += v * v
			b.kept++
		}
	}
	if j := i - 1 - b.size; j >= 0 {
		v := b.w[j]
		b.sAll -= v
		b.ssAll -= v * v
		if !b.skip[j] {
			b.s -= v
			b.ss -= v * v
			b.kept--
		}
	}
	span := min(i, b.size)
	s, ss, k := b.s, b.ss, b.kept
	if 2*k < span {
		s, ss, k = b.sAll, b.ssAll, span
	}
	if k == 0 {
		return 0, 0
	}
	m := max(s/float64(k), 0)
	return m, max(ss/float64(k)-m*m, 0)
}

// Index fills Baseline (trimmed mean weight per day over the days
// before) and Index (Weight / max(Baseline, MinBaseline)) of a gap-free
// daily series: 1 is an ordinary day for the dyad, 3 three times it.
func Index(days []Day, cfg Config) {
	cfg.fill()
	w := make([]float64, len(days))
	for i := range days {
		w[i] = days[i].Weight
	}
	b := baseline{w: w, skip: make([]bool, len(w)), size: cfg.Baseline}
	for i := range days {
		m, _ := b.step()
		days[i].Baseline = m
		days[i].Index = days[i].Weight / max(m, cfg.MinBaseline)
	}
}

// RollupIndex rolls a gap-free daily series (with Index filled) up to
// weeks or months and sets each period's Index to its weight over its
// summed daily baselines.
func RollupIndex(days []Day, p Period, cfg Config) []Day {
	if p == Daily || p == "" {
		return days
	}
	cfg.fill()
	out := Rollup(days, p)
	j := 0
	for i := range out {
		var base float64
		n := 0
		end := "~"
		if i+1 < len(out) {
			end = out[i+1].Day
		}
		for ; j < len(days) && days[j].Day < end; j++ {
			base += days[j].Baseline
			n++
		}
		out[i].Baseline = base
		out[i].Index = out[i].Weight / max(base, cfg.MinBaseline*float64(n))
	}
	return out
}

// Alert is one episode of a dyad's conflict weight well above its
// baseline.
type Alert struct {
	ID       int64  `json:"id,omitempty"`
	Dyad     Dyad   `json:"-"`
	DyadName string `json:"dyad"`
	FirstDay string `json:"first_day"`
	PeakDay  string `json:"peak_day"`
	LastDay  string `json:"last_day"`
	// At the peak: the spike window in days, its weight, the weight the
	// baseline expects over it, their ratio and -log10 of the tail
	// probability (Score 4 = one chance in 10,000 under the baseline).
	Window    int        `json:"window_days"`
	Observed  float64    `json:"observed"`
	Expected  float64    `json:"expected"`
	Ratio     float64    `json:"ratio"`
	Score     float64    `json:"score"`
	Incidents int        `json:"incidents"` // conflict incidents in the episode
	Reports   int        `json:"reports"`   // independent reports behind them
	Sources   int        `json:"sources"`   // distinct sources behind them
	Evidence  []Evidence `json:"evidence"`
}

// Evidence is one of an alert's top incidents with the reports behind it.
type Evidence struct {
	Incident  int64     `json:"incident"`
	Day       string    `json:"day"`
	Source    string    `json:"source"` // source country
	Target    string    `json:"target"`
	Code      string    `json:"code"`
	Goldstein float64   `json:"goldstein"`
	Location  string    `json:"location,omitempty"`
	Claimants []string  `json:"claimants,omitempty"`
	Denied    bool      `json:"denied,omitempty"`
	Articles  []Article `json:"articles"`
}

// Article is a report behind an evidence incident.
type Article struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Title    string `json:"title,omitempty"`
	URL      string `json:"url,omitempty"`
	Source   string `json:"source,omitempty"`
	Sentence string `json:"sentence"`
	Claimed  string `json:"claimed_by,omitempty"`
}

// hit is one day that passes the detector.
type hit struct {
	i, window                 int
	observed, expected, ratio float64
	z                         float64
}

// Detect runs the detector over a gap-free daily series and returns its
// episodes, oldest first, without evidence. Day i is tested with every
// window ending on it against the baseline of the days before the
// window.
func Detect(d Dyad, days []Day, cfg Config) []Alert {
	cfg.fill()
	n := len(days)
	if n == 0 {
		return nil
	}
	w := make([]float64, n)
	cw := make([]float64, n+1) // prefix sums of weight and reports
	for i := range days {
		w[i] = days[i].Weight
		cw[i+1] = cw[i] + w[i]
	}
	mean, od := make([]float64, n), make([]float64, n)
	skip := make([]bool, n)
	b := baseline{w: w, skip: skip, size: cfg.Baseline}
	long := baseline{w: w, skip: skip, size: max(cfg.DispersionDays, cfg.Baseline)}
	var hits []hit
	for i := range n {
		mean[i], _ = b.step()
		od[i] = long.overdispersion(cfg)
		if i < cfg.Warmup || w[i] == 0 {
			continue // an alert day has conflict of its own
		}
		best := hit{i: -1}
		for _, s := range cfg.Windows {
			start := i - s + 1
			if start < 0 {
				continue
			}
			x := cw[i+1] - cw[start]
			m := max(mean[start], cfg.MinBaseline)
			e := float64(s) * m
			if x < cfg.MinRatio*e || x < cfg.MinWeight {
				continue
			}
			p := tail(x, float64(s), m, od[start], min(start, cfg.Baseline), cfg)
			if p > cfg.Alpha || !enoughReports(days[start:i+1], cfg.MinReports) {
				continue
			}
			score := -math.Log10(max(p, 1e-300))
			if best.i < 0 || score > best.z {
				best = hit{i, s, x, e, x / e, score}
			}
		}
		if best.i >= 0 {
			hits = append(hits, best)
			skip[i] = true
		}
	}
	var out []Alert
	for k := 0; k < len(hits); {
		j := k
		peak := k
		// A fired day joins the episode when it is at most EpisodeGap
		// days after the last one or its window reaches back to within
		// that gap: a week's window still holding the episode's days is
		// the same episode, not a new one.
		for j+1 < len(hits) && hits[j+1].i-hits[j+1].window+1-hits[j].i <= cfg.EpisodeGap {
			j++
			if hits[j].z > hits[peak].z {
				peak = j
			}
		}
		p := hits[peak]
		first := hits[k].i - hits[k].window + 1
		a := Alert{Dyad: d, DyadName: d.String(), FirstDay: days[first].Day, PeakDay: days[p.i].Day,
			LastDay: days[hits[j].i].Day, Window: p.window, Observed: round2(p.observed),
			Expected: round2(p.expected), Ratio: round2(p.ratio), Score: round2(p.z)}
		var src, rep []string
		for t := first; t <= hits[j].i; t++ {
			a.Incidents += days[t].Quad[2] + days[t].Quad[3]
			rep = mergeSorted(rep, days[t].ConflictReports)
			if days[t].Weight > 0 {
				src = mergeSorted(src, days[t].Sources)
			}
		}
		a.Reports, a.Sources = len(rep), len(src)
		out = append(out, a)
		k = j + 1
	}
	return out
}

// overdispersion steps the long window on by one day and returns the
// dyad's extra-Poisson variance b estimated from it: the daily weight's
// variance is modelled as a·m + b·m² (a = Dispersion). The sample
// variance is raised by one standard error (sqrt(2/(n-1)) of it, the
// normal-theory value): a bursty dyad's sample variance is skewed and
// more often under than over its true value, and an underestimate is a
// false alert.
func (b *baseline) overdispersion(cfg Config) float64 {
	n := min(b.i, b.size)
	m, v := b.step()
	if m <= 0 || n < 2 {
		return cfg.Overdispersion
	}
	v *= 1 + math.Sqrt(2/float64(n-1))
	return max(cfg.Overdispersion, (v-cfg.Dispersion*m)/(m*m))
}

// tail returns the probability that s days of a dyad whose baseline
// days (n of them) have mean m and overdispersion b weigh x or more: the
// window sum in units of a = Dispersion is negative binomial with mean
// s·m/a and size s/b. Both parts are widened by 1 + s/n for a mean
// estimated from n days.
func tail(x, s, m, b float64, n int, cfg Config) float64 {
	widen := 1 + s/float64(max(n, 1))
	a := cfg.Dispersion * widen
	return nbTail(s*m/a, s/(b*widen), x/a)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// enoughReports reports whether the days' conflict incidents rest on at
// least min distinct independent reports.
func enoughReports(days []Day, min int) bool {
	if min <= 1 {
		return true
	}
	seen := map[string]bool{}
	for i := range days {
		for _, r := range days[i].ConflictReports {
			seen[r] = true
			if len(seen) >= min {
				return true
			}
		}
	}
	return false
}
