package irt

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkCML calibrates a 105-item bank (highest categories 1, 1, 2, 3
// in turn) from 2,000 persons who each took a random form of 35 items: one
// (set, score) group per person, the costly case.
func BenchmarkCML(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 105))
	bk := newBank(rng, 105, []int{1, 1, 2, 3})
	d := bk.simulate(rng, 2000, 35, 1, 0)
	b.ReportAllocs()
	for b.Loop() {
		res, err := CML(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if !res.Converged {
			b.Fatal("not converged")
		}
	}
}

// BenchmarkCMLRasch is the dichotomous case of the same design.
func BenchmarkCMLRasch(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 106))
	bk := newBank(rng, 105, []int{1})
	d := bk.simulate(rng, 2000, 35, 1, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CML(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
