package tui

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// fits checks the layout invariants: the view fills the terminal's height
// and no line is wider than it.
func fits(t *testing.T, m *Model) string {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != m.height {
		t.Errorf("view has %d lines on a terminal of %d:\n%s", len(lines), m.height, v)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Errorf("line %d is %d wide on a terminal of %d: %q", i+1, w, m.width, l)
		}
	}
	return v
}

func has(t *testing.T, m *Model, want ...string) {
	t.Helper()
	v := fits(t, m)
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

func hasNot(t *testing.T, m *Model, bad ...string) {
	t.Helper()
	v := m.View()
	for _, b := range bad {
		if strings.Contains(v, b) {
			t.Errorf("view has %q:\n%s", b, v)
		}
	}
}

// keyLetter is the displayed letter of the (first) keyed option of question i.
func keyLetter(m *Model, i int) string {
	q := m.sess.Question(i)
	keyed := q.Keyed()
	for d, c := range m.sess.Order(i) {
		if keyed[c] {
			return strings.ToLower(string(bank.Letters[d]))
		}
	}
	return ""
}

// wrongLetter is the displayed letter of an option that is not keyed.
func wrongLetter(m *Model, i int) string {
	q := m.sess.Question(i)
	keyed := q.Keyed()
	for d, c := range m.sess.Order(i) {
		if !keyed[c] {
			return strings.ToLower(string(bank.Letters[d]))
		}
	}
	return ""
}

// find is the position in the quiz of the first question of a type.
func find(m *Model, typ string) int {
	for i := range m.sess.IDs {
		if m.sess.Question(i).Type == typ {
			return i
		}
	}
	return -1
}

func TestPicker(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	other := loadBank(t, "peran-uji.yaml")
	other.ID = "peran-lain"
	other.Title = map[string]string{"en": "Another Role"}
	m := New(Config{Banks: []*bank.Bank{other, b}, Lang: "en", Options: session.Options{Seed: 1}, Now: newClock().Now})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	has(t, m, "choose a role", "Another Role (peran-lain)", "Test Role (peran-uji)", "7 questions · 3 skills · quiz of 6 in 10:00", "Data Basics · Data Ethics")

	press(m, "t", "e", "s", "t")
	has(t, m, "Filter: test", "Test Role")
	hasNot(t, m, "Another Role")
	press(m, "x")
	has(t, m, "No role matches")
	press(m, "backspace")
	has(t, m, "Test Role")
	press(m, "esc")
	has(t, m, "Another Role", "Test Role")

	// The filter matches skill names too.
	press(m, "E", "t", "h", "i", "c", "s")
	has(t, m, "Another Role", "Test Role")
	press(m, "esc")

	press(m, "down", "down", "up", "down")
	press(m, "enter")
	if m.state != scrStart || m.bank != b {
		t.Fatalf("enter chose %v, state %v", m.bank.ID, m.state)
	}
	has(t, m, "Test Role", "Skills and the level this role needs")
	press(m, "esc")
	if m.state != scrPicker || m.sess != nil {
		t.Fatal("esc on the start screen does not go back to the picker")
	}
}

func TestPickerBadSkills(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	m := New(Config{Banks: []*bank.Bank{b}, Lang: "en", Options: session.Options{Skills: []string{"nope"}}})
	press(m, "enter")
	if m.state != scrPicker {
		t.Fatal("a bank without the skills was started")
	}
	has(t, m, `bank peran-uji has no skill "nope"`)
}

func TestStartScreen(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, english)
	has(t, m, "Test Role", "every question type", "SPBE (https://spbe.go.id)", "Data Basics", "target 3 · Proficient",
		"Practice", "7 questions (of 7 in the bank)", "No time limit", "Passing score: 65%", "enter start")
	hasNot(t, m, "**", "[SPBE]")
	m, _ = newTestModel(t, 80, 24, english, exam)
	has(t, m, "Exam", "Time: 12:00")
	// Scrolling a short terminal.
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 12})
	has(t, m, "lines 1–")
	press(m, "end")
	has(t, m, "Press enter to start.")
	press(m, "home")
	has(t, m, "lines 1–")
	// Esc without a picker stays.
	press(m, "esc")
	if m.state != scrStart {
		t.Fatal("esc left the start screen with nowhere to go")
	}
	press(m, "enter")
	if m.state != scrQuestion || !m.sess.Running() {
		t.Fatal("enter did not start the quiz")
	}
}

func TestSelfRate(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, func(c *Config) { c.SelfRate = true })
	has(t, m, "Press enter to rate yourself first")
	press(m, "enter")
	if m.state != scrSelfRate {
		t.Fatalf("state %v", m.state)
	}
	has(t, m, "rate yourself", "Rate 1 to 5", "1 Foundational · 2 Developing", "> Data Basics", "not rated")
	press(m, "5")                               // Data Basics 5, cursor to Data Ethics
	press(m, "right", "right", "right", "left") // Data Ethics 2
	press(m, "down", "9")                       // 9 is beyond the levels: ignored
	press(m, "3", "up", "backspace", "4")       // Digital Services 3, then Data Ethics cleared and set to 4... cursor moves
	want := map[string]int{"data": 5, "etika": 4, "layanan": 3}
	for k, v := range want {
		if m.sess.SelfLevels[k] != v {
			t.Errorf("self level of %s = %d, want %d (%v)", k, m.sess.SelfLevels[k], v, m.sess.SelfLevels)
		}
	}
	has(t, m, "■■■■■ 5 · Expert")
	press(m, "esc")
	if m.state != scrStart {
		t.Fatal("esc did not go back to the start screen")
	}
	press(m, "enter", "enter")
	if m.state != scrQuestion {
		t.Fatal("enter did not start the quiz")
	}
	// Answer nothing right: the result says the self-rating is far off.
	press(m, "s", "s")
	if m.state != scrResult {
		t.Fatalf("state %v", m.state)
	}
	// The comparison comes right after the headline, on the first screen.
	has(t, m, "Your rating and the measured level", "Data Basics: you said 5, the quiz measured level 1–2")
	v := m.View()
	if !strings.Contains(v, "levels above the top of what") {
		t.Errorf("no remark on a self-rating 4 levels off:\n%s", v)
	}
	if m.result.Skills[0].SelfLevel != 5 {
		t.Errorf("self level not in the result: %+v", m.result.Skills[0])
	}
}

func TestPracticeQuestion(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, noShuffle)
	press(m, "enter")
	// Question 1 (d-001, single): a letter moves the highlight only.
	has(t, m, "Question 1/7", "Data Basics", "0/7 done · 0 right", "robust to outliers", "  A. ( ) Mean")
	// Nothing is pre-selected: enter alone records no answer.
	press(m, "enter")
	if m.sess.Answered(0) || m.sess.Confirmed[0] || m.state != scrQuestion {
		t.Fatal("enter with no option chosen recorded an answer")
	}
	has(t, m, "Choose an option first")
	press(m, "b")
	has(t, m, "> B. ( ) Median")
	if m.sess.Answered(0) {
		t.Fatal("a letter answered a practice question without enter")
	}
	press(m, "down", "up") // back on B
	press(m, "g", "z")     // not keys here
	press(m, "e")
	has(t, m, "There is no option e: options go to D.")
	press(m, "enter")
	if m.state != scrFeedback || m.sess.Choices[0].String() != "B" || !m.sess.Confirmed[0] {
		t.Fatalf("enter did not confirm B: state %v, choice %s", m.state, m.sess.Choices[0])
	}
	has(t, m, "✓ Right (1/1 points)", "Answer: B", "B. The median depends only on order.", "Explanation", "References", "Buku Statistik Dasar")
	// The feedback of an option not chosen and not keyed is not shown.
	hasNot(t, m, "The mean is pulled")
	press(m, "enter")
	// Question 2 (d-002, multiple).
	has(t, m, "Question 2/7", "1/7 done · 1 right", "Choose every right answer.", "[ ] Variance", "space toggle")
	press(m, "enter")
	has(t, m, "Choose at least one option")
	press(m, "a", "space") // a toggles A on and moves the highlight there; space toggles A off
	if m.sess.Choices[1] != 0 {
		t.Fatalf("choice %s, want none", m.sess.Choices[1])
	}
	press(m, "a", "b", "enter")
	has(t, m, "✗ Wrong (0/3 points)", "Answer: A, C", "✓• Variance", "✗• Mode", "✓  Interquartile range")
	// Esc offers to finish early; esc again comes back.
	press(m, "esc")
	if m.state != scrReview {
		t.Fatalf("state %v", m.state)
	}
	has(t, m, "finish the quiz", "Answered 2 of 7", "Unanswered (5)", "count as wrong", "s submit")
	press(m, "esc")
	if m.state != scrFeedback {
		t.Fatalf("esc went to %v", m.state)
	}
	press(m, "enter", "c") // question 3, code block
	has(t, m, `df.groupby("province")["budget"].sum()`)
	hasNot(t, m, "```")
	press(m, "enter") // wrong... c is "The mean budget"
	has(t, m, "✗ Wrong")
	// Answers for the rest, then the result.
	for i := 3; i < 7; i++ {
		press(m, "enter")
		if m.state != scrQuestion || m.sess.Current != i {
			t.Fatalf("question %d: state %v current %d", i+1, m.state, m.sess.Current)
		}
		press(m, keyLetter(m, i), "enter")
	}
	has(t, m, "enter see the result")
	press(m, "enter")
	if m.state != scrResult || m.result == nil {
		t.Fatalf("state %v", m.state)
	}
}

func TestPracticeJudgementPartial(t *testing.T) {
	m, _ := newTestModel(t, 80, 40, english, noShuffle)
	press(m, "enter")
	i := find(m, bank.Judgement)
	for m.sess.Current < i {
		press(m, "a", "enter", "enter")
	}
	has(t, m, "Choose the most appropriate response.")
	press(m, "c", "enter") // score 3 of 5
	has(t, m, "◐ Partly right (1.2/2 points)", "Best response: B", "(5/5)", "(3/5)")
}

func TestExamQuestion(t *testing.T) {
	m, clk := newTestModel(t, 80, 24, english, exam, noShuffle)
	press(m, "enter")
	has(t, m, "Question 1/7", "⏱ 12:00", "0/7 answered · 0 flagged", "f flag", "g grid")
	// A letter answers at once; enter answers with the highlight and goes on.
	press(m, "c")
	if m.sess.Choices[0].String() != "C" || m.sess.Current != 0 {
		t.Fatalf("letter: %s at %d", m.sess.Choices[0], m.sess.Current)
	}
	press(m, "up", "enter")
	if m.sess.Choices[0].String() != "B" || m.sess.Current != 1 {
		t.Fatalf("enter: %s at %d", m.sess.Choices[0], m.sess.Current)
	}
	// Multiple: letters and space toggle.
	press(m, "a", "c", "down", "space", "space")
	if got := m.sess.Choices[1].String(); got != "AC" {
		t.Fatalf("multiple: %s", got)
	}
	// f flags, F chooses option F (none here: a message).
	press(m, "f")
	has(t, m, "? flagged", "1 flagged")
	press(m, "f")
	hasNot(t, m, "? flagged")
	press(m, "f")
	// Move freely.
	press(m, "right", "right", "left", "pgdown", "pgup", "pgup")
	if m.sess.Current != 1 {
		t.Fatalf("at %d", m.sess.Current)
	}
	press(m, "left", "left") // stays at 1
	if m.sess.Current != 0 {
		t.Fatalf("at %d", m.sess.Current)
	}
	has(t, m, "> B. (•) Median") // the highlight returns to the answer
	press(m, "backspace")
	if m.sess.Answered(0) {
		t.Fatal("backspace did not clear")
	}
	press(m, "b")
	clk.Add(90 * time.Second)
	has(t, m, "⏱ 10:30")
	// The last question's → opens the review.
	for m.sess.Current < 6 {
		press(m, "right")
	}
	press(m, "right")
	if m.state != scrReview {
		t.Fatalf("state %v", m.state)
	}
}

func TestGridAndReview(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, exam, noShuffle)
	press(m, "enter", "b", "right", "a", "f", "right")
	press(m, "g")
	if m.state != scrGrid || m.gridCursor != 2 {
		t.Fatalf("grid: state %v cursor %d", m.state, m.gridCursor)
	}
	// Answered, unsure (ragu-ragu) and both are told apart without colour.
	has(t, m, "all questions", "✓ answered 1", "✓? answered and flagged 1", "? flagged 0", "unanswered 5", "1✓", "2✓?", "[  3  ]", "Question 3/7 Look at this code:")
	press(m, "left", "left", "left") // to 1
	has(t, m, "[  1✓ ]")
	press(m, "end")
	has(t, m, "[  7  ]")
	press(m, "home", "right", "right", "right", "f") // flag 4
	if !m.sess.Flags[3] {
		t.Fatal("f on the grid did not flag")
	}
	press(m, "down") // 7 columns in 78: stays on the one row
	press(m, "enter")
	if m.state != scrQuestion || m.sess.Current != 3 {
		t.Fatalf("jump: state %v current %d", m.state, m.sess.Current)
	}
	press(m, "g", "esc")
	if m.state != scrQuestion {
		t.Fatal("esc did not leave the grid")
	}
	press(m, "s")
	has(t, m, "review before submitting", "Answered 2 of 7 · flagged 2", "12:00 left", "Unanswered (5)", "Flagged (2)", "? Which are measures")
	press(m, "down", "down", "down", "down", "down") // the first flagged: question 2
	press(m, "enter")
	if m.state != scrQuestion || m.sess.Current != 1 {
		t.Fatalf("review jump: state %v current %d", m.state, m.sess.Current)
	}
	press(m, "esc") // esc on a question opens the review too
	press(m, "g")
	if m.state != scrGrid {
		t.Fatal("g on the review did not open the grid")
	}
	press(m, "esc")
	if m.state != scrReview {
		t.Fatal("esc on the grid did not go back to the review")
	}
	press(m, "s")
	if m.state != scrResult || !m.sess.Finished() {
		t.Fatal("s did not submit")
	}
}

func TestTimer(t *testing.T) {
	m, clk := newTestModel(t, 80, 24, english, exam, func(c *Config) { c.Options.TimeLimit = 7 * time.Minute })
	press(m, "enter", "b")
	if !m.ticking {
		t.Fatal("the exam clock does not tick")
	}
	clk.Add(90 * time.Second)
	m.Update(tickMsg{})
	hasNot(t, m, "left: the quiz submits")
	clk.Add(31 * time.Second) // 4:59 left
	m.Update(tickMsg{})
	has(t, m, "5 minutes left", "⏱ 4:59")
	press(m, "down")
	hasNot(t, m, "left: the quiz submits") // a key clears the warning
	clk.Add(4 * time.Minute)               // 0:59 left
	m.Update(tickMsg{})
	has(t, m, "1 minute left")
	m.Update(tickMsg{})
	clk.Add(time.Minute)
	_, cmd := m.Update(tickMsg{})
	if cmd != nil || m.state != scrResult || !m.timeUp {
		t.Fatalf("at 0:00: state %v timeUp %v", m.state, m.timeUp)
	}
	has(t, m, "Time is up", "Time used: 7:00 of 7:00")
	if m.result.Answers[0].Response[0] == "" {
		t.Fatal("the answer given was lost")
	}
	// A key at 0:00 before the tick also submits.
	m, clk = newTestModel(t, 80, 24, english, exam, func(c *Config) { c.Options.TimeLimit = time.Minute })
	press(m, "enter")
	clk.Add(2 * time.Minute)
	press(m, "a")
	if m.state != scrResult {
		t.Fatal("a key after the time ran out still answered")
	}
}

func TestResultAndAnswers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hasil.json")
	m, clk := newTestModel(t, 80, 24, english, noShuffle, func(c *Config) { c.SavePath = path })
	press(m, "enter")
	for i := 0; i < 7; i++ {
		clk.Add(10 * time.Second)
		if m.sess.Question(i).Type == bank.Multiple {
			press(m, "a", "c") // A and C are keyed
		} else {
			press(m, keyLetter(m, i))
		}
		press(m, "enter", "enter")
	}
	if m.state != scrResult {
		t.Fatalf("state %v", m.state)
	}
	has(t, m, "Overall 100.0% (12 of 12 points)", "✓ Passed", "Time used: 1:10", "Result saved to "+path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var saved scoring.Result
	if err := json.Unmarshal(data, &saved); err != nil || saved.Format != scoring.ResultFormat || saved.Score.Percent != 100 {
		t.Fatalf("saved result: %v %+v", err, saved.Score)
	}
	press(m, "end")
	has(t, m, "No gap is shown on the skills measured well enough.")
	// Review every answer.
	press(m, "r")
	has(t, m, "your answers", "Question 1/7", "✓ Right (1/1 points)", "✓• Median", "time 0:10", "Explanation")
	press(m, "right", "enter", "left")
	if m.ansIndex != 1 {
		t.Fatalf("answer %d", m.ansIndex)
	}
	press(m, "left", "left")
	if m.ansIndex != 0 {
		t.Fatalf("answer %d", m.ansIndex)
	}
	press(m, "esc")
	if m.state != scrResult {
		t.Fatal("esc did not return to the result")
	}
	// s saves again; q quits.
	os.Remove(path)
	press(m, "s")
	if _, err := os.Stat(path); err != nil {
		t.Fatal("s did not save")
	}
	if !press(m, "q") {
		t.Fatal("q did not quit")
	}
	if out := m.Outcome(); out.Result == nil || out.Saved != path || out.TimeUp {
		t.Fatalf("outcome %+v", out)
	}
}

func TestResultLowEvidenceAndPassMin(t *testing.T) {
	m, _ := newTestModel(t, 120, 60, english, noShuffle)
	press(m, "enter")
	// Everything right but Data Ethics.
	for i := 0; i < 7; i++ {
		q := m.sess.Question(i)
		l := keyLetter(m, i)
		if q.Skill == "etika" {
			l = wrongLetter(m, i)
		}
		if q.Type == bank.Multiple {
			press(m, "a", "c", "enter", "enter")
			continue
		}
		press(m, l, "enter", "enter")
	}
	has(t, m, "✗ Not passed", "Data Ethics: 8.0% is below its pass mark of 50%", "Digital Services ~ not enough evidence",
		"1. Data Ethics: level 1 (likely 1–3), target 4: clear gap", "What to study", "[regulation] Law 27/2022", "https://peraturan.go.id/id/uu-no-27-tahun-2022", "┃")
}

func TestHelpQuitAndResize(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, exam)
	press(m, "enter")
	press(m, "?")
	has(t, m, "Keys", "clear answer", "previous", "close help")
	press(m, "b") // keys do nothing while the help is open
	if m.sess.Answered(0) {
		t.Fatal("a key went through the help")
	}
	press(m, "esc")
	hasNot(t, m, "close help")
	press(m, "?", "?")
	hasNot(t, m, "close help")

	// Ctrl+C asks; any other key carries on; a second Ctrl+C quits.
	press(m, "ctrl+c")
	has(t, m, "Quit the quiz? Press ctrl+c again")
	press(m, "x")
	hasNot(t, m, "Quit the quiz?")
	if m.Interrupted() {
		t.Fatal("quit on one ctrl+c")
	}
	press(m, "ctrl+c")
	if !press(m, "ctrl+c") || !m.Interrupted() {
		t.Fatal("two ctrl+c did not quit")
	}

	// Every screen fits every size.
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 30}, {40, 12}} {
		m, _ := newTestModel(t, sz[0], sz[1], exam, func(c *Config) { c.SelfRate = true })
		check := func() {
			t.Helper()
			fits(t, m)
		}
		check()
		press(m, "enter")
		check()
		press(m, "3", "enter")
		check()
		press(m, "b", "right", "f", "g")
		check()
		press(m, "s")
		check()
		press(m, "s")
		check()
		press(m, "pgdown", "pgdown")
		check()
		press(m, "r")
		check()
		press(m, "?")
		check()
	}
}

func TestResizeReflows(t *testing.T) {
	m, _ := newTestModel(t, 120, 30, english)
	press(m, "enter")
	wide := m.View()
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	narrow := fits(t, m)
	if wide == narrow || !strings.Contains(narrow, "Question 1/7") {
		t.Fatal("the view did not change with the size")
	}
}

func TestRecordError(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, exam, func(c *Config) {
		c.OnStart = func(s *session.Session) error {
			s.OnChange = func(e session.Event) error {
				if e.Kind == session.EventAnswer {
					return os.ErrPermission
				}
				return nil
			}
			return nil
		}
	})
	press(m, "enter", "a")
	has(t, m, "could not record the answer: permission denied")
}

func TestResume(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	clk := newClock()
	s, err := session.New(b, session.Options{Mode: session.Exam, Count: 7, Seed: 5, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Start(clk.Now())
	_ = s.Choose(0, 1)
	_ = s.Goto(4, clk.Now())
	snap := s.Snapshot(clk.Now())
	r, err := session.Restore(b, snap)
	if err != nil {
		t.Fatal(err)
	}
	started := 0
	m := New(Config{Session: r, Lang: "en", Now: clk.Now, OnStart: func(*session.Session) error { started++; return nil }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd := m.Init(); cmd == nil || started != 1 || !r.Running() {
		t.Fatal("a resumed quiz did not start its clock")
	}
	has(t, m, "Question 5/7", "1/7 answered")
}

func TestNoColor(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	m := New(Config{Bank: loadBank(t, "peran-uji.yaml"), Options: session.Options{Seed: 1, Mode: session.Exam}, Lang: "en", Color: false, Renderer: r, TickEvery: time.Nanosecond})
	press(m, "enter", "b", "f", "right", "g")
	for _, v := range []string{m.View()} {
		if strings.ContainsRune(v, '\x1b') {
			t.Errorf("an escape without colour:\n%q", v)
		}
	}
	press(m, "esc", "s", "s")
	if v := m.View(); strings.ContainsRune(v, '\x1b') || !strings.Contains(v, "┃") {
		t.Errorf("result without colour:\n%q", v)
	}
	// The same with colour has colour.
	r = lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	m = New(Config{Bank: loadBank(t, "peran-uji.yaml"), Options: session.Options{Seed: 1}, Lang: "en", Color: true, Renderer: r})
	if !strings.Contains(m.View(), "\x1b[") {
		t.Error("no colour with colour on")
	}
}

func TestUnmeasuredSkills(t *testing.T) {
	m, _ := newTestModel(t, 80, 60, english, func(c *Config) { c.Options.Count = 1 })
	has(t, m, "not in this quiz")
	press(m, "enter", "esc", "s")
	has(t, m, "Not measured in this quiz", "a larger --count")
	v := m.View()
	n := 0
	for _, s := range m.bank.Skills {
		if strings.Contains(v, s.Name.Get("en")) {
			n++
		}
	}
	if n != 3 {
		t.Errorf("the result shows %d of the 3 skills:\n%s", n, v)
	}
}

func TestHelpScrolls(t *testing.T) {
	m, _ := newTestModel(t, 60, 20, exam)
	press(m, "enter", "?")
	hasNot(t, m, "ctrl+c")
	press(m, "down", "down", "down", "down", "down", "down", "down", "down", "down", "down")
	has(t, m, "ctrl+c")
	press(m, "up")
	fits(t, m)
}

func TestKeysArrivingTogether(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, exam, noShuffle)
	press(m, "enter")
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("bf")})
	if m.sess.Choices[0].String() != "B" || !m.sess.Flags[0] {
		t.Fatalf("runes together: %s flagged %v", m.sess.Choices[0], m.sess.Flags[0])
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("acd"), Paste: true})
	if m.sess.Choices[0].String() != "B" {
		t.Fatal("a paste answered the question")
	}
}

func TestResumeFinished(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	s, _ := session.New(b, session.Options{Seed: 5, Lang: "en"})
	_ = s.Start(time.Now())
	_ = s.Choose(0, 1)
	_ = s.Finish(time.Now())
	m := New(Config{Session: s, Lang: "en"})
	if m.state != scrResult || m.result == nil || m.Init() != nil {
		t.Fatalf("a finished attempt: state %v", m.state)
	}
	has(t, m, "Overall")
}

func TestMoreKeys(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, exam, noShuffle)
	press(m, "enter", "C") // a capital letter chooses too
	if m.sess.Choices[0].String() != "C" {
		t.Fatalf("capital letter: %s", m.sess.Choices[0])
	}
	press(m, "g", "s") // s on the grid opens the review
	if m.state != scrReview {
		t.Fatalf("s on the grid: %v", m.state)
	}
	press(m, "s", "r")
	if !press(m, "q") {
		t.Fatal("q on the review of answers does not quit")
	}
}

// sixOptions is a bank whose one question has six options: f is both the
// flag key and the letter of option F.
const sixOptions = `format: asnskill/bank/v1
id: enam
version: 1.0.0
title: Enam
summary: Enam pilihan.
skills:
  - id: s
    name: S
    target_level: 1
    recommendations: []
questions:
  - id: q
    skill: s
    prompt: Enam?
    options:
      - text: satu
      - text: dua
      - text: tiga
      - text: empat
      - text: lima
      - text: enam
        correct: true
    explanation: Enam.
`

func TestSixOptions(t *testing.T) {
	b, diags := bank.Decode("enam.yaml", []byte(sixOptions))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, mode := range []session.Mode{session.Exam, session.Practice} {
		m := New(Config{Bank: b, Options: session.Options{Mode: mode, NoShuffle: true}, Lang: "en", TickEvery: time.Nanosecond})
		press(m, "enter", "f")
		if mode == session.Exam {
			if !m.sess.Flags[0] || m.sess.Answered(0) {
				t.Fatal("exam: f does not flag")
			}
			has(t, m, "a–e/F choose")
			press(m, "F")
			if m.sess.Choices[0].String() != "F" {
				t.Fatalf("exam: F chose %s", m.sess.Choices[0])
			}
			continue
		}
		if m.optCursor != 5 {
			t.Fatalf("practice: f moved the highlight to %d", m.optCursor)
		}
		press(m, "enter")
		has(t, m, "Right")
	}
}

// A notice (the history cannot be written) is on the start screen, in its
// header, so that it shows before the first question at any height.
func TestStartNotice(t *testing.T) {
	m, _ := newTestModel(t, 60, 12, english, func(c *Config) { c.Notice = "The history /x/h.db cannot be written" })
	has(t, m, "The history /x/h.db cannot be written", "Press enter to start")
}

// The picker lists unfinished attempts first, and enter on one continues it.
func TestPickerOffersUnfinished(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	var resumed int64
	m, _ := newTestModel(t, 80, 24, english, func(c *Config) {
		c.Bank, c.Banks = nil, []*bank.Bank{b}
		c.Unfinished = []Unfinished{{ID: 12, BankID: b.ID, Title: "Test Role", Answered: 3, Total: 7, Remaining: 18*time.Minute + 20*time.Second}}
		c.Resume = func(id int64) (*session.Session, error) {
			resumed = id
			return session.New(b, session.Options{Count: 7, Seed: 1, Lang: "en"})
		}
	})
	has(t, m, "Unfinished", "> Continue Test Role, 3 of 7 answered, 18:20 left (#12)", "Test Role (peran-uji)")
	press(m, "enter")
	if resumed != 12 || m.state != scrQuestion {
		t.Fatalf("resumed %d, state %v", resumed, m.state)
	}
	// Down moves past the unfinished attempts to the banks.
	m, _ = newTestModel(t, 80, 24, english, func(c *Config) {
		c.Bank, c.Banks = nil, []*bank.Bank{b}
		c.Unfinished = []Unfinished{{ID: 12, BankID: b.ID, Title: "Test Role", Answered: 3, Total: 7}}
		c.Resume = func(int64) (*session.Session, error) { t.Fatal("resumed"); return nil, nil }
	})
	press(m, "down", "enter")
	if m.state != scrStart {
		t.Fatalf("state %v, want the start screen of the bank", m.state)
	}
}

// The summary of a standard quiz (35 questions, 7 skills) reads on one
// 80×24 screen: headline, counts and a line for every skill.
func TestResultSummaryOnOneScreen(t *testing.T) {
	data, err := os.ReadFile("../../quizzes/cyber-security.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := bank.Decode("cyber-security.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	m, _ := newTestModel(t, 80, 24, func(c *Config) {
		c.Bank = b
		c.Options = session.Options{Mode: session.Exam, Seed: 3}
	})
	press(m, "enter", "s", "s")
	if m.state != scrResult {
		t.Fatalf("state %v", m.state)
	}
	v := m.View()
	if n := strings.Count(v, "\n") + 1; n > 24 {
		t.Fatalf("the view has %d lines", n)
	}
	has(t, m, "Nilai keseluruhan", "Benar 0 · Sebagian 0 · Salah 0 · Kosong 35", "Ringkasan", "✓ tidak ada kesenjangan · ✗ kesenjangan pasti")
	for _, s := range b.Skills {
		name := []rune(s.Name.Get("id"))
		if len(name) > 20 {
			name = name[:20]
		}
		if !strings.Contains(v, string(name)) {
			t.Errorf("the first screen lacks the skill %q:\n%s", string(name), v)
		}
	}
}

// The picker offers the standard quiz first (5 questions a skill); ← picks
// the short one, → the whole bank.
func TestPickerDefaultsToTheStandardQuiz(t *testing.T) {
	b, err := bank.ReadFile("../../quizzes/cyber-security.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Banks: []*bank.Bank{b}, Lang: "en", Options: session.Options{Seed: 1}, Now: newClock().Now})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	has(t, m, "quiz of 35 in 35:00", "[Standard 35")
	press(m, "left")
	has(t, m, "quiz of 21 in 21:00", "[Short 21")
	press(m, "right", "right")
	has(t, m, "quiz of 105")
}

// Practice: ← goes back to the questions already answered, to read their
// feedback again; they stay answered, and enter (or →) comes forward again.
func TestPracticeBack(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, english, noShuffle)
	press(m, "enter")      // start
	press(m, "b", "enter") // answer question 1
	press(m, "enter")      // on to question 2
	has(t, m, "Question 2/7", "← previous question")
	press(m, "left")
	if m.sess.Current != 0 || m.state != scrFeedback {
		t.Fatalf("← on question 2: current %d, state %v", m.sess.Current, m.state)
	}
	has(t, m, "Question 1/7", "✓ Right (1/1 points)", "Answer: B")
	press(m, "left") // nothing before question 1
	if m.sess.Current != 0 {
		t.Fatal("← moved before the first question")
	}
	press(m, "a") // the answer given stays
	if m.sess.Choices[0].String() != "B" {
		t.Fatalf("an answered question changed to %s", m.sess.Choices[0])
	}
	press(m, "right")
	if m.sess.Current != 1 || m.state != scrQuestion || m.sess.Answered(1) {
		t.Fatalf("→ from question 1's feedback: current %d, state %v", m.sess.Current, m.state)
	}
}
