package irt

import (
	"math"
	"math/rand/v2"
	"testing"
)

// logGamma returns log γ_r of the items at eta, by the recursion in
// logarithms: slow, but it cannot overflow.
func logGamma(items []int, eta [][]float64, r int) float64 {
	lg := []float64{0}
	for _, i := range items {
		next := make([]float64, len(lg)+len(eta[i])-1)
		for s := range next {
			next[s] = math.Inf(-1)
		}
		for t, v := range lg {
			for k, h := range eta[i] {
				a, b := next[t+k], v-h
				if a < b {
					a, b = b, a
				}
				next[t+k] = a + math.Log1p(math.Exp(b-a))
			}
		}
		lg = next
	}
	return lg[r]
}

// With 240 items whose thresholds span ±8 logits and scores of 1 and the
// maximum less 1, the elementary symmetric functions span thousands of
// orders of magnitude: the rescaled, tilted products must still give the
// log-likelihood of the log-space recursion, and derivatives that match
// differences of it.
func TestManyItems(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n = 240
	d := Data{}
	tau := []float64{}
	for i := range n {
		m := 1 + i%2
		d.Items = append(d.Items, Item{ID: "", Categories: m})
		for range m {
			tau = append(tau, -8+16*rng.Float64())
		}
	}
	most := n + n/2
	// Persons: the full form at scores 1, most-1 and in between (one
	// pattern, several groups, the extremes far from the common tilt), and
	// forms less one item at other scores.
	person := func(skip, score int) []int {
		row := make([]int, n)
		left := score
		for i := range row {
			if i == skip {
				row[i] = -1
				continue
			}
			row[i] = min(left, d.Items[i].Categories)
			left -= row[i]
		}
		// spread the points: move some to the end
		for i := 0; i < n/2 && row[i] > 0; i += 3 {
			j := n - 1 - i
			if j != skip && row[j] < d.Items[j].Categories {
				row[i]--
				row[j]++
			}
		}
		return row
	}
	for _, r := range []int{1, most - 1, most / 3} {
		d.Responses = append(d.Responses, person(-1, r))
	}
	d.Responses = append(d.Responses, person(5, 2), person(17, most-4))
	ds, err := collect(d)
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(ds)
	if err := e.eval(tau, true); err != nil {
		t.Fatal(err)
	}
	deferred := 0
	for _, pa := range e.parts {
		deferred += pa.deferred
	}
	if deferred == 0 {
		t.Errorf("no group was far enough from its pattern's tilt to be computed apart: the test misses its aim")
	}
	want := 0.0
	for _, pr := range ds.persons {
		pt := ds.patterns[pr.pattern]
		row := d.Responses[pr.p]
		for _, i := range pt.items {
			want -= e.eta[i][row[i]]
		}
		want -= logGamma(pt.items, e.eta, pt.groups[pr.group].score)
	}
	if math.Abs(e.loglik-want) > 1e-9*math.Abs(want) {
		t.Errorf("log-likelihood %.12g, log-space recursion %.12g", e.loglik, want)
	}
	g, info := e.tauDerivatives()
	loglik := func(x []float64) float64 {
		f := newEngine(ds)
		if err := f.eval(x, false); err != nil {
			t.Fatal(err)
		}
		return f.loglik
	}
	const h = 1e-4
	for _, f := range []int{0, 1, 2, 200, len(tau) - 1} {
		x := append([]float64(nil), tau...)
		x[f] += h
		up := loglik(x)
		x[f] -= 2 * h
		num := (up - loglik(x)) / (2 * h)
		if math.Abs(num-g[f]) > 1e-5*(1+math.Abs(g[f])) {
			t.Errorf("∂L/∂τ[%d] = %g, difference quotient %g", f, g[f], num)
		}
	}
	// Columns of the information against differences of the gradient.
	grad := func(x []float64) []float64 {
		f := newEngine(ds)
		if err := f.eval(x, true); err != nil {
			t.Fatal(err)
		}
		g, _ := f.tauDerivatives()
		return g
	}
	M := len(tau)
	for _, j := range []int{0, 2} {
		x := append([]float64(nil), tau...)
		x[j] += 1e-5
		up := grad(x)
		x[j] -= 2e-5
		down := grad(x)
		for f := range M {
			num := -(up[f] - down[f]) / 2e-5
			if math.Abs(num-info[f*M+j]) > 1e-8 {
				t.Errorf("information[%d,%d] = %g, difference quotient of the gradient %g", f, j, info[f*M+j], num)
			}
		}
	}
	for _, v := range info {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatal("information not finite")
		}
	}
}
