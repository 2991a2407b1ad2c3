package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test binary doubles as a quiz process: with STORE_TEST_CHILD set it
// runs child instead of the tests (see runChildren and TestKilledQuiz).
func TestMain(m *testing.M) {
	if role := os.Getenv("STORE_TEST_CHILD"); role != "" {
		if err := child(role, os.Getenv("STORE_TEST_DB"), os.Getenv("STORE_TEST_N")); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const (
	writers = 8
	answers = 30
)

func questionIDs(n int) []string {
	qs := make([]string, n)
	for i := range qs {
		qs[i] = fmt.Sprintf("q%03d", i)
	}
	return qs
}

// quiz plays one whole attempt the way the quiz does: an answer, then the
// progress, question by question, each committed on its own; then Finish.
// With stopAfter > 0 it reports "saved" after that many answers and waits to
// be killed.
func quiz(path string, n, stopAfter int) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	m := meta("bank", t0.Add(time.Duration(n)*time.Second), questionIDs(answers)...)
	m.Candidate = fmt.Sprintf("writer-%d", n)
	m.TimeLimit = time.Hour
	id, err := s.Begin(m)
	if err != nil {
		return err
	}
	var outcomes []Outcome
	for i, q := range m.Questions {
		letter := string(rune('A' + (n+i)%4))
		if err := s.SaveAnswer(id, Answer{Question: q, Response: []string{letter}, Seconds: float64(i)}); err != nil {
			return err
		}
		if err := s.SaveProgress(id, i, time.Hour-time.Duration(i)*time.Second); err != nil {
			return err
		}
		if i+1 == stopAfter {
			fmt.Printf("saved %d\n", id)
			time.Sleep(time.Minute)
			return fmt.Errorf("not killed")
		}
		outcomes = append(outcomes, Outcome{q, letter == "A"})
	}
	return s.Finish(id, Completion{At: m.StartedAt.Add(time.Hour), Percent: 25,
		Skills: []SkillScore{{"s", 25, 2}}, Outcomes: outcomes})
}

func child(role, path, n string) error {
	i, err := strconv.Atoi(n)
	if err != nil {
		return err
	}
	switch role {
	case "quiz":
		return quiz(path, i, 0)
	case "killed":
		return quiz(path, i, 3)
	case "open":
		s, err := Open(path)
		if err != nil {
			return err
		}
		return s.Close()
	}
	return fmt.Errorf("unknown role %q", role)
}

func childCmd(t *testing.T, role, path string, n int) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip("cannot find the test binary:", err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "STORE_TEST_CHILD="+role, "STORE_TEST_DB="+path, "STORE_TEST_N="+strconv.Itoa(n))
	return cmd
}

// checkAllStored checks that every writer's attempt is complete.
func checkAllStored(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.List(Filter{BankID: "bank"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != writers {
		t.Fatalf("%d attempts stored, want %d", len(all), writers)
	}
	seen := map[string]bool{}
	for _, a := range all {
		seen[a.Candidate] = true
		if !a.Finished() || len(a.Answers) != answers || a.Current != answers-1 {
			t.Errorf("%s: finished %v, %d answers, at %d", a.Candidate, a.Finished(), len(a.Answers), a.Current)
		}
	}
	if len(seen) != writers {
		t.Errorf("writers stored: %v", seen)
	}
	var events int
	if err := s.db.QueryRow(`SELECT count(*) FROM review_events`).Scan(&events); err != nil || events != writers*answers {
		t.Errorf("%d review events, %v; want %d", events, err, writers*answers)
	}
	var ok string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q, %v", ok, err)
	}
}

// TestConcurrentStores: eight Stores in one process (each its own sql.DB and
// connection, as separate processes would have) write one fresh file at once.
func TestConcurrentStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	start := make(chan struct{})
	for n := range writers {
		wg.Go(func() {
			<-start
			if err := quiz(path, n, 0); err != nil {
				errs <- fmt.Errorf("writer %d: %w", n, err)
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err) // "database is locked" would show here
	}
	checkAllStored(t, path)
}

// TestConcurrentProcesses: eight processes play a quiz each against one fresh
// database.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "history.db")
	cmds := make([]*exec.Cmd, writers)
	outs := make([]*strings.Builder, writers)
	for n := range writers {
		cmds[n] = childCmd(t, "quiz", path, n)
		outs[n] = &strings.Builder{}
		cmds[n].Stdout, cmds[n].Stderr = outs[n], outs[n]
	}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for n, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", n, err, outs[n])
		}
	}
	checkAllStored(t, path)
}

// TestKilledQuiz: a quiz killed (SIGKILL on Unix) right after its third answer
// has all three answers, its progress, and a sound database.
func TestKilledQuiz(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "history.db")
	cmd := childCmd(t, "killed", path, 0)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v\n%s", line, err, stderr.String())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	var id int64
	if _, err := fmt.Sscanf(line, "saved %d", &id); err != nil {
		t.Fatalf("child said %q", line)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, ok, err := s.LatestUnfinished("bank")
	if err != nil || !ok || a.ID != id {
		t.Fatalf("unfinished attempt: %d, %v, %v; want %d", a.ID, ok, err, id)
	}
	if len(a.Answers) != 3 || a.Current != 2 || a.Remaining != time.Hour-2*time.Second {
		t.Fatalf("after the kill: %d answers, at %d, %s left", len(a.Answers), a.Current, a.Remaining)
	}
	for i, ans := range a.Answers {
		if ans.Position != i || ans.Response[0] != string(rune('A'+i%4)) {
			t.Errorf("answer %d: %+v", i, ans)
		}
	}
	// The attempt can be completed.
	if err := s.SaveAnswer(id, Answer{Question: "q003", Response: []string{"B"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(id, Completion{At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %q, %v", check, err)
	}
}
