// Package bank reads, checks and describes question banks in the format
// asnskill/bank/v1 (docs/bank-format.md).
//
// A bank is decoded through yaml.Node, never straight into structs, so that
// every problem carries the file, line and column where it stands, unknown
// keys are caught (a typo such as `corect` must not pass silently), and
// hostile input (alias bombs, deep nesting, huge files, invalid UTF-8) ends
// in a located message instead of a crash. Decode returns the bank together
// with its Diagnostics; lint prints them, every other command refuses a bank
// with errors.
//
// Defaults are resolved while decoding, so the rest of the program sees a
// complete bank: a question's type is single, difficulty 2, points equal to
// the difficulty; a skill's weight is 1; the bank's passing score is 65, its
// time limit one minute per question, its quiz size min(20, all), and its
// levels the five bands of the national competency dictionaries.
package bank

import (
	"time"

	"github.com/asnskill/asnskill/internal/i18n"
)

// Format is the only bank format this version reads.
const Format = "asnskill/bank/v1"

// MaxFileSize is the largest bank file accepted (10 MiB).
const MaxFileSize = 10 << 20

// Question types.
const (
	Single    = "single"
	Multiple  = "multiple"
	TrueFalse = "truefalse"
	Judgement = "judgement"
)

// Recommendation kinds.
var Kinds = []string{"course", "reading", "practice", "certification", "community", "regulation"}

// Letters names option positions: the canonical identity of an option.
const Letters = "ABCDEF"

// Pos is a position in a bank file (1-based; 0 when unknown).
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Bank is one role's question bank.
type Bank struct {
	Format   string
	ID       string
	Version  string
	Language string
	// Languages are the languages the bank is written in (languages:);
	// nil means every language of the program. A text that lacks one of
	// the others is not a missing translation.
	Languages    []string
	Title        i18n.Text
	Summary      i18n.Text
	Authors      []string
	License      string
	PassingScore float64
	TimeLimit    time.Duration
	QuizSize     int
	Calibration  *Calibration
	Levels       []Level
	Skills       []Skill
	Questions    []Question

	// Source names where the bank was read from: a path, or
	// "embedded:quizzes/<file>" for a shipped bank.
	Source string
	// SHA256 is the hex digest of the file's bytes.
	SHA256 string
	// Shipped is true for the banks embedded in the binary.
	Shipped bool

	skillIndex    map[string]int
	questionIndex map[string]int
}

// Level is a band of percent on one skill.
type Level struct {
	Level int
	Min   float64
	Name  i18n.Text
	Pos   Pos
}

// Skill is something the role needs, measured by some of the questions.
type Skill struct {
	ID              string
	Name            i18n.Text
	Description     i18n.Text
	Weight          float64
	TargetLevel     int
	PassMin         *float64
	Recommendations []Recommendation
	Pos             Pos
}

// Recommendation is what to study when a skill falls short.
type Recommendation struct {
	ForLevels []int
	Kind      string
	Title     i18n.Text
	Provider  string
	URL       string
	Hours     float64
	Why       i18n.Text
	Pos       Pos
}

// Question is one item of the bank.
type Question struct {
	ID          string
	Skill       string
	Type        string
	Difficulty  int
	Points      float64
	Prompt      i18n.Text
	Options     []Option
	Explanation i18n.Text
	References  []string
	Tags        []string
	IRT         *IRT
	Pos         Pos
	SkillPos    Pos // where skill: is written, for messages about it
}

// Option is one answer a candidate may choose; its letter is its position.
type Option struct {
	Text     i18n.Text
	Correct  bool
	Score    int
	Feedback i18n.Text
	Pos      Pos
}

// IRT holds a question's item parameters, written by `asnskill calibrate`
// (docs/adaptive.md): the thresholds of the partial credit model in logits
// (one for single and truefalse, the Rasch model; one per step above the
// lowest category for judgement and multiple), and their standard errors.
type IRT struct {
	Thresholds []float64 `json:",omitempty"`
	SE         []float64 `json:",omitempty"`
}

// Calibration records where a bank's item parameters came from.
type Calibration struct {
	Date       string // YYYY-MM-DD
	SampleSize int    // candidates whose answers were used
	Method     string
}

// Categories is the number of score categories above 0 that the partial
// credit model gives q: 1 for single and truefalse; the number of keys for
// multiple (|S∩C| − |S∖C| floored at 0); the number of distinct scores
// less one for judgement.
func (q *Question) Categories() int {
	switch q.Type {
	case Multiple:
		n := 0
		for _, o := range q.Options {
			if o.Correct {
				n++
			}
		}
		return n
	case Judgement:
		seen := map[int]bool{}
		for _, o := range q.Options {
			seen[o.Score] = true
		}
		return max(1, len(seen)-1)
	}
	return 1
}

// DefaultLevels are the five proficiency bands of the national technical
// competency dictionaries.
func DefaultLevels() []Level {
	return []Level{
		{Level: 1, Min: 0, Name: i18n.Text{"id": "Dasar", "en": "Foundational"}},
		{Level: 2, Min: 40, Name: i18n.Text{"id": "Berkembang", "en": "Developing"}},
		{Level: 3, Min: 60, Name: i18n.Text{"id": "Cakap", "en": "Proficient"}},
		{Level: 4, Min: 75, Name: i18n.Text{"id": "Mahir", "en": "Advanced"}},
		{Level: 5, Min: 90, Name: i18n.Text{"id": "Ahli", "en": "Expert"}},
	}
}

// Skill returns the skill with the id, or nil.
func (b *Bank) Skill(id string) *Skill {
	b.index()
	if i, ok := b.skillIndex[id]; ok {
		return &b.Skills[i]
	}
	return nil
}

// SkillIndex returns the position of the skill in file order, or -1.
func (b *Bank) SkillIndex(id string) int {
	b.index()
	if i, ok := b.skillIndex[id]; ok {
		return i
	}
	return -1
}

// Question returns the question with the id, or nil.
func (b *Bank) Question(id string) *Question {
	b.index()
	if i, ok := b.questionIndex[id]; ok {
		return &b.Questions[i]
	}
	return nil
}

// QuestionIndex returns the position of the question in file order, or -1.
func (b *Bank) QuestionIndex(id string) int {
	b.index()
	if i, ok := b.questionIndex[id]; ok {
		return i
	}
	return -1
}

func (b *Bank) index() {
	if b.skillIndex != nil && b.questionIndex != nil {
		return
	}
	b.skillIndex = make(map[string]int, len(b.Skills))
	for i, s := range b.Skills {
		if _, dup := b.skillIndex[s.ID]; !dup {
			b.skillIndex[s.ID] = i
		}
	}
	b.questionIndex = make(map[string]int, len(b.Questions))
	for i, q := range b.Questions {
		if _, dup := b.questionIndex[q.ID]; !dup {
			b.questionIndex[q.ID] = i
		}
	}
}

// LevelName returns the name of level n in lang, or "" if there is none.
func (b *Bank) LevelName(n int, lang string) string {
	for _, l := range b.Levels {
		if l.Level == n {
			return l.Name.Get(lang)
		}
	}
	return ""
}

// MaxLevel is the highest level of the bank.
func (b *Bank) MaxLevel() int {
	if len(b.Levels) == 0 {
		return 0
	}
	return b.Levels[len(b.Levels)-1].Level
}

// Keyed reports the keyed options of q: the correct ones, or for a judgement
// question the options with the highest score.
func (q *Question) Keyed() []bool {
	out := make([]bool, len(q.Options))
	if q.Type == Judgement {
		m := q.MaxScore()
		for i, o := range q.Options {
			out[i] = o.Score == m && m > 0
		}
		return out
	}
	for i, o := range q.Options {
		out[i] = o.Correct
	}
	return out
}

// MaxScore is the highest option score of a judgement question.
func (q *Question) MaxScore() int {
	m := 0
	for _, o := range q.Options {
		if o.Score > m {
			m = o.Score
		}
	}
	return m
}

// QuestionsOf lists the questions measuring the skill, in file order.
func (b *Bank) QuestionsOf(skill string) []*Question {
	var out []*Question
	for i := range b.Questions {
		if b.Questions[i].Skill == skill {
			out = append(out, &b.Questions[i])
		}
	}
	return out
}
