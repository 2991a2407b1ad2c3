package bank

import (
	"fmt"
	"testing"
)

func TestIRTFieldsDecode(t *testing.T) {
	src := `format: asnskill/bank/v1
id: kalibrasi
version: 1.0.0
title: {id: K, en: K}
summary: {id: K., en: K.}
calibration: {date: "2026-12-01", sample_size: 412, method: "CML, partial credit model"}
skills:
  - id: s
    name: {id: S, en: S}
    target_level: 1
    recommendations: []
questions:
  - id: q1
    skill: s
    prompt: {id: "Q?", en: "Q?"}
    irt: {thresholds: [-0.25], se: [0.11]}
    explanation: {id: K., en: K.}
    options:
      - {text: {id: a, en: a}, correct: true}
      - {text: {id: b, en: b}}
  - id: q2
    skill: s
    type: judgement
    prompt: {id: "J?", en: "J?"}
    irt: {thresholds: [-1, 0.2, 1.1]}
    explanation: {id: K., en: K.}
    options:
      - {text: {id: a, en: a}, score: 1}
      - {text: {id: b, en: b}, score: 3}
      - {text: {id: c, en: c}, score: 5}
      - {text: {id: d, en: d}, score: 3}
      - {text: {id: e, en: e}, score: 4}
`
	b, ds := Decode("k.yaml", []byte(src))
	if ds.HasErrors() || b == nil {
		t.Fatalf("%v", ds)
	}
	if c := b.Calibration; c == nil || c.Date != "2026-12-01" || c.SampleSize != 412 {
		t.Errorf("calibration %+v", c)
	}
	q1, q2 := b.Question("q1"), b.Question("q2")
	if fmt.Sprint(q1.IRT.Thresholds, q1.IRT.SE) != "[-0.25] [0.11]" || q2.Categories() != 3 || len(q2.IRT.SE) != 0 {
		t.Errorf("irt %+v %+v (categories %d)", q1.IRT, q2.IRT, q2.Categories())
	}
}
