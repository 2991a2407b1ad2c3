package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func meta(bank string, started time.Time, questions ...string) AttemptMeta {
	return AttemptMeta{
		BankID: bank, BankVersion: "1.0.0", BankSHA256: strings.Repeat("ab", 32),
		Mode: "exam", Seed: 42, Candidate: "Siti", Lang: "id",
		Questions: questions, StartedAt: started,
	}
}

func begin(t *testing.T, s *Store, m AttemptMeta) int64 {
	t.Helper()
	id, err := s.Begin(m)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mustAttempt(t *testing.T, s *Store, id int64) Attempt {
	t.Helper()
	a, err := s.Attempt(id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAttemptLifecycle(t *testing.T) {
	s := newStore(t)
	m := meta("ml-specialist", t0, "ml-003", "ml-001", "ml-002")
	m.TimeLimit = 20 * time.Minute
	m.OptionOrder = [][]string{{"C", "A", "B", "D"}, nil, {"B", "A"}}
	id := begin(t, s, m)

	a := mustAttempt(t, s, id)
	if !reflect.DeepEqual(a.AttemptMeta, m) {
		t.Fatalf("meta read back\n%+v\nwant\n%+v", a.AttemptMeta, m)
	}
	if a.Finished() || a.Answers != nil || a.Current != 0 || a.Remaining != m.TimeLimit || a.Result != nil {
		t.Fatalf("new attempt: %+v", a)
	}

	save := func(ans Answer) {
		t.Helper()
		if err := s.SaveAnswer(id, ans); err != nil {
			t.Fatal(err)
		}
	}
	save(Answer{Question: "ml-001", Response: []string{"B"}, Seconds: 12.5})
	save(Answer{Question: "ml-003", Response: []string{"A", "C"}, Seconds: 3})
	save(Answer{Question: "ml-001", Response: []string{"D"}, Seconds: 20}) // changed
	save(Answer{Question: "ml-003", Response: []string{"A", "C"}, Flagged: true, Seconds: 4})
	save(Answer{Question: "ml-002", Flagged: true, Seconds: 1}) // flagged, unanswered
	if err := s.SaveProgress(id, 2, 17*time.Minute+500*time.Millisecond); err != nil {
		t.Fatal(err)
	}

	a = mustAttempt(t, s, id)
	want := []Answer{
		{Question: "ml-003", Position: 0, Response: []string{"A", "C"}, Flagged: true, Seconds: 4},
		{Question: "ml-001", Position: 1, Response: []string{"D"}, Seconds: 20},
		{Question: "ml-002", Position: 2, Flagged: true, Seconds: 1},
	}
	if !reflect.DeepEqual(a.Answers, want) {
		t.Fatalf("answers\n%+v\nwant\n%+v", a.Answers, want)
	}
	if a.Current != 2 || a.Remaining != 17*time.Minute+500*time.Millisecond {
		t.Fatalf("progress %d, %s", a.Current, a.Remaining)
	}
	save(Answer{Question: "ml-003", Response: []string{"A", "C"}, Seconds: 5}) // flag cleared
	if a = mustAttempt(t, s, id); a.Answers[0].Flagged {
		t.Fatal("flag not cleared")
	}

	got, ok, err := s.LatestUnfinished("ml-specialist")
	if err != nil || !ok || got.ID != id {
		t.Fatalf("LatestUnfinished: %d, %v, %v", got.ID, ok, err)
	}

	result := json.RawMessage(`{"format":"asnskill/result/v1","score":{"percent":66.7}}`)
	skills := []SkillScore{{"ml-fundamentals", 50, 2}, {"ethics", 100, 5}}
	finished := t0.Add(15 * time.Minute)
	if err := s.Finish(id, Completion{At: finished, Result: result, Percent: 66.7, Skills: skills}); err != nil {
		t.Fatal(err)
	}
	a = mustAttempt(t, s, id)
	if !a.Finished() || !a.FinishedAt.Equal(finished) || a.Percent != 66.7 ||
		!bytes.Equal(a.Result, result) || !reflect.DeepEqual(a.Skills, skills) {
		t.Fatalf("finished attempt: %+v", a)
	}
	if _, ok, err := s.LatestUnfinished(""); ok || err != nil {
		t.Fatalf("a finished attempt is still unfinished: %v, %v", ok, err)
	}

	// A finished attempt is frozen.
	for name, err := range map[string]error{
		"answer":   s.SaveAnswer(id, Answer{Question: "ml-001", Response: []string{"A"}}),
		"progress": s.SaveProgress(id, 0, 0),
		"finish":   s.Finish(id, Completion{At: finished}),
	} {
		if !errors.Is(err, ErrFinished) {
			t.Errorf("%s after finishing: %v, want ErrFinished", name, err)
		}
	}
	if !reflect.DeepEqual(mustAttempt(t, s, id), a) {
		t.Error("a refused change changed the attempt")
	}
}

func TestAttemptErrors(t *testing.T) {
	s := newStore(t)
	id := begin(t, s, meta("b", t0, "q1", "q2"))
	checks := []struct {
		name string
		err  error
		is   error
	}{
		{"unknown attempt answer", s.SaveAnswer(99, Answer{Question: "q1"}), ErrNotFound},
		{"unknown attempt progress", s.SaveProgress(99, 0, 0), ErrNotFound},
		{"unknown attempt finish", s.Finish(99, Completion{At: t0}), ErrNotFound},
		{"unknown attempt read", func() error { _, err := s.Attempt(99); return err }(), ErrNotFound},
		{"unknown attempt forget", s.Forget(99), ErrNotFound},
		{"question not in attempt", s.SaveAnswer(id, Answer{Question: "q9"}), nil},
		{"negative seconds", s.SaveAnswer(id, Answer{Question: "q1", Seconds: -1}), nil},
		{"index out of range", s.SaveProgress(id, 2, 0), nil},
		{"negative index", s.SaveProgress(id, -1, 0), nil},
		{"no finish time", s.Finish(id, Completion{}), nil},
		{"bad result", s.Finish(id, Completion{At: t0, Result: json.RawMessage(`{"x":`)}), nil},
		{"skill twice", s.Finish(id, Completion{At: t0, Skills: []SkillScore{{"a", 1, 1}, {"a", 2, 2}}}), nil},
		{"outcome for foreign question", s.Finish(id, Completion{At: t0, Outcomes: []Outcome{{"q9", true}}}), nil},
	}
	for _, c := range checks {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
		} else if c.is != nil && !errors.Is(c.err, c.is) {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.is)
		}
	}
	// None of the refused calls left a trace.
	a := mustAttempt(t, s, id)
	if a.Finished() || a.Answers != nil || a.Skills != nil {
		t.Fatalf("refused calls changed the attempt: %+v", a)
	}
	if items, err := s.DueReviews("", t0.Add(time.Hour), 0); err != nil || len(items) != 0 {
		t.Fatalf("refused finish fed the schedule: %v, %v", items, err)
	}
}

func TestBeginValidation(t *testing.T) {
	s := newStore(t)
	ok := meta("b", t0, "q1", "q2")
	tests := map[string]func(m *AttemptMeta){
		"no bank":             func(m *AttemptMeta) { m.BankID = "" },
		"no mode":             func(m *AttemptMeta) { m.Mode = "" },
		"no start":            func(m *AttemptMeta) { m.StartedAt = time.Time{} },
		"no questions":        func(m *AttemptMeta) { m.Questions = nil },
		"empty question":      func(m *AttemptMeta) { m.Questions = []string{"q1", ""} },
		"repeated question":   func(m *AttemptMeta) { m.Questions = []string{"q1", "q1"} },
		"short option order":  func(m *AttemptMeta) { m.OptionOrder = [][]string{{"A"}} },
		"negative time limit": func(m *AttemptMeta) { m.TimeLimit = -time.Second },
	}
	for name, change := range tests {
		m := ok
		change(&m)
		if _, err := s.Begin(m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if got, err := s.List(Filter{}); err != nil || len(got) != 0 {
		t.Fatalf("refused attempts stored: %d, %v", len(got), err)
	}
}

func TestLatestUnfinished(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.LatestUnfinished(""); ok || err != nil {
		t.Fatalf("empty store: %v, %v", ok, err)
	}
	a1 := begin(t, s, meta("a", t0, "q"))
	b1 := begin(t, s, meta("b", t0.Add(time.Hour), "q"))
	a2 := begin(t, s, meta("a", t0.Add(2*time.Hour), "q"))
	a3 := begin(t, s, meta("a", t0.Add(3*time.Hour), "q"))
	if err := s.Finish(a3, Completion{At: t0.Add(4 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for bank, want := range map[string]int64{"a": a2, "b": b1, "": a2} {
		got, ok, err := s.LatestUnfinished(bank)
		if err != nil || !ok || got.ID != want {
			t.Errorf("bank %q: %d, %v, %v; want %d", bank, got.ID, ok, err, want)
		}
	}
	if _, ok, _ := s.LatestUnfinished("c"); ok {
		t.Error("an attempt found on a bank never tried")
	}
	_ = a1
}

func ids(as []Attempt) []int64 {
	var out []int64
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestList(t *testing.T) {
	s := newStore(t)
	// Begun out of time order, so that the order of ids is not the answer.
	late := begin(t, s, meta("a", t0.Add(48*time.Hour), "q1", "q2"))
	early := begin(t, s, meta("a", t0, "q1"))
	other := begin(t, s, meta("b", t0.Add(24*time.Hour), "q3"))
	if err := s.Finish(early, Completion{At: t0.Add(time.Minute), Percent: 50}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(late, Answer{Question: "q2", Response: []string{"A"}}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		f    Filter
		want []int64
	}{
		{"all, oldest first", Filter{}, []int64{early, other, late}},
		{"bank", Filter{BankID: "a"}, []int64{early, late}},
		{"since", Filter{Since: t0.Add(24 * time.Hour)}, []int64{other, late}},
		{"bank and since", Filter{BankID: "a", Since: t0.Add(time.Second)}, []int64{late}},
		{"finished", Filter{Finished: true}, []int64{early}},
		{"limit keeps the latest", Filter{Limit: 2}, []int64{other, late}},
		{"limit with bank", Filter{BankID: "a", Limit: 1}, []int64{late}},
		{"nothing", Filter{BankID: "zzz"}, nil},
	}
	for _, tt := range tests {
		got, err := s.List(tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(ids(got), tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, ids(got), tt.want)
		}
	}
	all, _ := s.List(Filter{})
	for _, a := range all {
		if !reflect.DeepEqual(a, mustAttempt(t, s, a.ID)) {
			t.Errorf("List and Attempt disagree on attempt %d", a.ID)
		}
	}
	if got := all[2]; len(got.Questions) != 2 || len(got.Answers) != 1 || got.Answers[0].Position != 1 {
		t.Errorf("listed attempt incomplete: %+v", got)
	}
}

func TestSkillTrend(t *testing.T) {
	s := newStore(t)
	finish := func(bank string, started, finished time.Time, skills ...SkillScore) int64 {
		t.Helper()
		id := begin(t, s, meta(bank, started, "q1"))
		if err := s.Finish(id, Completion{At: finished, Skills: skills}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	// The second attempt started first but finished last.
	a1 := finish("a", t0.Add(time.Hour), t0.Add(2*time.Hour), SkillScore{"x", 40, 2}, SkillScore{"y", 90, 5})
	a2 := finish("a", t0, t0.Add(3*time.Hour), SkillScore{"x", 60, 3})
	finish("b", t0, t0.Add(time.Hour), SkillScore{"x", 10, 1})
	finish("a", t0, t0.Add(5*time.Hour)) // a drill without skill scores
	begin(t, s, meta("a", t0, "q1"))     // unfinished

	got, err := s.SkillTrend("a")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]TrendPoint{
		"x": {{a1, t0.Add(2 * time.Hour), 40, 2}, {a2, t0.Add(3 * time.Hour), 60, 3}},
		"y": {{a1, t0.Add(2 * time.Hour), 90, 5}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("trend\n%+v\nwant\n%+v", got, want)
	}
	all, err := s.SkillTrend("")
	if err != nil || len(all["x"]) != 3 || all["x"][0].Percent != 10 {
		t.Fatalf("trend over every bank: %+v, %v", all, err)
	}
	if none, err := s.SkillTrend("zzz"); err != nil || len(none) != 0 {
		t.Fatalf("trend of an unknown bank: %+v, %v", none, err)
	}
}

// countRows counts an attempt's rows in every table that refers to attempts.
func countRows(t *testing.T, s *Store, id int64) int {
	t.Helper()
	total := 0
	for _, table := range []string{"attempts WHERE id = ?", "attempt_questions WHERE attempt_id = ?",
		"answers WHERE attempt_id = ?", "attempt_skills WHERE attempt_id = ?", "review_events WHERE attempt_id = ?"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM "+table, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		total += n
	}
	return total
}

// onDisk reports whether text is anywhere in the database's files.
func onDisk(t *testing.T, s *Store, text string) bool {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-journal"} {
		b, err := os.ReadFile(s.path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(text)) {
			return true
		}
	}
	return false
}

func finishedAttempt(t *testing.T, s *Store, candidate string, started time.Time, outcomes ...Outcome) int64 {
	t.Helper()
	m := meta("bank", started, "q1", "q2", "q3")
	m.Candidate = candidate
	id := begin(t, s, m)
	for _, q := range m.Questions {
		if err := s.SaveAnswer(id, Answer{Question: q, Response: []string{"A"}}); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Finish(id, Completion{At: started.Add(time.Minute), Percent: 33.3,
		Result:   json.RawMessage(`{"candidate":"` + candidate + `"}`),
		Skills:   []SkillScore{{"s1", 33.3, 2}},
		Outcomes: outcomes})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestForget(t *testing.T) {
	s := newStore(t)
	keep := finishedAttempt(t, s, "Keep Me", t0, Outcome{"q1", false})
	gone := finishedAttempt(t, s, "Zyxwvut Forgettable", t0.Add(time.Hour), Outcome{"q1", true}, Outcome{"q2", false})
	if !onDisk(t, s, "Zyxwvut Forgettable") {
		t.Fatal("test broken: the name was never on disk")
	}
	if countRows(t, s, gone) == 0 {
		t.Fatal("test broken: no rows")
	}

	if err := s.Forget(gone); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, gone); n != 0 {
		t.Errorf("%d rows of the forgotten attempt remain", n)
	}
	if _, err := s.Attempt(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("forgotten attempt still readable: %v", err)
	}
	if onDisk(t, s, "Zyxwvut Forgettable") {
		t.Error("the forgotten candidate's name is still in the files")
	}
	if a := mustAttempt(t, s, keep); a.Candidate != "Keep Me" || len(a.Answers) != 3 || len(a.Skills) != 1 {
		t.Errorf("the other attempt was damaged: %+v", a)
	}
	// The schedule is as if the forgotten attempt had never been: q1 wrong
	// once (from keep), q2 never seen.
	items, err := s.DueReviews("", t0.Add(100*24*time.Hour), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Question != "q1" || items[0].Right != 0 || items[0].Wrong != 1 || items[0].Box != 1 {
		t.Fatalf("schedule after forgetting: %+v", items)
	}
	// Ids are not reused.
	if id := finishedAttempt(t, s, "Next", t0.Add(2*time.Hour)); id <= gone {
		t.Errorf("new attempt got id %d, not above the forgotten %d", id, gone)
	}
}

func TestForgetAll(t *testing.T) {
	s := newStore(t)
	finishedAttempt(t, s, "Zyxwvut Forgettable", t0, Outcome{"q1", false})
	last := finishedAttempt(t, s, "Zyxwvut Forgettable", t0.Add(time.Hour), Outcome{"q2", false})
	begin(t, s, meta("other", t0, "q9"))
	if err := s.RecordReview("bank", "q7", false, t0); err != nil {
		t.Fatal(err)
	}

	if err := s.ForgetAll(); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"attempts", "attempt_questions", "answers", "attempt_skills", "review_events", "reviews", "sqlite_sequence"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows remain", table, n)
		}
	}
	if onDisk(t, s, "Zyxwvut Forgettable") {
		t.Error("a forgotten name is still in the files")
	}
	if id := begin(t, s, meta("b", t0, "q")); id != 1 {
		t.Errorf("first attempt after ForgetAll got id %d, want 1 (was %d)", id, last)
	}
}

// TestResumeAfterReopen is what --resume relies on: everything saved is there
// when another process opens the database.
func TestResumeAfterReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := meta("b", t0, "q1", "q2", "q3")
	m.TimeLimit = 10 * time.Minute
	id := begin(t, s, m)
	for _, ans := range []Answer{{Question: "q1", Response: []string{"B"}}, {Question: "q2", Flagged: true}} {
		if err := s.SaveAnswer(id, ans); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveProgress(id, 1, 7*time.Minute); err != nil {
		t.Fatal(err)
	}
	want := mustAttempt(t, s, id)
	// No Close: as if the process had died.

	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, ok, err := s2.LatestUnfinished("b")
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("resumed\n%+v, %v, %v\nwant\n%+v", got, ok, err, want)
	}
	s.Close()
}
