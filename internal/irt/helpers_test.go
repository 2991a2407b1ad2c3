package irt

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// bank is a set of items with known thresholds, to simulate from.
type bank struct {
	items []Item
	tau   [][]float64
}

// newBank draws n items whose highest categories cycle through cats, with
// locations spread over [-2, 2] and steps about a logit apart.
func newBank(rng *rand.Rand, n int, cats []int) bank {
	var b bank
	for i := range n {
		m := cats[i%len(cats)]
		b.items = append(b.items, Item{ID: fmt.Sprintf("Q%03d", i+1), Categories: m})
		loc := -2 + 4*rng.Float64()
		t := make([]float64, m)
		for k := range m {
			t[k] = loc + (float64(k)-float64(m-1)/2)*(0.6+0.8*rng.Float64())
		}
		b.tau = append(b.tau, t)
	}
	return b
}

// centred returns the bank's thresholds shifted to a mean of 0.
func (b bank) centred() [][]float64 {
	s, n := 0.0, 0
	for _, t := range b.tau {
		for _, v := range t {
			s += v
			n++
		}
	}
	out := make([][]float64, len(b.tau))
	for i, t := range b.tau {
		for _, v := range t {
			out[i] = append(out[i], v-s/float64(n))
		}
	}
	return out
}

// respond draws a category of item i for ability theta under the partial
// credit model.
func (b bank) respond(rng *rand.Rand, i int, theta float64) int {
	m := len(b.tau[i])
	w := make([]float64, m+1)
	eta, sum := 0.0, 0.0
	for k := 0; k <= m; k++ {
		if k > 0 {
			eta += b.tau[i][k-1]
		}
		w[k] = math.Exp(float64(k)*theta - eta)
		sum += w[k]
	}
	u := rng.Float64() * sum
	for k := range m {
		if u < w[k] {
			return k
		}
		u -= w[k]
	}
	return m
}

// simulate draws persons of ability N(0, sd²): each takes a random form of
// form items (all items when form is 0), and any response is then missing
// with probability missing.
func (b bank) simulate(rng *rand.Rand, persons, form int, sd, missing float64) Data {
	d := Data{Items: b.items}
	n := len(b.items)
	for range persons {
		theta := sd * rng.NormFloat64()
		row := make([]int, n)
		for i := range row {
			row[i] = -1
		}
		take := rng.Perm(n)
		if form > 0 {
			take = take[:form]
		}
		for _, i := range take {
			if rng.Float64() >= missing {
				row[i] = b.respond(rng, i, theta)
			}
		}
		d.Responses = append(d.Responses, row)
	}
	return d
}

// finite reports whether every figure of r is a finite number.
func finite(r Result) bool {
	ok := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if !ok(r.LogLik) {
		return false
	}
	for _, it := range r.Items {
		for k := range it.Thresholds {
			if !ok(it.Thresholds[k]) || !ok(it.SE[k]) {
				return false
			}
		}
		if !ok(it.Infit) || !ok(it.Outfit) {
			return false
		}
	}
	return true
}
