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

// nbTail returns P(N >= k) for N negative binomial with the given mean
// and size r (variance mean + mean²/r), extended to real k through the
// regularised incomplete beta function: P(N >= k) = I_q(k, r) with
// q = mean/(mean+r). A huge size is the Poisson limit.
func nbTail(mean, r, k float64) float64 {
	switch {
	case k <= 0:
		return 1
	case mean <= 0:
		return 0
	case r > 1e7 || math.IsInf(r, 1):
		return poissonTail(mean, k)
	}
	return betaI(k, r, mean/(mean+r))
}

// betaI is the regularised incomplete beta function I_x(a, b), by its
// continued fraction (modified Lentz) on the side where it converges.
func betaI(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return math.Min(1, front*betaCF(a, b, x)/a)
	}
	return math.Max(0, 1-front*betaCF(b, a, 1-x)/b)
}

func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	nonzero := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1/nonzero(1-qab*x/qap)
	h := d
	// step applies one term of Lentz's method and returns its factor.
	step := func(aa float64) float64 {
		d = 1 / nonzero(1+aa*d)
		c = nonzero(1 + aa/c)
		return d * c
	}
	for m := 1; m < 1000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		h *= step(fm * (b - fm) * x / ((qam + m2) * (a + m2)))
		del := step(-(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2)))
		h *= del
		if math.Abs(del-1) < 1e-14 {
			break
		}
	}
	return h
}
