package bank

import (
	"fmt"
	"strings"
	"testing"
)

// testwiseBank writes a bank of 16 single questions, 4 multiple and 4
// judgement questions; each argument changes one thing, so that one test
// breaks one rule of docs/writing-questions.md and the control breaks none.
type testwise struct {
	keyLongest   bool   // every single key is the longest option
	absolute     bool   // every distractor says "selalu"/"always"
	sameCount    bool   // every multiple question has 2 keys
	duplicate    bool   // question s-16 repeats s-01's scenario
	skeletonText string // put into a recommendation's provider
	oddShape     bool   // the key alone is worded "verdict: reason"
}

func (tw testwise) yaml() string {
	var b strings.Builder
	provider := "BPSDM"
	if tw.skeletonText != "" {
		provider = tw.skeletonText
	}
	fmt.Fprintf(&b, `format: asnskill/bank/v1
id: uji-mutu
version: 1.0.0
title: {id: Uji mutu, en: Quality test}
summary: {id: Bank uji., en: Test bank.}
skills:
  - id: s
    name: {id: Satu, en: One}
    target_level: 2
    recommendations:
      - {for_levels: [1], kind: course, title: {id: Kursus, en: Course}, provider: %q}
questions:
`, provider)
	for i := 0; i < 16; i++ {
		// Every question has words of its own (pseudo-words), so that only
		// the duplicate shares its content.
		qi := i
		if tw.duplicate && i == 15 {
			qi = 0
		}
		words := func(k, n int) string {
			var ws []string
			for j := 0; j < n; j++ {
				ws = append(ws, pseudoWord(qi*100+k*10+j))
			}
			return strings.Join(ws, " ")
		}
		// Options of four lengths (1 to 4 words); the key moves through
		// the ranks unless keyLongest puts it on the longest.
		key := i % 4
		if tw.keyLongest {
			key = 3
		}
		fmt.Fprintf(&b, "  - id: s-%02d\n    skill: s\n    prompt: {id: \"%s?\", en: \"%s?\"}\n    explanation: {id: Karena., en: Because.}\n    options:\n", i+1, words(9, 4), words(8, 4))
		// The letter of the key rotates too, so no letter piles up.
		order := []int{0, 1, 2, 3}
		shift := i % 4
		order = append(order[shift:], order[:shift]...)
		for _, k := range order {
			id, en := words(k, k+1), words(k+4, k+1)
			if tw.absolute && k != key {
				id, en = id+" selalu", en+" always"
			}
			if tw.oddShape && k == key {
				id, en = "Benar: "+id, "Right: "+en
			}
			fmt.Fprintf(&b, "      - text: {id: %q, en: %q}\n", id, en)
			if k == key {
				b.WriteString("        correct: true\n")
			}
		}
	}
	for i := 0; i < 4; i++ {
		keys := 1 + i%4
		if tw.sameCount {
			keys = 2
		}
		fmt.Fprintf(&b, "  - id: m-%d\n    skill: s\n    type: multiple\n    prompt: {id: \"%s?\", en: \"%s?\"}\n    explanation: {id: Karena., en: Because.}\n    options:\n", i+1, pseudoWord(5000+i), pseudoWord(6000+i))
		for k := 0; k < 5; k++ {
			fmt.Fprintf(&b, "      - text: {id: %q, en: %q}\n", pseudoWord(7000+i*10+k), pseudoWord(8000+i*10+k))
			if k < keys {
				b.WriteString("        correct: true\n")
			}
		}
	}
	return b.String()
}

// pseudoWord is a word of letters only, different for every n.
func pseudoWord(n int) string {
	w := []byte("kata")
	for ; n > 0 || len(w) < 6; n /= 20 {
		w = append(w, "bcdfghjklmnprstvwxyz"[n%20])
	}
	return string(w)
}

func warningsOf(t *testing.T, tw testwise) map[string][]Diagnostic {
	t.Helper()
	_, ds := Decode("uji.yaml", []byte(tw.yaml()))
	out := map[string][]Diagnostic{}
	for _, d := range ds {
		if d.Severity == Error {
			t.Fatalf("the test bank has an error: %+v\n%s", d, tw.yaml())
		}
		out[d.Code] = append(out[d.Code], d)
		if d.Line < 1 || d.Col < 1 {
			t.Errorf("%s without a position", d.Code)
		}
	}
	return out
}

var qualityCodes = []string{"length-cue", "absolute-words", "multiple-same-count", "near-duplicate", "skeleton-text", "shape-cue"}

func TestQualityControlBankIsClean(t *testing.T) {
	got := warningsOf(t, testwise{})
	for _, c := range qualityCodes {
		if len(got[c]) > 0 {
			t.Errorf("the control bank gets %d %s, first %+v", len(got[c]), c, got[c][0])
		}
	}
}

func TestQualityWarnings(t *testing.T) {
	cases := []struct {
		name string
		tw   testwise
		code string
		args string // part of the message's arguments, as fmt prints them
	}{
		{"key always longest", testwise{keyLongest: true}, "length-cue", "[id 1 16 16 100]"},
		{"absolute words in distractors", testwise{absolute: true}, "absolute-words", "selalu"},
		{"multiple keys all one count", testwise{sameCount: true}, "multiple-same-count", "[4 2]"},
		{"near duplicate", testwise{duplicate: true}, "near-duplicate", "s-16 s-01"},
		{"skeleton provider", testwise{skeletonText: "Example Academy"}, "skeleton-text", "Example Academy"},
		{"key alone worded differently", testwise{oddShape: true}, "shape-cue", "[id 16 16 100]"},
		{"skeleton url", testwise{skeletonText: "https://example.org/kursus"}, "skeleton-text", "example.org"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := warningsOf(t, c.tw)
			ds := got[c.code]
			if len(ds) == 0 {
				t.Fatalf("no %s warning", c.code)
			}
			if a := fmt.Sprint(ds[0].Args); !strings.Contains(a, strings.Trim(c.args, "[]")) {
				t.Errorf("%s args %s, want %s", c.code, a, c.args)
			}
			for _, other := range qualityCodes {
				if other != c.code && len(got[other]) > 0 && !(c.code == "length-cue" && other == "length-cue") {
					t.Errorf("%s also raised %d %s, first %+v", c.name, len(got[other]), other, got[other][0])
				}
			}
		})
	}
}

func TestLengthRank(t *testing.T) {
	q := Question{Type: Single, Options: []Option{
		{Text: map[string]string{"id": "aa"}}, {Text: map[string]string{"id": "aaaa"}, Correct: true}, {Text: map[string]string{"id": "aaaa"}}, {Text: map[string]string{"id": "aaaaaa"}},
	}}
	if r := LengthRank(&q, "id"); r != 2 {
		t.Errorf("rank %d, want 2 (a tie shares the better rank)", r)
	}
	a := ContentWords(&Question{Prompt: map[string]string{"id": "Data pribadi warga dan data kesehatan"}}, "id")
	b := ContentWords(&Question{Prompt: map[string]string{"id": "Data pribadi pegawai"}}, "id")
	if s := Similarity(a, b); s < 0.39 || s > 0.41 {
		t.Errorf("similarity %v, want 0.4 (data, pribadi shared of data, pribadi, warga, kesehatan, pegawai)", s)
	}
}
