package tui

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

func plainSession(t *testing.T, o session.Options) *session.Session {
	t.Helper()
	if o.Lang == "" {
		o.Lang = "en"
	}
	s, err := session.New(loadBank(t, "peran-uji.yaml"), o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func runPlain(t *testing.T, s *session.Session, input string, o PlainOptions) (scoring.Result, string, string) {
	t.Helper()
	var out, res bytes.Buffer
	o.In = strings.NewReader(input)
	o.Out = &out
	o.Result = &res
	if o.Lang == "" {
		o.Lang = "en"
	}
	if o.Now == nil {
		o.Now = newClock().Now
	}
	r, err := RunPlain(s, o)
	if err != nil {
		t.Fatal(err)
	}
	return r, out.String(), res.String()
}

// sameScore compares what scoring decides: the totals, the skills, the
// recommendations and every answer's response and points.
func sameScore(t *testing.T, got, want scoring.Result) {
	t.Helper()
	if !reflect.DeepEqual(got.Score, want.Score) {
		t.Errorf("score %+v, want %+v", got.Score, want.Score)
	}
	gs, ws := slicesClone(got.Skills), slicesClone(want.Skills)
	for i := range gs {
		gs[i].Seconds, gs[i].SelfLevel = 0, 0
	}
	for i := range ws {
		ws[i].Seconds, ws[i].SelfLevel = 0, 0
	}
	if !reflect.DeepEqual(gs, ws) {
		t.Errorf("skills %+v, want %+v", gs, ws)
	}
	if !reflect.DeepEqual(got.Recommendations, want.Recommendations) {
		t.Errorf("recommendations %+v, want %+v", got.Recommendations, want.Recommendations)
	}
	if len(got.Answers) != len(want.Answers) {
		t.Fatalf("%d answers, want %d", len(got.Answers), len(want.Answers))
	}
	for i := range got.Answers {
		g, w := got.Answers[i], want.Answers[i]
		if g.Question != w.Question || !reflect.DeepEqual(g.Response, w.Response) || g.Earned != w.Earned || g.Points != w.Points {
			t.Errorf("answer %d: %+v, want %+v", i, g, w)
		}
	}
}

func slicesClone(s []scoring.SkillResult) []scoring.SkillResult {
	return append([]scoring.SkillResult(nil), s...)
}

// scoreSheet scores canonical letters the way `asnskill score` does: a
// Scorer over the administered questions and one Sheet.
func scoreSheet(t *testing.T, b *bank.Bank, ids []string, letters []string, lang string) scoring.Result {
	t.Helper()
	sc, err := scoring.NewScorer(b, ids)
	if err != nil {
		t.Fatal(err)
	}
	sc.Lang = lang
	sh := scoring.Sheet{Candidate: "c-1"}
	for i, id := range ids {
		q := b.Question(id)
		l := ""
		if i < len(letters) {
			l = letters[i]
		}
		c, err := answers.ParseChoice(l, len(q.Options), q.Type != bank.Multiple)
		if err != nil {
			t.Fatal(err)
		}
		sh.Choices = append(sh.Choices, c)
	}
	return sc.Score(sh, true)
}

// TestPlainEqualsScore is the contract: the line mode's result equals the
// scoring of the same answers.
func TestPlainEqualsScore(t *testing.T) {
	// As `printf 'B\nA,C\n' | asnskill quiz peran-uji --seed 3 --plain
	// --no-shuffle -o json`: the questions in bank order, the input ending
	// after two answers.
	s := plainSession(t, session.Options{Count: 7, Seed: 3, NoShuffle: true, Candidate: "c-1"})
	r, _, res := runPlain(t, s, "B\nA,C\n"+strings.Repeat("\n", 5), PlainOptions{JSON: true})
	var fromJSON scoring.Result
	if err := json.Unmarshal([]byte(res), &fromJSON); err != nil {
		t.Fatalf("the JSON output does not parse: %v\n%s", err, res)
	}
	if fromJSON.Format != scoring.ResultFormat || fromJSON.Mode != "practice" || *fromJSON.Seed != 3 {
		t.Fatalf("result header %+v", fromJSON)
	}
	want := scoreSheet(t, s.Bank, s.IDs, []string{"B", "A,C"}, "en")
	sameScore(t, r, want)
	sameScore(t, fromJSON, want)

	// All questions, shuffled: the letters typed are those shown; the
	// result equals scoring the canonical letters.
	s = plainSession(t, session.Options{Count: 7, Seed: 9, Mode: session.Exam, Candidate: "c-1"})
	typed := []string{"A", "B", "C", "A", "B", "C", "A"}
	var canonical []string
	for i, l := range typed {
		q := s.Question(i)
		if q.Type == bank.Multiple {
			l = "A,D"
		}
		if q.Type == bank.TrueFalse {
			l = "B"
		}
		typed[i] = l
		c, err := s.ParseDisplayed(i, l)
		if err != nil {
			t.Fatal(err)
		}
		canonical = append(canonical, c.String())
	}
	r, out, _ := runPlain(t, s, strings.Join(typed, "\n")+"\n", PlainOptions{JSON: true})
	sameScore(t, r, scoreSheet(t, s.Bank, s.IDs, canonical, "en"))
	if strings.Contains(out, "Explanation") {
		t.Error("exam mode showed feedback")
	}
	shuffled := false
	for i := range s.IDs {
		if typed[i] != canonical[i] && s.Question(i).Type != bank.Multiple {
			shuffled = true
		}
	}
	if !shuffled {
		t.Error("seed 9 shuffled nothing: the test proves nothing")
	}
}

func TestPlainTranscript(t *testing.T) {
	s := plainSession(t, session.Options{Count: 7, Seed: 1, NoShuffle: true})
	_, out, res := runPlain(t, s, "b\r\nx\na c\nq\n?\n\n\n\n\n", PlainOptions{Echo: true})
	for _, want := range []string{
		"Test Role", "7 questions, practice mode.",
		"Question 1/7 · Data Basics", "Which measure of centre is most robust to outliers?", "  A. Mean", "  B. Median",
		"Answer (A–D, empty to skip): b\n✓ Right (1/1 points)", "Answer: B", "Explanation", "The median depends only on the order",
		"Question 2/7", "Choose every right answer.",
		"there is no option X (options A–D); try again.", "✓ Right (3/3 points)",
		"Question 3/7", "  df.groupby(\"province\")[\"budget\"].sum()",
		"there is no option Q (options A–C); try again.", "Not understood again: the question is left unanswered.",
		"Question 4/7", "– Not answered (0/1 points)",
		"Question 5/7", "Question 7/7",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("transcript lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{"Result: Test Role (peran-uji 1.0.0)", "Overall 33.3% (4 of 12 points)", "✗ Not passed", "Skills", "Data Basics", "Data Ethics", "Digital Services", "Gaps, most urgent first", "What to study", "https://peraturan.go.id/id/uu-no-27-tahun-2022"} {
		if !strings.Contains(res, want) {
			t.Errorf("result lacks %q:\n%s", want, res)
		}
	}
	if strings.ContainsRune(out+res, '\x1b') {
		t.Error("the line mode wrote an escape sequence")
	}
}

func TestPlainEdgeCases(t *testing.T) {
	// The input ends before the last question: an interruption, nothing
	// submitted, no result written (the answers given stay to resume).
	for _, input := range []string{"", "A\n"} {
		s := plainSession(t, session.Options{Count: 3, Seed: 1})
		var res bytes.Buffer
		_, err := RunPlain(s, PlainOptions{In: strings.NewReader(input), Out: io.Discard, Result: &res, Lang: "en", Now: newClock().Now})
		if !errors.Is(err, ErrInterrupted) || !errors.Is(err, ErrInputEnded) || s.Finished() || res.Len() != 0 {
			t.Fatalf("input %q: err %v, finished %v, result %q", input, err, s.Finished(), res.String())
		}
	}
	// Every question skipped on purpose: submitted, with nothing answered.
	s := plainSession(t, session.Options{Count: 3, Seed: 1})
	r, _, _ := runPlain(t, s, "\n\n\n", PlainOptions{})
	if r.Score.Earned != 0 || len(r.Answers) != 3 || r.Score.Counts.Blank != 3 {
		t.Fatalf("skipped: %+v", r.Score)
	}
	// Two answers to a one-answer question.
	s = plainSession(t, session.Options{Count: 7, Seed: 1, NoShuffle: true})
	_, out, _ := runPlain(t, s, "A,B\nB\n"+strings.Repeat("\n", 7), PlainOptions{})
	if !strings.Contains(out, "this question takes one answer; try again.") || s.Choices[0].String() != "B" {
		t.Fatalf("several answers: %s\n%s", s.Choices[0], out)
	}
	// A letter beyond the options.
	s = plainSession(t, session.Options{Count: 7, Seed: 1, NoShuffle: true})
	_, out, _ = runPlain(t, s, "F\n"+strings.Repeat("\n", 7), PlainOptions{})
	if !strings.Contains(out, "there is no option F (options A–D)") {
		t.Fatalf("out of range:\n%s", out)
	}
	// A huge line is refused, not read into memory.
	s = plainSession(t, session.Options{Count: 2, Seed: 1})
	_, err := RunPlain(s, PlainOptions{In: strings.NewReader(strings.Repeat("A", maxLine+10)), Out: io.Discard, Lang: "en"})
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("huge line: %v", err)
	}
	// The time runs out between answers.
	clk := newClock()
	s = plainSession(t, session.Options{Count: 3, Seed: 1, Mode: session.Exam, TimeLimit: time.Minute})
	var buf bytes.Buffer
	r, err = RunPlain(s, PlainOptions{In: &slowReader{r: strings.NewReader("A\nA\nA\n"), clk: clk, step: 40 * time.Second}, Out: &buf, Lang: "en", Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Time is up") || s.Answered(2) {
		t.Fatalf("time up: %v\n%s", s.Choices, buf.String())
	}
	if r.Answers[0].Seconds != 40 {
		t.Errorf("seconds %v", r.Answers[0].Seconds)
	}
}

// slowReader moves the clock on every read, as a candidate thinking would.
type slowReader struct {
	r    io.Reader
	clk  *clock
	step time.Duration
}

func (s *slowReader) Read(p []byte) (int, error) {
	s.clk.Add(s.step)
	if len(p) > 2 {
		p = p[:2] // one answer a read
	}
	return s.r.Read(p)
}

func TestPlainSelfRateSaveAndHooks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hasil.json")
	s := plainSession(t, session.Options{Count: 7, Seed: 1, NoShuffle: true})
	var events []session.EventKind
	finished := false
	o := PlainOptions{SelfRate: true, SavePath: path,
		OnStart: func(s *session.Session) error {
			s.OnChange = func(e session.Event) error { events = append(events, e.Kind); return nil }
			return nil
		},
		OnFinish: func(*session.Session, scoring.Result) error { finished = true; return nil },
	}
	r, out, res := runPlain(t, s, "5\n9\n2\n\nB\n"+strings.Repeat("\n", 6), o)
	if !strings.Contains(out, "Type a number from 1 to 5") {
		t.Errorf("no message for a bad rating:\n%s", out)
	}
	if r.Skills[0].SelfLevel != 5 || r.Skills[1].SelfLevel != 2 || r.Skills[2].SelfLevel != 0 {
		t.Errorf("self levels %+v", r.Skills)
	}
	if !strings.Contains(res, "Data Basics: you said 5, the quiz measured 2") && !strings.Contains(res, "you said 5") {
		t.Errorf("no self-rating in the result:\n%s", res)
	}
	if !finished || len(events) == 0 || events[0] != session.EventStart || events[len(events)-1] != session.EventFinish {
		t.Errorf("hooks: finished %v events %v", finished, events)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var saved scoring.Result
	if err := json.Unmarshal(data, &saved); err != nil || saved.Answers[0].Response[0] != "B" {
		t.Fatalf("saved: %v %+v", err, saved.Answers)
	}
	if !strings.Contains(res, "Result saved to "+path) {
		t.Errorf("no note of the saved file:\n%s", res)
	}

	// An error from OnStart stops the quiz.
	s = plainSession(t, session.Options{Count: 1, Seed: 1})
	_, err = RunPlain(s, PlainOptions{In: strings.NewReader(""), Out: io.Discard, OnStart: func(*session.Session) error { return os.ErrPermission }})
	if !errors.Is(err, os.ErrPermission) {
		t.Fatalf("OnStart error: %v", err)
	}
}

func TestPlainIndonesian(t *testing.T) {
	s := plainSession(t, session.Options{Count: 1, Seed: 1, NoShuffle: true, Lang: "id", Skills: []string{"layanan"}})
	_, out, res := runPlain(t, s, "B\n", PlainOptions{Lang: "id"})
	for _, want := range []string{"Peran Uji", "1 soal, mode latihan.", "Soal 1/1", "Jawaban (A–C, kosong untuk melewati):", "Kunci jawaban: B", "hasil per keterampilan akan kasar", "✓ Benar (1/1 poin)", "Pembahasan"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(res, "Nilai keseluruhan 100,0%") {
		t.Errorf("result:\n%s", res)
	}
}

func TestPlainResume(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	s, _ := session.New(b, session.Options{Count: 7, Seed: 1, NoShuffle: true, Lang: "en"})
	clk := newClock()
	_ = s.Start(clk.Now())
	_ = s.Choose(0, 1)
	_ = s.Confirm(0)
	_ = s.Goto(1, clk.Now())
	r, err := session.Restore(b, s.Snapshot(clk.Now()))
	if err != nil {
		t.Fatal(err)
	}
	res, out, _ := runPlain(t, r, "A,C\n"+strings.Repeat("\n", 5), PlainOptions{})
	if strings.Contains(out, "Question 1/7") || !strings.Contains(out, "Question 2/7") {
		t.Errorf("the resumed quiz asked again:\n%s", out)
	}
	if join(res.Answers[0].Response) != "B" || join(res.Answers[1].Response) != "AC" {
		t.Errorf("answers %+v", res.Answers)
	}
}
