package simulate

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
)

func testBank(skills, n int) *bank.Bank {
	b := &bank.Bank{Format: bank.Format, ID: "uji", Version: "1.0.0", Language: "id", QuizSize: 35,
		Title: i18n.Plain("id", "Uji"), PassingScore: 65, Levels: bank.DefaultLevels()}
	for s := 0; s < skills; s++ {
		sid := fmt.Sprintf("s%d", s+1)
		b.Skills = append(b.Skills, bank.Skill{ID: sid, Name: i18n.Plain("id", sid), Weight: 1, TargetLevel: 3})
		for i := 0; i < n; i++ {
			q := bank.Question{ID: fmt.Sprintf("%s-%02d", sid, i+1), Skill: sid, Type: bank.Single, Difficulty: 1 + i%3, Points: 1,
				Prompt: i18n.Plain("id", "q"), IRT: &bank.IRT{Thresholds: []float64{-2.5 + 5*float64(i)/float64(n-1)}}}
			for o := 0; o < 4; o++ {
				q.Options = append(q.Options, bank.Option{Text: i18n.Plain("id", string(rune('a'+o))), Correct: o == 2})
			}
			b.Questions = append(b.Questions, q)
		}
	}
	return b
}

// ChoiceFor gives an answer in the category asked, for every type.
func TestChoiceForCategory(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	qs := []bank.Question{
		{Type: bank.Single, Options: []bank.Option{{}, {Correct: true}, {}}},
		{Type: bank.Multiple, Options: []bank.Option{{Correct: true}, {}, {Correct: true}, {Correct: true}, {}}},
		{Type: bank.Judgement, Options: []bank.Option{{Score: 3}, {Score: 1}, {Score: 5}, {Score: 3}}},
	}
	for _, q := range qs {
		for k := 0; k <= q.Categories(); k++ {
			if got := scoring.Category(&q, ChoiceFor(&q, k, rng)); got != k {
				t.Errorf("%s: category %d gave an answer of category %d", q.Type, k, got)
			}
		}
	}
}

// On a calibrated bank the adaptive quiz classifies more candidates right
// than a fixed form of its mean length, and it is reproducible.
func TestAdaptiveBeatsFixedOfTheSameLength(t *testing.T) {
	b := testBank(3, 30)
	rep := Run(b, Config{Candidates: 300, Seed: 4, Adaptive: true})
	if !rep.Calibrated || len(rep.Forms) < 2 || rep.Forms[0].Name != "adaptive" || rep.Forms[1].Name != "fixed" {
		t.Fatalf("forms: %+v", rep.Forms)
	}
	a, f := rep.Forms[0], rep.Forms[1]
	if a.Length-f.Length > 1 || f.Length-a.Length > 1 {
		t.Errorf("the fixed form (%.1f) is not of the adaptive mean length (%.1f)", f.Length, a.Length)
	}
	if a.Accuracy <= f.Accuracy {
		t.Errorf("adaptive %.3f at %.1f questions, fixed %.3f at %.1f", a.Accuracy, a.Length, f.Accuracy, f.Length)
	}
	if a.Wrong > 0.1 {
		t.Errorf("adaptive classifies %.1f%% wrong", 100*a.Wrong)
	}
	again := Run(b, Config{Candidates: 300, Seed: 4, Adaptive: true})
	if fmt.Sprint(again.Forms) != fmt.Sprint(rep.Forms) {
		t.Error("the same seed gave another report")
	}
}
