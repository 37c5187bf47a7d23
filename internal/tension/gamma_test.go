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
