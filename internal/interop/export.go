package interop

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// ExportOptions choose what an exporter writes.
type ExportOptions struct {
	// Lang is the language exported; texts without it fall back like the
	// quiz does (id, then en, then any).
	Lang string
	// Now stamps the files of a QTI package (zero: a fixed date, so the
	// package is reproducible).
	Now time.Time
	// Multilang writes Moodle XML texts in every language they have, as
	// Moodle's multilang spans (<span lang="id" class="multilang">), which
	// Moodle's "Multi-Language Content" filter shows in the reader's
	// language; import reads them back.
	Multilang bool
}

// multilang renders t in each of its languages with render, inside
// Moodle's multilang spans (even when they read the same, so that import
// finds every language); a text in one language is rendered once, without
// spans.
func multilang(t i18n.Text, lang string, render func(string) string) string {
	var langs []string
	for _, l := range i18n.Languages {
		if t.Has(l) {
			langs = append(langs, l)
		}
	}
	if len(langs) < 2 {
		return render(t.Get(lang))
	}
	var b strings.Builder
	for _, l := range langs {
		fmt.Fprintf(&b, `<span lang="%s" class="multilang">%s</span>`, l, render(t.Get(l)))
	}
	return b.String()
}

func (o ExportOptions) lang() string {
	if o.Lang == "" {
		return i18n.Default
	}
	return o.Lang
}

// optionWeights gives each option's weight in percent, the way Moodle
// scores it: single and truefalse 100 for the key; multiple 100/|C| for each
// correct option and −100/|C| for each wrong one (Moodle then gives exactly
// asnskill's max(0, (right − wrong)/|C|)); judgement score/max × 100.
func optionWeights(q *bank.Question) []float64 {
	w := make([]float64, len(q.Options))
	switch q.Type {
	case bank.Judgement:
		m := q.MaxScore()
		for i, o := range q.Options {
			if m > 0 {
				w[i] = 100 * float64(o.Score) / float64(m)
			}
		}
	case bank.Multiple:
		c := 0
		for _, o := range q.Options {
			if o.Correct {
				c++
			}
		}
		for i, o := range q.Options {
			if c == 0 {
				break
			}
			if o.Correct {
				w[i] = 100 / float64(c)
			} else {
				w[i] = -100 / float64(c)
			}
		}
	default:
		for i, o := range q.Options {
			if o.Correct {
				w[i] = 100
			}
		}
	}
	return w
}

// fmtWeight writes a weight as Moodle does: at most five decimals.
func fmtWeight(w float64) string {
	return strconv.FormatFloat(math.Round(w*1e5)/1e5, 'f', -1, 64)
}

var (
	trueWords  = map[string]bool{"true": true, "benar": true, "betul": true, "ya": true, "yes": true}
	falseWords = map[string]bool{"false": true, "salah": true, "tidak": true, "no": true}
)

// trueFalse finds which option of a truefalse question says "true". ok is
// false when the options say something else, whose wording then cannot
// travel to GIFT or Moodle.
func trueFalse(q *bank.Question, lang string) (ti, fi int, ok bool) {
	if len(q.Options) != 2 {
		return 0, 1, false
	}
	a := strings.ToLower(strings.TrimSpace(q.Options[0].Text.Get(lang)))
	b := strings.ToLower(strings.TrimSpace(q.Options[1].Text.Get(lang)))
	if falseWords[a] || trueWords[b] {
		return 1, 0, (falseWords[a] && trueWords[b])
	}
	return 0, 1, trueWords[a] && falseWords[b]
}

// categoryPath is the Moodle category of a skill: under the bank's title,
// with / in names doubled as Moodle requires.
func categoryPath(b *bank.Bank, s *bank.Skill, lang string) string {
	esc := func(t string) string {
		return strings.ReplaceAll(strings.Join(strings.Fields(t), " "), "/", "//")
	}
	title := esc(b.Title.Get(lang))
	if title == "" {
		title = b.ID
	}
	name := esc(s.Name.Get(lang))
	if name == "" {
		name = s.ID
	}
	return "$course$/top/" + title + "/" + name
}

// bySkill lists the bank's questions grouped by skill, skills in file
// order, then questions whose skill is unknown.
func bySkill(b *bank.Bank) []skillGroup {
	var out []skillGroup
	seen := map[string]bool{}
	for i := range b.Skills {
		s := &b.Skills[i]
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		out = append(out, skillGroup{skill: s, questions: b.QuestionsOf(s.ID)})
	}
	var orphans []*bank.Question
	for i := range b.Questions {
		if !seen[b.Questions[i].Skill] {
			orphans = append(orphans, &b.Questions[i])
		}
	}
	if len(orphans) > 0 {
		out = append(out, skillGroup{skill: &bank.Skill{ID: "other", Name: i18n.Text{"id": "Lainnya", "en": "Other"}}, questions: orphans})
	}
	return out
}

type skillGroup struct {
	skill     *bank.Skill
	questions []*bank.Question
}

// giftEscape escapes GIFT's special characters and writes line breaks as
// \n, so every text stays on one line.
func giftEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '~', '=', '#', '{', '}', ':':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteGIFT writes one language of a bank in Moodle's GIFT format.
func WriteGIFT(w io.Writer, b *bank.Bank, opts ExportOptions) error {
	lang := opts.lang()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "// asnskill bank %s %s (%s): %s\n", oneLine(b.ID), oneLine(b.Version), lang, oneLine(b.Title.Get(lang)))
	fmt.Fprintf(bw, "// GIFT for Moodle; text in Markdown\n")
	for _, g := range bySkill(b) {
		fmt.Fprintf(bw, "\n// [id:%s]\n$CATEGORY: %s\n", g.skill.ID, oneLine(categoryPath(b, g.skill, lang)))
		for _, q := range g.questions {
			bw.WriteString("\n// [id:" + q.ID + "]")
			for _, t := range q.Tags {
				bw.WriteString(" [tag:" + strings.ReplaceAll(oneLine(t), "]", `\]`) + "]")
			}
			bw.WriteString("\n::" + giftEscape(q.ID) + "::[markdown]" + giftEscape(q.Prompt.Get(lang)) + "{")
			expl := q.Explanation.Get(lang)
			if q.Type == bank.TrueFalse {
				ti, fi, _ := trueFalse(q, lang)
				key, right, wrong := "TRUE", q.Options[ti].Feedback.Get(lang), q.Options[fi].Feedback.Get(lang)
				if !q.Options[ti].Correct {
					key, right, wrong = "FALSE", wrong, right
				}
				bw.WriteString(key)
				if wrong != "" {
					bw.WriteString("#" + giftEscape(wrong))
				} else if right != "" {
					bw.WriteString("#")
				}
				if right != "" {
					bw.WriteString("#" + giftEscape(right))
				}
				if expl != "" {
					bw.WriteString("####" + giftEscape(expl))
				}
				bw.WriteString("}\n")
				continue
			}
			bw.WriteString("\n")
			weights := optionWeights(q)
			for i, o := range q.Options {
				mark := "~"
				switch {
				case q.Type != bank.Multiple && weights[i] == 100:
					mark = "="
				case weights[i] != 0:
					mark = "~%" + fmtWeight(weights[i]) + "%"
				}
				bw.WriteString("\t" + mark + giftEscape(o.Text.Get(lang)))
				if fb := o.Feedback.Get(lang); fb != "" {
					bw.WriteString("#" + giftEscape(fb))
				}
				bw.WriteString("\n")
			}
			if expl != "" {
				bw.WriteString("\t####" + giftEscape(expl) + "\n")
			}
			bw.WriteString("}\n")
		}
	}
	return bw.Flush()
}

func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(xmlSafe(s), "]]>", "]]]]><![CDATA[>") + "]]>"
}

// WriteMoodleXML writes one language of a bank as a Moodle XML question
// export: one category per skill, text as HTML.
func WriteMoodleXML(w io.Writer, b *bank.Bank, opts ExportOptions) error {
	lang := opts.lang()
	bw := bufio.NewWriter(w)
	text := func(indent, tag, format, s string) {
		fmt.Fprintf(bw, "%s<%s format=%q>\n%s  <text>%s</text>\n%s</%s>\n", indent, tag, format, indent, cdata(s), indent, tag)
	}
	// ml renders a question's text: every language with opts.Multilang.
	ml := func(t i18n.Text, render func(string) string) string {
		if !opts.Multilang {
			return render(t.Get(lang))
		}
		return multilang(t, lang, render)
	}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<quiz>\n")
	fmt.Fprintf(bw, "<!-- asnskill bank %s %s (%s) -->\n", xmlEscape(strings.ReplaceAll(b.ID, "--", "-")), xmlEscape(strings.ReplaceAll(b.Version, "--", "-")), lang)
	for _, g := range bySkill(b) {
		bw.WriteString("  <question type=\"category\">\n    <category>\n")
		fmt.Fprintf(bw, "      <text>%s</text>\n    </category>\n", xmlEscape(categoryPath(b, g.skill, lang)))
		text("    ", "info", "html", mdBlocks(g.skill.Description.Get(lang)))
		fmt.Fprintf(bw, "    <idnumber>%s</idnumber>\n  </question>\n", xmlEscape(g.skill.ID))
		for _, q := range g.questions {
			typ := "multichoice"
			if q.Type == bank.TrueFalse {
				typ = "truefalse"
			}
			fmt.Fprintf(bw, "\n  <question type=%q>\n", typ)
			fmt.Fprintf(bw, "    <name>\n      <text>%s</text>\n    </name>\n", xmlEscape(q.ID))
			text("    ", "questiontext", "html", ml(q.Prompt, mdBlocks))
			text("    ", "generalfeedback", "html", ml(q.Explanation, mdBlocks))
			points := q.Points
			if points <= 0 {
				points = float64(max(1, q.Difficulty))
			}
			fmt.Fprintf(bw, "    <defaultgrade>%s</defaultgrade>\n", num(points))
			penalty := "0"
			if typ == "truefalse" {
				penalty = "1"
			}
			fmt.Fprintf(bw, "    <penalty>%s</penalty>\n    <hidden>0</hidden>\n    <idnumber>%s</idnumber>\n", penalty, xmlEscape(q.ID))
			if typ == "truefalse" {
				ti, fi, _ := trueFalse(q, lang)
				for _, i := range []int{ti, fi} {
					fraction, word := "0", "false"
					if q.Options[i].Correct {
						fraction = "100"
					}
					if i == ti {
						word = "true"
					}
					fmt.Fprintf(bw, "    <answer fraction=%q format=\"moodle_auto_format\">\n      <text>%s</text>\n", fraction, word)
					text("      ", "feedback", "html", ml(q.Options[i].Feedback, mdHTML))
					bw.WriteString("    </answer>\n")
				}
			} else {
				single := q.Type != bank.Multiple
				// Moodle shuffles the options for each attempt (as the CAT
				// does); the letters then follow Moodle's order.
				fmt.Fprintf(bw, "    <single>%t</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>ABCD</answernumbering>\n", single)
				for _, tag := range []string{"correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"} {
					fmt.Fprintf(bw, "    <%s format=\"html\">\n      <text></text>\n    </%s>\n", tag, tag)
				}
				weights := optionWeights(q)
				for i, o := range q.Options {
					fmt.Fprintf(bw, "    <answer fraction=%q format=\"html\">\n", fmtWeight(weights[i]))
					fmt.Fprintf(bw, "      <text>%s</text>\n", cdata(ml(o.Text, mdHTML)))
					text("      ", "feedback", "html", ml(o.Feedback, mdHTML))
					bw.WriteString("    </answer>\n")
				}
			}
			if len(q.Tags) > 0 {
				bw.WriteString("    <tags>\n")
				for _, t := range q.Tags {
					fmt.Fprintf(bw, "      <tag><text>%s</text></tag>\n", xmlEscape(t))
				}
				bw.WriteString("    </tags>\n")
			}
			bw.WriteString("  </question>\n")
		}
	}
	bw.WriteString("</quiz>\n")
	return bw.Flush()
}

// Loss is something a format cannot carry.
type Loss struct {
	Code string
	Args []any
}

// Message is the loss in the printer's language.
func (l Loss) Message(p i18n.Printer) string {
	return p.T("trainer.loss."+l.Code, textsafe.Args(l.Args)...)
}

// Formats an exporter writes.
const (
	FormatGIFT      = "gift"
	FormatMoodleXML = "moodlexml"
	FormatQTI       = "qti"
)

// Losses lists what exporting b to format in lang leaves behind.
func Losses(b *bank.Bank, format, lang string) []Loss {
	var out []Loss
	add := func(code string, args ...any) { out = append(out, Loss{Code: code, Args: args}) }
	add("levels", len(b.Levels))
	recs := 0
	for _, s := range b.Skills {
		recs += len(s.Recommendations)
	}
	if recs > 0 {
		add("recommendations", recs)
	}
	add("skills", len(b.Skills))
	if format != FormatMoodleXML {
		n := 0
		for _, s := range b.Skills {
			if !s.Description.Empty() {
				n++
			}
		}
		if n > 0 {
			add("skill-descriptions", n)
		}
	}
	add("passing")
	if !b.Summary.Empty() {
		add("summary")
	}
	if len(b.Authors) > 0 || b.License != "" {
		add("authors")
	}
	var difficulty, refs, irt, tfLabels, tags int
	langs := map[string]bool{}
	missing := 0
	countText := func(t i18n.Text) {
		if t.Empty() {
			return
		}
		for l, s := range t {
			if strings.TrimSpace(s) != "" {
				langs[l] = true
			}
		}
		if !t.Has(lang) {
			missing++
		}
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Difficulty != 0 && q.Difficulty != 2 {
			difficulty++
		}
		if len(q.References) > 0 {
			refs++
		}
		if q.IRT != nil {
			irt++
		}
		if len(q.Tags) > 0 {
			tags++
		}
		if q.Type == bank.TrueFalse {
			if _, _, ok := trueFalse(q, lang); !ok {
				tfLabels++
			}
		}
		countText(q.Prompt)
		countText(q.Explanation)
		for _, o := range q.Options {
			countText(o.Text)
			countText(o.Feedback)
		}
	}
	for _, s := range b.Skills {
		countText(s.Name)
	}
	if difficulty > 0 {
		add("difficulty", difficulty)
	}
	if format == FormatGIFT {
		add("points")
	}
	if refs > 0 {
		add("references", refs)
	}
	if irt > 0 {
		add("irt", irt)
	}
	if format == FormatQTI && tags > 0 {
		add("tags", tags)
	}
	if format != FormatQTI && tfLabels > 0 {
		add("tf-labels", tfLabels)
	}
	var others []string
	for _, l := range i18n.Languages {
		if l != lang && langs[l] {
			others = append(others, l)
		}
	}
	if len(others) > 0 {
		add("language", strings.Join(others, ", "))
	}
	if missing > 0 {
		add("fallback", missing, lang)
	}
	return out
}
