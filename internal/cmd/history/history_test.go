package history

import (
	"bytes"
	"database/sql"
	"encoding/csv"
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

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/store"
)

var t0 = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// now is 30 days after the first attempt.
var now = t0.AddDate(0, 0, 30)

type streams struct {
	in, out, errOut *bytes.Buffer
}

func newFactory(t *testing.T) (*cmdutil.Factory, streams) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{
		IO:       ios,
		Now:      func() time.Time { return now },
		Getenv:   func(string) string { return "" },
		LangFlag: "en",
		DBFlag:   filepath.Join(t.TempDir(), "history.db"),
	}
	return f, streams{in, out, errOut}
}

// execute runs `asnskill history args...` under a root with the global
// flags the real root has (--bank, --db, --lang).
func execute(f *cmdutil.Factory, runF func(*Options) error, args ...string) error {
	root := &cobra.Command{Use: "asnskill", SilenceErrors: true, SilenceUsage: true}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })
	pf := root.PersistentFlags()
	pf.StringArrayVar(&f.BankPaths, "bank", nil, "")
	pf.StringVar(&f.DBFlag, "db", f.DBFlag, "")
	pf.StringVar(&f.LangFlag, "lang", f.LangFlag, "")
	root.AddCommand(NewCmdHistory(f, runF))
	root.SetArgs(append([]string{"history"}, args...))
	root.SetIn(f.IO.In)
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	return root.Execute()
}

func isFlagError(err error) bool {
	var fe *cmdutil.FlagError
	return errors.As(err, &fe)
}

func isUserError(err error) bool {
	var ue *cmdutil.UserError
	return errors.As(err, &ue)
}

func TestFlags(t *testing.T) {
	since := func(s string) time.Time {
		tm, err := ParseSince(s, now)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name    string
		args    []string
		prompt  bool // stdin and stdout are a terminal
		want    Options
		wantErr bool
	}{
		{name: "list", args: nil, want: Options{Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "json", args: []string{"-o", "json"}, want: Options{Output: &cmdutil.EnumFlag{Value: "json"}}},
		{name: "csv raw", args: []string{"-o", "csv", "--raw-csv"}, want: Options{Output: &cmdutil.EnumFlag{Value: "csv"}, RawCSV: true}},
		{name: "bank", args: []string{"--bank", "data-analyst"}, want: Options{BankID: "data-analyst", Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "last bank wins", args: []string{"--bank", "cyber-security", "--bank", "data-analyst"}, want: Options{BankID: "data-analyst", Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "since date", args: []string{"--since", "2026-01-15"}, want: Options{SinceText: "2026-01-15", Since: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "since duration", args: []string{"--since", "720h"}, want: Options{SinceText: "720h", Since: since("720h"), Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "since days", args: []string{"--since", "7d"}, want: Options{SinceText: "7d", Since: now.AddDate(0, 0, -7), Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "attempt", args: []string{"12"}, want: Options{ID: 12, HasID: true, Output: &cmdutil.EnumFlag{Value: "text"}}},
		{name: "attempt markdown", args: []string{"12", "-o", "markdown"}, want: Options{ID: 12, HasID: true, Output: &cmdutil.EnumFlag{Value: "markdown"}}},
		{name: "weak", args: []string{"--weak", "--bank", "x"}, want: Options{Weak: true, BankID: "x", Output: &cmdutil.EnumFlag{Value: "table"}}},
		{name: "forget yes", args: []string{"--forget", "3", "--yes"}, want: Options{ForgetID: 3, Yes: true, Output: &cmdutil.EnumFlag{}}},
		{name: "forget prompt", args: []string{"--forget", "3"}, prompt: true, want: Options{ForgetID: 3, Output: &cmdutil.EnumFlag{}}},
		{name: "forget-all yes", args: []string{"--forget-all", "-y"}, want: Options{ForgetAll: true, Yes: true, Output: &cmdutil.EnumFlag{}}},

		{name: "forget without yes and no terminal", args: []string{"--forget", "3"}, wantErr: true},
		{name: "forget-all without yes and no terminal", args: []string{"--forget-all"}, wantErr: true},
		{name: "bad id", args: []string{"abc"}, wantErr: true},
		{name: "zero id", args: []string{"0"}, wantErr: true},
		{name: "two args", args: []string{"1", "2"}, wantErr: true},
		{name: "forget zero", args: []string{"--forget", "0", "--yes"}, wantErr: true},
		{name: "id and weak", args: []string{"1", "--weak"}, wantErr: true},
		{name: "forget and forget-all", args: []string{"--forget", "1", "--forget-all", "--yes"}, wantErr: true},
		{name: "bad since", args: []string{"--since", "yesterday"}, wantErr: true},
		{name: "negative since", args: []string{"--since", "-5h"}, wantErr: true},
		{name: "since with id", args: []string{"1", "--since", "720h"}, wantErr: true},
		{name: "bank with id", args: []string{"1", "--bank", "x"}, wantErr: true},
		{name: "list as text", args: []string{"-o", "text"}, wantErr: true},
		{name: "attempt as csv", args: []string{"1", "-o", "csv"}, wantErr: true},
		{name: "weak as csv", args: []string{"--weak", "-o", "csv"}, wantErr: true},
		{name: "forget with output", args: []string{"--forget", "1", "--yes", "-o", "json"}, wantErr: true},
		{name: "raw-csv without csv", args: []string{"--raw-csv"}, wantErr: true},
		{name: "unknown output", args: []string{"-o", "yaml"}, wantErr: true},
		{name: "bad bank", args: []string{"--bank", "Not An Id"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, _ := newFactory(t)
			f.IO.SetStdinTTY(c.prompt)
			f.IO.SetStdoutTTY(c.prompt)
			var got *Options
			err := execute(f, func(o *Options) error { got = o; return nil }, c.args...)
			if c.wantErr {
				if !isFlagError(err) {
					t.Fatalf("err = %v (%T), want a FlagError", err, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.F = nil
			c.want.Output.Allowed = got.Output.Allowed
			if !reflect.DeepEqual(*got, c.want) {
				t.Errorf("options\n%+v\nwant\n%+v", *got, c.want)
			}
		})
	}
}

func TestNeedYesNamesTheFlag(t *testing.T) {
	f, _ := newFactory(t)
	err := execute(f, nil, "--forget-all")
	if !isFlagError(err) || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("err = %v, want a FlagError naming --yes", err)
	}
}

func TestParseSince(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	n := time.Date(2026, 3, 10, 12, 0, 0, 0, wib)
	for in, want := range map[string]time.Time{
		"2026-03-01": time.Date(2026, 3, 1, 0, 0, 0, 0, wib),
		"24h":        n.Add(-24 * time.Hour),
		"90m":        n.Add(-90 * time.Minute),
		"30d":        n.AddDate(0, 0, -30),
		" 0d ":       n,
	} {
		got, err := ParseSince(in, n)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "yesterday", "-1h", "2026-13-01", "1.5d", "-3d"} {
		if _, err := ParseSince(in, n); err == nil {
			t.Errorf("ParseSince(%q): no error", in)
		}
	}
}

func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want string
	}{
		{[]float64{0, 100}, "▁█"},
		{[]float64{40, 70}, "▄▆"},
		{[]float64{50}, "▅"},
		{[]float64{-5, 120}, "▁█"},
		{nil, ""},
	} {
		if got := Sparkline(c.in); got != c.want {
			t.Errorf("Sparkline(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	long := make([]float64, maxSpark+6)
	if got := Sparkline(long); !strings.HasPrefix(got, "…") || len([]rune(got)) != maxSpark+1 {
		t.Errorf("long sparkline %q", got)
	}
}

// fixture is what seed puts in the database.
type attemptSpec struct {
	bank, mode, candidate string
	started               time.Time
	questions             []string
	answers               []store.Answer
	finish                bool
	percent               float64
	passed                bool
	skills                []store.SkillScore
	outcomes              []store.Outcome
	timeLimit, remaining  time.Duration
}

func resultJSON(t *testing.T, a attemptSpec) []byte {
	t.Helper()
	r := scoring.Result{
		Format: scoring.ResultFormat, Candidate: a.candidate,
		Bank: scoring.BankRef{ID: a.bank, Version: "1.0.0", SHA256: strings.Repeat("ab", 32)},
		Mode: a.mode, Lang: "en",
		Score:           scoring.Total{Earned: a.percent / 10, Possible: 10, Percent: a.percent, Passed: a.passed, PassingScore: 65},
		Recommendations: []scoring.Recommendation{},
	}
	for _, s := range a.skills {
		r.Skills = append(r.Skills, scoring.SkillResult{ID: s.Skill, Earned: s.Percent / 10, Possible: 10, Percent: s.Percent,
			CI95: [2]float64{s.Percent - 20, s.Percent + 10}, Items: 3, Level: s.Level, TargetLevel: 3, Gap: max(0, 3-s.Level), Weight: 1})
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var fixture = []attemptSpec{
	{ // 1
		bank: "data-analyst", mode: "exam", candidate: "=cmd", started: t0,
		questions: []string{"q1", "q2", "q3"},
		answers:   []store.Answer{{Question: "q1", Response: []string{"A"}, Seconds: 5}, {Question: "q2", Response: []string{"B"}, Seconds: 7}},
		finish:    true, percent: 45, passed: false,
		skills:   []store.SkillScore{{Skill: "stats", Percent: 40, Level: 2}, {Skill: "viz", Percent: 50, Level: 2}},
		outcomes: []store.Outcome{{Question: "q1", Correct: false}, {Question: "q2", Correct: true}},
	},
	{ // 2
		bank: "data-analyst", mode: "practice", candidate: "Siti", started: t0.AddDate(0, 0, 10),
		questions: []string{"q1", "q3"},
		answers:   []store.Answer{{Question: "q1", Response: []string{"C"}, Seconds: 3}, {Question: "q3", Response: []string{"A", "B"}, Seconds: 9}},
		finish:    true, percent: 65, passed: true,
		skills:   []store.SkillScore{{Skill: "stats", Percent: 70, Level: 3}, {Skill: "viz", Percent: 60, Level: 3}},
		outcomes: []store.Outcome{{Question: "q1", Correct: false}, {Question: "q3", Correct: false}},
	},
	{ // 3
		bank: "cyber-security", mode: "exam", candidate: "Siti", started: t0.AddDate(0, 0, 20),
		questions: []string{"c1"},
		answers:   []store.Answer{{Question: "c1", Response: []string{"D"}, Seconds: 4}},
		finish:    true, percent: 80, passed: true,
		skills:   []store.SkillScore{{Skill: "net", Percent: 80, Level: 4}},
		outcomes: []store.Outcome{{Question: "c1", Correct: true}},
	},
	{ // 4: unfinished, with a hostile name
		bank: "data-analyst", mode: "exam", candidate: "evil\x1b]52;c;eA==\x07\u009b2J", started: t0.AddDate(0, 0, 25),
		questions: []string{"q1", "q2", "q3"},
		answers: []store.Answer{{Question: "q1", Response: []string{"B"}, Seconds: 2},
			{Question: "q3", Response: []string{"A"}, Flagged: true, Seconds: 6}},
		timeLimit: 20 * time.Minute, remaining: 12 * time.Minute,
	},
}

// seed fills the database at path with the fixture.
func seed(t *testing.T, path string) {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range fixture {
		id, err := s.Begin(store.AttemptMeta{
			BankID: a.bank, BankVersion: "1.0.0", BankSHA256: strings.Repeat("ab", 32), Mode: a.mode, Seed: 7,
			Candidate: a.candidate, Lang: "en", Questions: a.questions, StartedAt: a.started, TimeLimit: a.timeLimit,
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, ans := range a.answers {
			if err := s.SaveAnswer(id, ans); err != nil {
				t.Fatal(err)
			}
		}
		if !a.finish {
			if err := s.SaveProgress(id, 2, a.remaining); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := s.Finish(id, store.Completion{At: a.started.Add(15 * time.Minute), Result: resultJSON(t, a),
			Percent: a.percent, Skills: a.skills, Outcomes: a.outcomes}); err != nil {
			t.Fatal(err)
		}
	}
}

func seeded(t *testing.T) (*cmdutil.Factory, streams) {
	t.Helper()
	f, st := newFactory(t)
	seed(t, f.DBFlag)
	return f, st
}

func run(t *testing.T, f *cmdutil.Factory, args ...string) {
	t.Helper()
	if err := execute(f, nil, args...); err != nil {
		t.Fatalf("history %v: %v", args, err)
	}
}

func noEscapes(t *testing.T, s string) {
	t.Helper()
	if strings.ContainsAny(s, "\x1b\x07\u009b") {
		t.Errorf("output carries a control character: %q", s)
	}
}

func TestListTable(t *testing.T) {
	f, st := seeded(t)
	f.IO.SetStdoutTTY(true)
	f.IO.SetWidth(120)
	run(t, f)
	out := st.out.String()
	for _, want := range []string{
		"ID  DATE              ROLE            MODE      PERCENT  PASSED",
		" 1  2026-01-01 09:00  data-analyst    exam        45.0%  no",
		" 2  2026-01-11 09:00  data-analyst    practice    65.0%  yes",
		" 3  2026-01-21 09:00  cyber-security  exam        80.0%  yes",
		" 4  2026-01-26 09:00  data-analyst    exam            —  unfinished 2/3",
		"Trend per skill",
		// Exam and practice are trends apart: a table for each role and
		// mode (no bank is loaded here, so roles show as ids).
		"\ncyber-security · exam\nSKILL  TREND  FIRST → LAST\nnet    ▇      80.0%\n",
		"\ndata-analyst · practice\nSKILL  TREND  FIRST → LAST\nstats  ▆      70.0%\nviz    ▅      60.0%\n",
		"\ndata-analyst · exam\nSKILL  TREND  FIRST → LAST\nstats  ▄      40.0%\nviz    ▅      50.0%\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	noEscapes(t, out)
}

func TestListPipe(t *testing.T) {
	f, st := seeded(t)
	run(t, f)
	lines := strings.Split(strings.TrimRight(st.out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 rows and nothing else in a pipe, got:\n%s", st.out)
	}
	if lines[0] != "1\t2026-01-01 09:00\tdata-analyst\texam\t45.0%\tno" {
		t.Errorf("row 1 = %q", lines[0])
	}
}

func TestListIndonesian(t *testing.T) {
	f, st := seeded(t)
	f.LangFlag = "id"
	f.IO.SetStdoutTTY(true)
	run(t, f, "--lang", "id")
	for _, want := range []string{"TANGGAL", "latihan", "belum selesai 2/3", "Tren per keterampilan", "tidak"} {
		if !strings.Contains(st.out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, st.out)
		}
	}
}

func TestListJSON(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "-o", "json")
	var e Export
	if err := json.Unmarshal(st.out.Bytes(), &e); err != nil {
		t.Fatalf("%v\n%s", err, st.out)
	}
	if e.Format != ExportFormat || e.Database != f.DBFlag || !e.ExportedAt.Equal(now) {
		t.Errorf("header: %+v", e)
	}
	if len(e.Attempts) != 4 {
		t.Fatalf("%d attempts", len(e.Attempts))
	}
	a1 := e.Attempts[0]
	if a1.ID != 1 || a1.Status != "finished" || a1.Candidate != "=cmd" || *a1.Percent != 45 || *a1.Passed ||
		len(a1.Answers) != 2 || a1.Answers[1].Response[0] != "B" || len(a1.Questions) != 3 || len(a1.Skills) != 2 {
		t.Errorf("attempt 1: %+v", a1)
	}
	var res scoring.Result
	if err := json.Unmarshal(a1.Result, &res); err != nil || res.Format != scoring.ResultFormat {
		t.Errorf("attempt 1 result: %v %s", err, a1.Result)
	}
	a4 := e.Attempts[3]
	if a4.Status != "unfinished" || a4.FinishedAt != nil || a4.Percent != nil || a4.Passed != nil || string(a4.Result) != "null" ||
		a4.Answered != 2 || a4.RemainingMS != 12*60*1000 || a4.TimeLimitMS != 20*60*1000 || a4.Current != 2 {
		t.Errorf("attempt 4: %+v", a4)
	}
	if a4.Candidate != fixture[3].candidate {
		t.Errorf("candidate %q, want the stored bytes %q", a4.Candidate, fixture[3].candidate)
	}
	// The C1 control is escaped in the bytes, so printing the export is
	// harmless, and decodes to the same string.
	noEscapes(t, st.out.String())
	if !strings.Contains(st.out.String(), `\u009b2J`) {
		t.Errorf("C1 control not escaped:\n%s", st.out)
	}

	var stats *Trend
	for i := range e.Trends {
		if e.Trends[i].Bank == "data-analyst" && e.Trends[i].Skill == "stats" && e.Trends[i].Mode == "practice" {
			stats = &e.Trends[i]
		}
	}
	if stats == nil || stats.Mode != "practice" || len(stats.Series) != 1 || stats.Series[0].Percent != 70 ||
		stats.Series[0].Attempt != 2 || stats.Series[0].Level != 3 || fmt.Sprint(stats.Attempts) != "[2]" {
		t.Errorf("stats trend: %+v", stats)
	}
	if len(e.Trends) != 5 || e.Trends[0].Bank != "cyber-security" {
		t.Errorf("trends: %+v", e.Trends)
	}
	// Everything the schedule holds is exported: questions in review (box 1,
	// due) and the ones answered right (box 0), with every recorded answer.
	var review []string
	for _, r := range e.Reviews {
		review = append(review, r.Bank+"/"+r.Question)
		inReview := r.Question == "q1" || r.Question == "q3"
		if inReview && (r.Box != 1 || r.DueAt == nil) || !inReview && r.Box != 0 {
			t.Errorf("review %+v", r)
		}
	}
	if strings.Join(review, " ") != "cyber-security/c1 data-analyst/q1 data-analyst/q2 data-analyst/q3" {
		t.Errorf("reviews %v", review)
	}
	if len(e.Answers) < 4 {
		t.Errorf("review answers %+v", e.Answers)
	}
}

func TestListCSV(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "-o", "csv")
	rows, err := csv.NewReader(st.out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("rows: %q", rows)
	}
	want := []string{"1", "finished", "2026-01-01T09:00:00Z", "2026-01-01T09:15:00Z", "data-analyst", "1.0.0", "exam", "'=cmd", "3", "2", "45.0", "false"}
	if !reflect.DeepEqual(rows[1], want) {
		t.Errorf("row 1 = %q\nwant    %q", rows[1], want)
	}
	if rows[4][1] != "unfinished" || rows[4][10] != "" || rows[4][11] != "" {
		t.Errorf("row 4 = %q", rows[4])
	}

	f2, st2 := newFactory(t)
	f2.DBFlag = f.DBFlag
	run(t, f2, "-o", "csv", "--raw-csv")
	rows, err = csv.NewReader(st2.out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][7] != "=cmd" {
		t.Errorf("--raw-csv candidate %q", rows[1][7])
	}
}

func TestListFilters(t *testing.T) {
	ids := func(args ...string) string {
		t.Helper()
		f, st := seeded(t)
		run(t, f, append(args, "-o", "json")...)
		var e Export
		if err := json.Unmarshal(st.out.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range e.Attempts {
			out = append(out, a.Bank.ID+"#"+string(rune('0'+a.ID)))
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--bank", "cyber-security"}, "cyber-security#3"},
		{[]string{"--bank", "data-analyst"}, "data-analyst#1 data-analyst#2 data-analyst#4"},
		{[]string{"--since", "2026-01-15"}, "cyber-security#3 data-analyst#4"},
		{[]string{"--since", "168h"}, "data-analyst#4"},
		{[]string{"--since", "12d", "--bank", "data-analyst"}, "data-analyst#4"},
		{[]string{"--bank", "ml-specialist"}, ""},
	} {
		if got := ids(c.args...); got != c.want {
			t.Errorf("%v: %q, want %q", c.args, got, c.want)
		}
	}

	// Filters apply to the trend too, and an empty match says so.
	f, st := seeded(t)
	f.IO.SetStdoutTTY(true)
	run(t, f, "--bank", "cyber-security")
	if strings.Contains(st.out.String(), "stats") || !strings.Contains(st.out.String(), "net") {
		t.Errorf("--bank trend:\n%s", st.out)
	}
	f, st = seeded(t)
	run(t, f, "--bank", "ml-specialist")
	if st.out.Len() != 0 || !strings.Contains(st.errOut.String(), "no attempts match") {
		t.Errorf("empty match: out %q err %q", st.out, st.errOut)
	}
}

func TestAttempt(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "2")
	out := st.out.String()
	for _, want := range []string{"Attempt 2, started 2026-01-11 09:00", "Result: data-analyst 1.0.0", "Candidate: Siti",
		"Overall 65.0% (6.5 of 10 points)", "✓ Passed", "stats", "viz"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}

	f, st = seeded(t)
	run(t, f, "1", "-o", "json")
	var r scoring.Result
	if err := json.Unmarshal(st.out.Bytes(), &r); err != nil || r.Format != scoring.ResultFormat || r.Candidate != "=cmd" || r.Score.Percent != 45 {
		t.Errorf("json: %v %+v", err, r)
	}

	f, st = seeded(t)
	run(t, f, "3", "-o", "markdown")
	if !strings.HasPrefix(st.out.String(), "# Result: cyber-security 1.0.0") {
		t.Errorf("markdown:\n%s", st.out)
	}
}

func TestAttemptUnfinished(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "4")
	out := st.out.String()
	for _, want := range []string{"Attempt 4: data-analyst 1.0.0", "Mode: exam", "Started: 2026-01-26 09:00",
		"Unfinished: answered 2 of 3 · 1 flagged · 12m0s left", "asnskill quiz --resume 4"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	noEscapes(t, out)
	if !strings.Contains(out, `evil\x1b]52;c;eA==\x07<U+009B>2J`) {
		t.Errorf("candidate not shown escaped:\n%s", out)
	}

	f, st = seeded(t)
	run(t, f, "4", "-o", "json")
	var rec Record
	if err := json.Unmarshal(st.out.Bytes(), &rec); err != nil || rec.Status != "unfinished" || rec.Answered != 2 {
		t.Errorf("json: %v %+v", err, rec)
	}

	f, st = seeded(t)
	run(t, f, "4", "-o", "markdown")
	if !strings.HasPrefix(st.out.String(), "# Attempt 4: data-analyst 1.0.0\n\n- ") {
		t.Errorf("markdown:\n%s", st.out)
	}
}

func TestAttemptNotFound(t *testing.T) {
	f, _ := seeded(t)
	err := execute(f, nil, "99")
	if !isUserError(err) || !strings.Contains(err.Error(), "no attempt 99") {
		t.Fatalf("err = %v", err)
	}
}

func TestWeak(t *testing.T) {
	f, st := seeded(t)
	f.IO.SetStdoutTTY(true)
	f.IO.SetWidth(120)
	run(t, f, "--weak")
	out := st.out.String()
	for _, want := range []string{
		"Weakest skills (mean of the last 3 attempts)",
		"data-analyst    stats   55.0%   70.0%      3         2",
		"Questions most often wrong",
		"data-analyst  q1",
		"Drill them: asnskill quiz --review data-analyst",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	// viz (55) ties stats (55) and sorts after it; net (80) comes last.
	if i, j := strings.Index(out, "stats"), strings.Index(out, "net"); i < 0 || j < i {
		t.Errorf("order:\n%s", out)
	}

	f, st = seeded(t)
	run(t, f, "--weak", "--bank", "data-analyst", "-o", "json")
	var rep WeakReport
	if err := json.Unmarshal(st.out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Skills) != 2 || rep.Skills[0].Skill != "stats" || rep.Skills[0].RecentPercent != 55 || rep.Skills[0].Attempts != 2 {
		t.Errorf("skills %+v", rep.Skills)
	}
	if len(rep.Questions) != 2 || rep.Questions[0].Question != "q1" || rep.Questions[0].Wrong != 2 || rep.Questions[0].Box != 1 {
		t.Errorf("questions %+v", rep.Questions)
	}
}

func count(t *testing.T, path string) int {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.List(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestForget(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "--forget", "2", "--yes")
	if !strings.Contains(st.errOut.String(), "attempt 2 deleted for good") {
		t.Errorf("stderr %q", st.errOut)
	}
	s, err := store.Open(f.DBFlag)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attempt(2); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("attempt 2 after --forget: %v", err)
	}
	// Its part in the review schedule went with it: q3 was wrong only there.
	due, err := s.DueReviews("", farFuture, 0)
	if err != nil || len(due) != 1 || due[0].Question != "q1" || due[0].Wrong != 1 {
		t.Errorf("reviews after forget: %v %+v", err, due)
	}
	s.Close()
	if n := count(t, f.DBFlag); n != 3 {
		t.Errorf("%d attempts left", n)
	}

	err = execute(f, nil, "--forget", "2", "--yes")
	if !isUserError(err) {
		t.Errorf("forgetting twice: %v", err)
	}
}

func TestForgetNeedsYesWithoutTerminal(t *testing.T) {
	f, _ := seeded(t)
	err := execute(f, nil, "--forget", "1")
	if !isFlagError(err) || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("err = %v", err)
	}
	if n := count(t, f.DBFlag); n != 4 {
		t.Errorf("%d attempts left, want 4", n)
	}
}

func TestForgetAsks(t *testing.T) {
	for _, c := range []struct {
		answer string
		left   int
	}{{"y\n", 3}, {"ya\n", 3}, {"\n", 4}, {"n\n", 4}, {"", 4}} {
		f, st := seeded(t)
		f.IO.SetStdinTTY(true)
		f.IO.SetStdoutTTY(true)
		st.in.WriteString(c.answer)
		run(t, f, "--forget", "1")
		if !strings.Contains(st.errOut.String(), "Delete attempt 1 (data-analyst, 2026-01-01 09:00) for good? [y/N]") {
			t.Errorf("prompt %q", st.errOut)
		}
		if n := count(t, f.DBFlag); n != c.left {
			t.Errorf("answer %q: %d attempts left, want %d", c.answer, n, c.left)
		}
	}
}

func TestForgetAll(t *testing.T) {
	f, st := seeded(t)
	run(t, f, "--forget-all", "--yes")
	if n := count(t, f.DBFlag); n != 0 {
		t.Errorf("%d attempts left", n)
	}
	st.out.Reset()
	st.errOut.Reset()
	run(t, f, "-o", "json")
	var e Export
	if err := json.Unmarshal(st.out.Bytes(), &e); err != nil || len(e.Attempts) != 0 || len(e.Reviews) != 0 {
		t.Errorf("after forget-all: %v %s", err, st.out)
	}
}

func TestMissingDatabase(t *testing.T) {
	for _, args := range [][]string{nil, {"-o", "json"}, {"-o", "csv"}, {"--weak"}, {"--forget-all", "--yes"}} {
		f, st := newFactory(t)
		f.DBFlag = filepath.Join(t.TempDir(), "sub", "history.db")
		run(t, f, args...)
		if !strings.Contains(st.errOut.String(), "no attempts yet; run 'asnskill quiz'") {
			t.Errorf("%v: stderr %q", args, st.errOut)
		}
		if _, err := os.Stat(filepath.Dir(f.DBFlag)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v: the database folder was created", args)
		}
	}
	f, _ := newFactory(t)
	if err := execute(f, nil, "3"); !isUserError(err) {
		t.Errorf("attempt without a database: %v", err)
	}
	if _, err := os.Stat(f.DBFlag); !errors.Is(err, os.ErrNotExist) {
		t.Error("the database was created")
	}
}

func TestGarbageDatabase(t *testing.T) {
	garbage := bytes.Repeat([]byte("this is not a database\n"), 200)
	for _, args := range [][]string{nil, {"1"}, {"--weak"}, {"--forget-all", "--yes"}, {"--forget", "1", "--yes"}} {
		f, _ := newFactory(t)
		if err := os.WriteFile(f.DBFlag, garbage, 0o600); err != nil {
			t.Fatal(err)
		}
		err := execute(f, nil, args...)
		if !isUserError(err) || !strings.Contains(err.Error(), f.DBFlag) || !strings.Contains(err.Error(), "not an asnskill history database") {
			t.Errorf("%v: err = %v", args, err)
		}
		var ue *cmdutil.UserError
		if errors.As(err, &ue) && !strings.Contains(ue.Hint, "--db") {
			t.Errorf("%v: hint %q", args, ue.Hint)
		}
		got, _ := os.ReadFile(f.DBFlag)
		if !bytes.Equal(got, garbage) {
			t.Errorf("%v: the file changed", args)
		}
		for _, ext := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(f.DBFlag + ext); err == nil {
				t.Errorf("%v: %s created", args, ext)
			}
		}
	}
}

func TestTooNewDatabase(t *testing.T) {
	f, _ := seeded(t)
	db, err := sql.Open("sqlite", f.DBFlag)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(f.DBFlag)
	err = execute(f, nil)
	if !isUserError(err) || !strings.Contains(err.Error(), "newer asnskill") || !strings.Contains(err.Error(), f.DBFlag) {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(f.DBFlag)
	if !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
}

func TestEscapeJSON(t *testing.T) {
	in := map[string]string{"s": "a\u202eb\u009bc\u200dd\x7fé"}
	var buf bytes.Buffer
	if err := writeJSON(&buf, in); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "{\n  \"s\": \"a\\u202eb\\u009bc\\u200dd\\u007fé\"\n}\n" {
		t.Errorf("escaped %q", got)
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || !reflect.DeepEqual(back, in) {
		t.Errorf("round trip %v %q", err, back)
	}
}

// Trends keep exam and practice apart, leave out review drills and
// unfinished attempts, and add no point for a skill without a level.
func TestTrendsPerModeOnlyFromEvidence(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC) }
	sk := func(level int, pct float64) []store.SkillScore {
		return []store.SkillScore{{Skill: "s", Percent: pct, Level: level}}
	}
	attempts := []store.Attempt{
		{ID: 1, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "practice"}, FinishedAt: at(1), Skills: sk(2, 50)},
		{ID: 2, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "exam"}, FinishedAt: at(2), Skills: sk(3, 65)},
		{ID: 3, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "review"}, FinishedAt: at(3), Skills: sk(1, 0)},
		{ID: 4, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "practice"}, Skills: sk(1, 0)},                      // unfinished
		{ID: 5, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "practice"}, FinishedAt: at(5), Skills: sk(0, 100)}, // too few questions
		{ID: 6, AttemptMeta: store.AttemptMeta{BankID: "b", Mode: "practice"}, FinishedAt: at(6), Skills: sk(4, 80)},
	}
	got := Trends(attempts)
	if len(got) != 2 {
		t.Fatalf("trends: %+v", got)
	}
	if got[0].Mode != "practice" || fmt.Sprint(got[0].Attempts) != "[1 6]" {
		t.Errorf("practice trend: %+v", got[0])
	}
	if got[1].Mode != "exam" || fmt.Sprint(got[1].Attempts) != "[2]" {
		t.Errorf("exam trend: %+v", got[1])
	}
}
