package i18n

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

func TestCataloguesMatch(t *testing.T) {
	id, en := Keys("id"), Keys("en")
	if len(id) == 0 {
		t.Fatal("empty Indonesian catalogue")
	}
	set := map[string]bool{}
	for _, k := range en {
		set[k] = true
	}
	for _, k := range id {
		if !set[k] {
			t.Errorf("key %q has no English message", k)
		}
		delete(set, k)
	}
	for k := range set {
		t.Errorf("key %q has no Indonesian message", k)
	}
	for _, k := range id {
		a, _ := Raw("id", k)
		b, ok := Raw("en", k)
		if !ok {
			continue
		}
		va, vb := verbRE.FindAllString(a, -1), verbRE.FindAllString(b, -1)
		sort.Strings(va)
		sort.Strings(vb)
		if strings.Join(va, " ") != strings.Join(vb, " ") {
			t.Errorf("key %q: format verbs differ: id %v, en %v", k, va, vb)
		}
		if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			t.Errorf("key %q: empty message", k)
		}
	}
}

func TestChoose(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "id"},
		{"en", nil, "en"},
		{"EN", map[string]string{"ASNSKILL_LANG": "id"}, "en"},
		{"", map[string]string{"ASNSKILL_LANG": "en", "LANG": "id_ID.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "id_ID.UTF-8"}, "id"},
		{"", map[string]string{"LC_ALL": "en_GB", "LANG": "id_ID"}, "en"},
		{"", map[string]string{"LANG": "C.UTF-8"}, "id"},
		{"", map[string]string{"ASNSKILL_LANG": "xx", "LANG": "en_US"}, "en"},
	}
	for _, c := range cases {
		if got := Choose(c.flag, env(c.env)); got != c.want {
			t.Errorf("Choose(%q, %v) = %q, want %q", c.flag, c.env, got, c.want)
		}
	}
}

func TestTextGetFallback(t *testing.T) {
	cases := []struct {
		t    Text
		lang string
		want string
	}{
		{Text{"id": "Halo", "en": "Hello"}, "en", "Hello"},
		{Text{"id": "Halo", "en": "Hello"}, "fr", "Halo"},
		{Text{"en": "Hello"}, "id", "Hello"},
		{Text{"jv": "Sugeng", "fr": "Salut"}, "id", "Salut"},
		{Text{}, "id", ""},
	}
	for _, c := range cases {
		if got := c.t.Get(c.lang); got != c.want {
			t.Errorf("%v.Get(%q) = %q, want %q", c.t, c.lang, got, c.want)
		}
	}
}

func TestPrinterMissingKeyIsVisible(t *testing.T) {
	if got := NewPrinter("en").T("no.such.key"); got != "no.such.key" {
		t.Errorf("got %q", got)
	}
}

func TestSharedArgumentsDoNotLeak(t *testing.T) {
	add("en", map[string]string{"test.msg": "unknown key %q in %s", "test.msg.hint": "did you mean %[3]q?"})
	p := NewPrinter("en")
	if got := p.T("test.msg", "corect", "option", "correct"); got != `unknown key "corect" in option` {
		t.Errorf("message: %q", got)
	}
	if got := p.T("test.msg.hint", "corect", "option", "correct"); got != `did you mean "correct"?` {
		t.Errorf("hint: %q", got)
	}
	delete(catalogs["en"], "test.msg")
	delete(catalogs["en"], "test.msg.hint")
}

// A literal percent sign must be written %%: a lone one would print as
// "%!…(MISSING)" once the message is formatted.
func TestNoStrayPercent(t *testing.T) {
	for _, lang := range Languages {
		for _, k := range Keys(lang) {
			msg, _ := Raw(lang, k)
			args := make([]any, 8)
			for i := range args {
				args[i] = "x"
			}
			out := NewPrinter(lang).T(k, args...)
			numeric := false
			for _, v := range verbRE.FindAllString(msg, -1) {
				if c := v[len(v)-1]; c != 's' && c != 'q' && c != 'v' && c != '%' {
					numeric = true
				}
			}
			if !numeric && strings.Contains(out, "%!") {
				t.Errorf("%s:%s renders as %q", lang, k, out)
			}
		}
	}
}

func TestNumbersAsTheLanguageWritesThem(t *testing.T) {
	id, en := NewPrinter("id"), NewPrinter("en")
	cases := []struct {
		x          float64
		prec       int
		wantID, en string
	}{
		{62.5, 1, "62,5", "62.5"},
		{1234.56, 1, "1.234,6", "1,234.6"},
		{1000000, 0, "1.000.000", "1,000,000"},
		{-0.04, 1, "0,0", "0.0"},
		{-12.25, 2, "-12,25", "-12.25"},
		{999, 0, "999", "999"},
	}
	for _, c := range cases {
		if got := id.Decimal(c.x, c.prec); got != c.wantID {
			t.Errorf("id %v: %q, want %q", c.x, got, c.wantID)
		}
		if got := en.Decimal(c.x, c.prec); got != c.en {
			t.Errorf("en %v: %q, want %q", c.x, got, c.en)
		}
	}
	if id.Percent(17.24) != "17,2%" || en.Percent(17.24) != "17.2%" || id.Number(12) != "12" || id.Number(10.26) != "10,3" {
		t.Errorf("%s %s %s %s", id.Percent(17.24), en.Percent(17.24), id.Number(12), id.Number(10.26))
	}
}

func TestEnglishPlurals(t *testing.T) {
	for in, want := range map[string]string{
		"1 file(s) checked":              "1 file checked",
		"7 file(s), 1 error(s)":          "7 files, 1 error",
		"11 question(s) and 21 skill(s)": "11 questions and 21 skills",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// Indonesian messages never use the English plural form.
func TestNoPluralFormInIndonesian(t *testing.T) {
	for _, k := range Keys("id") {
		if strings.Contains(catalogs["id"][k], "(s)") {
			t.Errorf("id %s: %q", k, catalogs["id"][k])
		}
	}
}

// Counts and one-decimal figures take the language's marks.
func TestCountAndDec1(t *testing.T) {
	id, en := NewPrinter("id"), NewPrinter("en")
	if got := id.T("score.summary", Count(1000000), Count(999), Count(1001)); got != "asnskill: 1.000.000 baris dibaca, 999 dinilai, 1.001 ditolak" {
		t.Errorf("id: %q", got)
	}
	if got := en.T("score.summary", Count(1001), Count(1), Count(0)); got != "asnskill: 1,001 rows read, 1 scored, 0 rejected" {
		t.Errorf("en: %q", got)
	}
	if got := en.T("score.summary", Count(1), Count(1), Count(0)); got != "asnskill: 1 row read, 1 scored, 0 rejected" {
		t.Errorf("en singular: %q", got)
	}
	if got := id.T("bank.file-too-large", Dec1(10.64), 10); got != "berkas berukuran 10,6 MiB, melebihi batas 10 MiB untuk sebuah bank" {
		t.Errorf("id Dec1: %q", got)
	}
}
