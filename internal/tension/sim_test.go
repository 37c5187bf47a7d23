package tension

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// sim draws synthetic dyad series: daily conflict-incident counts from a
// Poisson or negative binomial (gamma-Poisson, shape sim.shape) with mean mu, each
// incident its own report with a Goldstein score from a verbal/material
// conflict mix.
type sim struct {
	shape float64 // gamma shape of the daily rate; 0: Poisson
	rng   *rand.Rand
	day0  time.Time
	next  int
}

var simGoldstein = []float64{-2, -4.4, -9.5, -10}

func newSim(seed uint64) *sim {
	return &sim{rng: rand.New(rand.NewPCG(seed, 7)), day0: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (s *sim) gamma(shape float64) float64 { // Marsaglia-Tsang, shape >= 1
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := s.rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := s.rng.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

func (s *sim) poisson(l float64) int {
	if l > 30 {
		return max(0, int(math.Round(l+math.Sqrt(l)*s.rng.NormFloat64())))
	}
	L, k, p := math.Exp(-l), 0, 1.0
	for {
		p *= s.rng.Float64()
		if p <= L {
			return k
		}
		k++
	}
}

// series returns n gap-free days with mean mu, multiplied by factor on
// days [spike, spike+length).
func (s *sim) series(n int, mu float64, spike, length int, factor float64) []Day {
	days := make([]Day, n)
	for i := range days {
		days[i].Day = s.day0.AddDate(0, 0, i).Format(time.DateOnly)
		m := mu
		if i >= spike && i < spike+length {
			m *= factor
		}
		l := m
		if s.shape > 0 {
			l = s.gamma(s.shape) * m / s.shape
		}
		k := s.poisson(l)
		for range k {
			g := simGoldstein[s.rng.IntN(len(simGoldstein))]
			quad := 4
			if g > -5 {
				quad = 3
			}
			s.next++
			in := Incident{Day: days[i].Day, Source: "AAA", Target: "BBB", QuadClass: quad, Goldstein: g,
				Reports: []string{strconv.Itoa(s.next)}, Sources: []string{"wire" + strconv.Itoa(s.rng.IntN(5))}}
			days[i].add(&in)
		}
	}
	return days
}

type simResult struct {
	mu              float64
	length          int
	detected, tried int
	falsePerYear    float64
}

// simulate measures, for baseline mean mu (incidents/day) and spike
// length, the share of 3× spikes detected and the false alerts per
// dyad-year on stationary series with the same mean.
func simulate(shape, mu float64, length, trials, years int, cfg Config) simResult {
	r := simResult{mu: mu, length: length, tried: trials}
	s := newSim(uint64(mu*1000) + uint64(length))
	s.shape = shape
	d := Undirected("AAA", "BBB")
	const n, at = 120, 90
	for range trials {
		days := s.series(n, mu, at, length, 3)
		for _, a := range Detect(d, days, cfg) {
			if a.LastDay >= days[at].Day && a.FirstDay <= days[at+length-1].Day {
				r.detected++
				break
			}
		}
	}
	falses := 0
	for range years {
		falses += len(Detect(d, s.series(365+cfg.Warmup, mu, 0, 0, 1), cfg))
	}
	r.falsePerYear = float64(falses) / float64(years)
	return r
}

func (r simResult) rate() float64 { return float64(r.detected) / float64(r.tried) }

// inClass reports whether a 3× spike belongs to the class the docs
// promise to detect in ≥ 95 % of trials: sustained at least 3 days and
// carrying at least 35 incidents at the baseline rate (mu × days), on a
// dyad no burstier than a negative binomial of shape 10.
func inClass(shape, mu float64, length int) bool {
	return (shape == 0 || shape >= 10) && length >= 3 && mu*float64(length) >= 35
}

// TestSimulation checks the acceptance rule on a grid of baselines and
// spike lengths for Poisson and overdispersed series: every stationary
// row raises ≤ 1 false alert per dyad-year (100 years each), and 3×
// spikes of the documented class (inClass) are detected in ≥ 95 % of 200
// trials. Run with -v to print the tables in docs/tension.md.
func TestSimulation(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation grid")
	}
	cfg := DefaultConfig()
	for _, fam := range []struct {
		name  string
		shape float64
	}{
		{"Poisson", 0},
		{"negative binomial, shape 10 (overdispersion 0.1)", 10},
		{"negative binomial, shape 3 (overdispersion 0.33)", 3},
	} {
		t.Logf("%s daily counts:", fam.name)
		t.Logf("| baseline incidents/day | 3× for 1 day | 3× for 3 days | 3× for 7 days | false alerts / dyad-year |")
		t.Logf("|---:|---:|---:|---:|---:|")
		for _, mu := range []float64{0.5, 1, 2, 3, 5, 10, 20, 50} {
			line := fmt.Sprintf("| %.1f |", mu)
			worst := 0.0
			for _, length := range []int{1, 3, 7} {
				r := simulate(fam.shape, mu, length, 200, 100, cfg)
				mark := ""
				if inClass(fam.shape, mu, length) {
					mark = " ✓"
					if r.rate() < 0.95 {
						t.Errorf("%s mu %.1f, %d days: detected %.1f %%, want >= 95 %%", fam.name, mu, length, 100*r.rate())
					}
				}
				line += fmt.Sprintf(" %.1f %%%s |", 100*r.rate(), mark)
				if r.falsePerYear > 1 {
					t.Errorf("%s mu %.1f (seed of %d-day row): %.2f false alerts per dyad-year, want <= 1",
						fam.name, mu, length, r.falsePerYear)
				}
				worst = max(worst, r.falsePerYear)
			}
			t.Logf("%s %.2f |", line, worst)
		}
	}
}
