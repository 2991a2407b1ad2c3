package score

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

// A form export saved as .xlsx (extra columns, questions headed by text,
// answers as option text, a second sheet chosen with --sheet) scores
// exactly like the same answers written as letters in a CSV.
func TestFormExportXLSXScoresLikeLetters(t *testing.T) {
	dir := t.TempDir()
	src := "../../../quizzes/cyber-security.yaml"
	var doc struct {
		Questions []struct {
			ID      string
			Prompt  map[string]string
			Options []struct{ Text map[string]string }
		}
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	qs := doc.Questions[:6]
	answers := [][]int{{1, 2, 0, 3, 1, 0}, {0, 0, 1, 1, 2, 3}, {3, 1, 2, 0, 0, 1}}
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Ringkasan")
	f.NewSheet("Jawaban")
	head := []any{"Timestamp", "Alamat email", "Skor", "Nama"}
	for _, q := range qs {
		head = append(head, q.Prompt["id"])
	}
	f.SetSheetRow("Jawaban", "A1", &head)
	letters := "candidate"
	for _, q := range qs {
		letters += "," + q.ID
	}
	letters += "\n"
	for r, a := range answers {
		row := []any{time.Date(2026, 12, 1, 9, r, 0, 0, time.UTC), "c" + string(rune('1'+r)) + "@contoh.id", "0 / 6", "Nama"}
		letters += "c" + string(rune('1'+r)) + "@contoh.id"
		for i, q := range qs {
			k := a[i] % len(q.Options)
			row = append(row, q.Options[k].Text["id"])
			letters += "," + string(rune('A'+k))
		}
		letters += "\n"
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		f.SetSheetRow("Jawaban", cell, &row)
	}
	book := filepath.Join(dir, "formulir.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "huruf.csv")
	os.WriteFile(sheet, []byte(letters), 0o644)

	run := func(file, sheetName string) (string, string) {
		ios, _, out, errOut := iostreams.Test()
		fac := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{src}}
		opts := &Options{F: fac, BankRef: src, Files: []string{file}, Sheet: sheetName,
			Output: cmdutil.NewEnum("csv", "jsonl", "csv", "json", "table")}
		if err := Run(opts); err != nil {
			t.Fatalf("%s: %v\n%s", file, err, errOut)
		}
		return out.String(), errOut.String()
	}
	fromBook, msgs := run(book, "Jawaban")
	fromLetters, _ := run(sheet, "")
	if fromBook != fromLetters {
		t.Errorf("the workbook scores differently:\n%s\nletters:\n%s\n%s", fromBook, fromLetters, msgs)
	}
	for _, want := range []string{"Timestamp, Skor, Nama", "3 baris dibaca, 3 dinilai, 0 ditolak"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msgs)
		}
	}
}
