package tui

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/session"
)

// evil carries, in YAML escapes: a CSI that clears the screen, an OSC 52
// clipboard write, an OSC 8 hyperlink, a BEL, a C1 CSI, a right-to-left
// override and a zero-width joiner.
const evil = `\e[2J\e[H\e]52;c;ZWNobyBwd25lZA==\a\e]8;;https://evil.example\e\\klik\e]8;;\e\\\a\x9b31m\u202Eevil\u200D`

var hostileYAML = strings.ReplaceAll(`format: asnskill/bank/v1
id: jahat
version: 1.0.0
title: "Peran EVIL"
summary: "Ringkasan EVIL **tebal EVIL** [tautan EVIL](https://example.org/EVIL)"
levels:
  - {level: 1, min: 0, name: "Dasar EVIL"}
  - {level: 2, min: 50, name: "Mahir EVIL"}
skills:
  - id: s1
    name: "Keterampilan EVIL"
    target_level: 2
    recommendations:
      - for_levels: [1]
        kind: course
        title: "Kursus EVIL"
        provider: "Penyedia EVIL"
        url: "https://example.org/EVIL"
        why: "Karena EVIL"
questions:
  - id: q1
    skill: s1
    prompt: "Soal EVIL`+"\n```\nkode EVIL\n```"+`"
    options:
      - text: "Pilihan EVIL"
        correct: true
        feedback: "Umpan balik EVIL"
      - text: "Lain EVIL"
        feedback: "Salah EVIL"
    explanation: "Pembahasan EVIL"
    references: ["Rujukan EVIL"]
  - id: q2
    skill: s1
    type: multiple
    prompt: "Ganda EVIL"
    options:
      - {text: "A EVIL", correct: true}
      - {text: "B EVIL"}
      - {text: "C EVIL", correct: true}
    explanation: "Pembahasan EVIL"
  - id: q3
    skill: s1
    prompt: "Ketiga EVIL"
    options:
      - text: "Ya EVIL"
        correct: true
      - text: "Tidak EVIL"
    explanation: "Pembahasan EVIL"
`, "EVIL", evil)

func hostileBank(t testing.TB) *bank.Bank {
	t.Helper()
	b, diags := bank.Decode("jahat.yaml", []byte(hostileYAML))
	if b == nil {
		t.Fatalf("the hostile bank does not decode: %v", diags)
	}
	if !strings.Contains(b.Questions[0].Prompt.Get("id"), "\x1b]52;") || !strings.Contains(b.Title.Get("id"), "\u202e") {
		t.Fatalf("the hostile bank lost its escapes: %q", b.Title.Get("id"))
	}
	return b // with its lint errors ignored
}

var (
	// sgr is the only escape sequence the program itself writes in a view.
	sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)
	// unsafe is what must never come from content.
	unsafe = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
)

func assertHarmless(t *testing.T, where, out string) {
	t.Helper()
	rest := sgr.ReplaceAllString(out, "")
	if loc := unsafe.FindStringIndex(rest); loc != nil {
		lo, hi := max(0, loc[0]-30), min(len(rest), loc[1]+30)
		t.Errorf("%s: an unsafe character reached the output: %q", where, rest[lo:hi])
	}
	if !strings.Contains(out, `\x1b`) {
		t.Errorf("%s: the escape is not shown as text", where)
	}
}

// allViews drives every screen of a quiz on b and returns each view.
func allViews(t *testing.T, b *bank.Bank, r *lipgloss.Renderer, color bool, mode session.Mode) map[string]string {
	views := map[string]string{}
	clk := newClock()
	m := New(Config{Banks: []*bank.Bank{b}, Options: session.Options{Mode: mode, Seed: 2}, Lang: "id", SelfRate: true, TickEvery: time.Nanosecond,
		Color: color, Renderer: r, Now: clk.Now})
	m.Update(tea.WindowSizeMsg{Width: 70, Height: 40})
	snap := func(name string) { views[name] = m.View() }
	snap("picker")
	press(m, "enter")
	snap("start")
	press(m, "enter")
	snap("selfrate")
	press(m, "2", "enter")
	snap("question")
	press(m, "b", "enter")
	snap("after first answer")
	if mode == session.Exam {
		press(m, "f", "g")
		snap("grid")
		press(m, "esc", "s")
		snap("review")
		press(m, "s")
	} else {
		press(m, "enter", "a", "enter")
		snap("feedback")
		press(m, "enter")
	}
	snap("result")
	press(m, "end")
	snap("result end")
	press(m, "r")
	snap("answers")
	press(m, "right")
	snap("answers 2")
	press(m, "?")
	snap("help")
	return views
}

func TestHostileBankNeverReachesTheTerminal(t *testing.T) {
	b := hostileBank(t)
	for _, mode := range []session.Mode{session.Practice, session.Exam} {
		// Without colour, no escape at all may appear.
		for name, v := range allViews(t, b, nil, true, mode) {
			if strings.ContainsRune(v, '\x1b') {
				t.Errorf("%s %s: an escape in a view without colour", mode, name)
			}
			assertHarmless(t, string(mode)+" "+name, v)
		}
		// With colour, only the program's own SGR sequences.
		r := lipgloss.NewRenderer(&bytes.Buffer{})
		r.SetColorProfile(termenv.TrueColor)
		for name, v := range allViews(t, b, r, true, mode) {
			if !sgr.MatchString(v) {
				t.Errorf("%s %s: no colour at all with a colour renderer", mode, name)
			}
			assertHarmless(t, string(mode)+" colour "+name, v)
		}
	}

	// The line mode, text and JSON.
	for _, asJSON := range []bool{false, true} {
		s, err := session.New(b, session.Options{Seed: 1, Lang: "id", NoShuffle: true}) // B is wrong: a gap to recommend for
		if err != nil {
			t.Fatal(err)
		}
		var out, res bytes.Buffer
		if _, err := RunPlain(s, PlainOptions{In: strings.NewReader("B\nB\nB\n"), Out: &out, Result: &res, JSON: asJSON, Lang: "id", Now: newClock().Now}); err != nil {
			t.Fatal(err)
		}
		assertHarmless(t, "line mode", out.String())
		if strings.ContainsRune(res.String(), '\x1b') || unsafe.MatchString(res.String()) {
			t.Errorf("line mode result (json %v) carries an escape:\n%q", asJSON, res.String())
		}
		if !strings.Contains(res.String(), "Kursus") {
			t.Errorf("the result has no recommendation: the test proves little\n%s", res.String())
		}
		if asJSON {
			// The JSON still decodes to the bank's text, byte for byte.
			var back struct{ Recommendations []struct{ Title string } }
			if err := json.Unmarshal(res.Bytes(), &back); err != nil || back.Recommendations[0].Title != b.Skills[0].Recommendations[0].Title.Get("id") {
				t.Errorf("the JSON changed the text: %v %q", err, back.Recommendations)
			}
		}
	}
}
