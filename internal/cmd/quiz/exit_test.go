package quiz_test

import (
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/app"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
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
		{[]string{"quiz", "../../tui/testdata/peran-uji.yaml", "-n", "2", "--seed", "3", "-o", "json"}, "A\n", app.ExitOK, ""},
	}
	for _, c := range cases {
		ios, in, _, errOut := iostreams.Test()
		in.WriteString(c.in)
		f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now}
		code := app.Run(f, append([]string{"--lang", "en"}, c.args...))
		if code != c.code || !strings.Contains(errOut.String(), c.err) {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", c.args, code, c.code, errOut)
		}
	}
}
