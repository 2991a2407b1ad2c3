package record

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
	"github.com/asnskill/asnskill/internal/store"
)

func testBank(t *testing.T) *bank.Bank {
	t.Helper()
	data, err := os.ReadFile("../bank/testdata/valid/contoh-peran.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := bank.Decode("contoh-peran.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return b
}

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "h.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// An exam interrupted after three answers comes back with the same
// questions, option orders, answers, flags, place and time left.
func TestExamInterruptedAndResumed(t *testing.T) {
	b := testBank(t)
	st, path := openStore(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	s, err := session.New(b, session.Options{Mode: session.Exam, Count: 4, Seed: 7, TimeLimit: 10 * time.Minute, Candidate: "ani"})
	if err != nil {
		t.Fatal(err)
	}
	s.SelfLevels = map[string]int{"dasar-data": 4}
	rec := &Recorder{Store: st}
	if err := rec.Attach(s, now); err != nil {
		t.Fatal(err)
	}
	if err := s.Start(now); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		now = now.Add(30 * time.Second)
		if err := s.SetChoice(i, answers.Choice(1)); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := s.ToggleFlag(i); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Next(now); err != nil {
			t.Fatal(err)
		}
	}
	// The process dies here: nothing more is written. Another opens the db.
	st2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	a, ok, err := st2.LatestUnfinished(b.ID)
	if err != nil || !ok {
		t.Fatalf("no unfinished attempt: %v", err)
	}
	r, err := Resume(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.IDs {
		if r.IDs[i] != s.IDs[i] || r.Choices[i] != s.Choices[i] || r.Flags[i] != s.Flags[i] {
			t.Errorf("question %d: resumed %s %v %v, was %s %v %v", i, r.IDs[i], r.Choices[i], r.Flags[i], s.IDs[i], s.Choices[i], s.Flags[i])
		}
		for k := range s.Orders[i] {
			if r.Orders[i][k] != s.Orders[i][k] {
				t.Errorf("question %d option order differs", i)
			}
		}
	}
	if r.SelfLevels["dasar-data"] != 4 {
		t.Errorf("self-ratings lost on resume: %v", r.SelfLevels)
	}
	if r.Current != 3 || r.Mode != session.Exam || r.Candidate != "ani" {
		t.Errorf("resumed at %d mode %s candidate %q", r.Current, r.Mode, r.Candidate)
	}
	if left, ok := r.Remaining(now); !ok || left > 10*time.Minute-80*time.Second || left < 10*time.Minute-100*time.Second {
		t.Errorf("time left %v", left)
	}
	// Finish the resumed attempt: it records skills and outcomes.
	rec2 := &Recorder{Store: st2, ID: a.ID}
	if err := rec2.Attach(r, now); err != nil {
		t.Fatal(err)
	}
	r.Start(now)
	r.SetChoice(3, answers.Choice(2))
	r.Finish(now)
	res, err := r.Result()
	if err != nil {
		t.Fatal(err)
	}
	if err := rec2.Finish(r, res, now); err != nil {
		t.Fatal(err)
	}
	done, err := st2.Attempt(a.ID)
	if err != nil || !done.Finished() || len(done.Skills) == 0 || len(done.Result) == 0 {
		t.Fatalf("finished attempt: %+v %v", done, err)
	}
	if _, ok, _ := st2.LatestUnfinished(b.ID); ok {
		t.Error("attempt still unfinished")
	}
	due, err := ReviewQuestions(st2, b, now.Add(time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for i := range r.IDs {
		if r.Choices[i] != 0 && !scoring.IsCorrect(r.Question(i), r.Choices[i]) {
			wrong++
		}
	}
	if len(due) != wrong {
		t.Errorf("%d questions due for review, %d answered wrong", len(due), wrong)
	}
}

// Only skills with a level feed the per-skill history ("history --weak"):
// a skill met in fewer than three questions has no level, and its score
// is not recorded as a weakness.
func TestOnlySkillsWithALevelAreRecorded(t *testing.T) {
	b := testBank(t) // dasar-data: 3 questions, etika: fewer
	st, _ := openStore(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	s, err := session.New(b, session.Options{Mode: session.Practice, Count: len(b.Questions), Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rec := &Recorder{Store: st}
	if err := rec.Attach(s, now); err != nil {
		t.Fatal(err)
	}
	s.Start(now)
	s.Finish(now)
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Finish(s, res, now); err != nil {
		t.Fatal(err)
	}
	skills, _, err := st.Weak(b.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(skills) != 1 || skills[0].Skill != "dasar-data" {
		t.Errorf("recorded skills %+v, want only dasar-data", skills)
	}
}
