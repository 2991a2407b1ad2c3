package interop

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Modeline is the first line of every bank written: it tells the YAML
// language server which schema to check the file against.
const Modeline = "# yaml-language-server: $schema=bank.schema.json"

// WriteBank writes b as YAML in the asnskill/bank/v1 format: the schema
// modeline first, block style, every text double-quoted with one line per
// language, defaults left out. The output decodes with bank.Decode to the
// same bank.
func WriteBank(w io.Writer, b *bank.Bank) error {
	bw := bufio.NewWriter(w)
	y := &yamlWriter{w: bw}
	y.line(0, Modeline)
	y.kv(0, "format", plain(bank.Format))
	y.kv(0, "id", plain(b.ID))
	version := b.Version
	if version == "" {
		version = "0.1.0"
	}
	y.kv(0, "version", plain(version))
	lang := b.Language
	if lang == "" {
		lang = i18n.Default
	}
	y.kv(0, "language", plain(lang))
	if len(b.Languages) > 0 {
		y.kv(0, "languages", "["+strings.Join(b.Languages, ", ")+"]")
	}
	y.text(0, "title", b.Title)
	y.text(0, "summary", b.Summary)
	y.strings(0, "authors", b.Authors)
	if b.License != "" {
		y.kv(0, "license", quote(b.License))
	}
	y.kv(0, "passing_score", num(b.PassingScore))
	quizSize := min(20, len(b.Questions))
	if b.QuizSize > 0 && b.QuizSize != quizSize {
		quizSize = b.QuizSize
		y.kv(0, "quiz_size", strconv.Itoa(b.QuizSize))
	}
	if b.TimeLimit > 0 && b.TimeLimit != time.Duration(max(1, quizSize))*time.Minute {
		y.kv(0, "time_limit", plain(shortDuration(b.TimeLimit)))
	}
	if len(b.Levels) > 0 && !defaultLevels(b.Levels) {
		y.line(0, "levels:")
		for _, l := range b.Levels {
			y.line(2, "- level: "+strconv.Itoa(l.Level))
			y.kv(4, "min", num(l.Min))
			y.text(4, "name", l.Name)
		}
	}
	y.line(0, "skills:")
	for _, s := range b.Skills {
		y.line(2, "- id: "+plain(s.ID))
		y.text(4, "name", s.Name)
		y.text(4, "description", s.Description)
		if s.Weight != 1 && s.Weight != 0 {
			y.kv(4, "weight", num(s.Weight))
		}
		y.kv(4, "target_level", strconv.Itoa(s.TargetLevel))
		if s.PassMin != nil {
			y.kv(4, "pass_min", num(*s.PassMin))
		}
		y.line(4, "recommendations:")
		for _, r := range s.Recommendations {
			levels := make([]string, len(r.ForLevels))
			for i, l := range r.ForLevels {
				levels[i] = strconv.Itoa(l)
			}
			y.line(6, "- for_levels: ["+strings.Join(levels, ", ")+"]")
			y.kv(8, "kind", plain(r.Kind))
			y.text(8, "title", r.Title)
			if r.Provider != "" {
				y.kv(8, "provider", quote(r.Provider))
			}
			if r.URL != "" {
				y.kv(8, "url", quote(r.URL))
			}
			if r.Hours > 0 {
				y.kv(8, "hours", num(r.Hours))
			}
			y.text(8, "why", r.Why)
		}
	}
	y.line(0, "questions:")
	for _, q := range b.Questions {
		y.line(2, "- id: "+plain(q.ID))
		y.kv(4, "skill", plain(q.Skill))
		if q.Type != "" && q.Type != bank.Single {
			y.kv(4, "type", plain(q.Type))
		}
		difficulty := q.Difficulty
		if difficulty == 0 {
			difficulty = 2
		}
		if difficulty != 2 {
			y.kv(4, "difficulty", strconv.Itoa(difficulty))
		}
		if q.Points > 0 && q.Points != float64(difficulty) {
			y.kv(4, "points", num(q.Points))
		}
		y.text(4, "prompt", q.Prompt)
		y.line(4, "options:")
		for _, o := range q.Options {
			y.line(6, "- text:")
			y.textBody(10, o.Text)
			if o.Correct {
				y.kv(8, "correct", "true")
			}
			if o.Score != 0 {
				y.kv(8, "score", strconv.Itoa(o.Score))
			}
			y.text(8, "feedback", o.Feedback)
		}
		y.text(4, "explanation", q.Explanation)
		y.strings(4, "references", q.References)
		y.strings(4, "tags", q.Tags)
		if q.IRT != nil {
			y.line(4, "irt:")
			y.kv(6, "thresholds", numList(q.IRT.Thresholds))
			if len(q.IRT.SE) > 0 {
				y.kv(6, "se", numList(q.IRT.SE))
			}
		}
	}
	return bw.Flush()
}

type yamlWriter struct{ w *bufio.Writer }

func (y *yamlWriter) line(indent int, s string) {
	y.w.WriteString(strings.Repeat(" ", indent))
	y.w.WriteString(s)
	y.w.WriteByte('\n')
}

func (y *yamlWriter) kv(indent int, k, v string) { y.line(indent, k+": "+v) }

// text writes a localized text as a mapping of language to string; an empty
// text is left out.
func (y *yamlWriter) text(indent int, key string, t i18n.Text) {
	if t.Empty() {
		return
	}
	y.line(indent, key+":")
	y.textBody(indent+2, t)
}

func (y *yamlWriter) textBody(indent int, t i18n.Text) {
	for _, l := range langOrder(t) {
		if strings.TrimSpace(t[l]) == "" {
			continue
		}
		y.kv(indent, plain(l), quote(t[l]))
	}
}

// langOrder lists a text's languages: the program's own first (id, en),
// then any other in code order.
func langOrder(t i18n.Text) []string {
	var out, rest []string
	for _, l := range i18n.Languages {
		if _, ok := t[l]; ok {
			out = append(out, l)
		}
	}
	for l := range t {
		if !i18n.Known(l) {
			rest = append(rest, l)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func (y *yamlWriter) strings(indent int, key string, list []string) {
	if len(list) == 0 {
		return
	}
	y.line(indent, key+":")
	for _, s := range list {
		y.line(indent+2, "- "+quote(s))
	}
}

// numList writes numbers as a YAML flow list: [0.5, -1.25].
func numList(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = num(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func defaultLevels(ls []bank.Level) bool {
	d := bank.DefaultLevels()
	if len(ls) != len(d) {
		return false
	}
	for i := range ls {
		if ls[i].Level != d[i].Level || ls[i].Min != d[i].Min || len(ls[i].Name) != len(d[i].Name) {
			return false
		}
		for k, v := range d[i].Name {
			if ls[i].Name[k] != v {
				return false
			}
		}
	}
	return true
}

var plainRE = regexp.MustCompile(`^[a-z][a-z0-9]*([-./][a-z0-9]+)*$|^[0-9]+\.[0-9]+\.[0-9]+$`)

// plain writes a machine value (an id, a type) bare when YAML reads it back
// as the same string, and quoted otherwise.
func plain(s string) string {
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf":
		return quote(s)
	}
	if plainRE.MatchString(s) {
		return s
	}
	return quote(s)
}

// quote writes s as a YAML double-quoted scalar. Characters that are not
// safe to show or that YAML does not allow raw are escaped, so the file
// stays readable and lint can still point at them.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			switch {
			case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
				fmt.Fprintf(&b, `\x%02x`, r)
			case r == 0xfffd || r == 0x2028 || r == 0x2029 || r == 0xfffe || r == 0xffff ||
				textsafe.Classify(r) != textsafe.Safe || (r < 0x10000 && !unicode.IsPrint(r) && r != ' '):
				if r > 0xffff {
					fmt.Fprintf(&b, `\U%08x`, r)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// shortDuration writes 30m rather than 30m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
