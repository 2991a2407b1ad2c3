package interop

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// MaxSourceSize is the largest file an importer reads (50 MiB).
const MaxSourceSize = 50 << 20

// ImportOptions set what a source file lacks.
type ImportOptions struct {
	// File names the source in messages ("-" or "" for standard input).
	File string
	// ID is the bank id; default: the file name slugified, or "imported".
	ID string
	// Skill is the id of the skill for questions outside any category;
	// default "umum" (id) or "general" (en).
	Skill string
	// Lang is the language of the source text (default "id").
	Lang string
}

// Result is an imported bank with what was skipped or changed on the way.
type Result struct {
	Bank     *bank.Bank
	Warnings []Warning
	// Found counts the questions in the source (categories aside); Skipped
	// those that were not imported.
	Found, Skipped int
}

// Warning is a question skipped or changed while importing, or something
// that could not be exported.
type Warning struct {
	File string
	Line int
	Code string
	Args []any
}

// Message is the warning in the printer's language, with text from the
// source made safe for a terminal.
func (w Warning) Message(p i18n.Printer) string {
	return p.T("trainer.warn."+w.Code, textsafe.Args(w.Args)...)
}

// Format renders FILE:LINE: warning: message.
func (w Warning) Format(p i18n.Printer) string {
	return fmt.Sprintf("%s:%d: %s: %s", textsafe.Line(w.File), w.Line, p.T("severity.warning"), w.Message(p))
}

// Error is a source file that cannot be read, with the line where reading
// failed.
type Error struct {
	File string
	Line int
	Code string
	Args []any
}

// Message is the error in the printer's language.
func (e *Error) Message(p i18n.Printer) string {
	return p.T("trainer.err."+e.Code, textsafe.Args(e.Args)...)
}

// Format renders FILE:LINE: message.
func (e *Error) Format(p i18n.Printer) string {
	return fmt.Sprintf("%s:%d: %s", textsafe.Line(e.File), e.Line, e.Message(p))
}

func (e *Error) Error() string { return e.Format(i18n.NewPrinter("en")) }

// Question kinds an importer finds.
const (
	kindChoice    = "multichoice"
	kindTrueFalse = "truefalse"
)

type category struct {
	name     string
	idnumber string
	info     string
	line     int
	skill    string // the skill id, once a question uses it
}

type itemOption struct {
	text, feedback string
	weight         float64 // percent
}

// item is one question as read from a source, before it becomes a
// bank.Question.
type item struct {
	line     int
	name     string
	idnumber string
	cat      *category
	kind     string
	single   bool // single-answer mode (GIFT =, Moodle <single>)
	prompt   string
	options  []itemOption
	// truefalse
	tfTrue              bool
	tfTrueFB, tfFalseFB string

	explanation string
	points      float64
	tags        []string

	cleaned   bool
	images    int
	multilang bool // some text came in Moodle's multilang spans
}

// text cleans and converts one source text of the item.
func (it *item) text(s string, mode textMode) string {
	if parts := splitMultilang(s); parts != nil {
		// Moodle's multilang spans: each language on its own, joined with
		// mlSep until build makes them one localized text.
		it.multilang = true
		var b strings.Builder
		for i, p := range parts {
			if i > 0 {
				b.WriteString(mlSep)
			}
			b.WriteString(p.lang + mlSep + it.text(p.text, mode))
		}
		return mlSep + b.String()
	}
	s, removed := cleanText(s)
	it.cleaned = it.cleaned || removed
	s, imgs := toMarkdown(s, mode)
	it.images += imgs
	return s
}

// mlSep marks and separates the languages of an imported multilang text
// inside an item (a control character: cleaned text never holds one).
const mlSep = "\x1f"

var multilangSpan = regexp.MustCompile(`(?s)<span\s+(?:lang="([A-Za-z-]+)"\s+class="multilang"|class="multilang"\s+lang="([A-Za-z-]+)")\s*>(.*?)</span>`)

type langPart struct{ lang, text string }

// splitMultilang finds Moodle's multilang spans: nil unless the text is
// written in two or more of the program's languages that way.
func splitMultilang(s string) []langPart {
	if !strings.Contains(s, "multilang") {
		return nil
	}
	var parts []langPart
	seen := map[string]bool{}
	for _, m := range multilangSpan.FindAllStringSubmatch(s, -1) {
		l := strings.ToLower(m[1] + m[2])
		if i18n.Known(l) && !seen[l] {
			seen[l] = true
			parts = append(parts, langPart{l, m[3]})
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// localized turns an item's text into a localized text: one language, or
// every language of a multilang text.
func localized(s, lang string) i18n.Text {
	if !strings.HasPrefix(s, mlSep) {
		return i18n.Text{lang: s}
	}
	f := strings.Split(s[len(mlSep):], mlSep)
	t := i18n.Text{}
	for i := 0; i+1 < len(f); i += 2 {
		if strings.TrimSpace(f[i+1]) != "" {
			t[f[i]] = f[i+1]
		}
	}
	return t
}

// primary is an item's text in the import's language (for messages).
func primary(s, lang string) string {
	if !strings.HasPrefix(s, mlSep) {
		return s
	}
	return localized(s, lang).Get(lang)
}

// label names the item in messages: its name, or the start of its prompt.
func (it *item) label() string {
	if strings.TrimSpace(it.name) != "" {
		return excerpt(it.name)
	}
	if it.prompt != "" {
		return excerpt(primary(it.prompt, i18n.Default))
	}
	return "?"
}

func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 50 {
		s = string(r[:49]) + "…"
	}
	return s
}

var trueFalseLabels = map[string][2]string{
	"id": {"Benar", "Salah"},
	"en": {"True", "False"},
}

// build turns the items of a source into a bank.
func build(opts ImportOptions, items []*item, warns []Warning) (*Result, error) {
	lang := opts.Lang
	if !i18n.Known(lang) {
		lang = i18n.Default
	}
	file := opts.File
	if file == "" || file == "-" {
		file = "stdin"
	}
	p := i18n.NewPrinter(lang)
	res := &Result{Warnings: warns}
	warn := func(line int, code string, args ...any) {
		res.Warnings = append(res.Warnings, Warning{File: file, Line: line, Code: code, Args: args})
	}
	b := &bank.Bank{
		Format:       bank.Format,
		Version:      "0.1.0",
		Language:     lang,
		Languages:    []string{lang}, // imported text is in one language
		PassingScore: 65,
		Levels:       bank.DefaultLevels(),
	}
	for _, it := range items {
		if it.multilang {
			b.Languages = nil // written in several languages: lint asks for both
			break
		}
	}
	b.ID = opts.ID
	if !validID(b.ID) {
		base := ""
		if opts.File != "" && opts.File != "-" {
			base = filepath.Base(opts.File)
			base = strings.TrimSuffix(base, filepath.Ext(base))
		}
		if b.ID = slugify(base); b.ID == "" {
			b.ID = "imported"
		}
	}
	b.Title = i18n.Text{lang: p.T("trainer.todo.title")}
	b.Summary = i18n.Text{lang: p.T("trainer.todo.summary")}
	if b.Languages == nil { // a multilang source: the placeholders in both languages
		for _, l := range i18n.Languages {
			lp := i18n.NewPrinter(l)
			b.Title[l], b.Summary[l] = lp.T("trainer.todo.title"), lp.T("trainer.todo.summary")
		}
	}

	skillIDs := map[string]bool{}
	qIDs := map[string]bool{}
	var defaultSkill string
	skillOf := func(it *item) string {
		if it.cat == nil {
			if defaultSkill == "" {
				id, name := opts.Skill, ""
				if validID(id) {
					name = humanize(id)
				} else {
					id, name = p.T("trainer.import.default-skill-id"), p.T("trainer.import.default-skill")
				}
				defaultSkill = unique(id, skillIDs)
				b.Skills = append(b.Skills, newSkill(defaultSkill, name, "", lang, p))
			}
			return defaultSkill
		}
		c := it.cat
		if c.skill == "" {
			id := c.idnumber
			if !validID(id) {
				id = slugify(c.name)
			}
			if id == "" {
				id = fmt.Sprintf("skill-%d", len(b.Skills)+1)
			}
			c.skill = unique(id, skillIDs)
			name := c.name
			if strings.TrimSpace(name) == "" {
				name = c.skill
			}
			b.Skills = append(b.Skills, newSkill(c.skill, name, c.info, lang, p))
		}
		return c.skill
	}

	for _, it := range items {
		res.Found++
		q, ok := convert(it, lang, func(code string, args ...any) {
			warn(it.line, code, append([]any{it.label()}, args...)...)
		})
		if !ok {
			res.Skipped++
			continue
		}
		if it.cleaned {
			warn(it.line, "control-removed", it.label())
		}
		if it.images > 0 {
			warn(it.line, "images-dropped", it.label(), it.images)
		}
		id := it.idnumber
		if !validID(id) {
			id = slugify(it.name)
		}
		if id == "" {
			id = fmt.Sprintf("q-%03d", len(b.Questions)+1)
		}
		q.ID = unique(id, qIDs)
		q.Skill = skillOf(it)
		b.Questions = append(b.Questions, q)
	}
	if len(b.Questions) == 0 {
		return res, &Error{File: file, Line: 1, Code: "no-questions", Args: []any{res.Found, res.Skipped}}
	}
	b.QuizSize = min(20, len(b.Questions))
	b.TimeLimit = time.Duration(b.QuizSize) * time.Minute
	res.Bank = b
	return res, nil
}

func newSkill(id, name, info, lang string, p i18n.Printer) bank.Skill {
	s := bank.Skill{
		ID:          id,
		Name:        i18n.Text{lang: name},
		Weight:      1,
		TargetLevel: 3,
		Recommendations: []bank.Recommendation{{
			ForLevels: []int{1, 2},
			Kind:      "course",
			Title:     i18n.Text{lang: p.T("trainer.todo.recommendation")},
		}},
	}
	if strings.TrimSpace(info) != "" {
		s.Description = i18n.Text{lang: info}
	}
	return s
}

// humanize turns an id into a name: "data-basics" → "Data basics".
func humanize(id string) string {
	s := strings.ReplaceAll(id, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func validID(id string) bool { return len(id) <= 40 && bank.IDPattern.MatchString(id) }

// unique returns id, or id with -2, -3, … when it is taken, within 40
// characters, and marks it taken.
func unique(id string, used map[string]bool) string {
	if !used[id] {
		used[id] = true
		return id
	}
	for n := 2; ; n++ {
		suffix := fmt.Sprintf("-%d", n)
		c := strings.Trim(clip(id, 40-len(suffix)), "-") + suffix
		if !used[c] {
			used[c] = true
			return c
		}
	}
}

// convert turns an item into a question (without id and skill), or reports
// why it cannot be imported.
func convert(it *item, lang string, warn func(code string, args ...any)) (bank.Question, bool) {
	q := bank.Question{Type: bank.Single, Difficulty: 2, Points: 2}
	if it.points > 0 && !math.IsInf(it.points, 0) && it.points < 1e6 {
		q.Points = it.points
	}
	switch it.kind {
	case kindChoice, kindTrueFalse:
	default:
		warn("unsupported", it.kind)
		return q, false
	}
	if strings.TrimSpace(it.prompt) == "" {
		warn("no-prompt")
		return q, false
	}
	txt := func(s string) i18n.Text {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return localized(s, lang)
	}
	q.Prompt = txt(it.prompt)
	q.Explanation = txt(it.explanation)
	q.Tags = it.tags
	if it.kind == kindTrueFalse {
		l := trueFalseLabels[lang]
		q.Type = bank.TrueFalse
		q.Options = []bank.Option{
			{Text: txt(l[0]), Correct: it.tfTrue, Feedback: txt(it.tfTrueFB)},
			{Text: txt(l[1]), Correct: !it.tfTrue, Feedback: txt(it.tfFalseFB)},
		}
		if it.multilang { // the labels in every language, as the texts
			for k := range q.Options {
				q.Options[k].Text = i18n.Text{}
				for _, ll := range i18n.Languages {
					q.Options[k].Text[ll] = trueFalseLabels[ll][k]
				}
			}
		}
		return q, true
	}
	n := len(it.options)
	if n < 2 || n > 6 {
		warn("option-count", n)
		return q, false
	}
	w := make([]float64, n)
	for i, o := range it.options {
		if strings.TrimSpace(o.text) == "" {
			warn("empty-option", string(bank.Letters[i]))
			return q, false
		}
		w[i] = o.weight
	}
	c, code := classify(w, it.single)
	if c.typ == "" {
		warn(code)
		return q, false
	}
	if code != "" {
		warn(code)
	}
	q.Type = c.typ
	for i, o := range it.options {
		opt := bank.Option{Text: txt(o.text), Feedback: txt(o.feedback)}
		if c.typ == bank.Judgement {
			opt.Score = c.scores[i]
		} else {
			opt.Correct = c.correct[i]
		}
		q.Options = append(q.Options, opt)
	}
	return q, true
}

// choice is how option weights map to a question type.
type choice struct {
	typ     string
	correct []bool
	scores  []int
}

const weightEps = 0.01

// classify maps option weights (percent) to a question type by the rules in
// the package comment. It returns the code of a warning ("" for none); an
// empty type means the question cannot be imported.
func classify(w []float64, single bool) (choice, string) {
	n := len(w)
	var positive, full, nonpos int
	sum, top := 0.0, math.Inf(-1)
	allEqual := true
	for i, x := range w {
		if x > weightEps {
			positive++
			sum += x
		} else {
			nonpos++
		}
		if math.Abs(x-100) < weightEps {
			full++
		}
		top = max(top, x)
		if i > 0 && math.Abs(x-w[0]) > weightEps {
			allEqual = false
		}
	}
	if positive == 0 {
		return choice{}, "no-right-answer"
	}
	if allEqual {
		return choice{}, "no-wrong-answer"
	}
	keyed := func() choice {
		c := choice{typ: bank.Multiple, correct: make([]bool, n)}
		for i, x := range w {
			c.correct[i] = x > weightEps
		}
		return c
	}
	if single {
		if full == 1 && nonpos == n-1 {
			c := keyed()
			c.typ = bank.Single
			return c, ""
		}
		return judgement(w, top)
	}
	if math.Abs(sum-100) < 0.1 {
		if positive == n {
			return choice{}, "no-wrong-answer"
		}
		code := ""
		for _, x := range w {
			if x > weightEps && math.Abs(x-sum/float64(positive)) > weightEps {
				code = "unequal-shares"
			}
		}
		return keyed(), code
	}
	if full == 1 && positive > 1 {
		c, code := judgement(w, top)
		if code == "" {
			code = "judgement-from-multi"
		}
		return c, code
	}
	if positive == n {
		return choice{}, "no-wrong-answer"
	}
	return keyed(), "odd-weights"
}

// judgement maps weights to scores 1..5 keeping their ratios where it can.
func judgement(w []float64, top float64) (choice, string) {
	c := choice{typ: bank.Judgement, scores: make([]int, len(w))}
	for m := 5; m >= 1; m-- {
		exact := true
		for i, x := range w {
			v := x / top * float64(m)
			r := math.Round(v)
			if math.Abs(v-r) > 0.02 || r < 1 {
				exact = false
				break
			}
			c.scores[i] = int(r)
		}
		if exact {
			return c, ""
		}
	}
	code := "judgement-rounded"
	for i, x := range w {
		if x <= weightEps {
			code = "judgement-zero"
		}
		c.scores[i] = min(5, max(1, int(math.Round(5*x/top))))
	}
	return c, code
}

// DetectLang guesses the language of imported text from its most common
// short words: Indonesian unless English words clearly outnumber them.
func DetectLang(data []byte) string {
	idWords := map[string]bool{"yang": true, "dan": true, "di": true, "ke": true, "dari": true, "untuk": true, "dengan": true,
		"adalah": true, "ini": true, "itu": true, "tidak": true, "dalam": true, "pada": true, "atau": true, "apa": true, "manakah": true}
	enWords := map[string]bool{"the": true, "and": true, "of": true, "to": true, "is": true, "in": true, "for": true, "with": true,
		"that": true, "this": true, "not": true, "or": true, "which": true, "what": true, "are": true, "an": true}
	var id, en int
	word := make([]byte, 0, 16)
	flush := func() {
		w := strings.ToLower(string(word))
		switch {
		case idWords[w]:
			id++
		case enWords[w]:
			en++
		}
		word = word[:0]
	}
	for _, c := range data {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if len(word) < 16 {
				word = append(word, c)
			}
			continue
		}
		flush()
	}
	flush()
	if en > 2*id && en >= 3 {
		return "en"
	}
	return "id"
}
