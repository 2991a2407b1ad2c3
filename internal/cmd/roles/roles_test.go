package roles

import (
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

// On an 80-column terminal the role list fits: titles wrap (not cut), ids
// stay whole, and a note explains the columns.
func TestRolesFit80(t *testing.T) {
	for _, tc := range []struct{ lang, paths string }{{"id", ""}, {"en", ""}, {"id", "../../../quizzes"}} {
		lang := tc.lang
		var paths []string
		if tc.paths != "" {
			paths = []string{tc.paths}
		}
		ios, _, out, _ := iostreams.Test()
		ios.SetStdoutTTY(true)
		ios.SetWidth(80)
		f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: lang,
			BankPaths: paths, Shipped: len(paths) == 0}
		if err := Run(&Options{F: f, Output: cmdutil.NewEnum("table", "table", "json", "yaml")}); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		for _, l := range strings.Split(text, "\n") {
			if w := runewidth.StringWidth(l); w > 80 {
				t.Errorf("%s: line of %d columns: %q", lang, w, l)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: something was cut:\n%s", lang, text)
		}
		for _, want := range []string{"digital-transformation  ", "Pemerintahan", "asnskill quiz --bank <id>"} {
			if lang == "en" && want == "Pemerintahan" {
				want = "Government"
			}
			if !strings.Contains(text, want) {
				t.Errorf("%s: lacks %q:\n%s", lang, want, text)
			}
		}
	}
}
