package tension

import (
	"math"
	"testing"
)

func TestPoissonTail(t *testing.T) {
	for _, c := range []struct{ lambda, k, want float64 }{
		{1, 1, 1 - math.Exp(-1)},
		{1, 5, 0.0036598468},
		{6, 15, 0.0014167},
		{30, 21, 0.9647},
		{0.5, 0, 1},
		{0, 3, 0},
	} {
		if got := poissonTail(c.lambda, c.k); math.Abs(got-c.want) > 1e-4*math.Max(1, c.want) && math.Abs(got-c.want)/c.want > 1e-3 {
			t.Errorf("poissonTail(%v, %v) = %v, want %v", c.lambda, c.k, got, c.want)
		}
	}
}

// TestNBTail checks the negative binomial tail against direct sums of
// its probabilities and its Poisson limit.
func TestNBTail(t *testing.T) {
	direct := func(mean, r float64, k int) float64 {
		p := r / (r + mean)
		lr, _ := math.Lgamma(r)
		below := 0.0
		for n := 0; n < k; n++ {
			ln, _ := math.Lgamma(r + float64(n))
			lf, _ := math.Lgamma(float64(n) + 1)
			below += math.Exp(ln - lr - lf + r*math.Log(p) + float64(n)*math.Log1p(-p))
		}
		return 1 - below
	}
	for _, c := range []struct {
		mean, r float64
		k       int
	}{{1, 1, 1}, {2, 0.5, 6}, {10, 10, 25}, {30, 3, 100}, {5, 50, 3}, {0.3, 2, 4}} {
		want := direct(c.mean, c.r, c.k)
		if got := nbTail(c.mean, c.r, float64(c.k)); math.Abs(got-want) > 1e-9+1e-6*want {
			t.Errorf("nbTail(%v, %v, %d) = %v, want %v", c.mean, c.r, c.k, got, want)
		}
	}
	if got, want := nbTail(6, 1e9, 15), poissonTail(6, 15); math.Abs(got-want) > 1e-9 {
		t.Errorf("Poisson limit: %v, want %v", got, want)
	}
	if nbTail(3, 2, 0) != 1 || nbTail(0, 2, 3) != 0 {
		t.Error("edge cases")
	}
}
