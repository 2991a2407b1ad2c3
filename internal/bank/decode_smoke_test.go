package bank

import (
	"os"
	"testing"

	"github.com/asnskill/asnskill/internal/i18n"
)

func TestDecodeExample(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/contoh-peran.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := Decode("contoh-peran.yaml", data)
	p := i18n.NewPrinter("en")
	for _, d := range ds {
		t.Log(d.Format(p))
	}
	if b == nil || ds.HasErrors() {
		t.Fatal("example bank has errors")
	}
	if b.Questions[2].Points != 1 || b.Questions[1].Points != 3 || b.Questions[0].Points != 1 || b.Questions[3].Points != 2 {
		t.Errorf("points: %v %v %v %v", b.Questions[0].Points, b.Questions[1].Points, b.Questions[2].Points, b.Questions[3].Points)
	}
	if b.QuizSize != 4 || b.TimeLimit.Minutes() != 4 {
		t.Errorf("defaults: size %d time %v", b.QuizSize, b.TimeLimit)
	}
}
