package irt

import "math"

// thetaBound brackets every ability estimate, in logits.
const thetaBound = 60

// moments returns the expected category and its variance on an item with
// cumulative parameters eta at ability theta.
func moments(eta []float64, theta float64) (mean, variance float64) {
	mx := math.Inf(-1)
	for k, h := range eta {
		mx = math.Max(mx, float64(k)*theta-h)
	}
	var s0, s1, s2 float64
	for k, h := range eta {
		p := math.Exp(float64(k)*theta - h - mx)
		s0 += p
		s1 += float64(k) * p
		s2 += float64(k*k) * p
	}
	mean = s1 / s0
	return mean, math.Max(s2/s0-mean*mean, 0)
}

// ability returns the θ at which the expected score on items equals target
// (0 < target < the maximum score): the maximum likelihood estimate of a
// person with that score. Newton's method, kept within a bracket that
// shrinks with every step and never leaves ±thetaBound.
func ability(items []int, eta [][]float64, target float64) float64 {
	lo, hi := -float64(thetaBound), float64(thetaBound)
	theta := 0.0
	for range 200 {
		e, v := 0.0, 0.0
		for _, i := range items {
			m, w := moments(eta[i], theta)
			e += m
			v += w
		}
		if e < target {
			lo = theta
		} else {
			hi = theta
		}
		next := theta + (target-e)/v
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if math.Abs(next-theta) < 1e-12 || hi-lo < 1e-12 {
			return next
		}
		theta = next
	}
	return theta
}

type itemFit struct{ infit, outfit float64 }

// itemFit estimates every group's ability given the thresholds tau and
// returns the infit and outfit mean squares of every item.
func (ds *design) itemFit(tau []float64) []itemFit {
	eta := make([][]float64, len(ds.items))
	for i, it := range ds.items {
		eta[i] = make([]float64, it.Categories+1)
		for k := 1; k <= it.Categories; k++ {
			eta[i][k] = eta[i][k-1] + tau[ds.off[i]+k-1]
		}
	}
	for p := range ds.patterns {
		pt := &ds.patterns[p]
		for g := range pt.groups {
			pt.groups[g].theta = ability(pt.items, eta, float64(pt.groups[g].score))
		}
	}
	type sums struct{ z2, n, sq, w float64 }
	acc := make([]sums, len(ds.items))
	for _, pr := range ds.persons {
		pt := &ds.patterns[pr.pattern]
		theta := pt.groups[pr.group].theta
		row := ds.resp[pr.p]
		for _, i := range pt.items {
			e, w := moments(eta[i], theta)
			r2 := (float64(row[i]) - e) * (float64(row[i]) - e)
			a := &acc[i]
			a.sq += r2
			a.w += w
			a.n++
			if w > 0 {
				a.z2 += r2 / w
			}
		}
	}
	out := make([]itemFit, len(ds.items))
	for i, a := range acc {
		if a.n > 0 {
			out[i].outfit = a.z2 / a.n
		}
		if a.w > 0 {
			out[i].infit = a.sq / a.w
		}
	}
	return out
}
