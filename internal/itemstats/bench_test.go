package itemstats

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchSheet is 100 questions of mixed kinds (fractional totals: thousands
// of distinct totals) and 4096 distinct rows, to be cycled.
func benchSheet() sheet { return generate(42, 4096, 100, []string{"f", "r", ""}, -1, 0) }

// onePointSheet is 100 one-point single-answer questions (totals 0..100),
// the common case, and 4096 distinct rows.
func onePointSheet() sheet {
	rng := rand.New(rand.NewPCG(42, 1))
	s := sheet{items: single(strings.Repeat("A", 100), 4)}
	for i := range 4096 {
		theta := rng.NormFloat64()
		r := Row{Earned: make([]float64, 100), Chosen: make([]uint8, 100), Group: []string{"f", "r", ""}[i%3]}
		for j := range 100 {
			b := -2 + 4*float64(j)/99
			switch {
			case rng.Float64() < 0.03:
			case rng.Float64() < 1/(1+math.Exp(b-theta)):
				r.Earned[j], r.Chosen[j] = 1, 1
			default:
				r.Chosen[j] = 1 << (1 + rng.IntN(3))
			}
		}
		s.rows = append(s.rows, r)
	}
	return s
}

// BenchmarkAdd measures Add on 100-question tests, once every total and
// value has been seen; the budget is set by whole commands (stats within 3×
// of reading the CSV), this is its core.
func BenchmarkAdd(b *testing.B) {
	for _, bc := range []struct {
		name  string
		sheet func() sheet
	}{{"one-point", onePointSheet}, {"mixed", benchSheet}} {
		b.Run(bc.name, func(b *testing.B) {
			s := bc.sheet()
			a := mustNew(b, Config{Items: s.items, Group: "g", Focal: "f"})
			for _, r := range s.rows {
				mustAdd(b, a, r)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := a.Add(s.rows[i&4095]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkReport measures Report after 100,000 rows of 100 questions.
func BenchmarkReport(b *testing.B) {
	s := benchSheet()
	a := mustNew(b, Config{Items: s.items, Group: "g", Focal: "f"})
	for i := range 100_000 {
		mustAdd(b, a, s.rows[i&4095])
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Report()
	}
}

// TestAddDoesNotAllocate: once totals and values have been seen, Add
// allocates nothing.
func TestAddDoesNotAllocate(t *testing.T) {
	s := generate(7, 512, 40, []string{"f", "r", ""}, -1, 0)
	a := mustNew(t, Config{Items: s.items, Group: "g", Focal: "f"})
	for _, r := range s.rows {
		mustAdd(t, a, r)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		_ = a.Add(s.rows[i%len(s.rows)])
		i++
	})
	if allocs != 0 {
		t.Errorf("Add allocates %v times per row", allocs)
	}
}
