package bank

import (
	"strings"
	"testing"
)

// A bank that declares languages: [id] is written in Indonesian only: its
// texts lack no translation. Without it, each English text is missing.
func TestDeclaredLanguages(t *testing.T) {
	src := `format: asnskill/bank/v1
id: hanya-id
version: 1.0.0
languages: [id]
title: Bank berbahasa Indonesia
summary: Hanya teks Indonesia.
skills:
  - id: s1
    name: Satu
    target_level: 2
    recommendations:
      - {for_levels: [1], kind: course, title: Kursus, url: "https://example.org/k"}
questions:
  - id: q1
    skill: s1
    prompt: Soal satu?
    options:
      - {text: Ya, correct: true}
      - {text: Tidak}
    explanation: Karena.
`
	count := func(src string) int {
		_, ds := Decode("b.yaml", []byte(src))
		n := 0
		for _, d := range ds {
			if d.Code == "missing-translation" {
				n++
			}
		}
		return n
	}
	if n := count(src); n != 0 {
		t.Errorf("languages: [id] still warns %d time(s)", n)
	}
	if n := count(strings.Replace(src, "languages: [id]\n", "", 1)); n == 0 {
		t.Error("without languages:, the missing English texts are not reported")
	}
	if _, ds := Decode("b.yaml", []byte(strings.Replace(src, "[id]", "[id, fr]", 1))); !ds.HasErrors() {
		t.Error("an unknown language in languages: is accepted")
	}
}
