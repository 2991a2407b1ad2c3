package score

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
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

// score -o xlsx: the results sheet's numeric cells equal the JSON results,
// the header is frozen, and the points sheet holds each question's points.
func TestXLSXOutputEqualsJSON(t *testing.T) {
	dir := t.TempDir()
	src := "../../../quizzes/cyber-security.yaml"
	sheet := filepath.Join(dir, "kelas.csv")
	os.WriteFile(sheet, []byte("candidate,group:region,cs-001,cs-002,cs-003,cs-004,cs-005\n"+
		"c1,Jawa,B,C,A,D,AC\nc2,Papua,A,C,B,D,\n=cmd,Bali,D,D,D,D,ABCDE\n"), 0o644)
	book := filepath.Join(dir, "hasil.xlsx")
	run := func(format, out string) string {
		ios, _, stdout, errOut := iostreams.Test()
		fac := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{src}}
		opts := &Options{F: fac, BankRef: src, Files: []string{sheet}, OutFile: out, WithAnswers: format == "json",
			Output: cmdutil.NewEnum(format, "jsonl", "csv", "json", "table", "xlsx")}
		if err := Run(opts); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		return stdout.String()
	}
	run("xlsx", book)
	var results []scoring.Result
	if err := json.Unmarshal([]byte(run("json", "")), &results); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Hasil" || got[1] != "Poin per soal" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("Hasil", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "candidate" || rows[0][1] != "group:region" || rows[0][2] != "percent" {
		t.Fatalf("results sheet: %q", rows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return v
	}
	for i, r := range results {
		row := rows[i+1]
		if row[0] != r.Candidate || row[1] != r.Groups["region"] {
			t.Errorf("row %d: %q %q", i+1, row[0], row[1])
		}
		// A spreadsheet keeps 15 significant digits.
		if math.Abs(num(row[col["percent"]])-r.Score.Percent) > 1e-9 || num(row[col["correct"]]) != float64(r.Score.Counts.Correct) ||
			num(row[col["blank"]]) != float64(r.Score.Counts.Blank) {
			t.Errorf("row %d: %q against %+v", i+1, row, r.Score)
		}
		if (row[col["passed"]] == "1") != r.Score.Passed {
			t.Errorf("row %d: passed %q", i+1, row[col["passed"]])
		}
		s := r.Skills[0]
		if math.Abs(num(row[col[s.ID+".percent"]])-s.Percent) > 1e-9 || row[col[s.ID+".gap_status"]] != string(s.GapStatus) {
			t.Errorf("row %d: skill %q against %+v", i+1, row, s)
		}
		if t1, _ := f.GetCellType("Hasil", "C"+strconv.Itoa(i+2)); t1 == excelize.CellTypeSharedString || t1 == excelize.CellTypeInlineString {
			t.Errorf("row %d: the percent is stored as text", i+1)
		}
	}
	// The candidate "=cmd" is text, never a formula.
	if formula, _ := f.GetCellFormula("Hasil", "A4"); formula != "" {
		t.Errorf("a candidate id became a formula: %q", formula)
	}
	if panes, err := f.GetPanes("Hasil"); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	pts, _ := f.GetRows("Poin per soal", excelize.Options{RawCellValue: true})
	if len(pts) != 4 || pts[0][1] != "cs-001" || num(pts[1][1]) != earned(results[0], "cs-001") {
		t.Errorf("points sheet: %q", pts)
	}
}

func earned(r scoring.Result, q string) float64 {
	for _, a := range r.Answers {
		if a.Question == q {
			return a.Earned
		}
	}
	return -1
}
