package tui

import (
	"bytes"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/session"
)

// Whole programs, as bubbletea runs them: keys in, frames out. The tests
// wait for what the screen shows (teatest.WaitFor), never sleep.

func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func send(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

func flowModel(t *testing.T, opts ...testOpt) (*teatest.TestModel, *Model, *clock) {
	t.Helper()
	clk := newClock()
	cfg := Config{
		Bank:      loadBank(t, "peran-uji.yaml"),
		Options:   session.Options{Count: 7, Seed: 1, NoShuffle: true},
		Lang:      "en",
		Color:     true,
		Now:       clk.Now,
		TickEvery: time.Hour, // the test moves the clock and sends the ticks
	}
	for _, o := range opts {
		o(&cfg)
	}
	m := New(cfg)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	return tm, m, clk
}

func TestFlowPractice(t *testing.T) {
	tm, _, clk := flowModel(t)
	waitFor(t, tm, "Test Role", "Press enter to start")
	send(tm, "enter")
	waitFor(t, tm, "Question 1/7", "robust to")
	send(tm, "b", "enter")
	waitFor(t, tm, "Right (1/1 points)")
	clk.Add(20 * time.Second)
	send(tm, "enter")
	waitFor(t, tm, "Question 2/7", "Select all that apply")
	send(tm, "a", "c", "enter")
	waitFor(t, tm, "Right (3/3 points)")
	send(tm, "enter", "b", "enter") // question 3 wrong
	waitFor(t, tm, "Wrong (0/2 points)")
	send(tm, "enter", "b", "enter", "enter", "a", "enter", "enter", "b", "enter", "enter", "b", "enter")
	waitFor(t, tm, "Question 7/7", "see the result")
	send(tm, "enter")
	waitFor(t, tm, "result", "Overall", "Data Basics", "Data Ethics", "Digital Services")
	send(tm, "r")
	waitFor(t, tm, "your answers", "Question 1/7")
	send(tm, "esc", "q")
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	out := fm.Outcome()
	if out.Result == nil || fm.Interrupted() {
		t.Fatalf("outcome %+v", out)
	}
	want := []string{"B", "AC", "B", "B", "A", "B", "B"}
	for i, a := range out.Result.Answers {
		if got := join(a.Response); got != want[i] {
			t.Errorf("answer %d: %s, want %s", i+1, got, want[i])
		}
	}
	if out.Result.Answers[0].Seconds != 20 {
		t.Errorf("seconds on question 1: %v", out.Result.Answers[0].Seconds)
	}
}

func join(ss []string) string {
	s := ""
	for _, x := range ss {
		s += x
	}
	return s
}

func TestFlowExam(t *testing.T) {
	tm, _, clk := flowModel(t, exam, func(c *Config) { c.Options.TimeLimit = 10 * time.Minute })
	waitFor(t, tm, "Press enter to start")
	send(tm, "enter")
	waitFor(t, tm, "Question 1/7", "⏱ 10:00")
	send(tm, "c") // wrong; changed later from the grid
	send(tm, "right")
	waitFor(t, tm, "Question 2/7")
	send(tm, "a", "c", "f")
	waitFor(t, tm, "flagged")
	send(tm, "right", "right", "b") // question 4
	send(tm, "g")
	waitFor(t, tm, "all questions", "✓ answered 2", "answered and flagged 1")
	send(tm, "home", "enter")
	waitFor(t, tm, "Question 1/7", "(•) Range")
	send(tm, "b") // change the answer
	waitFor(t, tm, "(•) Median")
	send(tm, "s")
	waitFor(t, tm, "review before submitting", "Unanswered (4)", "Flagged (1)")
	send(tm, "esc")

	// The clock: warnings at 5 and 1 minutes, then the quiz submits itself.
	clk.Add(5*time.Minute + time.Second)
	tm.Send(tickMsg{})
	waitFor(t, tm, "5 minutes left", "⏱ 4:59")
	clk.Add(4 * time.Minute)
	tm.Send(tickMsg{})
	waitFor(t, tm, "1 minute left", "⏱ 0:59")
	clk.Add(time.Minute)
	tm.Send(tickMsg{})
	waitFor(t, tm, "Time is up", "Overall")
	send(tm, "q")
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	out := fm.Outcome()
	if out.Result == nil || !out.TimeUp {
		t.Fatalf("outcome %+v", out)
	}
	r := out.Result
	if join(r.Answers[0].Response) != "B" || join(r.Answers[1].Response) != "AC" || !r.Answers[1].Flagged || join(r.Answers[3].Response) != "B" {
		t.Errorf("answers %+v", r.Answers)
	}
	if r.Answers[2].Response == nil || len(r.Answers[2].Response) != 0 {
		t.Errorf("question 3 should be unanswered: %+v", r.Answers[2])
	}
	if r.FinishedAt.Sub(*r.StartedAt) != 10*time.Minute+time.Second {
		t.Errorf("finished after %v", r.FinishedAt.Sub(*r.StartedAt))
	}
}

func TestFlowPickerAndInterrupt(t *testing.T) {
	tm, _, _ := flowModel(t, func(c *Config) { c.Banks = []*bank.Bank{c.Bank}; c.Bank = nil })
	waitFor(t, tm, "choose a role", "Test Role")
	send(tm, "enter")
	waitFor(t, tm, "Press enter to start")
	send(tm, "enter")
	waitFor(t, tm, "Question 1/7")
	send(tm, "ctrl+c")
	waitFor(t, tm, "Quit the quiz?")
	send(tm, "ctrl+c")
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if !fm.Interrupted() || fm.Outcome().Result != nil {
		t.Fatal("two ctrl+c did not interrupt the quiz")
	}
}

// TestRunInterrupted checks Run's error for an interrupted quiz.
func TestRunInterrupted(t *testing.T) {
	in := &bytes.Buffer{}
	in.WriteString("\x03\x03") // ctrl+c twice
	_, err := Run(Config{Bank: loadBank(t, "peran-uji.yaml"), Lang: "en", Options: session.Options{Seed: 1}}, in, io.Discard)
	if err != ErrInterrupted {
		t.Fatalf("Run: %v", err)
	}
}

var _ tea.Model = (*Model)(nil)

// Enter alone, with no option chosen, records nothing: in an exam it moves
// on and leaves the question blank; in practice it asks for a choice.
func TestFlowEnterAloneRecordsNothing(t *testing.T) {
	tm, _, _ := flowModel(t, exam)
	waitFor(t, tm, "Press enter to start")
	send(tm, "enter")
	waitFor(t, tm, "Question 1/7")
	send(tm, "enter")
	waitFor(t, tm, "Question 2/7")
	send(tm, "s")
	waitFor(t, tm, "Unanswered (7)")
	send(tm, "s")
	waitFor(t, tm, "Overall 0.0%", "Right 0 · Partly right 0 · Wrong 0 · Blank 7")
	send(tm, "q")
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if a := fm.Outcome().Result.Answers[0]; len(a.Response) != 0 {
		t.Fatalf("enter alone recorded %v", a.Response)
	}

	tm, m, _ := flowModel(t)
	waitFor(t, tm, "Press enter to start")
	send(tm, "enter")
	waitFor(t, tm, "Question 1/7")
	send(tm, "enter")
	waitFor(t, tm, "Choose an option first")
	send(tm, "ctrl+c", "ctrl+c")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if m.sess.Answered(0) || m.sess.Confirmed[0] {
		t.Fatal("enter alone answered a practice question")
	}
}
