// Package simulate checks how well a quiz classifies candidates, before any
// candidate takes it (docs/adaptive.md): it draws candidates with known
// abilities, lets them answer by the partial credit model, and counts how
// often each skill's gap is classified right, and with how many questions,
// by the adaptive quiz and by fixed forms.
//
// A candidate's true status on a skill is "gap" when the ability lies below
// the cut of the skill's target level (the ability whose expected percent on
// the skill's questions is the target level's min), else "none". A quiz is
// right when it says "clear" for a gap or "none" for none; "possible" and
// "unknown" are undecided (neither right nor wrong); the rest is wrong.
package simulate

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// Config chooses the simulation.
type Config struct {
	Candidates int
	Seed       int64
	Adaptive   bool // also run the adaptive quiz (and a fixed form of its mean length)
	// Lengths are fixed-form lengths to compare (0: the bank's standard
	// quiz and the whole bank).
	Lengths []int
}

// Tally counts one form's decisions on one skill.
type Tally struct {
	Right     int     `json:"right"`
	Wrong     int     `json:"wrong"`
	Undecided int     `json:"undecided"`
	Questions float64 `json:"mean_questions"` // mean questions the skill was asked
}

// Accuracy is the share of candidates classified right.
func (t Tally) Accuracy() float64 {
	n := t.Right + t.Wrong + t.Undecided
	if n == 0 {
		return 0
	}
	return float64(t.Right) / float64(n)
}

// Form is one way of quizzing: adaptive, or fixed of a length.
type Form struct {
	Name       string           `json:"name"` // "adaptive" or "fixed"
	Length     float64          `json:"mean_length"`
	Skills     map[string]Tally `json:"skills"`
	Accuracy   float64          `json:"accuracy"` // over all skills and candidates
	Undecided  float64          `json:"undecided"`
	Wrong      float64          `json:"wrong"`
	totalRight int
	total      int
}

// Report is the simulation's outcome.
type Report struct {
	Format     string   `json:"format"`
	Bank       string   `json:"bank"`
	Calibrated bool     `json:"calibrated"`
	Candidates int      `json:"candidates"`
	Seed       int64    `json:"seed"`
	Skills     []string `json:"skills"`
	Forms      []Form   `json:"forms"`
}

// Format names the JSON contract of Report.
const Format = "asnskill/simulate/v1"

// Run simulates b.
func Run(b *bank.Bank, cfg Config) Report {
	if cfg.Candidates <= 0 {
		cfg.Candidates = 1000
	}
	rep := Report{Format: Format, Bank: b.ID, Candidates: cfg.Candidates, Seed: cfg.Seed, Calibrated: adaptive.New(b, adaptive.Config{}).Calibrated}
	items := map[string]adaptive.Item{}
	var skills []string
	cuts := map[string]float64{}
	for _, sk := range b.Skills {
		var its []adaptive.Item
		for _, q := range b.QuestionsOf(sk.ID) {
			it, _ := adaptive.ItemOf(q)
			items[q.ID] = it
			its = append(its, it)
		}
		if len(its) == 0 {
			continue
		}
		skills = append(skills, sk.ID)
		cuts[sk.ID] = adaptive.Cut(its, levelMin(b, sk.TargetLevel))
	}
	rep.Skills = skills
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 0xc0ffee))
	// The candidates: one ability per skill, standard normal.
	thetas := make([]map[string]float64, cfg.Candidates)
	for c := range thetas {
		thetas[c] = map[string]float64{}
		for _, s := range skills {
			thetas[c][s] = rng.NormFloat64()
		}
	}
	truth := func(c int, skill string) bool { return thetas[c][skill] < cuts[skill] } // true: a gap

	lengths := slices.Clone(cfg.Lengths)
	if cfg.Adaptive {
		form := newForm("adaptive", skills)
		total := 0
		for c := range thetas {
			crng := rand.New(rand.NewPCG(uint64(cfg.Seed)+uint64(c), 1))
			e := adaptive.New(b, adaptive.Config{Seed: cfg.Seed + int64(c)})
			for {
				id, ok := e.Next()
				if !ok {
					break
				}
				q := b.Question(id)
				it := items[id]
				e.Record(id, answer(q, &it, thetas[c][q.Skill], crng))
			}
			total += len(e.Asked())
			for _, st := range e.Skills() {
				form.add(st.ID, truth(c, st.ID), st.Status, len(st.Asked))
			}
		}
		form.Length = float64(total) / float64(cfg.Candidates)
		rep.Forms = append(rep.Forms, form.finish(cfg.Candidates))
		lengths = append([]int{int(math.Round(form.Length))}, lengths...)
	}
	if len(cfg.Lengths) == 0 {
		std := b.QuizSize
		if std <= 0 || std > len(b.Questions) {
			std = min(20, len(b.Questions))
		}
		lengths = append(lengths, std, len(b.Questions))
	}
	seen := map[int]bool{}
	for _, n := range lengths {
		if n <= 0 || seen[n] {
			continue
		}
		seen[n] = true
		rep.Forms = append(rep.Forms, fixed(b, items, thetas, truth, skills, n, cfg))
	}
	return rep
}

func fixed(b *bank.Bank, items map[string]adaptive.Item, thetas []map[string]float64, truth func(int, string) bool,
	skills []string, n int, cfg Config) Form {
	form := newForm("fixed", skills)
	total := 0
	for c := range thetas {
		crng := rand.New(rand.NewPCG(uint64(cfg.Seed)+uint64(c), 2))
		ids := session.Draw(b, n, nil, cfg.Seed+int64(c))
		sc, err := scoring.NewScorer(b, ids)
		if err != nil {
			continue
		}
		sh := scoring.Sheet{Choices: make([]answers.Choice, len(ids))}
		for i, id := range ids {
			q := b.Question(id)
			it := items[id]
			sh.Choices[i] = answer(q, &it, thetas[c][q.Skill], crng)
		}
		r := sc.Score(sh, false)
		total += len(ids)
		for _, sr := range r.Skills {
			form.add(sr.ID, truth(c, sr.ID), sr.GapStatus, sr.Items)
		}
	}
	form.Length = float64(total) / float64(len(thetas))
	return form.finish(len(thetas))
}

func newForm(name string, skills []string) *Form {
	f := &Form{Name: name, Skills: map[string]Tally{}}
	for _, s := range skills {
		f.Skills[s] = Tally{}
	}
	return f
}

func (f *Form) add(skill string, gap bool, status string, asked int) {
	t := f.Skills[skill]
	switch {
	case (status == scoring.GapClear && gap) || (status == scoring.GapNone && !gap):
		t.Right++
		f.totalRight++
	case status == scoring.GapClear || status == scoring.GapNone:
		t.Wrong++
	default:
		t.Undecided++
	}
	t.Questions += float64(asked)
	f.total++
	f.Skills[skill] = t
}

func (f *Form) finish(candidates int) Form {
	wrong, undecided := 0, 0
	for s, t := range f.Skills {
		t.Questions /= float64(candidates)
		f.Skills[s] = t
		wrong += t.Wrong
		undecided += t.Undecided
	}
	if f.total > 0 {
		f.Accuracy = float64(f.totalRight) / float64(f.total)
		f.Wrong = float64(wrong) / float64(f.total)
		f.Undecided = float64(undecided) / float64(f.total)
	}
	return *f
}

// answer draws a category by the model at θ and returns an answer that
// falls in it.
func answer(q *bank.Question, it *adaptive.Item, theta float64, rng *rand.Rand) answers.Choice {
	var buf [8]float64
	p := it.Probs(theta, buf[:0])
	u, k := rng.Float64(), 0
	for acc := 0.0; k < len(p)-1; k++ {
		acc += p[k]
		if u < acc {
			break
		}
	}
	return ChoiceFor(q, k, rng)
}

// ChoiceFor returns an answer to q in category k (scoring.Category).
func ChoiceFor(q *bank.Question, k int, rng *rand.Rand) answers.Choice {
	var c answers.Choice
	switch q.Type {
	case bank.Multiple:
		for i, o := range q.Options {
			if o.Correct && k > 0 {
				c = c.With(i)
				k--
			}
		}
		return c
	case bank.Judgement:
		var scores []int
		for _, o := range q.Options {
			if !slices.Contains(scores, o.Score) {
				scores = append(scores, o.Score)
			}
		}
		slices.Sort(scores)
		for i, o := range q.Options {
			if k < len(scores) && o.Score == scores[k] {
				return c.With(i)
			}
		}
		return 0
	}
	var wrong []int
	for i, o := range q.Options {
		if o.Correct && k == 1 {
			return c.With(i)
		}
		if !o.Correct {
			wrong = append(wrong, i)
		}
	}
	if len(wrong) == 0 {
		return 0
	}
	return c.With(wrong[rng.IntN(len(wrong))])
}

func levelMin(b *bank.Bank, level int) float64 {
	for _, l := range b.Levels {
		if l.Level == level {
			return l.Min
		}
	}
	return 0
}
