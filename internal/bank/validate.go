package bank

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// checkTranslations warns when a text lacks one of the program's languages.
func (d *decoder) checkTranslations(n *yaml.Node, t i18n.Text, what string) {
	if len(t) == 0 {
		return
	}
	langs := i18n.Languages
	if d.langs != nil {
		langs = d.langs // a bank written in one language lacks nothing
	}
	for _, l := range langs {
		if !t.Has(l) {
			d.warn(n, "missing-translation", what, l)
		}
	}
}

// checkChars reports control characters (errors) and bidirectional or
// zero-width characters (warnings in prose, errors in machine fields).
func (d *decoder) checkChars(n *yaml.Node, s string, machine bool) {
	for _, f := range textsafe.Scan(s) {
		line, col := charPos(n, s, f.Offset)
		cp := textsafe.CodePoint(f.Rune)
		if f.Rune == utf8.RuneError {
			cp = fmt.Sprintf("byte 0x%02x", s[f.Offset])
		}
		switch {
		case f.Class == textsafe.Control:
			d.errAt(line, col, "control-char", cp)
		case machine:
			d.errAt(line, col, "invisible-char", cp)
		default:
			d.warnAt(line, col, "invisible-char-prose", cp)
		}
	}
}

// charPos estimates where byte offset off of the decoded scalar stands in the
// file. It is exact for plain and single-line quoted scalars; for escaped or
// folded text it names the right line of the scalar's start.
func charPos(n *yaml.Node, s string, off int) (int, int) {
	before := s[:off]
	line, col := n.Line, n.Column
	if i := strings.LastIndexByte(before, '\n'); i >= 0 && (n.Style&(yaml.LiteralStyle|yaml.FoldedStyle)) != 0 {
		return line + 1 + strings.Count(before, "\n"), utf8.RuneCountInString(before[i+1:]) + 1
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	return line, col + utf8.RuneCountInString(before)
}

func scanUnsafe(s string) []string {
	var out []string
	for _, f := range textsafe.Scan(s) {
		out = append(out, textsafe.CodePoint(f.Rune))
	}
	return out
}

// checkURL returns the diagnostic code for a bad recommendation URL, or "".
func checkURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "bad-url"
	}
	if u.Scheme != "https" {
		return "url-not-https"
	}
	if u.User != nil {
		return "url-userinfo"
	}
	return ""
}

// validate applies the rules that span several parts of the bank.
func validate(d *decoder, b *Bank) {
	levels := map[int]bool{}
	for _, l := range b.Levels {
		levels[l.Level] = true
	}
	skillSeen := map[string]Pos{}
	for _, s := range b.Skills {
		if s.ID == "" {
			continue
		}
		if p, dup := skillSeen[s.ID]; dup {
			d.errAt(s.Pos.Line, s.Pos.Col, "duplicate-skill", s.ID, p.Line)
			continue
		}
		skillSeen[s.ID] = s.Pos
		if s.TargetLevel != 0 && !levels[s.TargetLevel] {
			d.errAt(s.Pos.Line, s.Pos.Col, "target-level-unknown", s.ID, s.TargetLevel, b.MaxLevel())
		}
		covered := map[int]bool{}
		for _, r := range s.Recommendations {
			for _, l := range r.ForLevels {
				if !levels[l] {
					d.errAt(r.Pos.Line, r.Pos.Col, "rec-level-unknown", l, b.MaxLevel())
				}
				covered[l] = true
			}
			if len(r.ForLevels) == 0 {
				d.errAt(r.Pos.Line, r.Pos.Col, "rec-no-levels")
			}
		}
		for _, l := range b.Levels {
			if l.Level < s.TargetLevel && !covered[l.Level] {
				d.errAt(s.Pos.Line, s.Pos.Col, "rec-missing", s.ID, l.Level, s.TargetLevel)
			}
		}
	}

	qSeen := map[string]Pos{}
	prompts := map[string]Pos{}
	perSkill := map[string]int{}
	keyAt := [6]int{}
	singles := 0
	for _, q := range b.Questions {
		if q.ID != "" {
			if p, dup := qSeen[q.ID]; dup {
				d.errAt(q.Pos.Line, q.Pos.Col, "duplicate-question", q.ID, p.Line)
			} else {
				qSeen[q.ID] = q.Pos
			}
		}
		if q.Skill != "" {
			if _, ok := skillSeen[q.Skill]; !ok {
				ids := make([]string, 0, len(b.Skills))
				for _, s := range b.Skills {
					ids = append(ids, s.ID)
				}
				at := q.SkillPos // the skill: line, where the fix goes
				if at.Line == 0 {
					at = q.Pos
				}
				if s := suggest(q.Skill, ids); s != "" {
					d.errAt(at.Line, at.Col, "unknown-skill-suggest", q.Skill, s)
				} else {
					d.errAt(at.Line, at.Col, "unknown-skill", q.Skill, strings.Join(ids, ", "))
				}
			}
			perSkill[q.Skill]++
		}
		if q.Explanation.Empty() {
			d.warnAt(q.Pos.Line, q.Pos.Col, "missing-explanation", q.ID)
		}
		for _, lang := range i18n.Languages {
			if p := strings.TrimSpace(strings.ToLower(q.Prompt[lang])); p != "" {
				key := lang + "\x00" + p
				if first, dup := prompts[key]; dup {
					d.warnAt(q.Pos.Line, q.Pos.Col, "duplicate-prompt", q.ID, first.Line)
					break
				}
				prompts[key] = q.Pos
			}
		}
		texts := map[string]int{}
	options:
		for i, o := range q.Options {
			for _, lang := range i18n.Languages {
				t := strings.TrimSpace(strings.ToLower(o.Text[lang]))
				if t == "" {
					continue
				}
				if j, dup := texts[lang+"\x00"+t]; dup {
					d.warnAt(o.Pos.Line, o.Pos.Col, "duplicate-option", string(Letters[min(i, 5)]), string(Letters[min(j, 5)]), q.ID)
					continue options
				}
				texts[lang+"\x00"+t] = i
			}
		}
		if q.Type == Single {
			singles++
			for i, o := range q.Options {
				if o.Correct && i < 6 {
					keyAt[i]++
				}
			}
		}
	}
	for _, s := range b.Skills {
		if s.ID == "" {
			continue
		}
		switch n := perSkill[s.ID]; {
		case n == 0:
			d.errAt(s.Pos.Line, s.Pos.Col, "skill-unmeasured", s.ID)
		case n < 4:
			d.warnAt(s.Pos.Line, s.Pos.Col, "few-questions", s.ID, n)
		}
	}
	if singles >= 20 {
		for i, n := range keyAt {
			if float64(n) > 0.4*float64(singles) {
				d.warnAt(1, 1, "key-position", string(Letters[i]), n, singles, 100*float64(n)/float64(singles))
			}
		}
	}
}

// SafeURL reports whether raw is an address a bank may link to: https, a
// host, no user name or password. Renderers that make links check it again,
// since a result file does not come from a checked bank.
func SafeURL(raw string) bool { return checkURL(raw) == "" }
