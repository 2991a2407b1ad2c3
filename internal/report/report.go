// Package report shows a scored result to a person: overall score and
// pass/fail, a bar per skill with the level reached and the target marked,
// the 95% interval, low-evidence marks, the gaps ranked, and what to study.
// It writes plain text (readable at 80 columns, with or without colour),
// Markdown, or JSON. All text from banks and results is sanitized before it
// is styled.
package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/resultio"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/tui"
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

// Text writes the result for a person: a heading (bank, candidate, mode,
// date), then the very lines the quiz's result screen and its line mode
// show (tui.ResultLines): one renderer, the same words, order and numbers
// everywhere. Lines fit the width (80 when not a terminal).
func Text(w io.Writer, r *scoring.Result, o Options) error {
	p := i18n.NewPrinter(o.Lang)
	width := o.Width
	if width <= 0 || width > 100 {
		width = min(max(width, 80), 100)
	}
	renderer := lipgloss.NewRenderer(w)
	if o.Color {
		renderer.SetColorProfile(termenv.ANSI256)
	} else {
		renderer.SetColorProfile(termenv.Ascii)
	}
	st := tui.NewStyles(renderer, o.Color)
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	for _, l := range tui.ResultHeader(st, p, o.Bank, *r, width) {
		line(l)
	}
	line("")
	var elapsed time.Duration
	if r.StartedAt != nil && r.FinishedAt != nil {
		elapsed = r.FinishedAt.Sub(*r.StartedAt).Round(time.Second)
	}
	for _, l := range tui.ResultLines(st, p, bankFor(o.Bank, r), *r, elapsed, 0, width) {
		line(l)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// bankFor is the bank that names a result's skills and levels: the loaded
// bank, or, when it is not loaded, a stand-in naming skills by their ids
// with the default levels.
func bankFor(b *bank.Bank, r *scoring.Result) *bank.Bank {
	if b != nil {
		return b
	}
	stub := &bank.Bank{ID: r.Bank.ID, Version: r.Bank.Version, Levels: bank.DefaultLevels(), Title: i18n.Plain("id", r.Bank.ID)}
	for _, s := range r.Skills {
		stub.Skills = append(stub.Skills, bank.Skill{ID: s.ID, Name: i18n.Plain("id", s.ID), TargetLevel: s.TargetLevel, Weight: s.Weight})
	}
	return stub
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
func JSON(w io.Writer, r *scoring.Result) error { return resultio.WriteJSON(w, r) }

// noGaps says there is no gap only as firmly as the evidence allows.
func noGaps(p i18n.Printer, r *scoring.Result) string {
	for _, s := range r.Skills {
		if s.GapStatus != scoring.GapNone {
			return p.T("quiz.result.no-known-gaps")
		}
	}
	return p.T("report.no-gaps")
}
