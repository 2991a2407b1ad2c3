package interop

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

// skeleton is the bank `asnskill new` writes: one question of each type.
func skeleton(t testing.TB) *bank.Bank {
	t.Helper()
	src := i18n.NewPrinter("en").T("trainer.new.skeleton", "contoh", "contoh.yaml")
	b, diags := bank.Decode("contoh.yaml", []byte(src))
	if b == nil || diags.HasErrors() {
		t.Fatalf("skeleton does not decode: %v", diags)
	}
	return b
}

func TestGIFTExportWeights(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGIFT(&buf, skeleton(t), ExportOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"// [id:skill-one]\n$CATEGORY: $course$/top/TODO: name of the role/TODO: name of the skill\n",
		"// [id:skill-one-001] [tag:todo]\n::skill-one-001::[markdown]TODO\\: text of the single-choice question?{\n",
		"\t~TODO\\: option A#TODO\\: why this option is wrong.\n\t=TODO\\: option B (the key)\n",
		"\t~%50%TODO\\: first right statement\n\t~%-50%TODO\\: wrong statement\n\t~%50%TODO\\: second right statement\n",
		"{TRUE####TODO\\: why the statement is true.}",
		"\t=TODO\\: the best action\n\t~%60%TODO\\: a fair action\n\t~%40%TODO\\: a weak action\n\t~%20%TODO\\: the worst action\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("GIFT lacks %q in\n%s", want, out)
		}
	}
}

// Moodle reads a category line raw: slashes in names are doubled, not
// escaped.
func TestCategoryPath(t *testing.T) {
	b := &bank.Bank{ID: "x", Title: i18n.Text{"en": "Machine Learning / AI"}}
	s := &bank.Skill{ID: "s", Name: i18n.Text{"en": "Data\nprep"}}
	if got := categoryPath(b, s, "en"); got != "$course$/top/Machine Learning // AI/Data prep" {
		t.Errorf("categoryPath = %q", got)
	}
	if got := categoryName("$course$/top/Machine Learning // AI/Data prep"); got != "Data prep" {
		t.Errorf("categoryName = %q", got)
	}
	if got := categoryName("$course$/top/A/Tata Kelola // Kebijakan"); got != "Tata Kelola / Kebijakan" {
		t.Errorf("categoryName = %q", got)
	}
}

func TestMoodleXMLExport(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMoodleXML(&buf, skeleton(t), ExportOptions{Lang: "id"}); err != nil {
		t.Fatal(err)
	}
	var quiz struct {
		Questions []mxQuestion `xml:"question"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &quiz); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, buf.String())
	}
	fractions := map[string]string{}
	for _, q := range quiz.Questions {
		var f []string
		for _, a := range q.Answers {
			f = append(f, a.Fraction)
		}
		fractions[q.IDNumber] = q.Type + " " + q.Single + " " + strings.Join(f, ",")
	}
	for id, want := range map[string]string{
		"skill-one":     "category  ",
		"skill-one-001": "multichoice true 0,100,0,0",
		"skill-one-002": "multichoice false 50,-50,50",
		"skill-one-003": "truefalse  100,0",
		"skill-one-004": "multichoice true 100,60,40,20",
	} {
		if fractions[id] != want {
			t.Errorf("%s: %q, want %q", id, fractions[id], want)
		}
	}
}

type qtiManifestDoc struct {
	Resources []struct {
		Identifier string `xml:"identifier,attr"`
		Type       string `xml:"type,attr"`
		Href       string `xml:"href,attr"`
		Files      []struct {
			Href string `xml:"href,attr"`
		} `xml:"file"`
	} `xml:"resources>resource"`
}

type qtiItemDoc struct {
	Identifier string `xml:"identifier,attr"`
	Responses  []struct {
		Identifier  string   `xml:"identifier,attr"`
		Cardinality string   `xml:"cardinality,attr"`
		BaseType    string   `xml:"baseType,attr"`
		Correct     []string `xml:"correctResponse>value"`
		Mapping     struct {
			LowerBound float64 `xml:"lowerBound,attr"`
			UpperBound float64 `xml:"upperBound,attr"`
			Entries    []struct {
				Key   string  `xml:"mapKey,attr"`
				Value float64 `xml:"mappedValue,attr"`
			} `xml:"mapEntry"`
		} `xml:"mapping"`
	} `xml:"responseDeclaration"`
	Choices []struct {
		Identifier string `xml:"identifier,attr"`
	} `xml:"itemBody>choiceInteraction>simpleChoice"`
}

// wellFormed parses a whole XML document.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// unzipQTI opens a package, checks that every file is well-formed XML and
// returns the files by name.
func unzipQTI(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(content); err != nil {
			t.Fatalf("%s is not well-formed XML: %v\n%s", f.Name, err, content)
		}
		files[f.Name] = content
	}
	return files
}

func checkQTI(t *testing.T, b *bank.Bank, lang string) {
	var buf bytes.Buffer
	if err := WriteQTI(&buf, b, ExportOptions{Lang: lang, Now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	files := unzipQTI(t, buf.Bytes())
	var m qtiManifestDoc
	if err := xml.Unmarshal(files["imsmanifest.xml"], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	items := map[string][]byte{}
	for _, r := range m.Resources {
		if len(r.Files) == 0 || files[r.Href] == nil {
			t.Errorf("resource %s: file %s missing from the package", r.Identifier, r.Href)
		}
		if r.Type == "imsqti_item_xmlv2p1" {
			items[r.Href] = files[r.Href]
		}
	}
	if files["test.xml"] == nil {
		t.Error("no assessmentTest")
	}
	if len(items) != len(b.Questions) {
		t.Fatalf("%d items in the manifest, want %d", len(items), len(b.Questions))
	}
	byID := map[string]qtiItemDoc{}
	for name, data := range items {
		var it qtiItemDoc
		if err := xml.Unmarshal(data, &it); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		byID[it.Identifier] = it
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		it, ok := byID[qtiID("item-", q.ID)]
		if !ok {
			t.Errorf("%s: no assessmentItem", q.ID)
			continue
		}
		if len(it.Responses) != 1 || it.Responses[0].Identifier != "RESPONSE" || it.Responses[0].BaseType != "identifier" {
			t.Errorf("%s: response declarations %+v", q.ID, it.Responses)
			continue
		}
		rd := it.Responses[0]
		wantCard := "single"
		if q.Type == bank.Multiple {
			wantCard = "multiple"
		}
		if rd.Cardinality != wantCard {
			t.Errorf("%s: cardinality %s, want %s", q.ID, rd.Cardinality, wantCard)
		}
		var keys []string
		for j, k := range q.Keyed() {
			if k {
				keys = append(keys, string(bank.Letters[j]))
			}
		}
		if wantCard == "single" {
			keys = keys[:1]
		}
		if strings.Join(rd.Correct, ",") != strings.Join(keys, ",") {
			t.Errorf("%s: correct response %v, want %v", q.ID, rd.Correct, keys)
		}
		if len(it.Choices) != len(q.Options) {
			t.Errorf("%s: %d choices, want %d", q.ID, len(it.Choices), len(q.Options))
		}
		// The mapping gives asnskill's score for every single choice.
		mapped := map[string]float64{}
		for _, e := range rd.Mapping.Entries {
			mapped[e.Key] = e.Value
		}
		if rd.Mapping.UpperBound != q.Points || rd.Mapping.LowerBound != 0 {
			t.Errorf("%s: mapping bounds %g..%g, want 0..%g", q.ID, rd.Mapping.LowerBound, rd.Mapping.UpperBound, q.Points)
		}
		for j, o := range q.Options {
			want := 0.0
			switch q.Type {
			case bank.Judgement:
				want = q.Points * float64(o.Score) / float64(q.MaxScore())
			case bank.Multiple:
				c := len(keys)
				if o.Correct {
					want = q.Points / float64(c)
				} else {
					want = -q.Points / float64(c)
				}
			default:
				if o.Correct {
					want = q.Points
				}
			}
			if got := mapped[string(bank.Letters[j])]; math.Abs(got-want) > 1e-4 {
				t.Errorf("%s: option %c maps to %g, want %g", q.ID, bank.Letters[j], got, want)
			}
		}
	}
}

func TestQTIPackage(t *testing.T) {
	checkQTI(t, skeleton(t), "en")
	for _, b := range shippedBanks(t) {
		checkQTI(t, b, "id")
	}
}

func TestLosses(t *testing.T) {
	b := skeleton(t)
	p := i18n.NewPrinter("en")
	codes := func(format, lang string) string {
		var out []string
		for _, l := range Losses(b, format, lang) {
			if strings.Contains(l.Message(p), "trainer.") {
				t.Errorf("loss %s has no message", l.Code)
			}
			out = append(out, l.Code)
		}
		return strings.Join(out, " ")
	}
	if got := codes(FormatGIFT, "en"); got != "levels recommendations skills skill-descriptions passing summary authors difficulty points references language" {
		t.Errorf("gift losses: %s", got)
	}
	if got := codes(FormatMoodleXML, "id"); got != "levels recommendations skills passing summary authors difficulty references language" {
		t.Errorf("moodle losses: %s", got)
	}
	if got := codes(FormatQTI, "en"); got != "levels recommendations skills skill-descriptions passing summary authors difficulty references tags language" {
		t.Errorf("qti losses: %s", got)
	}
}

func TestMarkdownHTML(t *testing.T) {
	for _, c := range []struct{ md, html string }{
		{"plain & <simple>", "plain &amp; &lt;simple&gt;"},
		{"**bold** and *it* and `co*de*`", "<strong>bold</strong> and <em>it</em> and <code>co*de*</code>"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"a\nb\n\nc", "<p>a<br/>b</p><p>c</p>"},
		{"see:\n\n```go\nx := `a` < b\n```", "<p>see:</p><pre><code class=\"language-go\">x := `a` &lt; b</code></pre>"},
		{"***both***", "<strong>*both</strong>*"},
	} {
		if got := mdHTML(c.md); got != c.html {
			t.Errorf("mdHTML(%q) = %q, want %q", c.md, got, c.html)
		}
		if back, _ := toMarkdown(mdBlocks(c.md), modeHTML); back != c.md {
			t.Errorf("round trip of %q gave %q", c.md, back)
		}
	}
}

func TestHTMLToMarkdown(t *testing.T) {
	for _, c := range []struct {
		html string
		mode textMode
		md   string
	}{
		{"<p>Apa arti <b> enkripsi </b>?</p>", modeHTML, "Apa arti **enkripsi** ?"},
		{"<P>One</P>\n\n<p>Two<br>lines</p>", modeHTML, "One\n\nTwo\nlines"},
		{"a &lt;b&gt; &amp;&nbsp;c &#8212; d", modeHTML, "a <b> & c — d"},
		{"<ul><li>x</li><li><i>y</i></li></ul>", modeHTML, "- x\n\n- *y*"},
		{"<pre><code class=\"language-py\">if a &lt; b:\n    pass</code></pre>", modeHTML, "```py\nif a < b:\n    pass\n```"},
		{"<a href=\"https://jdih.go.id\">JDIH</a>", modeHTML, "JDIH (https://jdih.go.id)"},
		{"<script>alert(1)</script><style>p{}</style>ok<!-- hidden -->", modeHTML, "ok"},
		{"line one\nline <b>two</b>", modeMoodle, "line one\nline **two**"},
		{"<b></b>empty", modeHTML, "empty"},
		{"<b>unclosed", modeHTML, "**unclosed**"},
		{"a < b and c > d", modeHTML, "a < b and c > d"},
		{"<img src=x alt=y>", modeHTML, ""},
		{"<span style=\"color:red\">red</span> <u>under</u>", modeHTML, "red under"},
		{"<b>kept</b> as *written*", modePlain, "<b>kept</b> as *written*"},
	} {
		if got, _ := toMarkdown(c.html, c.mode); got != c.md {
			t.Errorf("toMarkdown(%q) = %q, want %q", c.html, got, c.md)
		}
	}
}

func TestWriteBankQuoting(t *testing.T) {
	b := skeleton(t)
	q := &b.Questions[0]
	q.Prompt = i18n.Text{"id": "tab\there \"quoted\" back\\slash \u202e bidi \u200b zw\nline", "en": "null"}
	q.Tags = []string{"yes", "1.5", "- dash", "# hash"}
	b.Skills[0].ID = "true"
	q.Skill = "true"
	for i := range b.Questions {
		b.Questions[i].Skill = "true"
	}
	got := decodeWritten(t, b)
	if got.Questions[0].Prompt.Get("id") != q.Prompt["id"] || got.Questions[0].Prompt.Get("en") != "null" {
		t.Errorf("prompt %q", got.Questions[0].Prompt)
	}
	if strings.Join(got.Questions[0].Tags, "|") != "yes|1.5|- dash|# hash" || got.Skills[0].ID != "true" {
		t.Errorf("tags %v, skill %s", got.Questions[0].Tags, got.Skills[0].ID)
	}
}
