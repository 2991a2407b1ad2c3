package store

import (
	"reflect"
	"testing"
	"time"
)

const day = 24 * time.Hour

func TestInterval(t *testing.T) {
	want := map[int]time.Duration{0: 0, 1: 0, 2: 2 * day, 3: 4 * day, 4: 8 * day, 5: 16 * day, 6: 0}
	for box, w := range want {
		if got := Interval(box); got != w {
			t.Errorf("Interval(%d) = %s, want %s", box, got, w)
		}
	}
}

func TestLeitnerRule(t *testing.T) {
	type step struct {
		correct bool
		at      time.Duration // after t0
		box     int
		due     time.Duration // after t0; ignored when box is 0
		retired bool
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"right, never wrong: not in review", []step{
			{true, 0, 0, 0, false},
			{true, day, 0, 0, false},
		}},
		{"wrong: box 1, due at once", []step{
			{false, 0, 1, 0, false},
		}},
		{"up through the boxes to retirement", []step{
			{false, 0, 1, 0, false},
			{true, time.Hour, 2, time.Hour + 2*day, false},
			{true, time.Hour + 2*day, 3, time.Hour + 6*day, false},
			{true, time.Hour + 6*day, 4, time.Hour + 14*day, false},
			{true, 20 * day, 5, 36 * day, false},
			{true, 36 * day, 0, 0, true},
		}},
		{"right before due only counts", []step{
			{false, 0, 1, 0, false},
			{true, time.Hour, 2, time.Hour + 2*day, false},
			{true, 2 * time.Hour, 2, time.Hour + 2*day, false},
			{true, day, 2, time.Hour + 2*day, false},
		}},
		{"wrong from any box: back to box 1", []step{
			{false, 0, 1, 0, false},
			{true, 0, 2, 2 * day, false},
			{true, 2 * day, 3, 6 * day, false},
			{false, 3 * day, 1, 3 * day, false},
		}},
		{"wrong in box 1 stays due", []step{
			{false, 0, 1, 0, false},
			{false, time.Minute, 1, time.Minute, false},
		}},
		{"wrong after retirement: back in review", []step{
			{false, 0, 1, 0, false},
			{true, 0, 2, 2 * day, false},
			{true, 2 * day, 3, 6 * day, false},
			{true, 6 * day, 4, 14 * day, false},
			{true, 14 * day, 5, 30 * day, false},
			{true, 30 * day, 0, 0, true},
			{true, 31 * day, 0, 0, true},
			{false, 40 * day, 1, 40 * day, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			var r ReviewItem
			for i, st := range tt.steps {
				at := t0.Add(st.at)
				r = r.next(st.correct, at)
				if err := s.RecordReview("bank", "q", st.correct, at); err != nil {
					t.Fatal(err)
				}
				stored, err := s.DueReviews("bank", t0.Add(1000*day), 0)
				if err != nil {
					t.Fatal(err)
				}
				if r.Box != st.box || r.Retired != st.retired || (st.box > 0 && !r.Due.Equal(t0.Add(st.due))) {
					t.Fatalf("step %d: box %d due %s retired %v; want box %d due %s retired %v",
						i, r.Box, r.Due, r.Retired, st.box, t0.Add(st.due), st.retired)
				}
				if r.Box == 0 {
					if len(stored) != 0 {
						t.Fatalf("step %d: out of review, but listed as due: %+v", i, stored)
					}
					continue
				}
				r.BankID, r.Question = "bank", "q"
				if len(stored) != 1 || !reflect.DeepEqual(stored[0], r) {
					t.Fatalf("step %d: stored %+v, want %+v", i, stored, r)
				}
			}
		})
	}
}

func TestDueReviewsOrderAndLimits(t *testing.T) {
	s := newStore(t)
	record := func(bank, q string, correct bool, at time.Time) {
		t.Helper()
		if err := s.RecordReview(bank, q, correct, at); err != nil {
			t.Fatal(err)
		}
	}
	record("a", "box2-old", false, t0)
	record("a", "box2-old", true, t0) // box 2, due t0+2d
	record("a", "box2-new", false, t0)
	record("a", "box2-new", true, t0.Add(time.Hour)) // box 2, due t0+2d+1h
	record("a", "box1-late", false, t0.Add(2*day))   // box 1, due t0+2d
	record("a", "box1-early", false, t0.Add(day))    // box 1, due t0+1d
	record("b", "other-bank", false, t0)             // box 1, due t0
	record("a", "not-yet", false, t0)
	record("a", "not-yet", true, t0.Add(day)) // box 2, due t0+3d
	record("a", "never-wrong", true, t0)

	names := func(items []ReviewItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Question)
		}
		return out
	}
	at := t0.Add(2*day + time.Hour)
	got, err := s.DueReviews("a", at, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"box1-early", "box1-late", "box2-old", "box2-new"}
	if !reflect.DeepEqual(names(got), want) {
		t.Errorf("due on bank a: %v, want %v", names(got), want)
	}
	if got, _ := s.DueReviews("a", at, 2); !reflect.DeepEqual(names(got), want[:2]) {
		t.Errorf("limit 2: %v", names(got))
	}
	if got, _ := s.DueReviews("", at, 0); len(got) != 5 || got[0].Question != "other-bank" {
		t.Errorf("every bank: %v", names(got))
	}
	if got, _ := s.DueReviews("a", t0.Add(2*day), 0); !reflect.DeepEqual(names(got), []string{"box1-early", "box1-late", "box2-old"}) {
		t.Errorf("due exactly now counts as due: %v", names(got))
	}
	if got, _ := s.DueReviews("a", t0.Add(-time.Hour), 0); len(got) != 0 {
		t.Errorf("due before any mistake: %v", names(got))
	}
}

func TestFinishFeedsSchedule(t *testing.T) {
	s := newStore(t)
	id := begin(t, s, meta("bank", t0, "q1", "q2", "q3"))
	at := t0.Add(10 * time.Minute)
	if err := s.Finish(id, Completion{At: at, Outcomes: []Outcome{{"q1", false}, {"q2", true}, {"q3", false}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.DueReviews("bank", at, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Question != "q1" || got[1].Question != "q3" || !got[0].Due.Equal(at) {
		t.Fatalf("due after finishing: %+v", got)
	}
}

func TestWeak(t *testing.T) {
	s := newStore(t)
	attempt := func(bank string, finished time.Time, skills ...SkillScore) {
		t.Helper()
		id := begin(t, s, meta(bank, finished.Add(-time.Hour), "q"))
		if err := s.Finish(id, Completion{At: finished, Skills: skills}); err != nil {
			t.Fatal(err)
		}
	}
	// "rising" scores 10, 20, 30, 90: the last three average 46.7.
	// "steady" scores 50 every time. "once" scored 40 once.
	attempt("a", t0.Add(1*day), SkillScore{"rising", 10, 1}, SkillScore{"steady", 50, 3})
	attempt("a", t0.Add(2*day), SkillScore{"rising", 20, 1}, SkillScore{"steady", 50, 3})
	attempt("a", t0.Add(3*day), SkillScore{"rising", 30, 2}, SkillScore{"once", 40, 2})
	attempt("a", t0.Add(4*day), SkillScore{"rising", 90, 5}, SkillScore{"steady", 50, 3})
	attempt("b", t0.Add(5*day), SkillScore{"rising", 0, 1})

	record := func(q string, results ...bool) {
		t.Helper()
		for i, ok := range results {
			if err := s.RecordReview("a", q, ok, t0.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
	}
	record("half", false, true)                // 1 of 2 wrong, box 2
	record("mostly-wrong", false, false, true) // 2 of 3 wrong, box 2
	record("all-wrong", false)                 // 1 of 1 wrong, box 1
	record("all-wrong-twice", false, false)    // 2 of 2 wrong, box 1
	record("never-wrong", true, true)          // not in review

	skills, questions, err := s.Weak("a", 0)
	if err != nil {
		t.Fatal(err)
	}
	wantSkills := []WeakSkill{
		{Skill: "once", Attempts: 1, Recent: 40, Latest: 40, Level: 2},
		{Skill: "rising", Attempts: 4, Recent: (20 + 30 + 90) / 3.0, Latest: 90, Level: 5},
		{Skill: "steady", Attempts: 3, Recent: 50, Latest: 50, Level: 3},
	}
	if !reflect.DeepEqual(skills, wantSkills) {
		t.Errorf("weak skills\n%+v\nwant\n%+v", skills, wantSkills)
	}
	var qs []string
	for _, q := range questions {
		qs = append(qs, q.Question)
	}
	if want := []string{"all-wrong-twice", "all-wrong", "mostly-wrong", "half"}; !reflect.DeepEqual(qs, want) {
		t.Errorf("weak questions %v, want %v", qs, want)
	}

	skills, questions, err = s.Weak("a", 1)
	if err != nil || len(skills) != 1 || skills[0].Skill != "once" || len(questions) != 1 || questions[0].Question != "all-wrong-twice" {
		t.Errorf("limit 1: %+v %+v %v", skills, questions, err)
	}
	if skills, _, _ := s.Weak("", 0); skills[0].Skill != "once" || skills[1].Skill != "rising" || skills[1].Attempts != 5 {
		t.Errorf("every bank: %+v", skills)
	}
	if skills, questions, err := s.Weak("zzz", 0); err != nil || len(skills)+len(questions) != 0 {
		t.Errorf("unknown bank: %+v %+v %v", skills, questions, err)
	}
}
