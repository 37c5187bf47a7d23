package tension

import "math"

// poissonTail returns P(N >= k) for N ~ Poisson(lambda), extended to
// real k through the regularised lower incomplete gamma function
// P(k, lambda), which equals it at integer k.
func poissonTail(lambda, k float64) float64 {
	switch {
	case k <= 0:
		return 1
	case lambda <= 0:
		return 0
	}
	return gammaP(k, lambda)
}

// gammaP is the regularised lower incomplete gamma function: a series
// below a+1, a continued fraction (modified Lentz) above.
func gammaP(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 500; n++ {
			term *= x / (a + float64(n))
			sum += term
			if term < sum*1e-14 {
				break
			}
		}
		return math.Min(1, sum*math.Exp(-x+a*math.Log(x)-lg))
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 500; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-14 {
			break
		}
	}
	return math.Max(0, 1-math.Exp(-x+a*math.Log(x)-lg)*h)
}
