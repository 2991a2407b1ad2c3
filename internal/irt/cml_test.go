package irt

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// reference is one data set written by testdata/erm-reference.R with
// eRm's estimates.
type reference struct {
	Description string `json:"description"`
	Model       string `json:"model"`
	Items       []struct {
		ID         string `json:"id"`
		Categories int    `json:"categories"`
	} `json:"items"`
	Responses [][]int `json:"responses"`
	Erm       struct {
		LogLik            float64     `json:"loglik"`
		BetaPar           []float64   `json:"betapar"`
		SEBeta            []float64   `json:"se_beta"`
		Thresholds        [][]float64 `json:"thresholds"`
		ThresholdsCentred [][]float64 `json:"thresholds_centred"`
		SECentred         [][]float64 `json:"se_centred"`
		Outfit            []float64   `json:"outfit"`
		Infit             []float64   `json:"infit"`
		FitExcluded       int         `json:"fit_persons_excluded"`
	} `json:"erm"`
}

func loadReference(t testing.TB, name string) (reference, Data) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	var d Data
	for _, it := range ref.Items {
		d.Items = append(d.Items, Item{ID: it.ID, Categories: it.Categories})
	}
	d.Responses = ref.Responses
	return ref, d
}

// maxDiff returns the largest absolute difference between a and b, item by
// item, and fails when the shapes differ.
func maxDiff(t *testing.T, what string, got, want [][]float64) float64 {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d items, eRm %d", what, len(got), len(want))
	}
	d := 0.0
	for i := range got {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("%s: item %d has %d values, eRm %d", what, i, len(got[i]), len(want[i]))
		}
		for k := range got[i] {
			d = math.Max(d, math.Abs(got[i][k]-want[i][k]))
		}
	}
	return d
}

// TestAgainstERm compares the estimates with eRm's on the two data sets of
// testdata/erm-reference.R. Thresholds: eRm's shifted to a mean of 0 (a
// common shift of all thresholds is the only freedom). Standard errors:
// for RM eRm's constraint (easiness parameters summing to 0) is ours, and
// its se.beta are compared as they are. For PCM eRm makes the cumulative
// item-category parameters sum to 0, a different constraint, so its
// threshold standard errors differ from ours; the centred thresholds are
// contrasts, whose covariance is the same under any identifying
// constraint, so the script computes their standard errors from eRm's own
// covariance matrix (C T W H⁻¹ Wᵀ Tᵀ Cᵀ) and those are compared exactly.
func TestAgainstERm(t *testing.T) {
	for _, name := range []string{"rasch-missing.json", "pcm.json"} {
		t.Run(name, func(t *testing.T) {
			ref, d := loadReference(t, name)
			res, err := CML(d, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Converged {
				t.Fatalf("not converged after %d iterations", res.Iterations)
			}
			var th, se [][]float64
			for _, it := range res.Items {
				th = append(th, it.Thresholds)
				se = append(se, it.SE)
			}
			dTh := maxDiff(t, "thresholds", th, ref.Erm.ThresholdsCentred)
			dSE := maxDiff(t, "standard errors", se, ref.Erm.SECentred)
			dLL := math.Abs(res.LogLik - ref.Erm.LogLik)
			var dOut, dIn float64
			for i, it := range res.Items {
				dOut = math.Max(dOut, math.Abs(it.Outfit-ref.Erm.Outfit[i]))
				dIn = math.Max(dIn, math.Abs(it.Infit-ref.Erm.Infit[i]))
			}
			t.Logf("%s: %d iterations; max |Δ| thresholds %.2g, SE %.2g, loglik %.2g, outfit %.2g, infit %.2g; persons %d, excluded %d (eRm's fit: %d)",
				ref.Model, res.Iterations, dTh, dSE, dLL, dOut, dIn, res.Persons, res.Excluded, ref.Erm.FitExcluded)
			if dTh > 1e-3 {
				t.Errorf("thresholds differ from eRm's by %g", dTh)
			}
			if dSE > 1e-3 {
				t.Errorf("standard errors differ from eRm's by %g", dSE)
			}
			if ref.Model == "RM" {
				// eRm's sum-zero constraint on the Rasch easiness parameters
				// is ours: its se.beta are the standard errors as they are.
				var dBeta, dSEBeta float64
				for i, it := range res.Items {
					dBeta = math.Max(dBeta, math.Abs(it.Thresholds[0]+ref.Erm.BetaPar[i]))
					dSEBeta = math.Max(dSEBeta, math.Abs(it.SE[0]-ref.Erm.SEBeta[i]))
				}
				t.Logf("RM: max |Δ| difficulty vs −betapar %.2g, SE vs se.beta %.2g", dBeta, dSEBeta)
				if dBeta > 1e-3 || dSEBeta > 1e-3 {
					t.Errorf("Rasch difficulties or standard errors differ from eRm's betapar/se.beta by %g, %g", dBeta, dSEBeta)
				}
			}
			// eRm's likelihood is the same conditional likelihood (its
			// extreme persons contribute log 1 = 0), and its fit statistics
			// use the same maximum likelihood abilities.
			if dLL > 1e-4*math.Abs(ref.Erm.LogLik) {
				t.Errorf("log-likelihood %g, eRm %g", res.LogLik, ref.Erm.LogLik)
			}
			if dOut > 1e-3 || dIn > 1e-3 {
				t.Errorf("mean squares differ from eRm's itemfit by %g (outfit), %g (infit)", dOut, dIn)
			}
			if res.Excluded != ref.Erm.FitExcluded {
				t.Errorf("%d persons set aside, eRm %d", res.Excluded, ref.Erm.FitExcluded)
			}
		})
	}
}

// thresholds returns the estimates item by item.
func thresholds(r Result) [][]float64 {
	var out [][]float64
	for _, it := range r.Items {
		out = append(out, it.Thresholds)
	}
	return out
}

// checkRecovery compares estimates with the true centred thresholds: every
// one within 3.5 standard errors, and the mean squared z near 1 (so that
// the standard errors are right too). With fit, the mean squares must be
// near 1 as well: only on long enough forms, as abilities estimated from
// few items follow the responses and make the mean squares small.
func checkRecovery(t *testing.T, res Result, b bank, fit bool) {
	t.Helper()
	want := b.centred()
	var z2 float64
	var n int
	worst := 0.0
	for i, it := range res.Items {
		for k, got := range it.Thresholds {
			z := (got - want[i][k]) / it.SE[k]
			worst = math.Max(worst, math.Abs(z))
			z2 += z * z
			n++
		}
	}
	t.Logf("%d thresholds: largest |z| %.2f, mean z² %.2f; %d iterations", n, worst, z2/float64(n), res.Iterations)
	if worst > 3.5 {
		t.Errorf("an estimate is %.2f standard errors from the truth", worst)
	}
	if m := z2 / float64(n); m < 0.4 || m > 1.8 {
		t.Errorf("mean squared z %.2f: the standard errors do not match the spread of the estimates", m)
	}
	for _, it := range res.Items {
		if !fit {
			break
		}
		if it.Infit < 0.85 || it.Infit > 1.15 || it.Outfit < 0.8 || it.Outfit > 1.2 {
			t.Errorf("item %s fits the model it was drawn from with infit %.2f, outfit %.2f", it.ID, it.Infit, it.Outfit)
		}
	}
}

func TestRecoveryFixedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := newBank(rng, 16, []int{1, 2, 3})
	d := b.simulate(rng, 3000, 0, 1.2, 0)
	res, err := CML(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Converged {
		t.Fatalf("not converged in %d iterations", res.Iterations)
	}
	checkRecovery(t, res, b, true)
}

func TestRecoveryRandomForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	b := newBank(rng, 30, []int{1, 1, 2})
	// Random forms of 12 of 30 items, and 10% of the rest missing too.
	d := b.simulate(rng, 2500, 12, 1, 0.1)
	res, err := CML(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Converged {
		t.Fatalf("not converged in %d iterations", res.Iterations)
	}
	checkRecovery(t, res, b, false)
}

func TestCentred(t *testing.T) {
	for _, name := range []string{"rasch-missing.json", "pcm.json"} {
		_, d := loadReference(t, name)
		res, err := CML(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sum, n := 0.0, 0
		for _, it := range res.Items {
			for _, v := range it.Thresholds {
				sum += v
				n++
			}
		}
		if math.Abs(sum) > 1e-9 {
			t.Errorf("%s: thresholds sum to %g over %d, want 0", name, sum, n)
		}
	}
}

// The estimates do not depend on the order of the items or the persons.
func TestOrderIrrelevant(t *testing.T) {
	_, d := loadReference(t, "pcm.json")
	res, err := CML(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	perm := rng.Perm(len(d.Items))
	var p Data
	for _, i := range perm {
		p.Items = append(p.Items, d.Items[i])
	}
	for _, r := range rng.Perm(len(d.Responses)) {
		row := make([]int, len(perm))
		for j, i := range perm {
			row[j] = d.Responses[r][i]
		}
		p.Responses = append(p.Responses, row)
	}
	got, err := CML(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for j, i := range perm {
		a, b := res.Items[i], got.Items[j]
		for k := range a.Thresholds {
			if math.Abs(a.Thresholds[k]-b.Thresholds[k]) > 1e-9 || math.Abs(a.SE[k]-b.SE[k]) > 1e-9 {
				t.Errorf("item %s: %v ± %v, reordered %v ± %v", a.ID, a.Thresholds, a.SE, b.Thresholds, b.SE)
			}
		}
		if math.Abs(a.Infit-b.Infit) > 1e-9 || math.Abs(a.Outfit-b.Outfit) > 1e-9 {
			t.Errorf("item %s: fit %v/%v, reordered %v/%v", a.ID, a.Infit, a.Outfit, b.Infit, b.Outfit)
		}
	}
}

// Persons with the same items and score are one group with a count: every
// person twice gives the same estimates with standard errors divided by √2.
func TestDuplicatedPersons(t *testing.T) {
	_, d := loadReference(t, "rasch-missing.json")
	res, err := CML(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d2 := d
	d2.Responses = append(slices.Clone(d.Responses), d.Responses...)
	got, err := CML(d2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Persons != 2*res.Persons || got.Excluded != 2*res.Excluded {
		t.Errorf("persons %d/%d, want %d/%d", got.Persons, got.Excluded, 2*res.Persons, 2*res.Excluded)
	}
	for i, a := range res.Items {
		b := got.Items[i]
		if math.Abs(a.Thresholds[0]-b.Thresholds[0]) > 1e-9 || math.Abs(a.SE[0]/math.Sqrt2-b.SE[0]) > 1e-9 || b.N != 2*a.N {
			t.Errorf("item %s: %v ± %v (N %d), doubled %v ± %v (N %d)", a.ID, a.Thresholds, a.SE, a.N, b.Thresholds, b.SE, b.N)
		}
	}
}

// Persons with extreme scores, or fewer than two items, are set aside and
// counted, and change nothing.
func TestExcluded(t *testing.T) {
	ref, d := loadReference(t, "pcm.json")
	res, err := CML(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(d.Items)
	row := func(f func(i int) int) []int {
		r := make([]int, n)
		for i := range r {
			r[i] = f(i)
		}
		return r
	}
	top := func(i int) int { return d.Items[i].Categories }
	extra := [][]int{
		row(func(int) int { return 0 }),                // all 0
		row(top),                                       // all at the top
		row(func(int) int { return -1 }),               // nothing administered
		row(func(i int) int { return -1 + min(i, 1) }), // item 1 missing, the rest 0
		row(func(i int) int { // top on the items taken, the others missing
			if i%2 == 0 {
				return -1
			}
			return top(i)
		}),
		row(func(i int) int { // one item only, score 1
			if i == 2 {
				return 1
			}
			return -1
		}),
	}
	d2 := d
	d2.Responses = append(slices.Clone(extra), d.Responses...)
	got, err := CML(d2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Excluded != res.Excluded+len(extra) || got.Persons != res.Persons {
		t.Errorf("persons %d, excluded %d; want %d, %d", got.Persons, got.Excluded, res.Persons, res.Excluded+len(extra))
	}
	if res.Persons+res.Excluded != len(d.Responses) || res.Excluded != ref.Erm.FitExcluded {
		t.Errorf("persons %d + excluded %d, of %d (eRm sets aside %d)", res.Persons, res.Excluded, len(d.Responses), ref.Erm.FitExcluded)
	}
	if maxDiff(t, "thresholds", thresholds(got), thresholds(res)) > 1e-12 {
		t.Errorf("persons without information changed the estimates")
	}
	for i, it := range got.Items {
		if it.N != res.Items[i].N || it.Infit != res.Items[i].Infit {
			t.Errorf("item %s: N %d, infit %v; want %d, %v", it.ID, it.N, it.Infit, res.Items[i].N, res.Items[i].Infit)
		}
	}
}

// A disordered item is flagged.
func TestDisordered(t *testing.T) {
	b := bank{
		items: []Item{{ID: "A", Categories: 2}, {ID: "B", Categories: 2}, {ID: "C", Categories: 1}, {ID: "D", Categories: 3}},
		tau:   [][]float64{{-1, 1}, {0.8, -0.8}, {0.3}, {-1.5, 0, 1.2}},
	}
	rng := rand.New(rand.NewPCG(7, 8))
	res, err := CML(b.simulate(rng, 3000, 0, 1, 0), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true, false, false} {
		if res.Items[i].Disordered != want {
			t.Errorf("item %s: thresholds %v, disordered %v", res.Items[i].ID, res.Items[i].Thresholds, res.Items[i].Disordered)
		}
	}
}

func TestMaxIter(t *testing.T) {
	_, d := loadReference(t, "pcm.json")
	res, err := CML(d, Options{MaxIter: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Converged || res.Iterations != 1 || !finite(res) {
		t.Errorf("MaxIter 1: converged %v after %d iterations, finite %v", res.Converged, res.Iterations, finite(res))
	}
}

func TestErrors(t *testing.T) {
	items := func(cats ...int) []Item {
		var it []Item
		for j, c := range cats {
			it = append(it, Item{ID: string(rune('A' + j)), Categories: c})
		}
		return it
	}
	for _, c := range []struct {
		name string
		d    Data
		want string
	}{
		{"no items", Data{}, "no items"},
		{"categories", Data{Items: []Item{{ID: "A"}}}, `item "A": highest category 0`},
		{"duplicate id", Data{Items: []Item{{ID: "A", Categories: 1}, {ID: "A", Categories: 1}}}, `same id "A"`},
		{"row length", Data{Items: items(1, 1), Responses: [][]int{{1}}}, "person 1 has 1 responses"},
		{"category range", Data{Items: items(1, 1), Responses: [][]int{{1, 2}}}, `person 1, item "B": category 2 outside 0..1`},
		{"nobody answered", Data{Items: items(1, 1, 1), Responses: [][]int{{1, 0, -1}, {0, 1, -1}}}, `item "C" was answered by nobody`},
		{"only extreme", Data{Items: items(1, 1, 1), Responses: [][]int{{1, 0, -1}, {0, 1, -1}, {1, 1, 1}}}, `item "C" was answered only by persons set aside`},
		{"nobody kept", Data{Items: items(1, 1), Responses: [][]int{{1, 1}, {0, 0}, {1, -1}}}, "no person has a score"},
		{"top unused", Data{Items: items(1, 2), Responses: [][]int{{1, 0}, {0, 1}, {1, 1}}}, `item "B": category 2 (the top one, of 0..2)`},
		{"bottom unused", Data{Items: items(1, 2, 1), Responses: [][]int{{1, 1, 0}, {0, 2, 1}, {0, 1, 0}, {1, 2, 0}}}, `item "B": category 0 (the bottom one`},
		{"middle unused", Data{Items: items(1, 2), Responses: [][]int{{1, 0}, {0, 2}, {1, 0}, {0, 2}}}, `item "B": category 1 (the middle one`},
		{"not linked", Data{Items: items(1, 1, 1, 1), Responses: [][]int{{1, 0, -1, -1}, {0, 1, -1, -1}, {-1, -1, 1, 0}, {-1, -1, 0, 1}}}, `items "C", "D" are not linked`},
		{"singular", Data{Items: items(2, 3), Responses: [][]int{{1, 1}, {2, -1}, {0, 2}, {2, 0}, {1, 3}, {-1, -1}, {0, 2}, {2, 2}, {1, 1}, {-1, -1}, {1, 2}}}, "the information matrix is singular"},
		{"diverges", Data{Items: items(1, 1, 3, 1), Responses: [][]int{{1, 0, 2, 1}, {0, 1, 0, -1}, {0, 0, 1, -1}, {-1, 0, 2, 0}, {1, 1, 3, -1}, {1, 1, 2, -1}, {0, 0, 2, 0}, {1, 0, 3, -1}, {1, 0, 3, -1}, {-1, 1, 3, 1}}}, "the estimates do not converge"},
		{"infinitely easy", Data{Items: items(1, 1, 1, 1), Responses: [][]int{{0, 1, 0, 0}, {1, 0, 0, 0}, {1, 1, 1, 0}, {1, 1, 0, 1}}}, `items "A", "B" have no finite estimates`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := CML(c.d, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
		})
	}
}
