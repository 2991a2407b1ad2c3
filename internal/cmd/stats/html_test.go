package stats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/simulate"
)

// classSheet writes the answers of a class of n candidates to a bank's
// first 20 questions, drawn by the model, with a region column; question
// 3's key is made wrong on purpose (so its discrimination turns negative)
// and the Papua group finds question 6 (a single-answer one: DIF is computed on those) much harder (DIF).
func classSheet(t *testing.T, b *bank.Bank, n int, path string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(11, 11))
	qs := b.Questions[:20]
	var w bytes.Buffer
	w.WriteString("candidate,group:region")
	for _, q := range qs {
		w.WriteString("," + q.ID)
	}
	w.WriteString("\n")
	for c := 0; c < n; c++ {
		region := "Jawa"
		if c%3 == 0 {
			region = "Papua"
		}
		theta := rng.NormFloat64()
		fmt.Fprintf(&w, "c%03d,%s", c, region)
		for i, q := range qs {
			it, _ := adaptive.ItemOf(&q)
			th := theta
			if i == 5 && region == "Papua" {
				th -= 2
			}
			var buf [8]float64
			p := it.Probs(th, buf[:0])
			u, k := rng.Float64(), 0
			for acc := 0.0; k < len(p)-1; k++ {
				if acc += p[k]; u < acc {
					break
				}
			}
			if i == 2 {
				k = len(p) - 1 - k // strong candidates miss it, weak ones get it
			}
			w.WriteString("," + strings.Join(simulate.ChoiceFor(&q, k, rng).Letters(), ""))
		}
		w.WriteString("\n")
	}
	if err := os.WriteFile(path, w.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// classFiles writes a copy of the cyber-security bank and a class sheet of
// n candidates (classSheet) into dir, and returns the bank, its path and
// the sheet's path.
func classFiles(t *testing.T, dir string, n int) (*bank.Bank, string, string) {
	t.Helper()
	data, err := os.ReadFile("../../../quizzes/cyber-security.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := bank.Decode("cyber-security.yaml", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	bankPath, sheet := filepath.Join(dir, "cyber-security.yaml"), filepath.Join(dir, "kelas.csv")
	if err := os.WriteFile(bankPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	classSheet(t, b, n, sheet)
	return b, bankPath, sheet
}

// stats -o html writes a self-contained page: the scatter, the questions
// to review (the miskeyed one first), the DIF sentence, every question with
// its option bars; and it renders in headless Chromium.
func TestStatsHTML(t *testing.T) {
	dir := t.TempDir()
	b, bankPath, sheet := classFiles(t, dir, 600)
	page := filepath.Join(dir, "analisis.html")
	ios, _, _, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{bankPath}}
	opts := &Options{F: f, BankRef: bankPath, Files: []string{sheet}, Output: cmdutil.NewEnum("html", "table", "json", "csv", "html"),
		OutFile: page, Group: "region", Focal: "Papua"}
	if err := Run(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	html, _ := os.ReadFile(page)
	out := string(html)
	q3, q5 := b.Questions[2].ID, b.Questions[5].ID
	for _, want := range []string{"<svg class=\"scatter\"", "Soal yang perlu ditinjau lebih dulu", q3, "daya beda negatif",
		"DIF besar", q5 + ": DIF besar", "Papua", "reliabilitas (alfa Cronbach)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "src=", "http://"} {
		if strings.Contains(out, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	// In a real browser.
	bin := ""
	for _, name := range []string{os.Getenv("ASNSKILL_CHROMIUM"), "chromium-headless-shell", "chromium"} {
		if name != "" {
			if p, err := exec.LookPath(name); err == nil {
				bin = p
				break
			}
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no headless Chromium in CI")
		}
		t.Skip("no headless Chromium here")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+page)
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "CONSOLE") || !strings.Contains(string(dom), "circle") || !strings.Contains(string(dom), "Semua soal") {
		t.Errorf("the page did not render cleanly:\n%s", stderr.String())
	}
}

// On an 80-column terminal every line of the table output fits, the
// distractors have their own column and the abbreviations are explained.
func TestStatsTableFits80(t *testing.T) {
	_, bankPath, sheet := classFiles(t, t.TempDir(), 300)
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdoutTTY(true)
	ios.SetWidth(80)
	f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{bankPath}}
	opts := &Options{F: f, BankRef: bankPath, Files: []string{sheet}, Output: cmdutil.NewEnum("table", "table", "json", "csv", "html"),
		Group: "region", Focal: "Papua"}
	if err := Run(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	text := out.String()
	for _, l := range strings.Split(text, "\n") {
		if w := runewidth.StringWidth(l); w > 80 {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	for _, want := range []string{"PENGECOH", "menarik yang", "kuat: B,C", "Kemudahan (p)", "GBP: galat baku pengukuran", "DIF kategori C", "0,"} {
		if !strings.Contains(text, want) {
			t.Errorf("the table lacks %q:\n%s", want, text)
		}
	}
}

// stats -o xlsx: the question sheet's numbers equal the JSON report's.
func TestStatsXLSX(t *testing.T) {
	dir := t.TempDir()
	_, bankPath, sheet := classFiles(t, dir, 200)
	book := filepath.Join(dir, "analisis.xlsx")
	run := func(format, out string) string {
		ios, _, stdout, errOut := iostreams.Test()
		f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "id", BankPaths: []string{bankPath}}
		opts := &Options{F: f, BankRef: bankPath, Files: []string{sheet}, OutFile: out, Output: cmdutil.NewEnum(format, "table", "json", "csv", "html", "xlsx")}
		if err := Run(opts); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		return stdout.String()
	}
	run("xlsx", book)
	var rep struct {
		Questions []struct {
			ID             string
			Facility       *float64
			Discrimination *float64
		}
	}
	if err := json.Unmarshal([]byte(run("json", "")), &rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Soal", excelize.Options{RawCellValue: true})
	if err != nil || len(rows) != len(rep.Questions)+1 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	for i, q := range rep.Questions {
		row := rows[i+1]
		fac, _ := strconv.ParseFloat(row[5], 64)
		disc, _ := strconv.ParseFloat(row[9], 64)
		// A spreadsheet keeps 15 significant digits.
		if row[0] != q.ID || math.Abs(fac-*q.Facility) > 1e-12 || math.Abs(disc-*q.Discrimination) > 1e-12 {
			t.Errorf("row %d: %q, want %s %v %v", i+1, row[:10], q.ID, *q.Facility, *q.Discrimination)
		}
	}
}
