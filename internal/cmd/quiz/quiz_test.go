package quiz

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmd/report"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/store"
)

const fixture = "../../tui/testdata/peran-uji.yaml"

var now = time.Date(2026, 11, 27, 10, 0, 0, 123456789, time.UTC)

func testFactory(lang string, env map[string]string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	ios, in, out, errOut := iostreams.Test()
	dbSeq++
	db := filepath.Join(testDir, fmt.Sprintf("history-%d.db", dbSeq))
	return &cmdutil.Factory{IO: ios, Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return now }, LangFlag: lang, DBFlag: db}, in, out, errOut
}

// Every factory gets a history database of its own in a folder removed at
// the end (never the user's).
var (
	testDir string
	dbSeq   int
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "asnskill-quiz-test-")
	if err != nil {
		panic(err)
	}
	testDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestNewCmdQuizFlags(t *testing.T) {
	cases := []struct {
		args    []string
		wantErr string
		check   func(*Options) bool
	}{
		{[]string{}, "", func(o *Options) bool {
			return o.BankRef == "" && o.Mode.Value == "practice" && o.Count == 0 && !o.SeedSet && o.Output.Value == "text" && !o.OutputSet
		}},
		{[]string{"ml-specialist", "--mode", "exam", "-n", "5", "--seed", "1", "--skills", "a,b", "--time", "25m"}, "", func(o *Options) bool {
			return o.BankRef == "ml-specialist" && o.Mode.Value == "exam" && o.Count == 5 && o.Seed == 1 && o.SeedSet &&
				reflect.DeepEqual(o.Skills, []string{"a", "b"}) && o.Time == 25*time.Minute
		}},
		{[]string{"x", "--no-shuffle", "--name", "Siti", "--save", "h.json", "--self-rate", "--plain", "-o", "json"}, "", func(o *Options) bool {
			return o.NoShuffle && o.Name == "Siti" && o.Save == "h.json" && o.SelfRate && o.Plain && o.Output.Value == "json" && o.OutputSet
		}},
		{[]string{"x", "--resume"}, "", func(o *Options) bool { return o.Resume == "latest" && o.BankRef == "x" }},
		{[]string{"--resume", "12"}, "", func(o *Options) bool { return o.Resume == "12" && o.BankRef == "" }},
		{[]string{"--resume=7", "x"}, "", func(o *Options) bool { return o.Resume == "7" && o.BankRef == "x" }},
		{[]string{"x", "--review"}, "", func(o *Options) bool { return o.Review && o.Resume == "" }},
		{[]string{"x", "--no-history"}, "", func(o *Options) bool { return o.NoHistory }},
		{[]string{"x", "--resume", "--review"}, "together", nil},
		{[]string{"x", "--review", "--no-history"}, "need the history", nil},
		{[]string{"x", "--mode", "race"}, "race", nil},
		{[]string{"x", "-n", "-1"}, "--count", nil},
		{[]string{"x", "--time", "0s"}, "--time", nil},
		{[]string{"x", "--time", "25"}, "", func(o *Options) bool { return o.Time == 25*time.Minute }},
		{[]string{"x", "--time", "1h30m"}, "", func(o *Options) bool { return o.Time == 90*time.Minute }},
		{[]string{"x", "--time", "lama"}, "minutes", nil},
		{[]string{"x", "--time", "-5m"}, "--time", nil},
		{[]string{"x", "-o", "yaml"}, "yaml", nil},
		{[]string{"x", "y"}, "at most 1", nil},
	}
	for _, c := range cases {
		f, _, _, _ := testFactory("en", nil)
		var got *Options
		cmd := NewCmdQuiz(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%v: error %v, want one about %q", c.args, err, c.wantErr)
			}
			continue
		}
		if err != nil || !c.check(got) {
			t.Errorf("%v: %v %+v", c.args, err, got)
		}
	}
}

func run(t *testing.T, f *cmdutil.Factory, args ...string) error {
	t.Helper()
	cmd := NewCmdQuiz(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	// A quiz that waits for keys that never come must fail the test, not
	// hang the suite.
	done := make(chan error, 1)
	go func() { done <- cmd.Execute() }()
	select {
	case err := <-done:
		return err
	case <-time.After(60 * time.Second):
		t.Fatalf("quiz %v did not finish within a minute", args)
		return nil
	}
}

// TestScriptedQuizEqualsScore is the contract of the line mode:
// printf 'B\nA,C\n' | asnskill quiz BANK --seed 3 --plain --no-shuffle -o json
// gives the result that scoring gives the same answers.
func TestScriptedQuizEqualsScore(t *testing.T) {
	f, in, out, errOut := testFactory("en", map[string]string{"USER": "siti"})
	in.WriteString("B\nA,C\n" + strings.Repeat("\n", 5)) // the rest left blank
	if err := run(t, f, fixture, "-n", "7", "--seed", "3", "--plain", "--no-shuffle", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var got scoring.Result
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("stdout is not the JSON result: %v\n%s", err, out)
	}
	if !strings.Contains(errOut.String(), "Question 1/7") {
		t.Errorf("the questions did not go to stderr:\n%s", errOut)
	}
	b, err := bank.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range b.Questions {
		ids = append(ids, q.ID)
	}
	sc, _ := scoring.NewScorer(b, ids)
	sc.Lang = "en"
	b1, _ := answers.ParseChoice("B", 4, true)
	b2, _ := answers.ParseChoice("A,C", 4, false)
	want := sc.Score(scoring.Sheet{Candidate: "siti", Choices: []answers.Choice{b1, b2}}, true)
	if !reflect.DeepEqual(got.Score, want.Score) || !reflect.DeepEqual(got.Recommendations, want.Recommendations) {
		t.Errorf("score %+v\nwant %+v", got.Score, want.Score)
	}
	for i := range want.Skills {
		g, w := got.Skills[i], want.Skills[i]
		g.Seconds = 0
		if !reflect.DeepEqual(g, w) {
			t.Errorf("skill %s: %+v\nwant %+v", w.ID, g, w)
		}
	}
	for i := range want.Answers {
		g, w := got.Answers[i], want.Answers[i]
		if g.Question != w.Question || !reflect.DeepEqual(g.Response, w.Response) || g.Earned != w.Earned {
			t.Errorf("answer %d: %+v\nwant %+v", i, g, w)
		}
	}
	if got.Candidate != "siti" || *got.Seed != 3 || got.Mode != "practice" || got.Lang != "en" || got.Bank.ID != "peran-uji" || got.Bank.SHA256 == "" {
		t.Errorf("header %+v", got)
	}
}

// TestScriptedQuizRescores checks, for drawn and shuffled quizzes, that
// the result equals scoring its own answers list again.
func TestScriptedQuizRescores(t *testing.T) {
	b, err := bank.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-n", "2", "--seed", "3", "--no-shuffle"},
		{"-n", "5", "--seed", "11", "--mode", "exam"},
		{"--seed", "4"},
	} {
		f, in, out, _ := testFactory("en", nil)
		in.WriteString("B\nA,C\nA\n\nC\nB\n" + strings.Repeat("\n", 40))
		if err := run(t, f, append([]string{fixture, "--plain", "-o", "json"}, args...)...); err != nil {
			t.Fatal(err)
		}
		var got scoring.Result
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		var ids []string
		var choices []answers.Choice
		for _, a := range got.Answers {
			q := b.Question(a.Question)
			c, err := answers.ParseLetters(a.Response, len(q.Options), q.Type != bank.Multiple)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.Question)
			choices = append(choices, c)
		}
		sc, _ := scoring.NewScorer(b, ids)
		sc.Lang = "en"
		want := sc.Score(scoring.Sheet{Choices: choices}, true)
		if !reflect.DeepEqual(got.Score, want.Score) || !reflect.DeepEqual(got.Recommendations, want.Recommendations) {
			t.Errorf("%v: score %+v, want %+v", args, got.Score, want.Score)
		}
	}
}

func TestRunPlainText(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "hasil.json")
	f, in, out, _ := testFactory("id", nil)
	in.WriteString("b\n\n\n")
	if err := run(t, f, fixture, "--mode", "exam", "-n", "3", "--name", "Budi", "--save", save); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"Peran Uji", "3 soal, mode ujian.", "Soal 1/3", "Jawaban (A–", "b\n", "Nilai keseluruhan", "Hasil disimpan ke " + save} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	data, err := os.ReadFile(save)
	if err != nil {
		t.Fatal(err)
	}
	var r scoring.Result
	if err := json.Unmarshal(data, &r); err != nil || r.Candidate != "Budi" || r.Mode != "exam" || *r.Seed != now.UnixNano()%1_000_000 || len(r.Answers) != 3 {
		t.Fatalf("saved %v %+v", err, r)
	}
}

func TestRunErrors(t *testing.T) {
	var flagErr *cmdutil.FlagError
	var userErr *cmdutil.UserError

	f, _, _, _ := testFactory("en", nil)
	err := run(t, f)
	if !errors.As(err, &flagErr) || !strings.Contains(err.Error(), "give a bank id") {
		t.Errorf("no bank, no terminal: %v", err)
	}
	f, _, _, _ = testFactory("en", nil)
	f.IO.SetStdinTTY(true)
	f.IO.SetStdoutTTY(true)
	if err := run(t, f, "--plain"); !errors.As(err, &flagErr) {
		t.Errorf("no bank in the line mode: %v", err)
	}
	f, _, _, _ = testFactory("en", nil)
	if err := run(t, f, fixture, "--resume"); !errors.As(err, &userErr) || !strings.Contains(err.Error(), "no unfinished quiz") {
		t.Errorf("--resume: %v", err)
	}
	f, _, _, _ = testFactory("en", nil)
	err = run(t, f, fixture, "--skills", "data,nope")
	if !errors.As(err, &userErr) || !strings.Contains(userErr.Msg, `no skill "nope"`) || !strings.Contains(userErr.Hint, "data, etika, layanan") {
		t.Errorf("unknown skill: %v", err)
	}
	f, _, _, _ = testFactory("en", nil)
	var noBank *cmdutil.NoBankError
	if err := run(t, f, "no-such-bank"); !errors.As(err, &noBank) {
		t.Errorf("unknown bank: %v", err)
	}
	// --no-history is accepted: nothing is recorded in this build anyway.
	f, in, _, _ := testFactory("en", nil)
	in.WriteString("A\n")
	if err := run(t, f, fixture, "--no-history", "-n", "1"); err != nil {
		t.Errorf("--no-history: %v", err)
	}
}

// TestRunTerminal runs the full-screen quiz on fake terminal streams.
func TestRunTerminal(t *testing.T) {
	f, in, out, _ := testFactory("en", nil)
	f.IO.SetStdinTTY(true)
	f.IO.SetStdoutTTY(true)
	in.WriteString("\rssq") // start, review, submit, quit
	if err := run(t, f, fixture, "-n", "3", "--seed", "1"); err != nil {
		t.Fatal(err)
	}
	// After the full screen, the result stays on the terminal.
	s := out.String()
	if !strings.Contains(s, "Result: Test Role (peran-uji 1.0.0)") || !strings.Contains(s, "Overall 0.0%") {
		t.Errorf("no result after the quiz:\n%q", s)
	}

	f, in, _, _ = testFactory("en", nil)
	f.IO.SetStdinTTY(true)
	f.IO.SetStdoutTTY(true)
	in.WriteString("\r\x03\x03")
	if err := run(t, f, fixture); !errors.Is(err, cmdutil.ErrCancel) {
		t.Errorf("ctrl+c twice: %v", err)
	}

	// The picker when no bank is named.
	f, in, out, _ = testFactory("en", nil)
	f.IO.SetStdinTTY(true)
	f.IO.SetStdoutTTY(true)
	f.BankPaths = []string{fixture}
	in.WriteString("\r\rssq")
	if err := run(t, f, "--mode", "exam"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Overall") {
		t.Errorf("the picker did not lead to a result:\n%q", out.String())
	}
}

// End of input before the last question is an interruption: exit 130, no
// result, the answers kept in an unfinished attempt that resumes.
func TestPlainEndOfInputIsAnInterruption(t *testing.T) {
	f, in, out, errOut := testFactory("en", nil)
	in.WriteString("B\n")
	err := run(t, f, fixture, "-n", "3", "--seed", "3", "--no-shuffle", "--plain", "-o", "json")
	if !errors.Is(err, cmdutil.ErrCancel) {
		t.Fatalf("end of input: %v, want the interruption (exit 130)", err)
	}
	if out.Len() != 0 {
		t.Errorf("a result was printed:\n%s", out)
	}
	if !strings.Contains(errOut.String(), "attempt 1 is kept as unfinished") || !strings.Contains(errOut.String(), "asnskill quiz --resume 1") {
		t.Errorf("no word on how to resume:\n%s", errOut)
	}
	// Resuming asks the two questions left and keeps the first answer.
	f2, in2, out2, _ := testFactory("en", nil)
	f2.DBFlag = f.DBFlag
	f2.BankPaths = []string{fixture}
	in2.WriteString("A\nB\n")
	if err := run(t, f2, "--resume", "--plain", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var r scoring.Result
	if err := json.Unmarshal(out2.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, out2)
	}
	if r.Score.Counts.Answered() != 3 || len(r.Answers) != 3 || fmt.Sprint(r.Answers[0].Response) != "[B]" {
		t.Errorf("resumed result: %+v %+v", r.Score.Counts, r.Answers)
	}
}

// Nothing at all on the input: no attempt is finished, none kept.
func TestEmptyInputKeepsNothingFinished(t *testing.T) {
	f, _, _, _ := testFactory("en", nil)
	if err := run(t, f, fixture, "-n", "2", "--plain"); !errors.Is(err, cmdutil.ErrCancel) {
		t.Fatalf("empty input: %v", err)
	}
	// Every question skipped on purpose: the quiz is submitted, but an
	// attempt without an answer is not kept.
	f2, in2, _, errOut := testFactory("en", nil)
	f2.DBFlag = f.DBFlag
	in2.WriteString("\n\n")
	if err := run(t, f2, fixture, "-n", "2", "--plain"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "not kept") {
		t.Errorf("no word that the empty attempt is not kept:\n%s", errOut)
	}
	st, err := store.OpenRead(f.DBFlag)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.List(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if a.Finished() {
			t.Errorf("attempt %d was finished with no answer", a.ID)
		}
	}
	if len(all) != 1 {
		t.Errorf("%d attempts, want only the interrupted one", len(all))
	}
}

// --save into a folder that does not exist fails before the first question.
func TestSaveCheckedBeforeTheFirstQuestion(t *testing.T) {
	f, in, out, _ := testFactory("en", nil)
	in.WriteString("A\nA\n")
	err := run(t, f, fixture, "-n", "2", "--plain", "--save", filepath.Join(t.TempDir(), "missing", "r.json"))
	var userErr *cmdutil.UserError
	if !errors.As(err, &userErr) || !strings.Contains(userErr.Msg, "could not save") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(out.String(), "Question 1") {
		t.Errorf("the quiz started:\n%s", out)
	}
	if _, err := os.Stat(f.DBFlag); err == nil {
		t.Errorf("the history was opened before the check")
	}
}

func TestAllAsksEveryQuestion(t *testing.T) {
	f, in, out, _ := testFactory("en", nil)
	b, err := bank.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	in.WriteString(strings.Repeat("A\n", len(b.Questions)))
	if err := run(t, f, fixture, "--all", "--plain", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var r scoring.Result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) != len(b.Questions) {
		t.Errorf("--all asked %d of %d", len(r.Answers), len(b.Questions))
	}
}

// A history that cannot be used is named, with what to do, before the first
// question; the quiz then runs without keeping the attempt.
func TestUnusableHistoryNamedBeforeTheFirstQuestion(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{"folder": dir, "device": filepath.Join(dir, "null.db")} {
		if name == "device" {
			if err := os.Symlink("/dev/null", path); err != nil {
				t.Skip(err)
			}
		}
		f, in, out, errOut := testFactory("en", nil)
		f.DBFlag = path
		in.WriteString("A\nA\n")
		if err := run(t, f, fixture, "-n", "2", "--plain", "-o", "json"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		e := errOut.String()
		at, q := strings.Index(e, "cannot use the history database "+path), strings.Index(e, "Question 1/2")
		if at < 0 || q < 0 || at > q || !strings.Contains(e, "--db") || !strings.Contains(e, "not be kept") {
			t.Errorf("%s: the database is not named before the first question:\n%s", name, e)
		}
		if !json.Valid(out.Bytes()) {
			t.Errorf("%s: no result:\n%s", name, out)
		}
	}
	if _, err := os.Stat("/dev/null-journal"); err == nil {
		t.Error("/dev/null-journal was made")
	}
}

// quiz --adaptive in the line mode: the questions come one at a time, the
// result says adaptive and not calibrated (the fixture bank has no irt),
// and an interrupted adaptive quiz resumes where it stopped.
func TestAdaptivePlainAndResume(t *testing.T) {
	f, in, out, errOut := testFactory("en", nil)
	in.WriteString(strings.Repeat("A\n", 40))
	if err := run(t, f, fixture, "--adaptive", "--seed", "2", "--plain", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var r scoring.Result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Mode != "adaptive" || r.Calibrated == nil || *r.Calibrated || len(r.Answers) == 0 {
		t.Fatalf("result: mode %q calibrated %v answers %d", r.Mode, r.Calibrated, len(r.Answers))
	}
	for _, s := range r.Skills {
		if s.Theta == nil || len(s.Questions) != s.Items || s.GapStatus == "" {
			t.Errorf("skill %+v", s)
		}
	}
	if !strings.Contains(errOut.String(), "Question 1 (adaptive)") || !strings.Contains(errOut.String(), "not calibrated") {
		t.Errorf("transcript:\n%s", errOut)
	}

	// Two answers, then the input ends: kept, and resumed with the same
	// questions and the same next pick.
	f1, in1, _, _ := testFactory("en", nil)
	in1.WriteString("A\nB\n")
	if err := run(t, f1, fixture, "--adaptive", "--seed", "2", "--plain", "-o", "json"); !errors.Is(err, cmdutil.ErrCancel) {
		t.Fatalf("interrupted adaptive quiz: %v", err)
	}
	f2, in2, out2, _ := testFactory("en", nil)
	f2.DBFlag, f2.BankPaths = f1.DBFlag, []string{fixture}
	in2.WriteString(strings.Repeat("A\n", 40))
	if err := run(t, f2, "--resume", "--plain", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var resumed scoring.Result
	if err := json.Unmarshal(out2.Bytes(), &resumed); err != nil {
		t.Fatalf("%v\n%s", err, out2)
	}
	if resumed.Mode != "adaptive" || len(resumed.Answers) < 3 {
		t.Fatalf("resumed: mode %q, %d answers", resumed.Mode, len(resumed.Answers))
	}
	if resumed.Answers[0].Question != r.Answers[0].Question || fmt.Sprint(resumed.Answers[1].Response) == "[]" {
		t.Errorf("the resumed quiz lost its first answers: %+v", resumed.Answers[:2])
	}
	// An adaptive quiz begun with -n 4 and interrupted after two answers
	// stops at 4 questions when resumed, as the first run would have.
	f3, in3, _, _ := testFactory("en", nil)
	in3.WriteString("A\nB\n")
	if err := run(t, f3, fixture, "--adaptive", "-n", "4", "--seed", "2", "--plain", "-o", "json"); !errors.Is(err, cmdutil.ErrCancel) {
		t.Fatalf("interrupted adaptive quiz: %v", err)
	}
	f4, in4, out4, _ := testFactory("en", nil)
	f4.DBFlag, f4.BankPaths = f3.DBFlag, []string{fixture}
	in4.WriteString(strings.Repeat("A\n", 40))
	if err := run(t, f4, "--resume", "--plain", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	var capped scoring.Result
	if err := json.Unmarshal(out4.Bytes(), &capped); err != nil {
		t.Fatalf("%v\n%s", err, out4)
	}
	if len(capped.Answers) != 4 {
		t.Errorf("resumed -n 4 quiz asked %d questions", len(capped.Answers))
	}

	for _, flags := range [][]string{{"--mode", "exam"}, {"--all"}, {"--review"}} {
		f, _, _, _ := testFactory("en", nil)
		var fe *cmdutil.FlagError
		if err := run(t, f, append([]string{fixture, "--adaptive", "--plain"}, flags...)...); !errors.As(err, &fe) {
			t.Errorf("--adaptive %v: %v, want a usage error", flags, err)
		}
	}
}

// --save-html writes the HTML report of the result.
func TestSaveHTML(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hasil.html")
	f, in, _, _ := testFactory("id", nil)
	in.WriteString("A\nB\nC\n")
	if err := run(t, f, fixture, "-n", "3", "--plain", "--save-html", path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "<!DOCTYPE html>") || !strings.Contains(string(data), "Nilai keseluruhan") {
		t.Errorf("not the HTML report:\n%.300s", data)
	}
	f2, _, _, _ := testFactory("id", nil)
	if err := run(t, f2, fixture, "-n", "3", "--plain", "--save-html", filepath.Join(dir, "no", "x.html")); err == nil {
		t.Error("a missing folder for --save-html was not refused before the quiz")
	}
}

// One renderer: the lines of `report` on a saved result appear in the
// plain quiz's own result (at least 90% of them), and every line of both
// fits 80 columns.
func TestOneRendererForResults(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "hasil.json")
	f, in, out, _ := testFactory("id", nil)
	in.WriteString(strings.Repeat("A\n", 20))
	if err := run(t, f, fixture, "-n", "7", "--seed", "2", "--plain", "--save", save); err != nil {
		t.Fatal(err)
	}
	quizLines := map[string]bool{}
	for _, l := range strings.Split(out.String(), "\n") {
		quizLines[strings.TrimSpace(l)] = true
	}
	ios, _, rout, _ := iostreams.Test()
	rf := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{fixture}}
	cmd := report.NewCmdReport(rf, nil)
	cmd.SetArgs([]string{save})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	var lines, shared int
	for _, l := range strings.Split(rout.String(), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines++
		if quizLines[strings.TrimSpace(l)] {
			shared++
		}
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("report line of %d columns: %q", w, l)
		}
	}
	if lines == 0 || float64(shared) < 0.9*float64(lines) {
		t.Errorf("only %d of the report's %d lines appear in the quiz's result:\nREPORT\n%s\nQUIZ\n%s", shared, lines, rout, out)
	}
	for _, l := range strings.Split(out.String(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("quiz line of %d columns: %q", w, l)
		}
	}
}
