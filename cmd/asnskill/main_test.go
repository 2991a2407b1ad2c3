package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asnskill/asnskill/internal/app"
)

func TestMain(m *testing.M) {
	// The crash tests start this test binary as asnskill itself.
	if os.Getenv("ASNSKILL_TEST_AS_MAIN") == "1" {
		os.Exit(app.Main())
	}
	testscript.Main(m, map[string]func(){
		"asnskill": func() { os.Exit(app.Main()) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script, one behaviour a
// file; `go test ./cmd/asnskill -update` rewrites their expected output.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ASNSKILL_LANG", "")
			env.Setenv("LANG", "")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/data")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// status N cmd args... runs cmd and checks its exit status is N.
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: status N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("status: %v", err)
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("status: %v", err)
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
	})
}
