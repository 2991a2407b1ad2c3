package stats

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/itemstats"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// The class item analysis as one self-contained page (inline CSS and SVG,
// no script, nothing fetched): what a trainer shows the class and the
// question writers. Text from the bank goes through html/template.

//go:embed html.tmpl
var htmlSrc string

var htmlTmpl = template.Must(template.New("stats").Parse(htmlSrc))

type htmlPoint struct {
	ID, Label, Class string
	X, Y             float64 // SVG coordinates
}

type htmlBar struct {
	Option, Label string
	Key           bool
	Width         float64 // percent of the row
}

type htmlQuestion struct {
	ID, Skill, Prompt, Facility, Discrimination, Alpha, Flags, DIF string
	Bars                                                           []htmlBar
	Review                                                         bool
}

type htmlStats struct {
	Lang, Title, Heading, Summary, Reliability string
	Legend, ScatterTitle, ScatterX, ScatterY   string
	Points                                     []htmlPoint
	ReviewTitle                                string
	Review                                     []htmlQuestion
	QuestionsTitle                             string
	Columns                                    []string
	Questions                                  []htmlQuestion
	DIFTitle, DIFIntro                         string
	Tick                                       string // the 0.25 mark on the D axis
	DIF                                        []string
	Footer                                     string
}

// writeHTML writes the analysis as the class page.
func writeHTML(w io.Writer, rep itemstats.Report, b *bank.Bank, p i18n.Printer) error {
	name := func(id string) string {
		if s := b.Skill(id); s != nil {
			return textsafe.Line(s.Name.Get(p.Lang))
		}
		return textsafe.Line(id)
	}
	num := func(x *float64, prec int) string { return dec(p, x, prec) }
	pg := htmlStats{
		Lang: p.Lang, Title: p.T("stats.html.title", textsafe.Line(b.Title.Get(p.Lang))), Heading: p.T("stats.html.heading"),
		Summary:      p.T("stats.html.summary", i18n.Count(rep.Candidates), rep.Test.Questions, num(rep.Test.Mean, 1), p.Number(rep.Test.Points)),
		Reliability:  p.T("stats.html.reliability", num(rep.Test.Alpha, 2), num(rep.Test.SEM, 2)),
		Legend:       p.T("stats.html.legend"),
		ScatterTitle: p.T("stats.html.scatter"), ScatterX: p.T("stats.html.x"), ScatterY: p.T("stats.html.y"),
		ReviewTitle: p.T("stats.html.review"), QuestionsTitle: p.T("stats.html.questions"),
		Columns: []string{p.T("stats.col.question"), p.T("stats.html.col.skill"), p.T("stats.html.col.p"), p.T("stats.html.col.d"),
			p.T("stats.html.col.options"), p.T("stats.html.col.flags")},
		DIFTitle: p.T("stats.html.dif"), Tick: p.Decimal(0.25, 2), Footer: p.T("stats.html.footer"),
	}
	for _, q := range rep.Questions {
		hq := htmlQuestion{ID: textsafe.Line(q.ID), Skill: name(q.Skill), Facility: num(q.Facility, 2), Discrimination: num(q.Discrimination, 2),
			Alpha: num(q.AlphaIfDeleted, 2)}
		if bq := b.Question(q.ID); bq != nil {
			hq.Prompt = textsafe.Line(bq.Prompt.Get(p.Lang))
		}
		var flags []string
		for _, f := range q.Flags {
			flags = append(flags, p.T("stats.flag."+f))
		}
		hq.Flags = joinComma(flags)
		hq.Review = len(q.Flags) > 0
		for _, o := range q.Options {
			share := 0.0
			if o.Share != nil {
				share = *o.Share
			}
			hq.Bars = append(hq.Bars, htmlBar{Option: o.Option, Key: o.Key, Width: 100 * share, Label: fmt.Sprintf("%s %s", o.Option, p.Percent(100*share))})
		}
		if q.Unanswered.Share != nil {
			hq.Bars = append(hq.Bars, htmlBar{Option: "–", Width: 100 * *q.Unanswered.Share, Label: p.T("stats.html.blank", p.Percent(100**q.Unanswered.Share))})
		}
		if focal, known := q.DIF.FavoursFocal(); known && q.DIF.Category == itemstats.CategoryC && rep.DIF != nil {
			favoured := rep.DIF.Focal
			if !focal {
				favoured = p.T("stats.html.reference", textsafe.Line(rep.DIF.Focal))
			}
			hq.DIF = p.T("stats.html.dif-line", hq.ID, p.Decimal(*q.DIF.DeltaMH, 2), textsafe.Line(favoured))
			pg.DIF = append(pg.DIF, hq.DIF)
		}
		pg.Questions = append(pg.Questions, hq)
		if q.Facility != nil && q.Discrimination != nil {
			class := "ok"
			if hq.Review {
				class = "flag"
			}
			// x: facility 0..1 → 40..440; y: discrimination −0.5..1 → 290..10.
			x := 40 + 400*clamp01(*q.Facility)
			y := 290 - 280*clamp01((*q.Discrimination+0.5)/1.5)
			pg.Points = append(pg.Points, htmlPoint{ID: hq.ID, Label: hq.ID + " p=" + hq.Facility + " D=" + hq.Discrimination, Class: class, X: x, Y: y})
		}
	}
	review := append([]htmlQuestion(nil), pg.Questions...)
	sort.SliceStable(review, func(i, j int) bool { return len(review[i].Flags) > len(review[j].Flags) })
	for _, q := range review {
		if q.Review && len(pg.Review) < 10 {
			pg.Review = append(pg.Review, q)
		}
	}
	if rep.DIF != nil {
		pg.DIFIntro = difLine(rep.DIF, p)
	}
	if rep.DIF != nil && rep.DIF.Reason == "" && len(pg.DIF) == 0 {
		pg.DIF = []string{p.T("stats.html.dif-none")}
	}
	return htmlTmpl.Execute(w, pg)
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
