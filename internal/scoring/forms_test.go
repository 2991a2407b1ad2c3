package scoring

import (
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

func formBank() *bank.Bank {
	opt := func(id, en string) bank.Option { return bank.Option{Text: i18n.Text{"id": id, "en": en}} }
	return &bank.Bank{ID: "f", Questions: []bank.Question{
		{ID: "q1", Prompt: i18n.Text{"id": "Apa itu `SPBE`?", "en": "What is SPBE?"}, Options: []bank.Option{opt("Sistem", "System"), opt("Layanan", "Service")}},
		{ID: "q2", Type: bank.Multiple, Prompt: i18n.Text{"id": "Pilih semua", "en": "Pick all"},
			Options: []bank.Option{opt("X, Y", "X, Y"), opt("X", "X"), opt("Y", "Y"), opt("Bocor, berubah, atau hilang", "Leaked, changed or lost")}},
		{ID: "q3", Prompt: i18n.Text{"id": "Pilih semua", "en": "Other"}, Options: []bank.Option{opt("a", "a")}},
	}}
}

func TestMatchColumn(t *testing.T) {
	bk := NewBulk(formBank(), "id")
	for _, c := range []struct {
		header string
		id     string
		n      int
	}{
		{"q1", "q1", 1},
		{"  apa ITU  spbe? ", "q1", 1}, // case, spaces and inline marks do not count
		{"What is SPBE?", "q1", 1},     // either language
		{"Timestamp", "", 0},
		{"Pilih semua", "q2", 2}, // two questions share the text: ambiguous
	} {
		id, n := bk.MatchColumn(c.header)
		if n != c.n || (c.n == 1 && id != c.id) {
			t.Errorf("%q: %q, %d; want %q, %d", c.header, id, n, c.id, c.n)
		}
	}
}

func TestOptionChoice(t *testing.T) {
	bk := NewBulk(formBank(), "id")
	for _, c := range []struct {
		q, cell string
		want    string
		ok      bool
	}{
		{"q1", "layanan", "B", true},
		{"q1", "Service", "B", true},
		{"q2", "X, Y", "A", true}, // the whole cell is one option before it is split
		{"q2", "X, Bocor, berubah, atau hilang", "BD", true},
		{"q2", "Y, X", "BC", true},
		{"q2", "X;Y;", "BC", true}, // Microsoft Forms
		{"q2", "Bocor, berubah, atau hilang;X", "BD", true},
		{"q2", "X, X", "", false},
		{"q2", "Z", "", false},
	} {
		got, ok := bk.optionChoice(c.q, c.cell)
		if ok != c.ok || (ok && got.String() != c.want) {
			t.Errorf("%s %q: %v %v, want %s %v", c.q, c.cell, got, ok, c.want, c.ok)
		}
	}
}
