package resultio

import (
	"io"
	"sort"

	"github.com/xuri/excelize/v2"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// XLSX writes results as a workbook: a results sheet (candidate, groups, overall
// percent, passed, counts, and each skill's percent, level and gap status)
// and a sheet of points per question, streamed row by row (excelize's
// StreamWriter keeps rows on disk, not in memory). Numbers are stored as
// numbers with a display format; the header row is frozen and filtered.
type XLSX struct {
	f          *excelize.File
	res, pts   *excelize.StreamWriter
	resName    string
	ptsName    string
	skills     []bank.Skill
	questions  []string
	groups     []string // group columns, from the first row
	Started    bool
	row        int
	pctStyle   int
	headStyle  int
	resColumns int
}

func NewXLSX(b *bank.Bank, p i18n.Printer) (*XLSX, error) {
	x := &XLSX{f: excelize.NewFile(), resName: p.T("score.xlsx.results"), ptsName: p.T("score.xlsx.points"), skills: b.Skills, row: 1}
	for _, q := range b.Questions {
		x.questions = append(x.questions, q.ID)
	}
	if err := x.f.SetSheetName("Sheet1", x.resName); err != nil {
		return nil, err
	}
	if _, err := x.f.NewSheet(x.ptsName); err != nil {
		return nil, err
	}
	var err error
	format := "0.0"
	if x.pctStyle, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
		return nil, err
	}
	if x.headStyle, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if x.res, err = x.f.NewStreamWriter(x.resName); err != nil {
		return nil, err
	}
	if x.pts, err = x.f.NewStreamWriter(x.ptsName); err != nil {
		return nil, err
	}
	for _, sw := range []*excelize.StreamWriter{x.res, x.pts} {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// header writes both header rows, once the first row gives the group
// columns (every row of a sheet has the same ones).
func (x *XLSX) Header(kept, groups []string) error {
	x.Started = true
	x.groups = groups
	head := []any{"candidate"}
	for _, k := range kept {
		head = append(head, k)
	}
	for _, g := range x.groups {
		head = append(head, "group:"+g)
	}
	for _, h := range []string{"percent", "passed", "correct", "partial", "wrong", "blank"} {
		head = append(head, h)
	}
	for _, s := range x.skills {
		head = append(head, s.ID+".percent", s.ID+".level", s.ID+".gap_status")
	}
	x.resColumns = len(head)
	if err := x.res.SetRow("A1", styled(head, x.headStyle)); err != nil {
		return err
	}
	ph := []any{"candidate"}
	for _, q := range x.questions {
		ph = append(ph, q)
	}
	return x.pts.SetRow("A1", styled(ph, x.headStyle))
}

func styled(vals []any, style int) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = excelize.Cell{StyleID: style, Value: v}
	}
	return out
}

// rows turns one result into its two rows, on the workers (so it reads
// nothing the writer changes); groups are the group names, sorted.
func (x *XLSX) Rows(r *scoring.Result, kept []string) (res, pts []any, groups []string) {
	// Text cells are written as strings, never as formulas; control
	// characters are made visible as everywhere else.
	res = []any{textsafe.Line(r.Candidate)}
	for _, k := range kept {
		res = append(res, textsafe.Line(r.Kept[k]))
	}
	for g := range r.Groups {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		res = append(res, textsafe.Line(r.Groups[g]))
	}
	res = append(res, excelize.Cell{StyleID: x.pctStyle, Value: r.Score.Percent}, r.Score.Passed,
		r.Score.Counts.Correct, r.Score.Counts.Partial, r.Score.Counts.Wrong, r.Score.Counts.Blank)
	k := 0
	for i := range x.skills {
		if k < len(r.Skills) && r.Skills[k].ID == x.skills[i].ID {
			sr := &r.Skills[k]
			var level any
			if sr.Known() {
				level = sr.Level
			}
			res = append(res, excelize.Cell{StyleID: x.pctStyle, Value: sr.Percent}, level, string(sr.GapStatus))
			k++
			continue
		}
		res = append(res, nil, nil, nil)
	}
	earned := make(map[string]float64, len(r.Answers))
	for _, a := range r.Answers {
		earned[a.Question] = a.Earned
	}
	pts = []any{textsafe.Line(r.Candidate)}
	for _, q := range x.questions {
		if e, ok := earned[q]; ok {
			pts = append(pts, e)
		} else {
			pts = append(pts, nil)
		}
	}
	return res, pts, groups
}

func (x *XLSX) Write(res, pts []any) error {
	x.row++
	cell, _ := excelize.CoordinatesToCellName(1, x.row)
	if err := x.res.SetRow(cell, res); err != nil {
		return err
	}
	return x.pts.SetRow(cell, pts)
}

// finish flushes both sheets, adds the filters and writes the workbook.
func (x *XLSX) Finish(w io.Writer) error {
	if !x.Started {
		if err := x.Header(nil, nil); err != nil {
			return err
		}
	}
	if err := x.res.Flush(); err != nil {
		return err
	}
	if err := x.pts.Flush(); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(x.resColumns, max(x.row, 2))
	if err := x.f.AutoFilter(x.resName, "A1:"+last, nil); err != nil {
		return err
	}
	lastP, _ := excelize.CoordinatesToCellName(len(x.questions)+1, max(x.row, 2))
	if err := x.f.AutoFilter(x.ptsName, "A1:"+lastP, nil); err != nil {
		return err
	}
	defer x.f.Close()
	return x.f.Write(w)
}
