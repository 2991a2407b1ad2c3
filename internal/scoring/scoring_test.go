package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

func opts(correct ...bool) []bank.Option {
	out := make([]bank.Option, len(correct))
	for i, c := range correct {
		out[i] = bank.Option{Text: i18n.Text{"id": string(rune('a' + i))}, Correct: c}
	}
	return out
}

func scored(scores ...int) []bank.Option {
	out := make([]bank.Option, len(scores))
	for i, s := range scores {
		out[i] = bank.Option{Text: i18n.Text{"id": string(rune('a' + i))}, Score: s}
	}
	return out
}

func choice(t *testing.T, s string, n int) Choice {
	t.Helper()
	c, err := answers.ParseChoice(s, n, false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEarned(t *testing.T) {
	single := &bank.Question{Type: bank.Single, Points: 2, Options: opts(false, true, false, false)}
	tf := &bank.Question{Type: bank.TrueFalse, Points: 1, Options: opts(false, true)}
	multi := &bank.Question{Type: bank.Multiple, Points: 3, Options: opts(true, false, true, false)}
	multi3 := &bank.Question{Type: bank.Multiple, Points: 2, Options: opts(true, true, true, false, false)}
	judge := &bank.Question{Type: bank.Judgement, Points: 2, Options: scored(1, 4, 2, 3)} // best is 4, not 5
	cases := []struct {
		name string
		q    *bank.Question
		ans  string
		want float64
	}{
		{"single right", single, "B", 2},
		{"single wrong", single, "A", 0},
		{"single unanswered", single, "", 0},
		{"single two letters earns nothing", single, "AB", 0},
		{"truefalse right", tf, "b", 1},
		{"truefalse wrong", tf, "a", 0},
		{"multiple all keys", multi, "AC", 3},
		{"multiple one of two keys", multi, "A", 1.5},
		{"multiple one key one wrong", multi, "AB", 0},
		{"multiple all options never below 0", multi, "ABCD", 0},
		{"multiple only wrong never below 0", multi, "BD", 0},
		{"multiple two keys one wrong", multi3, "ABD", 2 * (2.0 - 1) / 3},
		{"multiple unanswered", multi, "", 0},
		{"judgement best (4 of max 4)", judge, "B", 2},
		{"judgement 3 of max 4", judge, "D", 1.5},
		{"judgement worst", judge, "A", 0.5},
		{"judgement two answers earn nothing", judge, "AB", 0},
	}
	for _, c := range cases {
		got := Earned(c.q, choice(t, c.ans, len(c.q.Options)))
		if !near(got, c.want) {
			t.Errorf("%s: earned %v, want %v", c.name, got, c.want)
		}
	}
}

func TestWilson(t *testing.T) {
	// Hand-computed with z = 1.959964.
	cases := []struct {
		pct    float64
		n      int
		lo, hi float64
	}{
		{0, 5, 0, 43.4488},         // z²/(n+z²) = 3.841459/8.841459
		{100, 5, 56.5512, 100},     // symmetric to p = 0
		{0, 1, 0, 79.3450},         // n = 1
		{100, 1, 20.6550, 100},     // n = 1, p = 1
		{50, 10, 23.6593, 76.3407}, // classic table value
		{66.66666666666667, 3, 20.7660, 93.8508},
	}
	for _, c := range cases {
		got := Wilson(c.pct, c.n)
		if math.Abs(got[0]-c.lo) > 1e-3 || math.Abs(got[1]-c.hi) > 1e-3 {
			t.Errorf("Wilson(%v, %d) = %v, want [%v, %v]", c.pct, c.n, got, c.lo, c.hi)
		}
		if got[0] < 0 || got[1] > 100 || got[0] > got[1] {
			t.Errorf("Wilson(%v, %d) = %v out of range", c.pct, c.n, got)
		}
	}
}

func TestLevel(t *testing.T) {
	def := bank.DefaultLevels()
	custom := []bank.Level{{Level: 1, Min: 0}, {Level: 2, Min: 50}, {Level: 3, Min: 80}}
	cases := []struct {
		levels []bank.Level
		pct    float64
		want   int
	}{
		{def, 0, 1}, {def, 39.99, 1}, {def, 40, 2}, {def, 60, 3}, {def, 74.9, 3}, {def, 75, 4}, {def, 90, 5}, {def, 100, 5},
		{custom, 49.9, 1}, {custom, 50, 2}, {custom, 80, 3}, {custom, 79.99, 2},
	}
	for _, c := range cases {
		if got := Level(c.levels, c.pct); got != c.want {
			t.Errorf("Level(%v) = %d, want %d", c.pct, got, c.want)
		}
	}
}

// testBank: skill a (weight 1, target 3) with 3 one-point questions, skill b
// (weight 3, target 4, pass_min 50) with 2 questions; custom passing score.
func testBank() *bank.Bank {
	passMin := 50.0
	rec := func(lv ...int) []bank.Recommendation {
		var out []bank.Recommendation
		for i := 0; i < 4; i++ {
			out = append(out, bank.Recommendation{ForLevels: lv, Kind: "course", Title: i18n.Text{"id": "Kursus", "en": "Course"}})
		}
		return out
	}
	return &bank.Bank{
		ID: "t", Version: "1.0.0", Language: "id", PassingScore: 60, Levels: bank.DefaultLevels(),
		Skills: []bank.Skill{
			{ID: "a", Weight: 1, TargetLevel: 3, Recommendations: rec(1, 2)},
			{ID: "b", Weight: 3, TargetLevel: 4, PassMin: &passMin, Recommendations: rec(1, 2, 3)},
		},
		Questions: []bank.Question{
			{ID: "a1", Skill: "a", Type: bank.Single, Difficulty: 1, Points: 1, Options: opts(true, false)},
			{ID: "a2", Skill: "a", Type: bank.Single, Difficulty: 1, Points: 1, Options: opts(true, false)},
			{ID: "a3", Skill: "a", Type: bank.Single, Difficulty: 1, Points: 1, Options: opts(true, false)},
			{ID: "b1", Skill: "b", Type: bank.Multiple, Difficulty: 3, Points: 3, Options: opts(true, true, false)},
			{ID: "b2", Skill: "b", Type: bank.Judgement, Difficulty: 2, Points: 2, Options: scored(5, 1)},
		},
	}
}

func score(t *testing.T, b *bank.Bank, ids []string, ans ...string) Result {
	t.Helper()
	s, err := NewScorer(b, ids)
	if err != nil {
		t.Fatal(err)
	}
	sh := Sheet{Candidate: "c"}
	for i, a := range ans {
		sh.Choices = append(sh.Choices, choice(t, a, len(b.Question(ids[i]).Options)))
	}
	return s.Score(sh, true)
}

var allIDs = []string{"a1", "a2", "a3", "b1", "b2"}

func TestScoreSkillsAndTotal(t *testing.T) {
	b := testBank()
	r := score(t, b, allIDs, "A", "A", "B", "A", "A")
	// a: 2/3 = 66.67% → level 3, gap 0, but 3 questions put its interval
	// (20.8–93.9%) over levels 1–5: a gap is possible. b: 2 questions, 70%:
	// no level is claimed.
	if a := r.Skills[0]; !near(a.Percent, 200.0/3) || a.Level != 3 || a.Gap != 0 || a.Items != 3 || a.LowEvidence ||
		a.LevelRange != [2]int{1, 5} || a.GapStatus != GapPossible {
		t.Errorf("skill a: %+v", a)
	}
	if s := r.Skills[1]; !near(s.Percent, 70) || s.Level != 0 || s.Gap != 0 || s.Items != 2 || !s.LowEvidence ||
		s.GapStatus != GapUnknown || s.Known() {
		t.Errorf("skill b: %+v", s)
	}
	if c := r.Score.Counts; c != (Counts{Correct: 3, Partial: 1, Wrong: 1, Blank: 0}) {
		t.Errorf("counts: %+v", c)
	}
	// total: 5.5 / 8
	if !near(r.Score.Earned, 5.5) || !near(r.Score.Possible, 8) || !near(r.Score.Percent, 68.75) || !r.Score.Passed {
		t.Errorf("total: %+v", r.Score)
	}
}

func TestPassMinFailsAPassingTotal(t *testing.T) {
	b := testBank()
	// a all right (3), b1 right (3), b2 worst (2*1/5=0.4): b = 3.4/5 = 68% ≥ 50 → passes.
	r := score(t, b, allIDs, "A", "A", "A", "AB", "B")
	if !r.Score.Passed {
		t.Fatalf("should pass: %+v", r.Score)
	}
	// a all right, b1 unanswered, b2 worst: total 3.4/8 = 42.5% fails anyway;
	// raise passing score's reach with a bank whose total passes but b fails.
	b.PassingScore = 40
	r = score(t, b, allIDs, "A", "A", "A", "", "B")
	if !near(r.Score.Percent, 42.5) {
		t.Fatalf("percent %v", r.Score.Percent)
	}
	if r.Score.Passed || len(r.Score.FailedSkills) != 1 || r.Score.FailedSkills[0] != "b" || !r.Skills[1].BelowPassMin {
		t.Errorf("pass_min should fail the candidate: %+v %+v", r.Score, r.Skills[1])
	}
}

func TestEmptyAnswers(t *testing.T) {
	r := score(t, testBank(), allIDs)
	if r.Score.Earned != 0 || r.Score.Percent != 0 || r.Score.Passed {
		t.Errorf("empty: %+v", r.Score)
	}
	// 0 of 3: the interval reaches 56% (level 2), below target 3.
	if s := r.Skills[0]; s.Level != 1 || s.CI95[0] != 0 || s.LevelRange != [2]int{1, 2} || s.GapStatus != GapClear {
		t.Errorf("empty skill: %+v", s)
	}
	if c := r.Score.Counts; c != (Counts{Blank: 5}) {
		t.Errorf("counts: %+v", c)
	}
	if len(r.Answers) != 5 || r.Answers[0].Response == nil || len(r.Answers[0].Response) != 0 {
		t.Errorf("answers: %+v", r.Answers)
	}
}

func TestPercentOnLevelBoundary(t *testing.T) {
	b := testBank()
	b.Levels = []bank.Level{{Level: 1, Min: 0}, {Level: 2, Min: 50}, {Level: 3, Min: 100.0 / 3 * 2}}
	// 2 of 3 = 66.666…%: exactly the min of level 3.
	r := score(t, b, []string{"a1", "a2", "a3"}, "A", "A", "B")
	if r.Skills[0].Level != 3 {
		t.Errorf("level on boundary: %+v", r.Skills[0])
	}
}

func TestOnlyAdministeredQuestionsCount(t *testing.T) {
	r := score(t, testBank(), []string{"a1", "b2"}, "A", "")
	if len(r.Skills) != 2 || r.Skills[0].Items != 1 || !near(r.Skills[0].Percent, 100) || !near(r.Score.Possible, 3) {
		t.Errorf("%+v %+v", r.Score, r.Skills)
	}
}

func TestRecommendationsOrderAndLimit(t *testing.T) {
	b := testBank()
	b.Skills[1].Weight = 3
	r := score(t, b, []string{"a1", "b1", "b2", "a2", "a3"}, "B", "", "", "B", "B")
	// a: 0% of 3 → level 1, gap 2; b: 2 questions, no level: no gap is
	// claimed and nothing recommended for it.
	ranked := RankGaps(r.Skills)
	if len(ranked) != 1 || ranked[0].ID != "a" {
		t.Errorf("only the skill with a level is ranked: %v", ranked)
	}
	if len(r.Recommendations) != 3 {
		t.Fatalf("want 3 for skill a, got %d", len(r.Recommendations))
	}
	for _, rec := range r.Recommendations {
		if rec.Skill != "a" {
			t.Errorf("recommendation for a skill without a level: %+v", rec)
		}
	}
	s, _ := NewScorer(b, []string{"a1", "a2", "a3", "b1", "b2", "b1"})
	s.AllRecommendations = true
	all := s.Score(Sheet{Choices: make([]Choice, 6)}, false)
	if len(all.Recommendations) != 8 {
		t.Errorf("all recommendations: %d", len(all.Recommendations))
	}
}

func TestRankGapsClearFirstThenGapTimesWeight(t *testing.T) {
	in := []SkillResult{
		{ID: "x", Gap: 2, Weight: 1, GapStatus: GapPossible},
		{ID: "y", Gap: 1, Weight: 3, GapStatus: GapPossible},
		{ID: "z", Gap: 0, Weight: 9, GapStatus: GapNone},
		{ID: "w", Gap: 2, Weight: 1, GapStatus: GapPossible},
		{ID: "v", Gap: 1, Weight: 1, GapStatus: GapClear},
		{ID: "u", Gap: 0, Weight: 9, GapStatus: GapUnknown},
	}
	got := RankGaps(in)
	var ids []string
	for _, g := range got {
		ids = append(ids, g.ID)
	}
	if fmt.Sprint(ids) != "[v y x w]" {
		t.Errorf("RankGaps = %v, want [v y x w]", ids)
	}
}

// The rule of docs/scoring.md, checked against the Wilson interval for every
// number of questions from 0 to 40 and every possible number right.
func TestClassifyFollowsTheInterval(t *testing.T) {
	levels := bank.DefaultLevels()
	for n := 0; n <= 40; n++ {
		for right := 0; right <= n; right++ {
			for target := 1; target <= 5; target++ {
				s := SkillResult{Items: n, TargetLevel: target}
				if n > 0 {
					s.Percent = 100 * float64(right) / float64(n)
				}
				s.CI95 = Wilson(s.Percent, n)
				Classify(levels, &s)
				if n < 3 {
					if s.GapStatus != GapUnknown || s.Level != 0 || s.Known() {
						t.Fatalf("n=%d: %+v", n, s)
					}
					continue
				}
				lo, hi := Level(levels, s.CI95[0]), Level(levels, s.CI95[1])
				if s.LevelRange != [2]int{lo, hi} || s.Level < lo || s.Level > hi {
					t.Fatalf("n=%d right=%d: range %v level %d, interval %v", n, right, s.LevelRange, s.Level, s.CI95)
				}
				want := GapPossible
				if lo >= target {
					want = GapNone
				} else if hi < target {
					want = GapClear
				}
				if s.GapStatus != want {
					t.Fatalf("n=%d right=%d target=%d: %s, want %s", n, right, target, s.GapStatus, want)
				}
			}
		}
	}
	// Three questions cannot tell much: 3 of 3 right still spans levels 2–5.
	s := SkillResult{Items: 3, Percent: 100, TargetLevel: 4, CI95: Wilson(100, 3)}
	Classify(levels, &s)
	if s.LevelRange != [2]int{2, 5} || s.GapStatus != GapPossible {
		t.Errorf("3 of 3: %+v", s)
	}
	// Twenty right of twenty is sure of level 4 at least.
	s = SkillResult{Items: 20, Percent: 100, TargetLevel: 4, CI95: Wilson(100, 20)}
	Classify(levels, &s)
	if s.LevelRange[0] < 4 || s.GapStatus != GapNone {
		t.Errorf("20 of 20: %+v", s)
	}
}

func TestUnknownLevelIsNullInJSON(t *testing.T) {
	r := score(t, testBank(), allIDs, "A", "A", "B", "A", "A")
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Score struct {
			Counts map[string]int `json:"counts"`
		} `json:"score"`
		Skills []map[string]any `json:"skills"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	b := doc.Skills[1]
	if b["level"] != nil || b["level_range"] != nil || b["gap"] != nil || b["gap_status"] != "unknown" {
		t.Errorf("skill b: %v", b)
	}
	a := doc.Skills[0]
	if a["level"] != 3.0 || fmt.Sprint(a["level_range"]) != "[1 5]" || a["gap"] != 0.0 || a["gap_status"] != "possible" {
		t.Errorf("skill a: %v", a)
	}
	if fmt.Sprint(doc.Score.Counts) != "map[blank:0 correct:3 partial:1 wrong:1]" {
		t.Errorf("counts: %v", doc.Score.Counts)
	}
	var back Result
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Skills[0], r.Skills[0]) || back.Skills[1].GapStatus != GapUnknown || back.Skills[1].Level != 0 {
		t.Errorf("read back: %+v", back.Skills)
	}
}

func TestUnknownQuestion(t *testing.T) {
	if _, err := NewScorer(testBank(), []string{"nope"}); err == nil {
		t.Fatal("want error")
	}
}

func TestPointsOverrideDifficulty(t *testing.T) {
	data := []byte(`format: asnskill/bank/v1
id: p
version: 1.0.0
title: T
summary: S
skills:
  - id: s
    name: S
    target_level: 1
    recommendations: []
questions:
  - id: q1
    skill: s
    difficulty: 3
    points: 1
    prompt: P
    options: [{text: a, correct: true}, {text: b}]
  - id: q2
    skill: s
    difficulty: 3
    prompt: Q
    options: [{text: a, correct: true}, {text: b}]
`)
	b, ds := bank.Decode("p.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if b.Questions[0].Points != 1 || b.Questions[1].Points != 3 {
		t.Fatalf("points %v %v", b.Questions[0].Points, b.Questions[1].Points)
	}
	r := score(t, b, []string{"q1", "q2"}, "A", "B")
	if !near(r.Score.Percent, 25) {
		t.Errorf("percent %v, want 25", r.Score.Percent)
	}
}

func FuzzScore(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5})
	f.Add([]byte{0xff, 0, 0x3f})
	b := testBank()
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := NewScorer(b, allIDs)
		if err != nil {
			t.Fatal(err)
		}
		sh := Sheet{Choices: make([]Choice, 5)}
		for i := range sh.Choices {
			if i < len(data) {
				sh.Choices[i] = Choice(data[i])
			}
		}
		r := s.Score(sh, true)
		if r.Score.Percent < 0 || r.Score.Percent > 100 || math.IsNaN(r.Score.Percent) {
			t.Fatalf("percent %v", r.Score.Percent)
		}
		for _, sk := range r.Skills {
			if sk.Percent < 0 || sk.Percent > 100 || sk.CI95[0] < 0 || sk.CI95[1] > 100 || sk.Gap < 0 {
				t.Fatalf("skill %+v", sk)
			}
		}
	})
}

// A result written before gap status and counts existed is completed.
func TestUpgradeOldResult(t *testing.T) {
	old := `{"format":"asnskill/result/v1","candidate":"c","bank":{"id":"b","version":"1","sha256":""},
	"score":{"earned":1,"possible":3,"percent":33.3,"passed":false,"passing_score":65},
	"skills":[{"id":"a","earned":1,"possible":3,"percent":33.3,"ci95":[6.1,79.2],"items":3,"low_evidence":false,"level":1,"target_level":3,"gap":2,"weight":1}],
	"recommendations":[],
	"answers":[{"question":"q1","response":["A"],"earned":1,"points":1},{"question":"q2","response":["B"],"earned":0,"points":1},{"question":"q3","response":[],"earned":0,"points":1}]}`
	var r Result
	if err := json.Unmarshal([]byte(old), &r); err != nil {
		t.Fatal(err)
	}
	Upgrade(&r, nil)
	if s := r.Skills[0]; s.GapStatus != GapPossible || s.LevelRange != [2]int{1, 4} || s.Level != 1 {
		t.Errorf("skill: %+v", s)
	}
	if r.Score.Counts != (Counts{Correct: 1, Wrong: 1, Blank: 1}) {
		t.Errorf("counts: %+v", r.Score.Counts)
	}
}

// The category of an answer and the share of points it earns agree with
// Earned for every possible answer of every question type.
func TestCategoryAgreesWithEarned(t *testing.T) {
	b := testBank()
	for _, q := range b.Questions {
		for c := Choice(0); c < 1<<len(q.Options); c++ {
			k := Category(&q, c)
			if k < 0 || k > q.Categories() {
				t.Fatalf("%s %s: category %d of %d", q.ID, c, k, q.Categories())
			}
			want := Earned(&q, c)
			if q.Type == bank.Judgement && c.Count() != 1 {
				// No answer (or several) earns nothing but counts as the
				// lowest category, as in the models (docs/adaptive.md).
				if k != 0 || want != 0 {
					t.Errorf("%s answer %s: category %d, earned %v", q.ID, c, k, want)
				}
				continue
			}
			if got := q.Points * Fraction(&q, k); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s answer %s: category %d earns %v, Earned says %v", q.ID, c, k, got, want)
			}
		}
	}
}
