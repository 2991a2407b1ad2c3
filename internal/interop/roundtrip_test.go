package interop

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
)

// shippedBanks loads the banks in quizzes/. Banks still being written (that
// do not load) are left out with a note, so this test follows the content.
func shippedBanks(t *testing.T) []*bank.Bank {
	t.Helper()
	files, _ := filepath.Glob("../../quizzes/*.yaml")
	var out []*bank.Bank
	for _, f := range files {
		b, err := bank.ReadFile(f)
		if err != nil {
			t.Logf("%s does not load, left out: %v", f, err)
			continue
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		t.Skip("no shipped bank loads")
	}
	return out
}

// sameQuestions checks that got holds orig's questions, in lang: ids,
// skills, types, prompts, options with their keys, judgement weights
// (score ratios), feedback and explanations.
func sameQuestions(t *testing.T, what string, orig, got *bank.Bank, lang string, points bool) {
	t.Helper()
	if len(got.Questions) != len(orig.Questions) {
		t.Errorf("%s: %d questions, want %d", what, len(got.Questions), len(orig.Questions))
	}
	for i := range orig.Questions {
		o := &orig.Questions[i]
		g := got.Question(o.ID)
		if g == nil {
			t.Errorf("%s: question %s is missing", what, o.ID)
			continue
		}
		where := what + " " + o.ID
		if g.Skill != o.Skill {
			t.Errorf("%s: skill %q, want %q", where, g.Skill, o.Skill)
		}
		if g.Type != o.Type {
			t.Errorf("%s: type %q, want %q", where, g.Type, o.Type)
		}
		if points && g.Points != o.Points {
			t.Errorf("%s: points %g, want %g", where, g.Points, o.Points)
		}
		same(t, where+" prompt", g.Prompt.Get(lang), o.Prompt.Get(lang))
		same(t, where+" explanation", g.Explanation.Get(lang), o.Explanation.Get(lang))
		if len(g.Options) != len(o.Options) {
			t.Errorf("%s: %d options, want %d", where, len(g.Options), len(o.Options))
			continue
		}
		for j := range o.Options {
			oo, go_ := o.Options[j], g.Options[j]
			letter := string(bank.Letters[j])
			same(t, where+" option "+letter, go_.Text.Get(lang), oo.Text.Get(lang))
			same(t, where+" feedback "+letter, go_.Feedback.Get(lang), oo.Feedback.Get(lang))
			if go_.Correct != oo.Correct {
				t.Errorf("%s: option %s correct=%v, want %v", where, letter, go_.Correct, oo.Correct)
			}
			if o.Type == bank.Judgement {
				gr := float64(go_.Score) / float64(g.MaxScore())
				or := float64(oo.Score) / float64(o.MaxScore())
				if d := gr - or; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s: option %s weight %d/%d, want %d/%d", where, letter, go_.Score, g.MaxScore(), oo.Score, o.MaxScore())
				}
			}
		}
	}
}

func same(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestRoundTripShippedBanks(t *testing.T) {
	for _, b := range shippedBanks(t) {
		for _, lang := range []string{"id", "en"} {
			for _, f := range []struct {
				name  string
				write func(*bytes.Buffer) error
				read  func(*bytes.Buffer) (*Result, error)
			}{
				{FormatGIFT, func(w *bytes.Buffer) error { return WriteGIFT(w, b, ExportOptions{Lang: lang}) },
					func(r *bytes.Buffer) (*Result, error) {
						return ReadGIFT(r, ImportOptions{File: b.ID + ".gift", Lang: lang})
					}},
				{FormatMoodleXML, func(w *bytes.Buffer) error { return WriteMoodleXML(w, b, ExportOptions{Lang: lang}) },
					func(r *bytes.Buffer) (*Result, error) {
						return ReadMoodleXML(r, ImportOptions{File: b.ID + ".xml", Lang: lang})
					}},
			} {
				what := b.ID + " " + f.name + " " + lang
				var buf bytes.Buffer
				if err := f.write(&buf); err != nil {
					t.Fatalf("%s: export: %v", what, err)
				}
				res, err := f.read(&buf)
				if err != nil {
					t.Fatalf("%s: import: %v", what, err)
				}
				for _, w := range res.Warnings {
					t.Errorf("%s: unexpected warning %s %v", what, w.Code, w.Args)
				}
				sameQuestions(t, what, b, res.Bank, lang, f.name == FormatMoodleXML)
				if t.Failed() {
					return
				}
			}
		}
	}
}

// A shipped bank written back to YAML decodes to the same bank.
func TestWriteBankShipped(t *testing.T) {
	for _, b := range shippedBanks(t) {
		var buf bytes.Buffer
		if err := WriteBank(&buf, b); err != nil {
			t.Fatal(err)
		}
		got, diags := bank.Decode(b.ID+".yaml", buf.Bytes())
		if diags.HasErrors() {
			t.Fatalf("%s: written bank has errors: %v", b.ID, diags)
		}
		for _, lang := range []string{"id", "en"} {
			sameQuestions(t, b.ID+" yaml", b, got, lang, true)
		}
		if got.Title.Get("en") != b.Title.Get("en") || got.Summary.Get("id") != b.Summary.Get("id") ||
			got.QuizSize != b.QuizSize || got.TimeLimit != b.TimeLimit || got.PassingScore != b.PassingScore ||
			len(got.Skills) != len(b.Skills) || got.License != b.License || len(got.Authors) != len(b.Authors) {
			t.Errorf("%s: bank fields differ after writing", b.ID)
		}
		for i, s := range b.Skills {
			g := got.Skills[i]
			if g.ID != s.ID || g.Weight != s.Weight || g.TargetLevel != s.TargetLevel || len(g.Recommendations) != len(s.Recommendations) ||
				g.Name.Get("en") != s.Name.Get("en") || g.Description.Get("id") != s.Description.Get("id") {
				t.Errorf("%s: skill %s differs after writing", b.ID, s.ID)
			}
			for j, r := range s.Recommendations {
				gr := g.Recommendations[j]
				if gr.Kind != r.Kind || gr.URL != r.URL || gr.Hours != r.Hours || gr.Provider != r.Provider ||
					gr.Title.Get("en") != r.Title.Get("en") || gr.Why.Get("id") != r.Why.Get("id") || len(gr.ForLevels) != len(r.ForLevels) {
					t.Errorf("%s: skill %s recommendation %d differs after writing", b.ID, s.ID, j)
				}
			}
		}
		for i, q := range b.Questions {
			g := got.Questions[i]
			if g.Difficulty != q.Difficulty || len(g.References) != len(q.References) || len(g.Tags) != len(q.Tags) {
				t.Errorf("%s: question %s differs after writing", b.ID, q.ID)
			}
		}
	}
}

// Moodle XML with multilang spans carries both languages: a shipped bank
// exported once and imported back has every question text in Indonesian
// and in English, as it was, and declares no single language.
func TestMultilangRoundTrip(t *testing.T) {
	for _, b := range shippedBanks(t) {
		var buf bytes.Buffer
		if err := WriteMoodleXML(&buf, b, ExportOptions{Lang: "id", Multilang: true}); err != nil {
			t.Fatal(err)
		}
		res, err := ReadMoodleXML(&buf, ImportOptions{File: b.ID + ".xml", Lang: "id"})
		if err != nil {
			t.Fatalf("%s: %v", b.ID, err)
		}
		for _, w := range res.Warnings {
			t.Errorf("%s: unexpected warning %s %v", b.ID, w.Code, w.Args)
		}
		if res.Bank.Languages != nil {
			t.Errorf("%s: a two-language import declares languages %v", b.ID, res.Bank.Languages)
		}
		for _, lang := range []string{"id", "en"} {
			sameQuestions(t, b.ID+" multilang "+lang, b, res.Bank, lang, true)
		}
		if t.Failed() {
			return
		}
	}
}
