// Package scoring turns answers into scores by the rules of docs/scoring.md,
// and nowhere else: the quiz, bulk scoring, reports and item analysis all call
// it, so one answer sheet always gets one score.
//
// An answer is a Choice: a bit set of canonical option positions (bit 0 = A).
// Earned gives the points one answer earns; a Scorer, prepared once for a bank
// and the questions administered, scores whole sheets without allocating
// beyond the Result it returns.
//
// The rules, in short:
//   - single, truefalse: the points when the keyed option alone is chosen;
//   - multiple: points × max(0, (|S∩C| − |S∖C|) / |C|);
//   - judgement: points × score(chosen) / highest score of the question;
//   - unanswered earns 0, and nothing is ever negative;
//   - a skill's percent is over the questions of that skill administered;
//     its 95% Wilson interval uses z = 1.959964 and n = questions
//     administered; its level is the highest band whose min ≤ percent, and
//     its level range the levels of the interval's two ends; its gap is
//     max(0, target − level) and its gap status says how sure that is
//     (none, clear, possible); a skill asked fewer than 3 questions has no
//     level, range or gap at all (status unknown);
//   - counts: correct (full points), partial, wrong (answered, no points),
//     blank (no answer);
//   - passed = overall percent ≥ passing_score and every administered skill
//     with pass_min reaches it;
//   - recommendations: skills with a known gap, clear gaps before possible
//     ones, each group by gap × weight (then file order), at most 3 per
//     skill.
package scoring

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
)

// ResultFormat names the result contract.
const ResultFormat = "asnskill/result/v1"

// Z is the normal quantile of the 95% Wilson interval.
const Z = 1.959964

// LowEvidenceItems: a skill measured by fewer questions gets no level.
const LowEvidenceItems = 3

// GapStatus says how sure a skill's gap is (docs/scoring.md).
type GapStatus = string

const (
	// GapNone: the whole 95% interval lies at or above the target level.
	GapNone GapStatus = "none"
	// GapClear: the whole interval lies below the target level.
	GapClear GapStatus = "clear"
	// GapPossible: the interval spans the target level.
	GapPossible GapStatus = "possible"
	// GapUnknown: fewer than LowEvidenceItems questions; no level claimed.
	GapUnknown GapStatus = "unknown"
)

// MaxRecommendations per skill unless all are asked for.
const MaxRecommendations = 3

// Choice is the answers package's set of chosen options.
type Choice = answers.Choice

// Earned is what choosing c earns on q, in points.
func Earned(q *bank.Question, c Choice) float64 {
	if c == 0 {
		return 0
	}
	return q.Points * fraction(q, c)
}

// fraction is the share of the points c earns on q, in 0..1.
func fraction(q *bank.Question, c Choice) float64 {
	switch q.Type {
	case bank.Multiple:
		keyed, right, wrong := 0, 0, 0
		for i, o := range q.Options {
			switch {
			case o.Correct:
				keyed++
				if c.Has(i) {
					right++
				}
			case c.Has(i):
				wrong++
			}
		}
		if keyed == 0 {
			return 0
		}
		return math.Max(0, float64(right-wrong)/float64(keyed))
	case bank.Judgement:
		if c.Count() != 1 {
			return 0
		}
		m := q.MaxScore()
		for i, o := range q.Options {
			if c.Has(i) && m > 0 {
				return float64(o.Score) / float64(m)
			}
		}
		return 0
	default: // single, truefalse
		if c.Count() != 1 {
			return 0
		}
		for i, o := range q.Options {
			if c.Has(i) {
				if o.Correct {
					return 1
				}
				return 0
			}
		}
		return 0
	}
}

// IsCorrect reports whether c earns the question's full points.
func IsCorrect(q *bank.Question, c Choice) bool { return c != 0 && fraction(q, c) == 1 }

// Level is the highest band of levels whose min ≤ percent.
func Level(levels []bank.Level, percent float64) int {
	lvl := 0
	for _, l := range levels {
		if l.Min <= percent {
			lvl = l.Level
		}
	}
	if lvl == 0 && len(levels) > 0 {
		lvl = levels[0].Level
	}
	return lvl
}

// Wilson is the 95% Wilson score interval on p = percent/100 with n trials,
// in percent.
func Wilson(percent float64, n int) [2]float64 {
	if n <= 0 {
		return [2]float64{0, 100}
	}
	p := percent / 100
	nn := float64(n)
	z2 := Z * Z
	den := 1 + z2/nn
	centre := (p + z2/(2*nn)) / den
	half := Z * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / den
	lo, hi := centre-half, centre+half
	return [2]float64{100 * math.Max(0, lo), 100 * math.Min(1, hi)}
}

// BankRef identifies the bank a result was scored against.
type BankRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Total is the overall score.
type Total struct {
	Earned       float64  `json:"earned"`
	Possible     float64  `json:"possible"`
	Percent      float64  `json:"percent"`
	Passed       bool     `json:"passed"`
	PassingScore float64  `json:"passing_score"`
	FailedSkills []string `json:"failed_skills,omitempty"`
	Counts       Counts   `json:"counts"`
}

// Counts sorts the administered questions by outcome: correct earns the full
// points, partial some, wrong none although answered, blank has no answer.
type Counts struct {
	Correct int `json:"correct"`
	Partial int `json:"partial"`
	Wrong   int `json:"wrong"`
	Blank   int `json:"blank"`
}

// Answered is the number of questions with an answer.
func (c Counts) Answered() int { return c.Correct + c.Partial + c.Wrong }

// SkillResult is one skill's score. Level, LevelRange and Gap are known only
// when GapStatus is not GapUnknown; in JSON they are then null (and 0 here).
type SkillResult struct {
	ID           string     `json:"id"`
	Earned       float64    `json:"earned"`
	Possible     float64    `json:"possible"`
	Percent      float64    `json:"percent"`
	CI95         [2]float64 `json:"ci95"`
	Items        int        `json:"items"`
	LowEvidence  bool       `json:"low_evidence"`
	Level        int        `json:"level"`
	LevelRange   [2]int     `json:"level_range"`
	TargetLevel  int        `json:"target_level"`
	Gap          int        `json:"gap"`
	GapStatus    GapStatus  `json:"gap_status"`
	Weight       float64    `json:"weight"`
	PassMin      *float64   `json:"pass_min,omitempty"`
	BelowPassMin bool       `json:"below_pass_min,omitempty"`
	Seconds      float64    `json:"seconds,omitempty"`
	SelfLevel    int        `json:"self_level,omitempty"`
	// Adaptive quiz only (docs/adaptive.md): the ability estimate in
	// logits, its standard error, and the questions the skill was asked.
	Theta     *float64 `json:"theta,omitempty"`
	ThetaSE   *float64 `json:"theta_se,omitempty"`
	Questions []string `json:"questions,omitempty"`
}

// Known reports whether the skill was asked enough questions to have a level.
func (s *SkillResult) Known() bool { return s.GapStatus != GapUnknown && s.GapStatus != "" }

// SelfMismatch reports whether the candidate's own rating lies outside the
// level range the evidence allows (only for rated skills with a known level).
func (s *SkillResult) SelfMismatch() bool {
	return s.SelfLevel != 0 && s.Known() && (s.SelfLevel < s.LevelRange[0] || s.SelfLevel > s.LevelRange[1])
}

// Classify sets the skill's level, level range, gap and gap status from its
// percent, interval, questions and target (docs/scoring.md). Scoring calls it;
// a reader of an older result file may call it to fill what that file lacks.
func Classify(levels []bank.Level, s *SkillResult) {
	s.LowEvidence = s.Items < LowEvidenceItems
	if s.LowEvidence {
		s.Level, s.LevelRange, s.Gap, s.GapStatus = 0, [2]int{}, 0, GapUnknown
		return
	}
	s.Level = Level(levels, s.Percent)
	s.LevelRange = [2]int{Level(levels, s.CI95[0]), Level(levels, s.CI95[1])}
	s.Gap = max(0, s.TargetLevel-s.Level)
	switch {
	case s.LevelRange[0] >= s.TargetLevel:
		s.GapStatus = GapNone
	case s.LevelRange[1] < s.TargetLevel:
		s.GapStatus = GapClear
	default:
		s.GapStatus = GapPossible
	}
}

// Recommendation is what the candidate should study, in the result's language.
type Recommendation struct {
	Skill    string  `json:"skill"`
	Gap      int     `json:"gap"`
	Kind     string  `json:"kind"`
	Title    string  `json:"title"`
	Provider string  `json:"provider,omitempty"`
	URL      string  `json:"url,omitempty"`
	Hours    float64 `json:"hours,omitempty"`
	Why      string  `json:"why,omitempty"`
}

// Answer is one administered question with the candidate's response.
type Answer struct {
	Question string   `json:"question"`
	Response []string `json:"response"`
	Earned   float64  `json:"earned"`
	Points   float64  `json:"points"`
	Seconds  float64  `json:"seconds,omitempty"`
	Flagged  bool     `json:"flagged,omitempty"`
}

// Result is a scored attempt: the contract asnskill/result/v1.
type Result struct {
	Format     string            `json:"format"`
	Candidate  string            `json:"candidate"`
	Bank       BankRef           `json:"bank"`
	Mode       string            `json:"mode,omitempty"`
	Seed       *int64            `json:"seed,omitempty"`
	Lang       string            `json:"lang,omitempty"`
	StartedAt  *time.Time        `json:"started_at,omitempty"`
	FinishedAt *time.Time        `json:"finished_at,omitempty"`
	Groups     map[string]string `json:"groups,omitempty"`
	// Kept are an answer sheet's columns carried along (score --keep).
	Kept            map[string]string `json:"kept,omitempty"`
	Score           Total             `json:"score"`
	Skills          []SkillResult     `json:"skills"`
	Recommendations []Recommendation  `json:"recommendations"`
	Answers         []Answer          `json:"answers,omitempty"`
	// Calibrated is set by the adaptive quiz: whether the bank's item
	// parameters come from calibration (true) or are provisional.
	Calibrated *bool `json:"calibrated,omitempty"`
}

// UnknownQuestionError is returned for a question id the bank does not have.
type UnknownQuestionError struct{ Bank, Question string }

func (e *UnknownQuestionError) Error() string {
	return fmt.Sprintf("bank %s has no question %q", e.Bank, e.Question)
}

type item struct {
	q     *bank.Question
	skill int // index into Scorer.skills
	// earned[c] is what choice c earns, computed once by Earned so the
	// per-sheet loop is a table look-up.
	earned   [64]float64
	options  int  // number of options
	multiple bool // takes several answers
}

// Scorer scores sheets of one bank over one list of administered questions.
// It is safe for concurrent use: Score only reads it.
type Scorer struct {
	Bank     *bank.Bank
	items    []item
	skills   []int // bank skill indexes administered, in file order
	skillPos []int // bank skill index → position in skills, or -1
	// Lang is the language of recommendation texts (default the bank's).
	Lang string
	// AllRecommendations lifts the limit of 3 per skill.
	AllRecommendations bool

	checked bool // the question list has no duplicates (Bulk)
	prepare sync.Once
	recs    map[string]map[int][]Recommendation // skill → level → what to study
}

// NewScorer prepares scoring of the administered questions (ids, in the order
// they were given). An unknown id is an *UnknownQuestionError.
func NewScorer(b *bank.Bank, administered []string) (*Scorer, error) {
	s := &Scorer{Bank: b, Lang: b.Language, skillPos: make([]int, len(b.Skills))}
	used := make([]bool, len(b.Skills))
	s.items = make([]item, len(administered))
	for i, id := range administered {
		q := b.Question(id)
		if q == nil {
			return nil, &UnknownQuestionError{Bank: b.ID, Question: id}
		}
		si := b.SkillIndex(q.Skill)
		if si < 0 {
			return nil, fmt.Errorf("question %s measures unknown skill %q", id, q.Skill)
		}
		used[si] = true
		s.items[i] = item{q: q, skill: si, options: len(q.Options), multiple: q.Type == bank.Multiple}
		for c := range s.items[i].earned {
			s.items[i].earned[c] = Earned(q, Choice(c))
		}
	}
	for i := range s.skillPos {
		s.skillPos[i] = -1
		if used[i] {
			s.skillPos[i] = len(s.skills)
			s.skills = append(s.skills, i)
		}
	}
	for i := range s.items {
		s.items[i].skill = s.skillPos[s.items[i].skill]
	}
	return s, nil
}

// Questions returns the administered questions in order.
func (s *Scorer) Questions() []*bank.Question {
	out := make([]*bank.Question, len(s.items))
	for i, it := range s.items {
		out[i] = it.q
	}
	return out
}

// QuestionIDs returns the administered question ids in order.
func (s *Scorer) QuestionIDs() []string {
	out := make([]string, len(s.items))
	for i, it := range s.items {
		out[i] = it.q.ID
	}
	return out
}

// EarnedInto fills earned[i] with what choices[i] earns on the i-th
// administered question (item analysis needs the points per question).
func (s *Scorer) EarnedInto(choices []Choice, earned []float64) {
	for i := range s.items {
		var c Choice
		if i < len(choices) {
			c = choices[i]
		}
		earned[i] = 0
		if c < 64 {
			earned[i] = s.items[i].earned[c]
		}
	}
}

// Sheet is what one candidate answered: Choices[i] answers the i-th
// administered question. Seconds and Flagged are optional (quiz only).
type Sheet struct {
	Candidate string
	Choices   []Choice
	Seconds   []float64
	Flagged   []bool
	Groups    map[string]string
	Kept      map[string]string
}

// Score scores one sheet. withAnswers adds the per-question answers list.
func (s *Scorer) Score(sh Sheet, withAnswers bool) Result {
	var r Result
	s.ScoreInto(&r, sh, withAnswers)
	return r
}

// ScoreInto scores one sheet into r, reusing the memory of r's lists (bulk
// scoring keeps one Result per worker instead of allocating one per row).
func (s *Scorer) ScoreInto(r *Result, sh Sheet, withAnswers bool) {
	b := s.Bank
	skills, recs, answers := r.Skills[:0], r.Recommendations[:0], r.Answers[:0]
	failed := r.Score.FailedSkills[:0]
	*r = Result{
		Format:    ResultFormat,
		Candidate: sh.Candidate,
		Bank:      BankRef{ID: b.ID, Version: b.Version, SHA256: b.SHA256},
		Groups:    sh.Groups,
		Kept:      sh.Kept,
		Skills:    slices.Grow(skills, len(s.skills))[:len(s.skills)],
	}
	r.Score.FailedSkills = failed
	for k, si := range s.skills {
		sk := &b.Skills[si]
		r.Skills[k] = SkillResult{ID: sk.ID, TargetLevel: sk.TargetLevel, Weight: sk.Weight, PassMin: sk.PassMin}
	}
	if withAnswers {
		r.Answers = slices.Grow(answers, len(s.items))[:len(s.items)]
	}
	for i := range s.items {
		it := &s.items[i]
		var c Choice
		if i < len(sh.Choices) {
			c = sh.Choices[i]
		}
		var e float64
		if c < 64 {
			e = it.earned[c]
		}
		switch {
		case c == 0:
			r.Score.Counts.Blank++
		case e == 0:
			r.Score.Counts.Wrong++
		case e >= it.q.Points:
			r.Score.Counts.Correct++
		default:
			r.Score.Counts.Partial++
		}
		sr := &r.Skills[it.skill]
		sr.Earned += e
		sr.Possible += it.q.Points
		sr.Items++
		r.Score.Earned += e
		r.Score.Possible += it.q.Points
		var secs float64
		if i < len(sh.Seconds) {
			secs = sh.Seconds[i]
			sr.Seconds += secs
		}
		if withAnswers {
			a := Answer{Question: it.q.ID, Response: c.Letters(), Earned: e, Points: it.q.Points, Seconds: secs}
			if i < len(sh.Flagged) {
				a.Flagged = sh.Flagged[i]
			}
			r.Answers[i] = a
		}
	}
	r.Score.PassingScore = b.PassingScore
	if r.Score.Possible > 0 {
		r.Score.Percent = 100 * r.Score.Earned / r.Score.Possible
	}
	r.Score.Passed = r.Score.Possible > 0 && r.Score.Percent >= b.PassingScore
	for k := range r.Skills {
		sr := &r.Skills[k]
		if sr.Possible > 0 {
			sr.Percent = 100 * sr.Earned / sr.Possible
		}
		sr.CI95 = Wilson(sr.Percent, sr.Items)
		Classify(b.Levels, sr)
		if sr.PassMin != nil && sr.Percent < *sr.PassMin {
			sr.BelowPassMin = true
			r.Score.Passed = false
			r.Score.FailedSkills = append(r.Score.FailedSkills, sr.ID)
		}
	}
	if len(r.Score.FailedSkills) == 0 {
		r.Score.FailedSkills = nil
	}
	r.Recommendations = s.recommend(r.Skills, recs)
}

// Upgrade completes a result written before gap status and counts existed
// (asnskill/result/v1 as first written): each skill is classified again from
// its percent, interval and questions with b's levels (the default levels
// when b is nil), and the counts are rebuilt from the answers list when the
// result has one. A current result is left as it is.
func Upgrade(r *Result, b *bank.Bank) {
	levels := bank.DefaultLevels()
	if b != nil {
		levels = b.Levels
	}
	for k := range r.Skills {
		if r.Skills[k].GapStatus == "" {
			Classify(levels, &r.Skills[k])
		}
	}
	if r.Score.Counts == (Counts{}) {
		for _, a := range r.Answers {
			switch {
			case len(a.Response) == 0:
				r.Score.Counts.Blank++
			case a.Earned == 0:
				r.Score.Counts.Wrong++
			case a.Earned >= a.Points:
				r.Score.Counts.Correct++
			default:
				r.Score.Counts.Partial++
			}
		}
	}
}

// RankGaps returns the skills with a known gap, most urgent first: clear
// gaps before possible ones, each by gap × weight descending, then file
// order. Skills without a level are not ranked: nothing is known of their gap.
func RankGaps(skills []SkillResult) []SkillResult {
	var buf [16]int
	order := rankGaps(skills, buf[:0])
	out := make([]SkillResult, len(order))
	for i, k := range order {
		out[i] = skills[k]
	}
	return out
}

// rankGaps is RankGaps as indexes into skills, appended to order.
func rankGaps(skills []SkillResult, order []int) []int {
	for k := range skills {
		if skills[k].Known() && skills[k].Gap > 0 {
			order = append(order, k)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &skills[i], &skills[j]
		if ac, bc := a.GapStatus == GapClear, b.GapStatus == GapClear; ac != bc {
			if ac {
				return -1
			}
			return 1
		}
		return cmp.Compare(float64(b.Gap)*b.Weight, float64(a.Gap)*a.Weight)
	})
	return order
}

func (s *Scorer) recommend(skills []SkillResult, out []Recommendation) []Recommendation {
	s.prepare.Do(s.prepareRecommendations)
	var buf [16]int
	order := rankGaps(skills, buf[:0])
	if out == nil {
		out = []Recommendation{}
	}
	for _, k := range order {
		g := &skills[k]
		for _, rec := range s.recs[g.ID][g.Level] {
			rec.Gap = g.Gap
			out = append(out, rec)
		}
	}
	return out
}

// Recommendations plans again for skills changed after scoring (the
// adaptive quiz sets levels and gap statuses from its estimates).
func (s *Scorer) Recommendations(skills []SkillResult) []Recommendation {
	return s.recommend(skills, nil)
}

// prepareRecommendations resolves, once per scorer, each skill's
// recommendations per level in the result's language, limit applied.
func (s *Scorer) prepareRecommendations() {
	s.recs = map[string]map[int][]Recommendation{}
	for _, si := range s.skills {
		sk := &s.Bank.Skills[si]
		byLevel := map[int][]Recommendation{}
		for _, l := range s.Bank.Levels {
			for _, rec := range sk.Recommendations {
				if !containsInt(rec.ForLevels, l.Level) {
					continue
				}
				if !s.AllRecommendations && len(byLevel[l.Level]) == MaxRecommendations {
					break
				}
				byLevel[l.Level] = append(byLevel[l.Level], Recommendation{
					Skill: sk.ID, Kind: rec.Kind, Title: rec.Title.Get(s.Lang), Provider: rec.Provider,
					URL: rec.URL, Hours: rec.Hours, Why: rec.Why.Get(s.Lang),
				})
			}
		}
		s.recs[sk.ID] = byLevel
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Category is the score category an answer falls in, as the item response
// models of calibration and the adaptive quiz count it (docs/adaptive.md):
// single and truefalse 1 for the key alone, else 0; multiple
// |S∩C| − |S∖C| floored at 0 (0..number of keys); judgement the rank of
// the chosen option's score among the question's distinct scores, from 0.
// No answer is category 0. Fraction(q, k) is the share of the points that
// category earns.
func Category(q *bank.Question, c Choice) int {
	if c == 0 {
		return 0
	}
	switch q.Type {
	case bank.Multiple:
		right, wrong := 0, 0
		for i, o := range q.Options {
			switch {
			case o.Correct && c.Has(i):
				right++
			case !o.Correct && c.Has(i):
				wrong++
			}
		}
		return max(0, right-wrong)
	case bank.Judgement:
		if c.Count() != 1 {
			return 0
		}
		scores := distinctScores(q)
		for i, o := range q.Options {
			if c.Has(i) {
				for k, s := range scores {
					if s == o.Score {
						return k
					}
				}
			}
		}
		return 0
	}
	if IsCorrect(q, c) {
		return 1
	}
	return 0
}

// Fraction is the share of q's points that category k earns.
func Fraction(q *bank.Question, k int) float64 {
	switch q.Type {
	case bank.Multiple:
		if m := q.Categories(); m > 0 {
			return float64(min(k, m)) / float64(m)
		}
		return 0
	case bank.Judgement:
		scores := distinctScores(q)
		if k < 0 || k >= len(scores) || scores[len(scores)-1] == 0 {
			return 0
		}
		return float64(scores[k]) / float64(scores[len(scores)-1])
	}
	if k >= 1 {
		return 1
	}
	return 0
}

// distinctScores are a judgement question's option scores, ascending, once
// each.
func distinctScores(q *bank.Question) []int {
	var out []int
	for _, o := range q.Options {
		if !slices.Contains(out, o.Score) {
			out = append(out, o.Score)
		}
	}
	slices.Sort(out)
	return out
}
