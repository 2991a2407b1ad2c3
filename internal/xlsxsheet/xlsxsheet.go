// Package xlsxsheet reads one sheet of an .xlsx workbook as CSV, a line per
// spreadsheet row, so that answer sheets kept in Excel go through the same
// reader (and the same checks, with the same line numbers) as CSV files.
// It streams the sheet with excelize's row iterator: a workbook of 100,000
// rows is never held in memory as a whole.
package xlsxsheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// IsWorkbook reports whether a file name is an .xlsx workbook.
func IsWorkbook(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".xlsx") }

// SheetError is a workbook that cannot be read, or has no such sheet.
type SheetError struct {
	Code string // "open", "no-sheet"
	Arg  string
}

func (e *SheetError) Error() string { return fmt.Sprintf("xlsx %s: %s", e.Code, e.Arg) }

// Open returns the rows of the named sheet (the first when sheet is "") as
// CSV. Cells show their formatted value, as the spreadsheet shows them
// (dates as dates); a line break inside a cell becomes a space, since each
// row is one line. Close the reader to release the workbook.
func Open(r io.Reader, sheet string) (io.ReadCloser, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &SheetError{Code: "open", Arg: err.Error()}
	}
	list := f.GetSheetList()
	if sheet == "" && len(list) > 0 {
		sheet = list[0]
	}
	found := false
	for _, s := range list {
		if s == sheet {
			found = true
		}
	}
	if !found {
		f.Close()
		return nil, &SheetError{Code: "no-sheet", Arg: sheet + "|" + strings.Join(list, ", ")}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, &SheetError{Code: "open", Arg: err.Error()}
	}
	pr, pw := io.Pipe()
	go func() {
		defer f.Close()
		defer rows.Close()
		w := csv.NewWriter(pw)
		width := 0 // the header's: a spreadsheet leaves out empty trailing cells
		for rows.Next() {
			cells, err := rows.Columns()
			if err != nil {
				pw.CloseWithError(&SheetError{Code: "open", Arg: err.Error()})
				return
			}
			for i, c := range cells {
				if strings.ContainsAny(c, "\r\n") {
					cells[i] = strings.Join(strings.Fields(c), " ")
				}
			}
			if width == 0 && len(cells) > 0 {
				width = len(cells)
			}
			if len(cells) == 0 {
				cells = []string{""}
			} else {
				for len(cells) < width {
					cells = append(cells, "")
				}
			}
			if err := w.Write(cells); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		w.Flush()
		if err := rows.Error(); err != nil {
			pw.CloseWithError(&SheetError{Code: "open", Arg: err.Error()})
			return
		}
		pw.CloseWithError(w.Error())
	}()
	return pr, nil
}
