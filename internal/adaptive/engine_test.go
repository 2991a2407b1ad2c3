package adaptive

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// calibratedBank has skills of n single questions each, calibrated with
// difficulties spread evenly from −2.5 to +2.5 logits, target level 3.
func calibratedBank(skills, n int) *bank.Bank {
	b := &bank.Bank{Format: bank.Format, ID: "uji", Version: "1.0.0", Language: "id",
		Title: i18n.Plain("id", "Uji"), PassingScore: 65, Levels: bank.DefaultLevels(),
		Calibration: &bank.Calibration{Date: "2026-12-01", SampleSize: 500, Method: "test"}}
	for s := 0; s < skills; s++ {
		sid := fmt.Sprintf("s%d", s+1)
		b.Skills = append(b.Skills, bank.Skill{ID: sid, Name: i18n.Plain("id", sid), Weight: 1, TargetLevel: 3})
		for i := 0; i < n; i++ {
			d := -2.5 + 5*float64(i)/float64(n-1)
			q := bank.Question{ID: fmt.Sprintf("%s-%02d", sid, i+1), Skill: sid, Type: bank.Single, Difficulty: 2, Points: 1,
				Prompt: i18n.Plain("id", "q"), IRT: &bank.IRT{Thresholds: []float64{d}}}
			for o := 0; o < 4; o++ {
				q.Options = append(q.Options, bank.Option{Text: i18n.Plain("id", string(rune('a'+o))), Correct: o == 0})
			}
			b.Questions = append(b.Questions, q)
		}
	}
	return b
}

func run(t *testing.T, e *Engine, b *bank.Bank, answer func(q *bank.Question) answers.Choice, limit int) []string {
	t.Helper()
	var asked []string
	for len(asked) < limit {
		id, ok := e.Next()
		if !ok {
			break
		}
		asked = append(asked, id)
		q := b.Question(id)
		e.Record(id, answer(q))
	}
	return asked
}

func thresholdOf(b *bank.Bank, id string) float64 { return b.Question(id).IRT.Thresholds[0] }

// The case: two skills of 30 calibrated questions; a candidate who
// answers everything right is decided "none" on both within 24 questions,
// and the questions get harder as they go; everything wrong: "clear", and
// easier.
func TestAllRightAndAllWrongDecideQuickly(t *testing.T) {
	b := calibratedBank(2, 30)
	for _, c := range []struct {
		name   string
		answer answers.Choice
		want   string
		harder bool
	}{
		{"all right", answers.Choice(0).With(0), scoring.GapNone, true},
		{"all wrong", answers.Choice(0).With(1), scoring.GapClear, false},
	} {
		for seed := int64(0); seed < 20; seed++ {
			e := New(b, Config{Seed: seed})
			if !e.Calibrated {
				t.Fatal("a calibrated bank is reported uncalibrated")
			}
			asked := run(t, e, b, func(*bank.Question) answers.Choice { return c.answer }, 100)
			if len(asked) > 24 || !e.Done() {
				t.Fatalf("%s seed %d: %d questions, done %v", c.name, seed, len(asked), e.Done())
			}
			for _, st := range e.Skills() {
				if st.Status != c.want {
					t.Fatalf("%s seed %d: skill %s is %q (θ %.2f ± %.2f, cut %.2f)", c.name, seed, st.ID, st.Status, st.Theta, st.SE, st.Cut)
				}
				// Each skill's questions move the right way: the last asked
				// is harder (easier) than the first.
				first, last := thresholdOf(b, st.Asked[0]), thresholdOf(b, st.Asked[len(st.Asked)-1])
				if c.harder != (last > first) {
					t.Fatalf("%s seed %d: skill %s went from %.2f to %.2f", c.name, seed, st.ID, first, last)
				}
			}
		}
	}
}

// A candidate near the cut stays undecided until the skill's limit, and
// the result then says "possible".
func TestUndecidedAtTheLimitIsPossible(t *testing.T) {
	b := calibratedBank(1, 30)
	e := New(b, Config{Seed: 1, MaxPerSkill: 6})
	st := e.Skills()[0]
	// Right on the questions easier than the cut, wrong on the harder.
	asked := run(t, e, b, func(q *bank.Question) answers.Choice {
		if q.IRT.Thresholds[0] < st.Cut {
			return answers.Choice(0).With(0)
		}
		return answers.Choice(0).With(1)
	}, 100)
	if len(asked) != 6 || st.Status != scoring.GapPossible {
		t.Fatalf("%d questions, status %q (θ %.2f ± %.2f, cut %.2f)", len(asked), st.Status, st.Theta, st.SE, st.Cut)
	}
}

// The estimate is the posterior mean: with no answer, the prior's 0 ± 1.
func TestPriorAndCut(t *testing.T) {
	theta, se := NewPosterior().Estimate()
	if math.Abs(theta) > 1e-9 || math.Abs(se-1) > 0.01 {
		t.Errorf("prior estimate %v ± %v", theta, se)
	}
	items := []Item{{Thresholds: []float64{0}, Fractions: []float64{0, 1}, Points: 1}}
	if c := Cut(items, 50); math.Abs(c) > 1e-6 {
		t.Errorf("the 50%% cut of one item at 0 logits is %v", c)
	}
	// The expected percent at the cut is the target level's min.
	b := calibratedBank(1, 30)
	e := New(b, Config{})
	st := e.Skills()[0]
	if p := ExpectedPercent(st.items, st.Cut); math.Abs(p-60) > 1e-6 {
		t.Errorf("expected percent at the cut: %v, want 60", p)
	}
}

// Provisional parameters: an uncalibrated bank runs and says so.
func TestUncalibratedBank(t *testing.T) {
	b := calibratedBank(2, 10)
	b.Questions[3].IRT = nil
	b.Questions[3].Difficulty = 3
	e := New(b, Config{Seed: 3})
	if e.Calibrated {
		t.Fatal("a bank with an uncalibrated question is reported calibrated")
	}
	it, cal := ItemOf(&b.Questions[3])
	if cal || it.Thresholds[0] != 1 {
		t.Errorf("provisional threshold of a hard question: %v (calibrated %v)", it.Thresholds, cal)
	}
}

// The whole adaptive quiz through a session: the result carries theta,
// its standard error, the questions used and calibrated, and the plan
// follows the adaptive gap status.
func TestSessionAndResult(t *testing.T) {
	b := calibratedBank(2, 30)
	e := New(b, Config{Seed: 5})
	s, err := session.NewAdaptive(b, e, session.Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	for {
		i := s.Len() - 1
		if err := s.SetChoice(i, answers.Choice(0).With(s.Canonical(i, s.Displayed(i, 0)))); err != nil {
			t.Fatal(err)
		}
		if err := s.Confirm(i); err != nil {
			t.Fatal(err)
		}
		more, err := s.Extend()
		if err != nil {
			t.Fatal(err)
		}
		if !more {
			break
		}
	}
	r, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if r.Calibrated == nil || !*r.Calibrated || r.Mode != session.ModeAdaptive {
		t.Fatalf("result header: calibrated %v mode %q", r.Calibrated, r.Mode)
	}
	total := 0
	for _, sk := range r.Skills {
		if sk.Theta == nil || sk.ThetaSE == nil || sk.GapStatus != scoring.GapNone || len(sk.Questions) != sk.Items || sk.Level < 3 {
			t.Errorf("skill %+v", sk)
		}
		total += len(sk.Questions)
	}
	if total != s.Len() || total > 24 || len(r.Recommendations) != 0 {
		t.Errorf("%d questions over the skills, %d asked, %d recommendations", total, s.Len(), len(r.Recommendations))
	}
	data := r.AppendJSON(nil)
	for _, want := range []string{`"calibrated":true`, `"theta":`, `"theta_se":`, `"questions":["s`} {
		if !contains(string(data), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Replaying a quiz's answers into a fresh engine picks the same next
// question: a resumed quiz goes on as the first run would have.
func TestReplayPicksTheSame(t *testing.T) {
	b := calibratedBank(2, 30)
	rng := rand.New(rand.NewPCG(1, 2))
	e := New(b, Config{Seed: 9})
	var log []string
	var choices []answers.Choice
	for i := 0; i < 7; i++ {
		id, _ := e.Next()
		c := answers.Choice(0).With(rng.IntN(2))
		e.Record(id, c)
		log, choices = append(log, id), append(choices, c)
	}
	want, _ := e.Next()
	f := New(b, Config{Seed: 9})
	for i, id := range log {
		f.Record(id, choices[i])
	}
	if got, _ := f.Next(); got != want {
		t.Errorf("replayed engine picks %s, the first run %s", got, want)
	}
}

// Selecting the next question among 1,000 takes well under a millisecond
// (the budget): go test -bench Next ./internal/adaptive
func BenchmarkNext1000(b *testing.B) {
	bk := calibratedBank(10, 100)
	e := New(bk, Config{Seed: 1, MaxPerSkill: 1000})
	for i := 0; i < 20; i++ {
		id, _ := e.Next()
		e.Record(id, answers.Choice(0).With(i%2))
	}
	b.ResetTimer()
	for b.Loop() {
		id, _ := e.Next()
		e.asked = e.asked[:len(e.asked)-1] // undo the pick: measure selection alone
		delete(e.askedSet, id)
	}
}
