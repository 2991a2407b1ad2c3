package interop

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

type reader func(*bytes.Reader, ImportOptions) (*Result, error)

var (
	giftR   reader = func(r *bytes.Reader, o ImportOptions) (*Result, error) { return ReadGIFT(r, o) }
	aikenR  reader = func(r *bytes.Reader, o ImportOptions) (*Result, error) { return ReadAiken(r, o) }
	moodleR reader = func(r *bytes.Reader, o ImportOptions) (*Result, error) { return ReadMoodleXML(r, o) }
)

// importFile imports a fixture and checks that the bank written from it
// decodes without errors.
func importFile(t *testing.T, read reader, path string, opts ImportOptions) (*Result, *bank.Bank) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts.File = path
	res, err := read(bytes.NewReader(data), opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res, decodeWritten(t, res.Bank)
}

func decodeWritten(t testing.TB, b *bank.Bank) *bank.Bank {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBank(&buf, b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), Modeline+"\n") {
		t.Errorf("written bank does not start with the modeline")
	}
	got, diags := bank.Decode("written.yaml", buf.Bytes())
	if got == nil || diags.HasErrors() {
		p := i18n.NewPrinter("en")
		for _, d := range diags {
			if d.Severity == bank.Error {
				t.Errorf("%s", d.Format(p))
			}
		}
		t.Fatalf("written bank does not decode:\n%s", buf.String())
	}
	return got
}

type wantQ struct {
	id, skill, typ, prompt string
	keys                   string // letters of the correct options, or the scores of a judgement
	feedback               map[int]string
	explanation            string
	tags                   []string
}

func checkQuestions(t *testing.T, b *bank.Bank, lang string, want []wantQ) {
	t.Helper()
	if len(b.Questions) != len(want) {
		var ids []string
		for _, q := range b.Questions {
			ids = append(ids, q.ID)
		}
		t.Fatalf("%d questions %v, want %d", len(b.Questions), ids, len(want))
	}
	for i, w := range want {
		q := b.Questions[i]
		if q.ID != w.id || q.Skill != w.skill || q.Type != w.typ {
			t.Errorf("question %d: %s/%s/%s, want %s/%s/%s", i, q.ID, q.Skill, q.Type, w.id, w.skill, w.typ)
		}
		if w.prompt != "" && q.Prompt.Get(lang) != w.prompt {
			t.Errorf("%s: prompt %q, want %q", q.ID, q.Prompt.Get(lang), w.prompt)
		}
		keys := ""
		for j, o := range q.Options {
			if q.Type == bank.Judgement {
				keys += string(rune('0' + o.Score))
			} else if o.Correct {
				keys += string(bank.Letters[j])
			}
		}
		if keys != w.keys {
			t.Errorf("%s: keys %q, want %q", q.ID, keys, w.keys)
		}
		for j, fb := range w.feedback {
			if got := q.Options[j].Feedback.Get(lang); got != fb {
				t.Errorf("%s: feedback %c %q, want %q", q.ID, bank.Letters[j], got, fb)
			}
		}
		if q.Explanation.Get(lang) != w.explanation {
			t.Errorf("%s: explanation %q, want %q", q.ID, q.Explanation.Get(lang), w.explanation)
		}
		if strings.Join(q.Tags, ",") != strings.Join(w.tags, ",") {
			t.Errorf("%s: tags %v, want %v", q.ID, q.Tags, w.tags)
		}
	}
}

type wantWarn struct {
	line int
	code string
	arg  string // the first argument (the question)
}

func checkWarnings(t *testing.T, res *Result, want []wantWarn) {
	t.Helper()
	p := i18n.NewPrinter("en")
	if len(res.Warnings) != len(want) {
		for _, w := range res.Warnings {
			t.Log(w.Format(p))
		}
		t.Fatalf("%d warnings, want %d", len(res.Warnings), len(want))
	}
	for i, w := range want {
		g := res.Warnings[i]
		if g.Line != w.line || g.Code != w.code || (w.arg != "" && g.Args[0] != w.arg) {
			t.Errorf("warning %d: %s", i, g.Format(p))
		}
		if !strings.Contains(g.Format(p), ":"+strconv.Itoa(w.line)+": warning: ") {
			t.Errorf("warning %d is not located: %s", i, g.Format(p))
		}
	}
}

func TestGIFTFixture(t *testing.T) {
	res, b := importFile(t, giftR, "testdata/all.gift", ImportOptions{Lang: "id", Skill: "dasar-spbe"})
	if b.ID != "all" || b.Language != "id" {
		t.Errorf("bank %s in %s", b.ID, b.Language)
	}
	var skills []string
	for _, s := range b.Skills {
		skills = append(skills, s.ID+"="+s.Name.Get("id"))
		if s.TargetLevel != 3 || len(s.Recommendations) != 1 || !strings.HasPrefix(s.Recommendations[0].Title.Get("id"), "TODO") {
			t.Errorf("skill %s: target %d, recommendations %v", s.ID, s.TargetLevel, s.Recommendations)
		}
	}
	if got := strings.Join(skills, "; "); got != "dasar-spbe=Dasar spbe; keamanan-siber=Keamanan Siber; tata-kelola-kebijakan=Tata Kelola / Kebijakan" {
		t.Errorf("skills: %s", got)
	}
	if !strings.HasPrefix(b.Title.Get("id"), "TODO") || !strings.HasPrefix(b.Summary.Get("id"), "TODO") {
		t.Errorf("title and summary should ask to be filled in: %q %q", b.Title, b.Summary)
	}
	checkQuestions(t, b, "id", []wantQ{
		{id: "pengertian-spbe", skill: "dasar-spbe", typ: "single", prompt: "Apa kepanjangan SPBE?", keys: "A",
			feedback:    map[int]string{0: "Benar, sesuai Perpres 95/2018.", 1: `Bukan "pelayanan".`, 2: ""},
			explanation: "SPBE diatur dalam **Perpres 95/2018**."},
		{id: "ks-escapes", skill: "keamanan-siber", typ: "single",
			prompt: `Which characters need a backslash in GIFT: ~ = # { } and \ itself?`, keys: "A",
			feedback: map[int]string{0: "Right: even the colon : in names."}, tags: []string{"escape", "gift"}},
		{id: "multi-line", skill: "keamanan-siber", typ: "single",
			prompt: "This question\nspans several lines\nand keeps its line breaks.", keys: "A"},
		{id: "missing-word", skill: "keamanan-siber", typ: "single", prompt: "Data pribadi _____ oleh UU 27/2022.", keys: "A"},
		{id: "benar-salah", skill: "keamanan-siber", typ: "truefalse", keys: "A",
			feedback: map[int]string{0: "Tepat.", 1: "Keliru: UU ini memang mengaturnya."}, explanation: "Lihat UU 27/2022."},
		{id: "salah-benar", skill: "keamanan-siber", typ: "truefalse", keys: "B",
			feedback: map[int]string{0: "Sandi tidak boleh dibagikan.", 1: ""}},
		{id: "multi-answer", skill: "keamanan-siber", typ: "multiple", keys: "ABC",
			feedback: map[int]string{3: "Bukan bagian dari CIA."}},
		{id: "judgement-weights", skill: "keamanan-siber", typ: "judgement", keys: "531"},
		{id: "partial-zero", skill: "keamanan-siber", typ: "judgement", keys: "531"},
		{id: "html-text", skill: "keamanan-siber", typ: "single", prompt: "Apa arti **enkripsi** & *hash*?\n\nPilih `satu`.", keys: "A",
			feedback: map[int]string{0: "Benar."}},
		{id: "markdown-text", skill: "keamanan-siber", typ: "single", prompt: "Apa fungsi `sha256sum`?", keys: "A"},
		{id: "pengertian-spbe-2", skill: "tata-kelola-kebijakan", typ: "single", keys: "A"},
	})
	if o := b.Question("html-text").Options[0].Text.Get("id"); o != "**Enkripsi** dapat dibalik, *hash* tidak" {
		t.Errorf("html option: %q", o)
	}
	if o := b.Question("markdown-text").Options[0].Text.Get("id"); o != "Menghitung **hash**" {
		t.Errorf("markdown option: %q", o)
	}
	checkWarnings(t, res, []wantWarn{
		{49, "judgement-zero", "Partial zero"},
		{67, "unsupported", "Essay"},
		{69, "unsupported", "Matching"},
		{74, "unsupported", "Numerical"},
		{76, "unsupported", "Short answer"},
		{78, "unsupported", "Description"},
	})
	if res.Found != 17 || res.Skipped != 5 {
		t.Errorf("found %d, skipped %d", res.Found, res.Skipped)
	}
}

func TestAikenFixtures(t *testing.T) {
	for _, c := range []struct {
		file, lang string
		want       []wantQ
	}{
		{"testdata/all-dot.aiken", "id", []wantQ{
			{id: "q-001", skill: "umum", typ: "single", prompt: "Apa kepanjangan SPBE?", keys: "A"},
			{id: "q-002", skill: "umum", typ: "single",
				prompt: "Undang-undang yang mengatur pelindungan data pribadi adalah\n(pertanyaan dua baris) ...", keys: "B"},
		}},
		{"testdata/all-paren.aiken", "en", []wantQ{
			{id: "q-001", skill: "general", typ: "single", prompt: "Which regulation sets up One Data Indonesia?", keys: "B"},
			{id: "q-002", skill: "general", typ: "single", prompt: "What does PDP stand for?", keys: "C"},
		}},
	} {
		res, b := importFile(t, aikenR, c.file, ImportOptions{Lang: c.lang, ID: "aiken-test"})
		if b.ID != "aiken-test" || len(res.Warnings) != 0 {
			t.Errorf("%s: bank %s, warnings %v", c.file, b.ID, res.Warnings)
		}
		checkQuestions(t, b, c.lang, c.want)
		if o := b.Questions[1].Options[3%len(b.Questions[1].Options)].Text.Get(c.lang); o == "" {
			t.Errorf("%s: option text lost", c.file)
		}
	}
	_, b := importFile(t, aikenR, "testdata/all-paren.aiken", ImportOptions{Lang: "en"})
	if got := b.Questions[1].Options[0].Text.Get("en"); got != "Pelindungan Data Pribadi" {
		t.Errorf("A) option text %q", got)
	}
}

func TestMoodleXMLFixture(t *testing.T) {
	res, b := importFile(t, moodleR, "testdata/all.xml", ImportOptions{Lang: "id"})
	if s := b.Skill("analisis-data"); s == nil || s.Name.Get("id") != "Analisis Data" || s.Description.Get("id") != "Statistik dan **visualisasi**." {
		t.Errorf("category with idnumber and info: %+v", s)
	}
	checkQuestions(t, b, "id", []wantQ{
		{id: "median-dan-pencilan", skill: "analisis-data", typ: "single",
			prompt: "Ukuran pemusatan yang paling **tahan** terhadap pencilan adalah ...", keys: "B",
			feedback: map[int]string{0: "Rata-rata terpengaruh pencilan."}, explanation: "Median hanya bergantung pada *urutan* data.",
			tags: []string{"statistik"}},
		{id: "da-visual", skill: "analisis-data", typ: "multiple", prompt: "Pilih semua grafik yang cocok\nuntuk data deret waktu.", keys: "AB",
			feedback: map[int]string{2: "Tidak menunjukkan waktu."}},
		{id: "korelasi-dan-kausalitas", skill: "analisis-data", typ: "truefalse", keys: "B",
			feedback: map[int]string{0: "Keliru.", 1: "Tepat."}, explanation: "Korelasi tidak membuktikan sebab-akibat."},
		{id: "situasi-data-bocor", skill: "etika", typ: "judgement",
			prompt: "Anda menemukan data warga bocor. Apa yang Anda lakukan?", keys: "4321"},
	})
	if p := b.Question("situasi-data-bocor").Points; p != 3 {
		t.Errorf("defaultgrade 3 gave points %g", p)
	}
	checkWarnings(t, res, []wantWarn{
		{14, "images-dropped", "Median dan pencilan"},
		{124, "unsupported", "Esai etika"},
		{128, "unsupported", "Menjodohkan"},
		{132, "unsupported", "Numerik"},
		{136, "unsupported", "Isian"},
		{140, "unsupported", "Cloze"},
		{144, "unsupported", "Deskripsi"},
	})
}

func TestImportErrors(t *testing.T) {
	cases := []struct {
		name string
		read reader
		src  string
		line int
		code string
	}{
		{"gift open brace", giftR, "::a:: ok {=a ~b}\n\n::b:: Question {\n=a\n~b\n", 3, "gift-brace-open"},
		{"gift close brace", giftR, "// c\n::a:: Question =a ~b}\n", 2, "gift-brace-close"},
		{"gift name", giftR, "::a Question {=a ~b}\n", 1, "gift-name"},
		{"gift two blocks", giftR, "Q {=a ~b} and\n{=c ~d}\n", 2, "gift-two-blocks"},
		{"gift answer prefix", giftR, "Q {\n  stray\n=a ~b}\n", 2, "gift-answer-prefix"},
		{"gift weight", giftR, "Q {\n~%150%a\n~b}\n", 2, "gift-weight"},
		{"gift nothing", giftR, "// only a comment\n\n::e:: Essay {}\n", 1, "no-questions"},
		{"aiken no answer", aikenR, "Q1\nA. a\nB. b\n\nQ2\nA. x\nB. y\nANSWER: A\n", 3, "aiken-no-answer"},
		{"aiken bad answer", aikenR, "Q\nA) a\nB) b\nANSWER: E\n", 4, "aiken-bad-answer"},
		{"aiken answer alone", aikenR, "ANSWER: A\n", 1, "aiken-answer-alone"},
		{"aiken no options", aikenR, "\n\nQ\nANSWER: A\n", 3, "aiken-no-options"},
		{"aiken option first", aikenR, "A. a\nB. b\nANSWER: A\n", 1, "aiken-option-first"},
		{"aiken duplicate", aikenR, "Q\nA. a\nA. b\nANSWER: A\n", 3, "aiken-duplicate-letter"},
		{"aiken eof", aikenR, "Q\nA. a\nB. b\n", 3, "aiken-no-answer"},
		{"xml syntax", moodleR, "<quiz>\n<question type=\"multichoice\">\n<name><text>x</name>\n</question></quiz>", 3, "xml"},
		{"xml root", moodleR, "<?xml version=\"1.0\"?>\n<html></html>", 2, "moodle-root"},
		{"xml fraction", moodleR, "<quiz>\n<question type=\"multichoice\">\n<answer fraction=\"lots\"><text>a</text></answer></question></quiz>", 2, "moodle-fraction"},
		{"xml truefalse", moodleR, "<quiz>\n\n<question type=\"truefalse\"><questiontext><text>Q</text></questiontext><answer fraction=\"100\"><text>yes</text></answer></question></quiz>", 3, "moodle-truefalse"},
		{"xml empty", moodleR, "", 1, "moodle-root"},
	}
	p := i18n.NewPrinter("en")
	for _, c := range cases {
		_, err := c.read(bytes.NewReader([]byte(c.src)), ImportOptions{File: "in.txt"})
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: error %v, want a located error", c.name, err)
			continue
		}
		if e.Line != c.line || e.Code != c.code {
			t.Errorf("%s: %s (code %s), want line %d code %s", c.name, e.Format(p), e.Code, c.line, c.code)
		}
		if !strings.HasPrefix(err.Error(), "in.txt:"+strconv.Itoa(c.line)+": ") {
			t.Errorf("%s: message %q is not FILE:LINE: …", c.name, err.Error())
		}
		if strings.Contains(e.Message(p), "trainer.") {
			t.Errorf("%s: message missing from the catalogue: %s", c.name, e.Message(p))
		}
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		w      []float64
		single bool
		typ    string
		keys   string
		code   string
	}{
		{[]float64{100, 0, 0}, true, "single", "A", ""},
		{[]float64{0, 100, -50}, true, "single", "B", ""},
		{[]float64{100, 60, 20}, true, "judgement", "531", ""},
		{[]float64{100, 75, 50, 25}, true, "judgement", "4321", ""},
		{[]float64{100, 66.66667, 33.33333}, true, "judgement", "321", ""},
		{[]float64{100, 50, 0}, true, "judgement", "531", "judgement-zero"},
		{[]float64{100, 37, 10}, true, "judgement", "521", "judgement-rounded"},
		{[]float64{100, 100, 0}, true, "judgement", "551", "judgement-zero"},
		{[]float64{50, 50, -50, -50}, false, "multiple", "AB", ""},
		{[]float64{33.33333, 33.33333, 33.33333, -100}, false, "multiple", "ABC", ""},
		{[]float64{100, -100, -100}, false, "multiple", "A", ""},
		{[]float64{100, 0}, false, "multiple", "A", ""},
		{[]float64{70, 30, 0}, false, "multiple", "AB", "unequal-shares"},
		{[]float64{100, 50, 0}, false, "judgement", "531", "judgement-zero"},
		{[]float64{100, 60, 20}, false, "judgement", "531", "judgement-from-multi"},
		{[]float64{40, 40, 0}, false, "multiple", "AB", "odd-weights"},
		{[]float64{0, 0, -50}, true, "", "", "no-right-answer"},
		{[]float64{50, 50}, false, "", "", "no-wrong-answer"},
		{[]float64{100, 100}, true, "", "", "no-wrong-answer"},
	}
	for _, c := range cases {
		got, code := classify(c.w, c.single)
		keys := ""
		for i := range c.w {
			switch {
			case got.typ == bank.Judgement:
				keys += string(rune('0' + got.scores[i]))
			case got.typ != "" && got.correct[i]:
				keys += string(bank.Letters[i])
			}
		}
		if got.typ != c.typ || keys != c.keys || code != c.code {
			t.Errorf("classify(%v, single=%v) = %s %s %q, want %s %s %q", c.w, c.single, got.typ, keys, code, c.typ, c.keys, c.code)
		}
	}
}

func TestIDs(t *testing.T) {
	for in, want := range map[string]string{
		"Pengertian SPBE":                "pengertian-spbe",
		"  Q1: Data -- Privasi!  ":       "q1-data-privasi",
		"Économie générale":              "economie-generale",
		"日本語":                            "",
		strings.Repeat("abcdefghij ", 6): "abcdefghij-abcdefghij-abcdefghij",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
	used := map[string]bool{}
	long := strings.Repeat("a", 40)
	for _, want := range []string{long, strings.Repeat("a", 38) + "-2", strings.Repeat("a", 38) + "-3"} {
		if got := unique(long, used); got != want || !validID(got) {
			t.Errorf("unique = %q, want %q", got, want)
		}
	}
}

func TestImportLanguageAndDefaults(t *testing.T) {
	src := "::Q::Is it?{TRUE}\n"
	res, err := ReadGIFT(strings.NewReader(src), ImportOptions{File: "-", Lang: "en", Skill: "not valid!"})
	if err != nil {
		t.Fatal(err)
	}
	b := decodeWritten(t, res.Bank)
	if b.ID != "imported" || b.Language != "en" || b.Skills[0].ID != "general" {
		t.Errorf("defaults: bank %s lang %s skill %s", b.ID, b.Language, b.Skills[0].ID)
	}
	if o := b.Questions[0].Options; o[0].Text.Get("en") != "True" || o[1].Text.Get("en") != "False" || !o[0].Correct {
		t.Errorf("truefalse options %+v", o)
	}
	if !strings.HasPrefix(b.Title.Get("en"), "TODO") {
		t.Errorf("title %q", b.Title.Get("en"))
	}
}

// Control characters in a source are dropped with a warning, so the bank
// lints without errors.
func TestImportRemovesControlCharacters(t *testing.T) {
	src := "::Evil::Prompt \x1b[2Jwith escapes\u202e{=right\x07 ~wrong}\n"
	res, err := ReadGIFT(strings.NewReader(src), ImportOptions{File: "evil.gift"})
	if err != nil {
		t.Fatal(err)
	}
	b := decodeWritten(t, res.Bank)
	if p := b.Questions[0].Prompt.Get("id"); strings.ContainsRune(p, 0x1b) {
		t.Errorf("ESC kept: %q", p)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Code != "control-removed" {
		t.Errorf("warnings %v", res.Warnings)
	}
}
