package stats

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/itemstats"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// writeXLSX writes the item analysis as a workbook: a sheet of questions
// (the columns of -o csv, then each option's share of candidates) and a
// sheet with the test's figures. Numbers are numbers; the question sheet's
// header is frozen and filtered.
func writeXLSX(w io.Writer, r itemstats.Report, p i18n.Printer) error {
	f := excelize.NewFile()
	defer f.Close()
	qs, sum := p.T("stats.xlsx.questions"), p.T("stats.xlsx.summary")
	if err := f.SetSheetName("Sheet1", qs); err != nil {
		return err
	}
	if _, err := f.NewSheet(sum); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	maxOpts := 0
	for _, q := range r.Questions {
		maxOpts = max(maxOpts, len(q.Options))
	}
	head := []any{"question", "skill", "points", "administered", "answered", "facility", "p_answered", "sd",
		"r_total", "discrimination", "efficiency", "alpha_if_deleted", "upper_lower", "dif_category", "delta_mh", "dif_p", "flags"}
	for k := 0; k < maxOpts; k++ {
		head = append(head, "share_"+string(rune('A'+k)))
	}
	head = append(head, "share_blank")
	sw, err := f.NewStreamWriter(qs)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	num := func(v *float64) any {
		if v == nil {
			return nil
		}
		return *v
	}
	for i, q := range r.Questions {
		var cat, delta, pv any
		if q.DIF != nil {
			cat, delta, pv = string(q.DIF.Category), num(q.DIF.DeltaMH), num(q.DIF.P)
		}
		flags := ""
		for k, fl := range q.Flags {
			if k > 0 {
				flags += ", "
			}
			flags += p.T("stats.flag." + fl)
		}
		row := []any{textsafe.Line(q.ID), textsafe.Line(q.Skill), q.Points, q.Administered, q.Answered, num(q.Facility), num(q.PAnswered),
			num(q.SD), num(q.RTotal), num(q.Discrimination), num(q.Efficiency), num(q.AlphaIfDeleted), num(q.UpperLower), cat, delta, pv, flags}
		for k := 0; k < maxOpts; k++ {
			if k < len(q.Options) {
				row = append(row, num(q.Options[k].Share))
			} else {
				row = append(row, nil)
			}
		}
		row = append(row, num(q.Unanswered.Share))
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(head), max(len(r.Questions)+1, 2))
	if err := f.AutoFilter(qs, "A1:"+last, nil); err != nil {
		return err
	}
	t := r.Test
	for i, kv := range [][2]any{
		{"candidates", r.Candidates}, {"questions", t.Questions}, {"points", t.Points}, {"mean", num(t.Mean)},
		{"sd", num(t.SD)}, {"alpha", num(t.Alpha)}, {"sem", num(t.SEM)}, {"skewness", num(t.Skewness)}, {"kurtosis", num(t.Kurtosis)},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sum, cell, &[]any{kv[0], kv[1]}); err != nil {
			return err
		}
	}
	return f.Write(w)
}
