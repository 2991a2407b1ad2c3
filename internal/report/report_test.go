package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

func hostile(t *testing.T) (*bank.Bank, scoring.Result) {
	t.Helper()
	data, err := os.ReadFile("../bank/testdata/hostile/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := bank.Decode("hostile.yaml", data) // lint errors ignored on purpose
	s, err := scoring.NewScorer(b, []string{"q1"})
	if err != nil {
		t.Fatal(err)
	}
	s.Lang = "id"
	r := s.Score(scoring.Sheet{Candidate: "\x1b]52;c;cm0=\x07ani\u202e", Choices: []scoring.Choice{2}}, true)
	return b, r
}

// No byte sequence from a bank or a result reaches the output unescaped.
func TestHostileTextIsEscaped(t *testing.T) {
	b, r := hostile(t)
	for _, lang := range []string{"id", "en"} {
		for name, render := range map[string]func(*bytes.Buffer) error{
			"text":     func(w *bytes.Buffer) error { return Text(w, &r, Options{Lang: lang, Bank: b, Width: 80}) },
			"markdown": func(w *bytes.Buffer) error { return Markdown(w, &r, Options{Lang: lang, Bank: b}) },
		} {
			var w bytes.Buffer
			if err := render(&w); err != nil {
				t.Fatal(err)
			}
			out := w.String()
			for _, f := range textsafe.Scan(out) {
				t.Errorf("%s/%s: unsafe %U at %d: %q", name, lang, f.Rune, f.Offset, out[max(0, f.Offset-20):min(len(out), f.Offset+20)])
			}
			if !strings.Contains(out, `\x1b`) || !strings.Contains(out, "U+202E") {
				t.Errorf("%s/%s: escapes not shown visibly:\n%s", name, lang, out)
			}
		}
	}
}

func TestTextReport(t *testing.T) {
	data, _ := os.ReadFile("../bank/testdata/valid/contoh-peran.yaml")
	b, _ := bank.Decode("contoh-peran.yaml", data)
	s, _ := scoring.NewScorer(b, []string{"dd-001", "dd-002", "dd-003", "et-001"})
	s.Lang = "en"
	r := s.Score(scoring.Sheet{Candidate: "ani", Choices: []scoring.Choice{2, 1, 2, 1}}, false)
	var w bytes.Buffer
	if err := Text(&w, &r, Options{Lang: "en", Bank: b, Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := w.String()
	for _, want := range []string{
		"Result: Example Role (contoh-peran 1.0.0)",
		"Candidate: ani",
		"✗ Not passed",
		"Ethics: 25.0% is below its pass mark of 50%",
		"Right 2 · Partly right 2 · Wrong 0 · Blank 0",
		"level 3 Proficient, likely 1–5",
		"Ethics ~ not enough evidence",
		"No gap is shown on the skills measured well enough.",
		"answer more questions first",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
}

func TestBar(t *testing.T) {
	if got := Bar(50, 75, 20); got != "██████████░░░░░│░░░░" {
		t.Errorf("Bar = %q", got)
	}
	if got := Bar(100, 0, 4); got != "████" {
		t.Errorf("Bar = %q", got)
	}
}
