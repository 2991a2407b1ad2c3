package bank

import (
	"os"
	"strings"
	"testing"

	"github.com/asnskill/asnskill/internal/i18n"
)

// Lint reports every control character with its position and code point,
// and the bidirectional and zero-width characters in prose as warnings.
func TestHostileBankLint(t *testing.T) {
	data, err := os.ReadFile("testdata/hostile/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := Decode("hostile.yaml", data)
	if b == nil {
		t.Fatal("hostile bank should decode, with errors")
	}
	p := i18n.NewPrinter("en")
	var controls, invisible int
	lines := map[int]bool{}
	for _, d := range ds {
		switch d.Code {
		case "control-char":
			controls++
			lines[d.Line] = true
		case "invisible-char-prose":
			invisible++
			lines[d.Line] = true
		}
		if strings.ContainsRune(d.Format(p), '\x1b') {
			t.Errorf("diagnostic carries a raw ESC: %q", d.Format(p))
		}
	}
	// title(2+1 ESC +BEL), summary, skill name, recommendation, prompt, option, explanation
	if controls < 20 {
		t.Errorf("only %d control characters reported", controls)
	}
	if invisible < 4 {
		t.Errorf("only %d invisible characters reported", invisible)
	}
	for _, l := range []int{6, 7, 10, 15, 20, 22, 25} {
		if !lines[l] {
			t.Errorf("nothing reported on line %d", l)
		}
	}
}
