package xlsxsheet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func workbook(t *testing.T, fill func(f *excelize.File)) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	fill(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf
}

// Rows come out as CSV lines, one per spreadsheet row (an empty row stays
// a line, so line numbers are row numbers), padded to the header's width;
// a cell's line break becomes a space; dates read as the sheet shows them.
func TestRowsAsCSV(t *testing.T) {
	buf := workbook(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"Timestamp", "Email Address", "Apa itu SPBE?", "Catatan"})
		f.SetSheetRow("Sheet1", "A2", &[]any{time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), "ani@contoh.id", "Sistem, terpadu", "dua\nbaris"})
		f.SetSheetRow("Sheet1", "A4", &[]any{"", "budi@contoh.id"})
	})
	rc, err := Open(buf, "")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), data)
	}
	// The date shows as its cell format shows it (here excelize's default
	// for a time value), not as a serial number.
	if date, _, _ := strings.Cut(lines[1], ","); date == "" || strings.HasPrefix(date, "46") {
		t.Errorf("row 2's date: %q", date)
	}
	if !strings.Contains(lines[1], "\"Sistem, terpadu\",dua baris") {
		t.Errorf("row 2: %q", lines[1])
	}
	if lines[2] != `""` && lines[2] != "" {
		t.Errorf("row 3 (empty): %q", lines[2])
	}
	if lines[3] != ",budi@contoh.id,," {
		t.Errorf("row 4: %q, want padded to 4 cells", lines[3])
	}
}

func TestSheetChoice(t *testing.T) {
	buf := workbook(t, func(f *excelize.File) {
		f.NewSheet("Jawaban")
		f.SetSheetRow("Jawaban", "A1", &[]any{"candidate", "q1"})
	})
	data := buf.Bytes()
	rc, err := Open(bytes.NewReader(data), "Jawaban")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if string(got) != "candidate,q1\n" {
		t.Errorf("sheet Jawaban: %q", got)
	}
	_, err = Open(bytes.NewReader(data), "Nilai")
	var se *SheetError
	if !errors.As(err, &se) || se.Code != "no-sheet" || strings.Join(se.Sheets, ", ") != "Sheet1, Jawaban" {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := Open(strings.NewReader("not a zip"), ""); !errors.As(err, &se) || se.Code != "open" {
		t.Errorf("not a workbook: %v", err)
	}
}
