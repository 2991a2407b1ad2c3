package itemstats

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// A Rasch test of 20 one-point items taken by 4000 candidates, half of them
// in the focal group, of equal ability distributions; item 7 is 1.5 logits
// harder for the focal group (Δ_MH ≈ −2.35·1.5). It alone is category C.
func TestDIFPlanted(t *testing.T) {
	const (
		n, k    = 4000, 20
		planted = 7
		shift   = 1.5
	)
	rng := rand.New(rand.NewPCG(2026, 11))
	items := make([]Item, k)
	b := make([]float64, k)
	for j := range items {
		items[j] = Item{ID: "q" + strconv.Itoa(j+1), Skill: "s", Points: 1, Options: 4, Key: []bool{true, false, false, false}}
		b[j] = -1.5 + 3*float64(j)/float64(k-1)
	}
	a := mustNew(t, Config{Items: items, Group: "region", Focal: "f"})
	for i := range n {
		g := "r"
		if i%2 == 1 {
			g = "f"
		}
		theta := rng.NormFloat64()
		r := Row{Earned: make([]float64, k), Chosen: make([]uint8, k), Group: g}
		for j := range items {
			bj := b[j]
			if j == planted && g == "f" {
				bj += shift
			}
			if rng.Float64() < 1/(1+math.Exp(-(theta-bj))) {
				r.Earned[j], r.Chosen[j] = 1, 1
			} else {
				r.Chosen[j] = 1 << (1 + rng.IntN(3))
			}
		}
		mustAdd(t, a, r)
	}
	rep := a.Report()
	checkReport(t, rep)
	if s := rep.DIF; s.Reference != n/2 || s.FocalN != n/2 || s.Excluded != 0 {
		t.Errorf("summary %+v", s)
	}
	for j, q := range rep.Questions {
		d := q.DIF
		if j == planted {
			if d.Category != CategoryC || !hasFlag(q, FlagDIFC) {
				t.Errorf("%s: category %q flags %v, want C", q.ID, d.Category, q.Flags)
			}
			if !near(d.DeltaMH, -2.35*shift, 0.25) {
				t.Errorf("%s: Δ_MH %s, want about %.2f", q.ID, fmtNum(d.DeltaMH), -2.35*shift)
			}
			if d.P == nil || *d.P > 1e-6 {
				t.Errorf("%s: p %s", q.ID, fmtNum(d.P))
			}
			continue
		}
		if d.Category == CategoryC || hasFlag(q, FlagDIFC) {
			t.Errorf("%s: clean item is C (Δ %s, p %s, se %s)", q.ID, fmtNum(d.DeltaMH), fmtNum(d.P), fmtNum(d.SEDelta))
		}
	}
}

// The ETS rule on stratum tables built by hand.
func TestDIFCategories(t *testing.T) {
	// One item; every candidate's total is 0 or 1, so the strata are the
	// item itself — useless for DIF. Use a second, matching item instead:
	// strata by the total of both.
	items := single("AA", 2)
	build := func(rows []struct {
		g   string
		ans string
		n   int
	}) Report {
		a := mustNew(t, Config{Items: items, Group: "g", Focal: "f"})
		for _, r := range rows {
			for range r.n {
				mustAdd(t, a, letterRow(items, r.ans, r.g))
			}
		}
		rep := a.Report()
		checkReport(t, rep)
		return rep
	}
	type row = struct {
		g   string
		ans string
		n   int
	}
	// Balanced: the same shares right in both groups in every stratum.
	rep := build([]row{{"r", "AB", 50}, {"r", "BA", 50}, {"f", "AB", 50}, {"f", "BA", 50}, {"r", "AA", 20}, {"f", "AA", 20}, {"r", "BB", 20}, {"f", "BB", 20}})
	if d := rep.Questions[0].DIF; d.Category != CategoryA || !near(d.AlphaMH, 1, 1e-12) || !near(d.DeltaMH, 0, 1e-12) {
		t.Errorf("balanced: %+v", d)
	}
	// In stratum 1 the focal group is mostly right on q2 instead of q1.
	rep = build([]row{{"r", "AB", 80}, {"r", "BA", 20}, {"f", "AB", 20}, {"f", "BA", 80}, {"r", "AA", 20}, {"f", "AA", 20}, {"r", "BB", 20}, {"f", "BB", 20}})
	d := rep.Questions[0].DIF
	// Stratum 1 alone carries information: α = (80·80/200)/(20·20/200) = 16.
	if d.Category != CategoryC || !near(d.AlphaMH, 16, 1e-12) || !near(d.DeltaMH, -2.35*math.Log(16), 1e-12) {
		t.Errorf("q1 against the focal group: category %q α %s Δ %s", d.Category, fmtNum(d.AlphaMH), fmtNum(d.DeltaMH))
	}
	if d2 := rep.Questions[1].DIF; d2.Category != CategoryC || *d2.DeltaMH <= 0 {
		t.Errorf("q2 for the focal group: %+v", d2)
	}
	// χ² by hand for stratum 1: A = 80, E = 100·100/200 = 50, Var =
	// 100·100·100·100/(200²·199); (|30| − 0.5)²/Var.
	v := 1e8 / (40000 * 199.0)
	checkNum(t, "chi2", d.Chi2, 29.5*29.5/v, 1e-12)
	checkNum(t, "p", d.P, math.Erfc(math.Sqrt(29.5*29.5/v/2)), 1e-12)
	// Phillips–Holland: (80·80 + 16·20·20)(80 + 80 + 16·40)/200² ÷ (2·32²).
	ph := (6400 + 16*400.0) * (160 + 16*40.0) / 40000 / (2 * 32 * 32)
	checkNum(t, "se_delta", d.SEDelta, 2.35*math.Sqrt(ph), 1e-12)
}
