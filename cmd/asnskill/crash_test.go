package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/app"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/store"
)

// asnskill runs the program in this process on the given input.
func asnskill(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	f := &cmdutil.Factory{IO: ios, Now: time.Now, Getenv: func(k string) string {
		if k == "HOME" || k == "XDG_DATA_HOME" {
			return t.TempDir()
		}
		return ""
	}, Shipped: true}
	code := app.Run(f, args)
	return out.String(), errOut.String(), code
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// child starts this test binary as asnskill with its stdin on a pipe; its
// stderr is kept to explain a failure.
func child(t *testing.T, args ...string) (*exec.Cmd, io.WriteCloser, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ASNSKILL_TEST_AS_MAIN=1", "NO_COLOR=1", "LANG=en_US.UTF-8")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = io.Discard, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, in, stderr
}

// waitAnswers polls the database until the latest unfinished attempt holds n
// answers.
func waitAnswers(t *testing.T, db string, n int, stderr *lockedBuffer) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(db); err == nil {
			if st, err := store.Open(db); err == nil {
				a, ok, err := st.LatestUnfinished("")
				st.Close()
				if err == nil && ok && len(a.Answers) >= n {
					return
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the quiz did not record %d answers in time; its stderr:\n%s", n, stderr)
}

// A quiz killed after its third answer (SIGKILL, SIGTERM, SIGHUP) loses
// nothing: --resume shows those answers and completes the attempt.
func TestCrashAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "history.db")
			cmd, in, stderr := child(t, "quiz", "ml-specialist", "--mode", "exam", "-n", "5", "--seed", "3", "--no-shuffle", "--plain", "--db", db, "--name", "ani")
			for i := 0; i < 3; i++ {
				fmt.Fprintln(in, "A")
			}
			waitAnswers(t, db, 3, stderr)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			in.Close()

			out, errOut, code := asnskill(t, "B\nB\n", "quiz", "--resume", "--plain", "-o", "json", "--db", db, "--lang", "en")
			if code != 0 {
				t.Fatalf("resume: exit %d\n%s", code, errOut)
			}
			var r scoring.Result
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("resume output: %v\n%s", err, out)
			}
			if len(r.Answers) != 5 || r.Candidate != "ani" {
				t.Fatalf("result: %+v", r)
			}
			for i, a := range r.Answers {
				want := "A"
				if i >= 3 {
					want = "B"
				}
				if strings.Join(a.Response, "") != want {
					t.Errorf("answer %d = %v, want %s", i+1, a.Response, want)
				}
			}
			st, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, ok, _ := st.LatestUnfinished(""); ok {
				t.Error("the attempt is still unfinished")
			}
			if list, _ := st.List(store.Filter{Finished: true}); len(list) != 1 {
				t.Errorf("%d finished attempts, want 1", len(list))
			}
		})
	}
}

// Eight quizzes in eight processes against one database all finish, with
// every answer stored and no "database is locked".
func TestConcurrentQuizzes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	db := filepath.Join(t.TempDir(), "history.db")
	var wg sync.WaitGroup
	errs := make([]string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "quiz", "cyber-security", "-n", "10", "--seed", fmt.Sprint(i), "--plain",
				"--mode", "exam", "--db", db, "--name", fmt.Sprintf("p%d", i))
			cmd.Env = append(os.Environ(), "ASNSKILL_TEST_AS_MAIN=1", "NO_COLOR=1")
			cmd.Stdin = strings.NewReader(strings.Repeat("A\n", 10))
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			if err := cmd.Run(); err != nil {
				errs[i] = fmt.Sprintf("%v: %s", err, stderr.String())
			}
		}(i)
	}
	wg.Wait()
	for i, e := range errs {
		if e != "" {
			t.Errorf("quiz %d: %s", i, e)
		}
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.List(store.Filter{Finished: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 8 {
		t.Fatalf("%d finished attempts, want 8", len(list))
	}
	for _, a := range list {
		if len(a.Answers) != 10 {
			t.Errorf("attempt %d has %d answers, want 10", a.ID, len(a.Answers))
		}
	}
}
