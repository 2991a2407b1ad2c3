package calibrate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/simulate"
)

// A bank of 8 single, 2 judgement and 2 multiple-answer questions, with
// comments that --write must keep.
func bankYAML() string {
	var b strings.Builder
	b.WriteString(`# yaml-language-server: $schema=bank.schema.json
# Bank uji kalibrasi: komentar ini harus tetap ada.
format: asnskill/bank/v1
id: uji-kalibrasi
version: 1.0.0
title: {id: Uji, en: Test}
summary: {id: Bank uji., en: Test bank.}
skills:
  - id: s
    name: {id: Satu, en: One}
    target_level: 2
    recommendations:
      - {for_levels: [1], kind: course, title: {id: Kursus, en: Course}}
questions:
`)
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "  # soal %d\n  - id: q%d\n    skill: s\n    difficulty: %d\n    prompt: {id: \"S%d?\", en: \"Q%d?\"}\n    explanation: {id: K., en: B.}\n    options:\n", i+1, i+1, 1+i%3, i, i)
		for o := 0; o < 4; o++ {
			fmt.Fprintf(&b, "      - text: {id: \"p%d\", en: \"o%d\"}\n", o, o)
			if o == i%4 {
				b.WriteString("        correct: true\n")
			}
		}
	}
	for i := 0; i < 2; i++ {
		fmt.Fprintf(&b, "  - id: j%d\n    skill: s\n    type: judgement\n    prompt: {id: \"J%d?\", en: \"J%d?\"}\n    explanation: {id: K., en: B.}\n    options:\n", i+1, i, i)
		for o, sc := range []int{1, 3, 5} {
			fmt.Fprintf(&b, "      - {text: {id: \"p%d\", en: \"o%d\"}, score: %d}\n", o, o, sc)
		}
	}
	for i := 0; i < 2; i++ {
		fmt.Fprintf(&b, "  - id: m%d\n    skill: s\n    type: multiple\n    prompt: {id: \"M%d?\", en: \"M%d?\"}\n    explanation: {id: K., en: B.}\n    options:\n", i+1, i, i)
		for o := 0; o < 4; o++ {
			fmt.Fprintf(&b, "      - {text: {id: \"p%d\", en: \"o%d\"}, correct: %v}\n", o, o, o < 2)
		}
	}
	return b.String()
}

// sheet writes answers of n candidates drawn by the provisional model.
func sheet(t *testing.T, b *bank.Bank, n int, path string) {
	rng := rand.New(rand.NewPCG(7, 7))
	var w bytes.Buffer
	w.WriteString("candidate")
	for _, q := range b.Questions {
		w.WriteString("," + q.ID)
	}
	w.WriteString("\n")
	for c := 0; c < n; c++ {
		theta := rng.NormFloat64()
		fmt.Fprintf(&w, "c%d", c)
		for _, q := range b.Questions {
			it, _ := adaptive.ItemOf(&q)
			var buf [8]float64
			p := it.Probs(theta, buf[:0])
			u, k := rng.Float64(), 0
			for acc := 0.0; k < len(p)-1; k++ {
				if acc += p[k]; u < acc {
					break
				}
			}
			ch := simulate.ChoiceFor(&q, k, rng)
			w.WriteString("," + strings.Join(ch.Letters(), ""))
		}
		w.WriteString("\n")
	}
	if err := os.WriteFile(path, w.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCalibrateAndWrite(t *testing.T) {
	dir := t.TempDir()
	bankPath := filepath.Join(dir, "uji.yaml")
	if err := os.WriteFile(bankPath, []byte(bankYAML()), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := bank.ReadFile(bankPath)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "jawaban.csv")
	sheet(t, b, 600, csv)

	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) },
		LangFlag: "en", BankPaths: []string{bankPath}}
	opts := &Options{F: f, BankRef: bankPath, Files: []string{csv}, Output: cmdutil.NewEnum("json", "table", "json"), Write: true}
	if err := Run(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !rep.Converged || len(rep.Items) != 12 || rep.Persons+rep.Excluded != 600 {
		t.Fatalf("report: converged %v, %d items, %d+%d persons", rep.Converged, len(rep.Items), rep.Persons, rep.Excluded)
	}
	sum, n := 0.0, 0
	for _, it := range rep.Items {
		q := b.Question(it.ID)
		if len(it.Thresholds) != q.Categories() || len(it.SE) != len(it.Thresholds) {
			t.Errorf("%s: %d thresholds for %d categories", it.ID, len(it.Thresholds), q.Categories())
		}
		want := "pcm"
		if q.Type == bank.Single {
			want = "rasch"
		}
		if it.Model != want {
			t.Errorf("%s: model %s", it.ID, it.Model)
		}
		for _, th := range it.Thresholds {
			sum += th
			n++
		}
	}
	if math.Abs(sum/float64(n)) > 1e-5 {
		t.Errorf("thresholds not centred: mean %v", sum/float64(n))
	}
	// The easy single questions came out easier than the hard ones.
	th := func(id string) float64 {
		for _, it := range rep.Items {
			if it.ID == id {
				return it.Thresholds[0]
			}
		}
		return math.NaN()
	}
	if !(th("q1") < th("q3")) { // difficulty 1 vs 3
		t.Errorf("q1 %.2f should be easier than q3 %.2f", th("q1"), th("q3"))
	}
	// --write kept the comments, and the bank still lints, now calibrated.
	src, _ := os.ReadFile(bankPath)
	for _, want := range []string{"# Bank uji kalibrasi: komentar ini harus tetap ada.", "  # soal 3", "calibration: {date: \"2026-12-06\", sample_size: ", "irt: {thresholds: ["} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the written bank lacks %q", want)
		}
	}
	b2, ds := bank.Decode(bankPath, src)
	if ds.HasErrors() || b2 == nil || b2.Calibration == nil || b2.Calibration.SampleSize != rep.Persons {
		t.Fatalf("written bank: %v", ds)
	}
	if e := adaptive.New(b2, adaptive.Config{}); !e.Calibrated {
		t.Error("the adaptive quiz does not see the bank as calibrated")
	}
	// Calibrating again replaces the parameters instead of adding more.
	out.Reset()
	if err := Run(opts); err != nil {
		t.Fatal(err)
	}
	src2, _ := os.ReadFile(bankPath)
	if strings.Count(string(src2), "irt:") != 12 || strings.Count(string(src2), "calibration:") != 1 {
		t.Errorf("a second --write added lines:\n%s", src2)
	}
}
