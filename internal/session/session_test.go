package session

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
)

// testBank has one skill per size, with that many single questions of four
// options (the second keyed), plus one multiple question in the first skill
// when multi is true.
func testBank(multi bool, sizes ...int) *bank.Bank {
	b := &bank.Bank{
		Format: bank.Format, ID: "uji", Version: "1.0.0", Language: "id",
		Title: i18n.Text{"id": "Uji", "en": "Test"}, PassingScore: 65, TimeLimit: 20 * time.Minute, QuizSize: 20,
		Levels: bank.DefaultLevels(),
	}
	for k, n := range sizes {
		sid := fmt.Sprintf("s%d", k+1)
		b.Skills = append(b.Skills, bank.Skill{ID: sid, Name: i18n.Plain("id", sid), Weight: 1, TargetLevel: 3})
		for j := 0; j < n; j++ {
			q := bank.Question{ID: fmt.Sprintf("%s-%02d", sid, j+1), Skill: sid, Type: bank.Single, Difficulty: 1, Points: 1,
				Prompt: i18n.Plain("id", "q")}
			for o := 0; o < 4; o++ {
				q.Options = append(q.Options, bank.Option{Text: i18n.Plain("id", string(rune('a'+o))), Correct: o == 1})
			}
			b.Questions = append(b.Questions, q)
		}
	}
	if multi {
		q := bank.Question{ID: "s1-multi", Skill: "s1", Type: bank.Multiple, Difficulty: 2, Points: 2, Prompt: i18n.Plain("id", "m")}
		for o := 0; o < 5; o++ {
			q.Options = append(q.Options, bank.Option{Text: i18n.Plain("id", "o"), Correct: o == 0 || o == 2})
		}
		b.Questions = append(b.Questions, q)
	}
	return b
}

func perSkill(b *bank.Bank, ids []string) map[string]int {
	m := map[string]int{}
	for _, id := range ids {
		m[b.Question(id).Skill]++
	}
	return m
}

func TestDraw(t *testing.T) {
	cases := []struct {
		name   string
		sizes  []int
		count  int
		skills []string
		want   map[string]int
	}{
		{"equal", []int{10, 10, 10}, 6, nil, map[string]int{"s1": 2, "s2": 2, "s3": 2}},
		{"equal, not proportional", []int{20, 10, 5}, 15, nil, map[string]int{"s1": 5, "s2": 5, "s3": 5}},
		{"small skill gives the rest away", []int{2, 10, 10}, 12, nil, map[string]int{"s1": 2, "s2": 5, "s3": 5}},
		{"small skill kept", []int{30, 30, 1}, 5, nil, nil},
		{"count = skills", []int{50, 1, 1, 1}, 4, nil, map[string]int{"s1": 1, "s2": 1, "s3": 1, "s4": 1}},
		{"all", []int{3, 2}, 100, nil, map[string]int{"s1": 3, "s2": 2}},
		{"default size", []int{30, 30}, 0, nil, map[string]int{"s1": 10, "s2": 10}},
		{"only skills", []int{10, 10, 10}, 4, []string{"s3", "s1"}, map[string]int{"s1": 2, "s3": 2}},
		{"fewer than skills", []int{5, 5, 5, 5}, 2, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := testBank(false, c.sizes...)
			for seed := int64(0); seed < 20; seed++ {
				ids := Draw(b, c.count, c.skills, seed)
				want := c.count
				total := 0
				for _, q := range b.Questions {
					if len(c.skills) == 0 || slices.Contains(c.skills, q.Skill) {
						total++
					}
				}
				if want <= 0 {
					want = b.QuizSize
				}
				want = min(want, total)
				if len(ids) != want {
					t.Fatalf("seed %d: %d questions, want %d", seed, len(ids), want)
				}
				seen := map[string]bool{}
				for _, id := range ids {
					if seen[id] {
						t.Fatalf("seed %d: %s drawn twice", seed, id)
					}
					seen[id] = true
				}
				got := perSkill(b, ids)
				if c.want != nil && !reflect.DeepEqual(got, c.want) {
					t.Fatalf("seed %d: per skill %v, want %v", seed, got, c.want)
				}
				nSkills := len(c.sizes)
				if len(c.skills) > 0 {
					nSkills = len(c.skills)
				}
				if want >= nSkills && len(got) != nSkills {
					t.Fatalf("seed %d: a skill is left out: %v", seed, got)
				}
				if !reflect.DeepEqual(ids, Draw(b, c.count, c.skills, seed)) {
					t.Fatalf("seed %d: not deterministic", seed)
				}
			}
		})
	}
}

// Within a skill the draw takes the difficulties in turn, and every
// skill's share differs from another's by one at most.
func TestDrawSpreadsDifficultyAndSharesEqually(t *testing.T) {
	b := testBank(false, 15, 15, 15, 15, 15, 15, 15)
	for i := range b.Questions {
		b.Questions[i].Difficulty = 1 + i%3
	}
	for seed := int64(0); seed < 50; seed++ {
		for _, count := range []int{35, 24} {
			ids := Draw(b, count, nil, seed)
			per := map[string]map[int]int{}
			for _, id := range ids {
				q := b.Question(id)
				if per[q.Skill] == nil {
					per[q.Skill] = map[int]int{}
				}
				per[q.Skill][q.Difficulty]++
			}
			lo, hi := 99, 0
			for _, byDiff := range per {
				n := byDiff[1] + byDiff[2] + byDiff[3]
				lo, hi = min(lo, n), max(hi, n)
				for d := 1; d <= 3; d++ {
					if n >= 3 && byDiff[d] == 0 {
						t.Fatalf("seed %d count %d: a skill of %d questions has no difficulty %d: %v", seed, count, n, d, byDiff)
					}
				}
			}
			if hi-lo > 1 || len(per) != 7 {
				t.Fatalf("seed %d count %d: shares %d..%d over %d skills", seed, count, lo, hi, len(per))
			}
		}
	}
	if n := PerSkill(b, 35, nil); n != 5 {
		t.Errorf("PerSkill(35) = %d, want 5", n)
	}
	if n := PerSkill(b, 15, nil); n != 2 {
		t.Errorf("PerSkill(15) = %d, want 2", n)
	}
}

func TestDrawSeedsDiffer(t *testing.T) {
	b := testBank(false, 10, 10, 10)
	if reflect.DeepEqual(Draw(b, 6, nil, 1), Draw(b, 6, nil, 2)) {
		t.Fatal("seeds 1 and 2 drew the same quiz")
	}
	// With fewer questions than skills, the seeds do not always favour the
	// same skills.
	b = testBank(false, 5, 5, 5, 5)
	covered := map[string]bool{}
	for seed := int64(0); seed < 20; seed++ {
		for s := range perSkill(b, Draw(b, 1, nil, seed)) {
			covered[s] = true
		}
	}
	if len(covered) != 4 {
		t.Fatalf("20 seeds covered only %v", covered)
	}
}

func TestOptionOrder(t *testing.T) {
	b := testBank(true, 2)
	q := b.Question("s1-multi")
	if got := OptionOrder(q, 7, false); !reflect.DeepEqual(got, []int{0, 1, 2, 3, 4}) {
		t.Fatalf("no shuffle: %v", got)
	}
	shuffled := false
	for seed := int64(0); seed < 10; seed++ {
		o := OptionOrder(q, seed, true)
		if !isPermutation(o, 5) {
			t.Fatalf("not a permutation: %v", o)
		}
		if !reflect.DeepEqual(o, OptionOrder(q, seed, true)) {
			t.Fatal("not deterministic")
		}
		if !slices.IsSorted(o) {
			shuffled = true
		}
	}
	if !shuffled {
		t.Fatal("10 seeds never shuffled")
	}
	tf := &bank.Question{ID: "tf", Type: bank.TrueFalse, Options: make([]bank.Option, 2)}
	if got := OptionOrder(tf, 3, true); !reflect.DeepEqual(got, []int{0, 1}) {
		t.Fatalf("true/false shuffled: %v", got)
	}
}

func TestNewErrors(t *testing.T) {
	b := testBank(false, 3)
	var unk *UnknownSkillError
	if _, err := New(b, Options{Skills: []string{"nope"}}); !errors.As(err, &unk) || unk.Skill != "nope" {
		t.Fatalf("unknown skill: %v", err)
	}
	if _, err := NewWithQuestions(b, nil, Options{}); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty: %v", err)
	}
	if _, err := NewWithQuestions(b, []string{"zz"}, Options{}); err == nil {
		t.Fatal("unknown question accepted")
	}
	if _, err := NewWithQuestions(b, []string{"s1-01"}, Options{Mode: "race"}); err == nil {
		t.Fatal("unknown mode accepted")
	}
}

func TestNoShuffleKeepsBankOrder(t *testing.T) {
	b := testBank(true, 6, 6)
	s, err := New(b, Options{Count: 6, Seed: 9, NoShuffle: true})
	if err != nil {
		t.Fatal(err)
	}
	idx := make([]int, len(s.IDs))
	for i, id := range s.IDs {
		idx[i] = b.QuestionIndex(id)
	}
	if !slices.IsSorted(idx) {
		t.Fatalf("not in bank order: %v", s.IDs)
	}
	for i := range s.IDs {
		if !slices.IsSorted(s.Orders[i]) {
			t.Fatalf("options shuffled: %v", s.Orders[i])
		}
	}
}

func TestTimeLimit(t *testing.T) {
	b := testBank(false, 40)
	cases := []struct {
		mode  Mode
		limit time.Duration
		count int
		want  time.Duration
	}{
		{Exam, 0, 20, 20 * time.Minute},
		{Exam, 0, 5, 5 * time.Minute},
		{Exam, 0, 3, 3 * time.Minute},
		{Exam, 90 * time.Second, 5, 90 * time.Second},
		{Exam, -1, 5, 0},
		{Practice, 0, 5, 0},
		{Practice, 10 * time.Minute, 5, 10 * time.Minute},
	}
	for _, c := range cases {
		s, err := New(b, Options{Mode: c.mode, Count: c.count, TimeLimit: c.limit})
		if err != nil {
			t.Fatal(err)
		}
		if s.TimeLimit != c.want {
			t.Errorf("%s %v ×%d: limit %v, want %v", c.mode, c.limit, c.count, s.TimeLimit, c.want)
		}
	}
	b.TimeLimit = 30 * time.Minute // 1.5 min per question of 20
	if got := DefaultTimeLimit(b, 3); got != 5*time.Minute {
		t.Errorf("scaled limit %v, want 5m (4.5m rounded up)", got)
	}
}

func TestDisplayMapping(t *testing.T) {
	b := testBank(true, 1)
	s, err := NewWithQuestions(b, []string{"s1-multi"}, Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	s.Orders[0] = []int{3, 0, 4, 2, 1} // shown: D A E C B
	c, err := s.ParseDisplayed(0, "b, d")
	if err != nil {
		t.Fatal(err)
	}
	if c.String() != "AC" {
		t.Fatalf("displayed B,D = canonical %s, want AC", c)
	}
	if d := s.ToDisplayed(0, c); d.String() != "BD" {
		t.Fatalf("back to displayed: %s", d)
	}
	if s.Displayed(0, 4) != 2 || s.Canonical(0, 2) != 4 {
		t.Fatal("Displayed/Canonical disagree")
	}
	if _, err := s.ParseDisplayed(0, "G"); err == nil {
		t.Fatal("letter out of range accepted")
	}
}

func TestAnswersFlagsTimeAndEvents(t *testing.T) {
	b := testBank(true, 3, 2)
	s, err := NewWithQuestions(b, []string{"s1-01", "s1-multi", "s2-01"}, Options{Mode: Exam, Seed: 1, NoShuffle: true, TimeLimit: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	s.OnChange = func(e Event) error {
		events = append(events, fmt.Sprintf("%s %d %s %s %v %.0f →%d", e.Kind, e.Index, e.Question, e.Choice, e.Flagged, e.Seconds, e.Current))
		return nil
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Start(t0))
	must(s.Choose(0, 2))
	must(s.Choose(0, 1)) // single: replaces
	must(s.Goto(1, t0.Add(10*time.Second)))
	must(s.Choose(1, 0))
	must(s.Choose(1, 2))
	must(s.Choose(1, 0)) // multiple: toggles off
	must(s.ToggleFlag(1))
	if ok, err := s.Next(t0.Add(15 * time.Second)); !ok || err != nil {
		t.Fatal("next", ok, err)
	}
	if ok, _ := s.Next(t0.Add(15 * time.Second)); ok {
		t.Fatal("next past the end")
	}
	if left, ok := s.Remaining(t0.Add(50 * time.Second)); !ok || left != 10*time.Second {
		t.Fatalf("remaining %v %v", left, ok)
	}
	if !s.Expired(t0.Add(61 * time.Second)) {
		t.Fatal("not expired")
	}
	must(s.Goto(0, t0.Add(20*time.Second)))
	must(s.Finish(t0.Add(25 * time.Second)))
	if err := s.Choose(0, 0); !errors.Is(err, ErrFinished) {
		t.Fatalf("change after finish: %v", err)
	}
	want := []string{
		"start 0 s1-01  false 0 →0",
		"answer 0 s1-01 C false 0 →0",
		"answer 0 s1-01 B false 0 →0",
		"move 0 s1-01  false 10 →1",
		"answer 1 s1-multi A false 0 →1",
		"answer 1 s1-multi AC false 0 →1",
		"answer 1 s1-multi C false 0 →1",
		"flag 1 s1-multi C true 0 →1",
		"move 1 s1-multi  false 5 →2",
		"move 2 s2-01  false 5 →0",
		"finish 0 s1-01  false 15 →0",
	}
	if !reflect.DeepEqual(events, want) {
		t.Fatalf("events:\n%q\nwant\n%q", events, want)
	}
	if !reflect.DeepEqual(s.Seconds, []float64{15, 5, 5}) {
		t.Fatalf("seconds %v", s.Seconds)
	}
	if s.Elapsed(t0.Add(time.Hour)) != 25*time.Second {
		t.Fatalf("elapsed %v", s.Elapsed(t0))
	}
	if !reflect.DeepEqual(s.Unanswered(), []int{2}) || !reflect.DeepEqual(s.Flagged(), []int{1}) || s.AnsweredCount() != 2 {
		t.Fatal("unanswered/flagged lists")
	}
}

func TestConfirmLocks(t *testing.T) {
	b := testBank(false, 2)
	s, _ := NewWithQuestions(b, []string{"s1-01", "s1-02"}, Options{})
	_ = s.Start(time.Now())
	_ = s.Choose(0, 1)
	if err := s.Confirm(0); err != nil {
		t.Fatal(err)
	}
	if err := s.Choose(0, 2); !errors.Is(err, ErrConfirmed) {
		t.Fatalf("change after confirm: %v", err)
	}
	if s.Choices[0].String() != "B" {
		t.Fatal("confirmed answer changed")
	}
}

func TestOnChangeError(t *testing.T) {
	b := testBank(false, 2)
	s, _ := NewWithQuestions(b, []string{"s1-01"}, Options{})
	boom := errors.New("disk full")
	s.OnChange = func(Event) error { return boom }
	if err := s.Choose(0, 1); !errors.Is(err, boom) {
		t.Fatalf("error not returned: %v", err)
	}
	if s.Choices[0].String() != "B" {
		t.Fatal("the change must stay")
	}
}

func TestResultUsesScoring(t *testing.T) {
	b := testBank(true, 3, 3)
	ids := []string{"s1-01", "s1-02", "s1-multi", "s2-01", "s2-02"}
	s, err := NewWithQuestions(b, ids, Options{Mode: Exam, Seed: 42, Candidate: "c-1", Lang: "en", TimeLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	_ = s.Start(t0)
	_ = s.Choose(0, 1)
	_ = s.Choose(1, 0)
	_ = s.Choose(2, 0)
	_ = s.Choose(2, 3)
	_ = s.Choose(3, 1)
	s.SelfLevels = map[string]int{"s2": 5}
	_ = s.Finish(t0.Add(20 * time.Minute))
	r, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scoring.NewScorer(b, ids)
	sc.Lang = "en"
	want := sc.Score(scoring.Sheet{Candidate: "c-1", Choices: []answers.Choice{0b10, 0b1, 0b1001, 0b10, 0}, Seconds: s.Seconds, Flagged: s.Flags}, true)
	if !reflect.DeepEqual(r.Score, want.Score) || !reflect.DeepEqual(r.Answers, want.Answers) || !reflect.DeepEqual(r.Recommendations, want.Recommendations) {
		t.Fatalf("result differs from scoring:\n%+v\n%+v", r.Score, want.Score)
	}
	if r.Mode != "exam" || *r.Seed != 42 || r.Lang != "en" || r.StartedAt.Location() != time.UTC || r.FinishedAt.Sub(*r.StartedAt) != 20*time.Minute {
		t.Fatalf("metadata: %+v", r)
	}
	if r.Skills[1].SelfLevel != 5 || r.Skills[0].SelfLevel != 0 {
		t.Fatalf("self levels: %+v", r.Skills)
	}
}

func TestSnapshotRestore(t *testing.T) {
	b := testBank(true, 4, 4)
	s, err := New(b, Options{Mode: Exam, Count: 6, Seed: 11, TimeLimit: 10 * time.Minute, Candidate: "x"})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	_ = s.Start(t0)
	_ = s.Choose(0, s.Canonical(0, 2))
	_ = s.ToggleFlag(0)
	_ = s.Goto(3, t0.Add(30*time.Second))
	_ = s.Choose(3, s.Canonical(3, 0))
	s.SelfLevels = map[string]int{"s1": 2}
	snap := s.Snapshot(t0.Add(45 * time.Second))

	// Through JSON, as a store would keep it.
	data, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	var back Snapshot
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	r, err := Restore(b, back)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.IDs, s.IDs) || !reflect.DeepEqual(r.Orders, s.Orders) || !reflect.DeepEqual(r.Choices, s.Choices) ||
		!reflect.DeepEqual(r.Flags, s.Flags) || r.Current != 3 || r.SelfLevels["s1"] != 2 {
		t.Fatal("restored state differs")
	}
	if r.Seconds[0] != 30 || r.Seconds[3] != 15 {
		t.Fatalf("seconds %v", r.Seconds)
	}
	t1 := t0.Add(24 * time.Hour)
	_ = r.Start(t1)
	if left, _ := r.Remaining(t1.Add(time.Minute)); left != 10*time.Minute-45*time.Second-time.Minute {
		t.Fatalf("remaining after resume %v", left)
	}

	bad := back
	bad.Choices = slices.Clone(back.Choices)
	bad.Choices[0] = "Z"
	if _, err := Restore(b, bad); err == nil {
		t.Fatal("bad letter accepted")
	}
	bad = back
	bad.Orders = slices.Clone(back.Orders)
	bad.Orders[1] = []int{0, 0, 1, 2}
	if _, err := Restore(b, bad); err == nil {
		t.Fatal("bad order accepted")
	}
	bad = back
	bad.Bank = "other"
	if _, err := Restore(b, bad); err == nil {
		t.Fatal("other bank accepted")
	}
}
