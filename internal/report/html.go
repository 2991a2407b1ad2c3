package report

import (
	"embed"
	"html/template"
	"io"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// The HTML report is one self-contained page: inline CSS and SVG, no
// script and nothing fetched, so it opens offline, mails as one file and
// prints ("print to PDF") to one or two clean pages. Every text from the
// bank or the result goes through html/template, which escapes it.

//go:embed html.tmpl
var htmlFS embed.FS

var htmlTmpl = template.Must(template.New("html.tmpl").ParseFS(htmlFS, "html.tmpl"))

// htmlSkill is one skill row of the chart, positions in percent of the
// chart's width.
type htmlSkill struct {
	Name, Status, StatusClass, Level, Target, Interval, Items string
	Percent, Lo, Hi, TargetAt                                 float64
	Known                                                     bool
}

type htmlRec struct {
	Skill, Kind, Title, Provider, URL, Why, Hours string
}

type htmlPage struct {
	Lang, Title, Heading, Candidate, Bank, Date, Mode string
	Overall, Verdict, Counts, Time                    string
	Passed                                            bool
	Notes                                             []string
	SkillsTitle, Legend                               string
	Skills                                            []htmlSkill
	GapsTitle                                         string
	Gaps                                              []string
	PlanTitle                                         string
	Plan                                              []htmlRec
	More                                              []string
	Footer                                            string
}

// HTML writes the result as a self-contained HTML page in o.Lang.
func HTML(w io.Writer, r *scoring.Result, o Options) error {
	p := i18n.NewPrinter(o.Lang)
	n := names{b: o.Bank, lang: o.Lang}
	t := func(s string) string { return textsafe.Line(s) }
	pg := htmlPage{
		Lang: p.Lang, Title: p.T("report.title", n.title(r)), Heading: p.T("html.heading"),
		Candidate: p.T("report.candidate", t(r.Candidate)), Bank: n.title(r),
		Overall:     p.T("quiz.result.overall", p.Percent(r.Score.Percent)),
		Passed:      r.Score.Passed,
		Counts:      p.T("quiz.result.counts", r.Score.Counts.Correct, r.Score.Counts.Partial, r.Score.Counts.Wrong, r.Score.Counts.Blank),
		SkillsTitle: p.T("report.skills"), Legend: p.T("html.legend"),
		GapsTitle: p.T("report.gaps"), PlanTitle: p.T("report.recommendations"),
		Footer: p.T("html.footer", scoring.ResultFormat),
	}
	pg.Verdict = p.T("report.passed")
	if !r.Score.Passed {
		pg.Verdict = p.T("report.failed")
	}
	if r.FinishedAt != nil {
		pg.Date = p.T("html.date", r.FinishedAt.In(time.UTC).Format("2006-01-02 15:04 MST"))
	}
	if r.Mode != "" {
		pg.Mode = p.T("report.mode", p.T("mode."+r.Mode))
	}
	if r.StartedAt != nil && r.FinishedAt != nil {
		pg.Time = p.T("report.time-used", r.FinishedAt.Sub(*r.StartedAt).Round(time.Second).String())
	}
	if len(r.Score.FailedSkills) > 0 {
		for _, id := range r.Score.FailedSkills {
			pg.Notes = append(pg.Notes, p.T("report.pass-min-failed", n.skill(id)))
		}
	}
	if r.Calibrated != nil {
		key := "quiz.result.adaptive"
		if !*r.Calibrated {
			key = "quiz.result.adaptive-uncalibrated"
		}
		pg.Notes = append(pg.Notes, p.T(key))
	}
	for _, s := range r.Skills {
		hs := htmlSkill{Name: n.skill(s.ID), Percent: clamp(s.Percent), Lo: clamp(s.CI95[0]), Hi: clamp(s.CI95[1]),
			TargetAt: clamp(n.levelMin(s.TargetLevel)), Known: s.Known(),
			Status: p.T("quiz.result.status." + s.GapStatus), StatusClass: s.GapStatus,
			Level:    n.levelText(p, &s),
			Target:   p.T("report.target", s.TargetLevel, n.level(s.TargetLevel)),
			Interval: p.T("quiz.result.ci", p.Decimal(s.CI95[0], 1), p.Decimal(s.CI95[1], 1)),
			Items:    p.T("quiz.result.items", s.Items)}
		pg.Skills = append(pg.Skills, hs)
	}
	for _, g := range scoring.RankGaps(r.Skills) {
		pg.Gaps = append(pg.Gaps, n.skill(g.ID)+": "+p.T("report.gap-line."+g.GapStatus, g.Level, g.LevelRange[0], g.LevelRange[1], g.TargetLevel))
	}
	if len(pg.Gaps) == 0 {
		pg.Gaps = []string{noGaps(p, r)}
	}
	for _, rec := range r.Recommendations {
		hr := htmlRec{Skill: n.skill(rec.Skill), Kind: p.T("kind." + rec.Kind), Title: t(rec.Title), Provider: t(rec.Provider), Why: t(rec.Why)}
		if rec.URL != "" && bank.SafeURL(rec.URL) {
			hr.URL = rec.URL
		}
		if rec.Hours > 0 {
			hr.Hours = p.T("report.hours", p.Number(rec.Hours))
		}
		pg.Plan = append(pg.Plan, hr)
	}
	for _, s := range unknownSkills(r) {
		pg.More = append(pg.More, n.skill(s.ID)+": "+p.T("report.more-questions", s.Items))
	}
	return htmlTmpl.Execute(w, pg)
}

func clamp(x float64) float64 { return max(0, min(100, x)) }
