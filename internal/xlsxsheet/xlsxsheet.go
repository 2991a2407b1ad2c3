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

// SheetError is a workbook that cannot be read (Code "open", Err), or has
// no sheet of that name (Code "no-sheet", Sheet and the Sheets it has).
type SheetError struct {
	Code   string
	Err    error
	Sheet  string
	Sheets []string
}

func (e *SheetError) Unwrap() error { return e.Err }

func (e *SheetError) Error() string {
	if e.Code == "no-sheet" {
		return fmt.Sprintf("no sheet %q (sheets: %s)", e.Sheet, strings.Join(e.Sheets, ", "))
	}
	return e.Err.Error()
}

// Open returns the rows of the named sheet (the first when sheet is "") as
// CSV. Cells show their formatted value, as the spreadsheet shows them
// (dates as dates); a line break inside a cell becomes a space, since each
// row is one line. Close the reader to release the workbook.
func Open(r io.Reader, sheet string) (io.ReadCloser, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &SheetError{Code: "open", Err: err}
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
		return nil, &SheetError{Code: "no-sheet", Sheet: sheet, Sheets: list}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, &SheetError{Code: "open", Err: err}
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
				pw.CloseWithError(&SheetError{Code: "open", Err: err})
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
			pw.CloseWithError(&SheetError{Code: "open", Err: err})
			return
		}
		pw.CloseWithError(w.Error())
	}()
	return pr, nil
}
