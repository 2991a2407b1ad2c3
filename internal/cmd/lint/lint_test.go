package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

const good = `format: asnskill/bank/v1
id: w
version: 1.0.0
title: {id: W, en: W}
summary: {id: W., en: W.}
skills:
  - {id: s, name: {id: S, en: S}, target_level: 1, recommendations: []}
questions:
  - {id: q1, skill: s, prompt: {id: "A?", en: "A?"}, explanation: {id: K., en: B.}, options: [{text: {id: a, en: a}, correct: true}, {text: {id: b, en: b}}]}
`

// --watch lints again when the file changes, until stopped.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.yaml")
	os.WriteFile(path, []byte(good), 0o644)
	ios, _, _, _ := iostreams.Test()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	ios.Out, ios.ErrOut = out, errOut
	f := &cmdutil.Factory{IO: ios, Now: time.Now, Getenv: func(string) string { return "" }, LangFlag: "en"}
	stop := make(chan struct{})
	done := make(chan error, 1)
	opts := &Options{F: f, Paths: []string{path}, Output: cmdutil.NewEnum("text", "text"), Watch: true, Interval: 5 * time.Millisecond, Stop: stop}
	go func() { done <- Run(opts) }()
	waitFor := func(cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out; stdout:\n%s\nstderr:\n%s", out, errOut)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor(func() bool { return strings.Count(errOut.String(), "checking") >= 1 })
	// A typo appears: the next check reports it.
	os.WriteFile(path, []byte(strings.Replace(good, "correct: true", "corect: true", 1)), 0o644)
	future := time.Now().Add(time.Second)
	os.Chtimes(path, future, future)
	waitFor(func() bool { return strings.Contains(out.String(), `unknown key "corect"`) })
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a buffer the watcher writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWatchNeedsPath(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Now: time.Now, Getenv: func(string) string { return "" }}
	err := Run(&Options{F: f, Output: cmdutil.NewEnum("text", "text"), Watch: true})
	if _, ok := err.(*cmdutil.FlagError); !ok {
		t.Fatalf("err = %v", err)
	}
}
