package interop

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"testing"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

// fuzzImport checks an importer: it never panics, a failure is a located
// *Error, and whatever it imports writes a bank that decodes without errors.
func fuzzImport(f *testing.F, read reader, seeds ...string) {
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		} else {
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := read(bytes.NewReader(data), ImportOptions{File: "fuzz"})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error without a location: %v", err)
			}
			if e.Line < 1 {
				t.Fatalf("error at line %d: %v", e.Line, err)
			}
			return
		}
		decodeWritten(t, res.Bank)
	})
}

func FuzzGIFT(f *testing.F) {
	fuzzImport(f, giftR, "testdata/all.gift",
		"::a::Q{=a ~b}", "Q{T#x#y####z}", "$CATEGORY: a/b\n\n::x:: y {~%50%a ~%50%b ~%-100%c}",
		"Q {\n=a\n\n~b\n}", "[html]<b>x</b>{=<i>a</i> ~b#c}", `\{\}\~{=\=a ~\#b}`)
}

func FuzzAiken(f *testing.F) {
	fuzzImport(f, aikenR, "testdata/all-dot.aiken", "testdata/all-paren.aiken",
		"Q\nA. a\nB) b\nANSWER: B\n", "Q\nA.\nB. \nANSWER: a")
}

func FuzzMoodleXML(f *testing.F) {
	fuzzImport(f, moodleR, "testdata/all.xml",
		`<quiz><question type="multichoice"><questiontext format="html"><text>&lt;b&gt;Q&lt;/b&gt;</text></questiontext><answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question></quiz>`,
		`<quiz><question type="truefalse"><questiontext><text>Q</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`)
}

// FuzzQTI writes banks made of arbitrary text and checks that the package is
// a zip of well-formed XML with a response declaration per question (and
// that Moodle XML stays well-formed too).
func FuzzQTI(f *testing.F) {
	f.Add("q-1", uint8(0), "Prompt **b**", "A", "B", "C", "fb", "expl", uint8(3), 2.0)
	f.Add("1x", uint8(1), "```\ncode\n```", "<a>", "]]>", "&amp;", "\x00\x1b", "*", uint8(9), -1.0)
	f.Add("", uint8(3), "\xff\xfe", "`", "**", "*x*", "\ufffe", "\U0010ffff", uint8(0), 0.0)
	types := []string{bank.Single, bank.Multiple, bank.TrueFalse, bank.Judgement}
	f.Fuzz(func(t *testing.T, id string, typ uint8, prompt, a, b, c, fb, expl string, score uint8, points float64) {
		q := bank.Question{ID: id, Skill: id, Type: types[int(typ)%len(types)], Difficulty: 2, Points: points,
			Prompt:      i18n.Text{"id": prompt, "en": a},
			Explanation: i18n.Text{"en": expl},
			Tags:        []string{fb},
			Options: []bank.Option{
				{Text: i18n.Text{"id": a}, Correct: true, Score: int(score%5) + 1, Feedback: i18n.Text{"id": fb}},
				{Text: i18n.Text{"id": b}, Score: int(score % 3)},
				{Text: i18n.Text{"en": c}, Correct: typ%2 == 0, Score: 5},
			},
		}
		bk := &bank.Bank{ID: id, Version: c, Title: i18n.Text{"id": prompt}, Summary: i18n.Text{"en": b},
			Levels: bank.DefaultLevels(), Skills: []bank.Skill{{ID: id, Name: i18n.Text{"id": a}, Description: i18n.Text{"id": fb}}},
			Questions: []bank.Question{q, q}}
		var buf bytes.Buffer
		if err := WriteQTI(&buf, bk, ExportOptions{Lang: "id"}); err != nil {
			t.Fatal(err)
		}
		files := unzipQTI(t, buf.Bytes())
		items := 0
		for name, data := range files {
			var it qtiItemDoc
			if len(name) > 6 && name[:6] == "items/" {
				items++
				if err := xml.Unmarshal(data, &it); err != nil || len(it.Responses) != 1 || len(it.Choices) != 3 {
					t.Fatalf("%s: %v %+v", name, err, it)
				}
			}
		}
		if items != 2 {
			t.Fatalf("%d items, want 2", items)
		}
		buf.Reset()
		if err := WriteMoodleXML(&buf, bk, ExportOptions{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(buf.Bytes()); err != nil {
			t.Fatalf("Moodle XML: %v\n%s", err, buf.String())
		}
		buf.Reset()
		if err := WriteGIFT(&buf, bk, ExportOptions{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
	})
}
