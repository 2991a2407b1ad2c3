// Package resultio writes results (asnskill/result/v1) in every format a
// person or a program reads them in: JSON (the one encoder, scoring's, made
// safe for a terminal), CSV, a table row and an .xlsx workbook. score,
// report, history and the quiz all write through it, so a result reads the
// same whichever command wrote it.
package resultio

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// WriteCSVHeader writes the CSV header: the candidate, the kept columns,
// the group columns (as the sheet named them), then the scores.
func WriteCSVHeader(w io.Writer, skills []bank.Skill, kept, groups []string) {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader(skills, kept, groups))
	cw.Flush()
}

// SortedKeys are a result's group (or kept) names in order.
func SortedKeys(m map[string]string) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// csvNumber writes a number for the CSV: 6 significant digits (62.5,
// 66.6667), or every digit with --precise.
func csvNumber(b []byte, v float64, precise bool) []byte {
	if !precise {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	}
	return scoring.AppendNumber(b, v)
}

func CSVHeader(skills []bank.Skill, kept, groups []string) []string {
	h := []string{"candidate"}
	for _, k := range kept {
		h = append(h, textsafe.CSVCell(k))
	}
	for _, g := range groups {
		h = append(h, textsafe.CSVCell("group:"+g))
	}
	h = append(h, "percent", "passed", "correct", "partial", "wrong", "blank")
	for _, s := range skills {
		h = append(h, s.ID+".percent", s.ID+".level", s.ID+".gap", s.ID+".gap_status")
	}
	return h
}

// AppendCSV appends one result as a CSV line (what encoding/csv writes:
// a cell is quoted when it holds a comma, a quote, a line break or begins
// with a space), numbers through the same formatter as JSON.
func AppendCSV(b []byte, r *scoring.Result, skills []bank.Skill, kept, groups []string, raw, precise bool) []byte {
	cell := func(s string) {
		if !raw {
			s = textsafe.CSVCell(s)
		}
		b = AppendCSVCell(b, s)
	}
	cell(r.Candidate)
	for _, k := range kept {
		b = append(b, ',')
		cell(r.Kept[k])
	}
	for _, g := range groups {
		b = append(b, ',')
		cell(r.Groups[g])
	}
	b = append(b, ',')
	b = csvNumber(b, r.Score.Percent, precise)
	b = append(b, ',')
	b = strconv.AppendBool(b, r.Score.Passed)
	for _, n := range [...]int{r.Score.Counts.Correct, r.Score.Counts.Partial, r.Score.Counts.Wrong, r.Score.Counts.Blank} {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	// r.Skills holds the administered skills in the bank's order; a skill
	// without a level (too few questions) has empty level and gap cells.
	k := 0
	for i := range skills {
		if k < len(r.Skills) && r.Skills[k].ID == skills[i].ID {
			sr := &r.Skills[k]
			b = append(b, ',')
			b = csvNumber(b, sr.Percent, precise)
			b = append(b, ',')
			if sr.Known() {
				b = strconv.AppendInt(b, int64(sr.Level), 10)
			}
			b = append(b, ',')
			if sr.Known() {
				b = strconv.AppendInt(b, int64(sr.Gap), 10)
			}
			b = append(b, ',')
			b = append(b, sr.GapStatus...)
			k++
		} else {
			b = append(b, ",,,,"...)
		}
	}
	return append(b, '\n')
}

func AppendCSVCell(b []byte, s string) []byte {
	if !csvNeedsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}

// csvNeedsQuotes is encoding/csv's rule, so the bytes are the same.
func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// TableRow is a candidate's row: the gaps as skill numbers (their place in
// the bank, named in the note under the table) with the levels missing, and
// "?" where the gap is only possible (docs/scoring.md).
func TableRow(r scoring.Result, p i18n.Printer, kept []string) []string {
	var gaps []string
	for _, g := range scoring.RankGaps(r.Skills) {
		n := 0
		for i := range r.Skills {
			if r.Skills[i].ID == g.ID {
				n = i + 1
			}
		}
		cell := fmt.Sprintf("%d:−%d", n, g.Gap)
		if g.GapStatus != scoring.GapClear {
			cell += "?"
		}
		gaps = append(gaps, cell)
	}
	passed := "✗"
	if r.Score.Passed {
		passed = "✓"
	}
	row := []string{r.Candidate}
	for _, k := range kept {
		row = append(row, r.Kept[k])
	}
	return append(row, p.Decimal(r.Score.Percent, 1), passed, strings.Join(gaps, " "))
}
