package irt

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
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
