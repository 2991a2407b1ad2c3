package preview

import (
	"bytes"
	"os"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// A bank whose texts carry escape sequences and invisible characters is
// previewed (lint errors ignored) with every one of them escaped.
func TestHostileBankPreview(t *testing.T) {
	data, err := os.ReadFile("../../bank/testdata/hostile/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := bank.Decode("hostile.yaml", data)
	for _, lang := range []string{"id", "en"} {
		for _, md := range []bool{false, true} {
			var w bytes.Buffer
			pr := &printer{w: &w, p: i18n.NewPrinter(lang), lang: lang, b: b}
			if md {
				pr.markdown()
			} else {
				pr.text()
			}
			out := w.String()
			for _, f := range textsafe.Scan(out) {
				t.Errorf("%s markdown=%v: unsafe %U in %q", lang, md, f.Rune, out[max(0, f.Offset-20):min(len(out), f.Offset+20)])
			}
			if !bytes.Contains(w.Bytes(), []byte(`\x1b`)) {
				t.Errorf("%s markdown=%v: the escapes are not shown", lang, md)
			}
		}
	}
}
