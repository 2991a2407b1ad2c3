// Package report shows a scored result to a person: overall score and
// pass/fail, a bar per skill with the level reached and the target marked,
// the 95% interval, low-evidence marks, the gaps ranked, and what to study.
// It writes plain text (readable at 80 columns, with or without colour),
// Markdown, or JSON. All text from banks and results is sanitized before it
// is styled.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Options say how to show a result.
type Options struct {
	Lang  string
	Color bool
	Width int
	// Bank, when known, gives skill and level names; without it ids are shown.
	Bank *bank.Bank
}

// Styles used by text reports.
type Styles struct {
	Title, Heading, Pass, Fail, Dim, Bar, Target, Low lipgloss.Style
}

// NewStyles builds the styles for a writer, plain when colour is off.
func NewStyles(w io.Writer, color bool) Styles {
	r := lipgloss.NewRenderer(w)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return Styles{
		Title:   r.NewStyle().Bold(true),
		Heading: r.NewStyle().Bold(true).Underline(true),
		Pass:    r.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "28", Dark: "42"}),
		Fail:    r.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "160", Dark: "203"}),
		Dim:     r.NewStyle().Faint(true),
		Bar:     r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "25", Dark: "75"}),
		Target:  r.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "130", Dark: "214"}),
		Low:     r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "130", Dark: "214"}),
	}
}

// names resolves display names from the bank when it is known.
type names struct {
	b    *bank.Bank
	lang string
}

func (n names) skill(id string) string {
	if n.b != nil {
		if s := n.b.Skill(id); s != nil {
			return textsafe.Line(s.Name.Get(n.lang))
		}
	}
	return textsafe.Line(id)
}

func (n names) level(l int) string {
	if n.b != nil {
		return textsafe.Line(n.b.LevelName(l, n.lang))
	}
	return textsafe.Line(bank.DefaultLevels()[max(0, min(l, 5)-1)].Name.Get(n.lang))
}

func (n names) title(r *scoring.Result) string {
	if n.b != nil {
		return textsafe.Line(n.b.Title.Get(n.lang)) + " (" + textsafe.Line(r.Bank.ID) + " " + textsafe.Line(r.Bank.Version) + ")"
	}
	return textsafe.Line(r.Bank.ID) + " " + textsafe.Line(r.Bank.Version)
}

// levelMin is where level l starts, in percent.
func (n names) levelMin(l int) float64 {
	levels := bank.DefaultLevels()
	if n.b != nil {
		levels = n.b.Levels
	}
	for _, x := range levels {
		if x.Level == l {
			return x.Min
		}
	}
	return 0
}

// Bar draws percent as a bar of width cells with the target level's start
// marked by │. Plain characters, so it reads without colour too.
func Bar(percent, target float64, width int) string {
	filled := int(percent/100*float64(width) + 0.5)
	mark := int(target / 100 * float64(width))
	var b strings.Builder
	for i := 0; i < width; i++ {
		switch {
		case i == mark && target > 0:
			b.WriteString("│")
		case i < filled:
			b.WriteString("█")
		default:
			b.WriteString("░")
		}
	}
	return b.String()
}

// Text writes the result for a person.
func Text(w io.Writer, r *scoring.Result, o Options) error {
	p := i18n.NewPrinter(o.Lang)
	st := NewStyles(w, o.Color)
	n := names{b: o.Bank, lang: o.Lang}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }

	line(st.Title.Render(p.T("report.title", n.title(r))))
	meta := []string{p.T("report.candidate", textsafe.Line(r.Candidate))}
	if r.Mode != "" {
		meta = append(meta, p.T("report.mode", p.T("mode."+r.Mode)))
	}
	if r.StartedAt != nil && r.FinishedAt != nil {
		meta = append(meta, p.T("report.time-used", r.FinishedAt.Sub(*r.StartedAt).Round(1e9).String()))
	}
	line(strings.Join(meta, " · "))
	verdict := st.Pass.Render(p.T("report.passed"))
	if !r.Score.Passed {
		verdict = st.Fail.Render(p.T("report.failed"))
	}
	line(p.T("report.score", p.Percent(r.Score.Percent), p.Number(r.Score.Earned), p.Number(r.Score.Possible), p.Number(r.Score.PassingScore)) + "  " + verdict)
	c := r.Score.Counts
	line(p.T("quiz.result.counts", c.Correct, c.Partial, c.Wrong, c.Blank))
	if len(r.Score.FailedSkills) > 0 {
		var fs []string
		for _, id := range r.Score.FailedSkills {
			fs = append(fs, n.skill(id))
		}
		line(st.Fail.Render(p.T("report.pass-min-failed", strings.Join(fs, ", "))))
	}
	line("")
	line(st.Heading.Render(p.T("report.skills")))
	barW := 20
	if o.Width >= 100 {
		barW = 30
	}
	anyLow, anySelf := false, false
	for _, s := range r.Skills {
		low := ""
		if s.LowEvidence {
			low = st.Low.Render(" *")
			anyLow = true
		}
		line(st.Title.Render(n.skill(s.ID)) + low)
		bar := Bar(s.Percent, n.levelMin(s.TargetLevel), barW)
		line(fmt.Sprintf("  %s %6s  [%s–%s]", st.Bar.Render(bar), p.Percent(s.Percent), p.Percent(s.CI95[0]), p.Percent(s.CI95[1])))
		status := p.T("quiz.result.status." + s.GapStatus)
		switch s.GapStatus {
		case scoring.GapNone:
			status = st.Pass.Render(status)
		case scoring.GapClear:
			status = st.Fail.Render(status)
		default:
			status = st.Low.Render(status)
		}
		line("  " + n.levelText(p, &s) + " · " + p.T("report.target", s.TargetLevel, n.level(s.TargetLevel)) + "  " + status)
		if s.SelfLevel > 0 {
			anySelf = true
			var sl string
			switch {
			case !s.Known():
				sl = p.T("report.self-unknown", s.SelfLevel)
			case s.SelfLevel > s.LevelRange[1]:
				sl = p.T("report.self", s.SelfLevel, s.LevelRange[0], s.LevelRange[1]) + " — " + p.T("report.self-over")
			case s.SelfLevel < s.LevelRange[0]:
				sl = p.T("report.self", s.SelfLevel, s.LevelRange[0], s.LevelRange[1]) + " — " + p.T("report.self-under")
			default:
				sl = p.T("report.self", s.SelfLevel, s.LevelRange[0], s.LevelRange[1])
			}
			line("  " + st.Dim.Render(sl))
		}
		if s.BelowPassMin && s.PassMin != nil {
			line("  " + st.Fail.Render(p.T("report.below-pass-min", p.Percent(*s.PassMin))))
		}
	}
	line(st.Dim.Render(p.T("report.legend")))
	if anyLow {
		line(st.Dim.Render(p.T("report.low-evidence")))
	}
	_ = anySelf
	line("")
	gaps := scoring.RankGaps(r.Skills)
	line(st.Heading.Render(p.T("report.gaps")))
	if len(gaps) == 0 {
		line(noGaps(p, r))
	}
	for i, g := range gaps {
		line(fmt.Sprintf("%d. %s: %s", i+1, n.skill(g.ID), p.T("report.gap-line."+g.GapStatus, g.Level, g.LevelRange[0], g.LevelRange[1], g.TargetLevel)))
	}
	unknown := unknownSkills(r)
	if len(r.Recommendations) > 0 || len(unknown) > 0 {
		line("")
		line(st.Heading.Render(p.T("report.recommendations")))
		cur := ""
		for _, rec := range r.Recommendations {
			if rec.Skill != cur {
				cur = rec.Skill
				line(st.Title.Render(n.skill(rec.Skill)))
			}
			head := fmt.Sprintf("  • [%s] %s", p.T("kind."+rec.Kind), textsafe.Line(rec.Title))
			if rec.Provider != "" {
				head += " — " + textsafe.Line(rec.Provider)
			}
			if rec.Hours > 0 {
				head += " " + p.T("report.hours", p.Number(rec.Hours))
			}
			line(head)
			if rec.URL != "" {
				line("    " + textsafe.Line(rec.URL))
			}
			if rec.Why != "" {
				line("    " + st.Dim.Render(textsafe.Line(rec.Why)))
			}
		}
	}
	for _, s := range unknown {
		line(st.Title.Render(n.skill(s.ID)))
		line("  • " + p.T("report.more-questions", s.Items))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// noGaps says there is no gap only as firmly as the evidence allows.
func noGaps(p i18n.Printer, r *scoring.Result) string {
	for _, s := range r.Skills {
		if s.GapStatus != scoring.GapNone {
			return p.T("quiz.result.no-known-gaps")
		}
	}
	return p.T("report.no-gaps")
}

// unknownSkills are the skills asked too few questions to have a level.
func unknownSkills(r *scoring.Result) []scoring.SkillResult {
	var out []scoring.SkillResult
	for _, s := range r.Skills {
		if !s.Known() {
			out = append(out, s)
		}
	}
	return out
}

// levelText is a skill's level with the range its evidence allows, or says
// that no level is claimed.
func (n names) levelText(p i18n.Printer, s *scoring.SkillResult) string {
	switch {
	case !s.Known():
		return p.T("report.no-level", s.Items)
	case s.LevelRange[0] == s.LevelRange[1]:
		return p.T("report.level", s.Level, n.level(s.Level))
	}
	return p.T("report.level-range", s.Level, n.level(s.Level), s.LevelRange[0], s.LevelRange[1])
}

// Markdown writes the result as Markdown, for sharing or printing.
func Markdown(w io.Writer, r *scoring.Result, o Options) error {
	p := i18n.NewPrinter(o.Lang)
	n := names{b: o.Bank, lang: o.Lang}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", md(p.T("report.title", n.title(r))))
	fmt.Fprintf(&b, "- %s\n", md(p.T("report.candidate", r.Candidate)))
	verdict := p.T("report.passed")
	if !r.Score.Passed {
		verdict = p.T("report.failed")
	}
	fmt.Fprintf(&b, "- %s — **%s**\n", md(p.T("report.score", p.Percent(r.Score.Percent), p.Number(r.Score.Earned), p.Number(r.Score.Possible), p.Number(r.Score.PassingScore))), verdict)
	c := r.Score.Counts
	fmt.Fprintf(&b, "- %s\n\n", md(p.T("quiz.result.counts", c.Correct, c.Partial, c.Wrong, c.Blank)))
	fmt.Fprintf(&b, "## %s\n\n", p.T("report.skills"))
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---:|---|---|---|---:|\n",
		p.T("report.col.skill"), p.T("report.col.percent"), p.T("report.col.ci"), p.T("report.col.level"), p.T("report.col.target"), p.T("report.col.gap"))
	for _, s := range r.Skills {
		low := ""
		if s.LowEvidence {
			low = " \\*"
		}
		fmt.Fprintf(&b, "| %s%s | %s | %s–%s | %s | %d %s | %s |\n", md(n.skill(s.ID)), low, p.Percent(s.Percent),
			p.Percent(s.CI95[0]), p.Percent(s.CI95[1]), md(n.levelText(p, &s)), s.TargetLevel, md(n.level(s.TargetLevel)), md(p.T("quiz.result.status."+s.GapStatus)))
	}
	fmt.Fprintf(&b, "\n%s\n\n## %s\n\n", md(p.T("report.low-evidence")), p.T("report.gaps"))
	gaps := scoring.RankGaps(r.Skills)
	if len(gaps) == 0 {
		fmt.Fprintf(&b, "%s\n", md(noGaps(p, r)))
	}
	for i, g := range gaps {
		fmt.Fprintf(&b, "%d. %s: %s\n", i+1, md(n.skill(g.ID)), md(p.T("report.gap-line."+g.GapStatus, g.Level, g.LevelRange[0], g.LevelRange[1], g.TargetLevel)))
	}
	unknown := unknownSkills(r)
	if len(r.Recommendations) > 0 || len(unknown) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", p.T("report.recommendations"))
		for _, rec := range r.Recommendations {
			fmt.Fprintf(&b, "- **%s** — [%s] %s", md(n.skill(rec.Skill)), p.T("kind."+rec.Kind), md(rec.Title))
			if rec.Provider != "" {
				fmt.Fprintf(&b, " (%s)", md(rec.Provider))
			}
			if rec.URL != "" {
				fmt.Fprintf(&b, " <%s>", mdURL(rec.URL))
			}
			if rec.Why != "" {
				fmt.Fprintf(&b, ": %s", md(rec.Why))
			}
			b.WriteString("\n")
		}
		for _, s := range unknown {
			fmt.Fprintf(&b, "- **%s** — %s\n", md(n.skill(s.ID)), md(p.T("report.more-questions", s.Items)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// md is MarkdownText, short for the many calls here.
func md(s string) string { return MarkdownText(s) }

// MarkdownText makes text safe to put in Markdown: sanitized for display,
// on one line, with the characters Markdown would take as markup escaped.
func MarkdownText(s string) string {
	return markdownEscaper.Replace(textsafe.Line(s))
}

var markdownEscaper = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
	"*", `\*`, "_", `\_`, "`", "\\`")

// mdURL prepares a URL for an autolink <…>, where backslash escapes are not
// read: only what could close the link is replaced.
func mdURL(s string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E").Replace(textsafe.Line(s))
}

// JSON writes the result as the asnskill/result/v1 contract.
func JSON(w io.Writer, r *scoring.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
