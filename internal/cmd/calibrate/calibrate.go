// Package calibrate implements `asnskill calibrate`: item parameters of a
// bank estimated from answer sheets (internal/irt, conditional maximum
// likelihood), shown as a table or JSON, and written into the bank file
// with --write (docs/adaptive.md).
//
// Every sheet `score` reads is accepted. A question is administered to a
// candidate when the sheet has its column (CSV: an empty cell is a blank
// answer, category 0) or lists it (JSONL "questions", a result file's
// answers); a question not administered is missing, not wrong. Answers are
// turned into score categories by scoring.Category.
package calibrate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/irt"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Format names the JSON contract of the output.
const Format = "asnskill/calibration/v1"

// Misfit bounds: item mean squares outside them get a warning (the range
// usual for multiple-choice tests).
const (
	FitLow  = 0.7
	FitHigh = 1.3
)

// Options are the command's inputs.
type Options struct {
	F       *cmdutil.Factory
	BankRef string
	Files   []string
	Output  *cmdutil.EnumFlag
	Write   bool
	// Sheet and IDColumn read workbooks and form exports as score does.
	Sheet, IDColumn string
	Date            string // for --write (tests pin it)
}

// NewCmdCalibrate builds the command; runF replaces the run in tests.
func NewCmdCalibrate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("table", "table", "json")}
	cmd := &cobra.Command{
		Use:     "calibrate --bank <path> [<file>... | -]",
		Short:   p.T("calibrate.short"),
		Long:    p.T("calibrate.long"),
		Example: "  $ asnskill calibrate --bank bank-saya.yaml jawaban.csv\n  $ asnskill calibrate --bank bank-saya.yaml jawaban-*.csv -o json\n  $ asnskill calibrate --bank bank-saya.yaml jawaban.csv --write",
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.BankRef, opts.Files, err = f.BankAndSheets(args, "calibrate.usage.bank"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().VarP(opts.Output, "output", "o", p.T("flag.output"))
	cmd.Flags().BoolVar(&opts.Write, "write", false, p.T("calibrate.flag.write"))
	cmd.Flags().StringVar(&opts.IDColumn, "id-column", "", p.T("score.flag.id-column"))
	cmd.Flags().StringVar(&opts.Sheet, "sheet", "", p.T("score.flag.sheet"))
	return cmd
}

// ItemReport is one question's calibration in the output.
type ItemReport struct {
	ID         string    `json:"id"`
	Model      string    `json:"model"` // rasch or pcm
	Thresholds []float64 `json:"thresholds"`
	SE         []float64 `json:"se"`
	Infit      float64   `json:"infit"`
	Outfit     float64   `json:"outfit"`
	N          int       `json:"n"`
	Warnings   []string  `json:"warnings,omitempty"` // disordered, misfit
}

// Report is the output of calibrate.
type Report struct {
	Format     string       `json:"format"`
	Bank       string       `json:"bank"`
	Method     string       `json:"method"`
	Persons    int          `json:"persons"`
	Excluded   int          `json:"excluded"`
	Rejected   int          `json:"rejected_rows"`
	Iterations int          `json:"iterations"`
	Converged  bool         `json:"converged"`
	LogLik     float64      `json:"loglik"`
	Items      []ItemReport `json:"items"`
}

// Method names the estimation in reports and in the bank's calibration.
const Method = "CML, Rasch (single, truefalse) and partial credit model (multiple, judgement); asnskill calibrate"

// Run calibrates.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	b, err := f.Bank(opts.BankRef)
	if err != nil {
		return err
	}
	if opts.Write && (b.Source == "" || strings.HasPrefix(b.Source, "embedded:")) {
		return cmdutil.Errorf(p.T("calibrate.hint.write-shipped"), "%s", p.T("calibrate.error.write-shipped", textsafe.Line(b.ID)))
	}
	data, rejected, err := readSheets(f, b, opts.Files, answers.Options{IDColumn: opts.IDColumn, Sheet: opts.Sheet})
	if err != nil {
		return err
	}
	res, err := irt.CML(data, irt.Options{})
	if err != nil {
		return cmdutil.Errorf(p.T("calibrate.hint.cml"), "%s", p.T("calibrate.error.cml", textsafe.Line(err.Error())))
	}
	rep := Report{Format: Format, Bank: b.ID, Method: Method, Persons: res.Persons, Excluded: res.Excluded, Rejected: rejected,
		Iterations: res.Iterations, Converged: res.Converged, LogLik: res.LogLik}
	for _, it := range res.Items {
		q := b.Question(it.ID)
		ir := ItemReport{ID: it.ID, Model: "pcm", Thresholds: round(it.Thresholds), SE: round(it.SE),
			Infit: round1(it.Infit), Outfit: round1(it.Outfit), N: it.N}
		if q.Type == bank.Single || q.Type == bank.TrueFalse {
			ir.Model = "rasch"
		}
		if it.Disordered {
			ir.Warnings = append(ir.Warnings, "disordered")
		}
		if it.Infit < FitLow || it.Infit > FitHigh || it.Outfit < FitLow || it.Outfit > FitHigh {
			ir.Warnings = append(ir.Warnings, "misfit")
		}
		rep.Items = append(rep.Items, ir)
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("calibrate.summary", res.Persons, res.Excluded, rejected, res.Iterations, convergedWord(p.T, res.Converged)))
	if opts.Write {
		if err := writeBank(f, b, rep, opts.Date); err != nil {
			return err
		}
	}
	if opts.Output.Value == "json" {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeTable(f, b, rep)
}

func convergedWord(t func(string, ...any) string, ok bool) string {
	if ok {
		return t("calibrate.converged")
	}
	return t("calibrate.not-converged")
}

// readSheets turns every row into score categories of the bank's
// questions (−1: not administered). Rows the reader rejects are reported on
// stderr and counted.
func readSheets(f *cmdutil.Factory, b *bank.Bank, files []string, so answers.Options) (irt.Data, int, error) {
	p := f.Printer()
	var d irt.Data
	index := map[string]int{}
	for _, q := range b.Questions {
		index[q.ID] = len(d.Items)
		d.Items = append(d.Items, irt.Item{ID: q.ID, Categories: q.Categories()})
	}
	rejected := 0
	used := make([]bool, len(d.Items))
	bulk := scoring.NewBulk(b, f.Lang())
	so.Match = bulk.MatchColumn        // form exports
	progress := cmdutil.NewProgress(f) // a large workbook takes a while to read
	defer progress.Done()
	read := 0
	for _, name := range files {
		rd, closeFn, err := f.OpenSheet(name, so)
		if err != nil {
			return d, rejected, err
		}
		for {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			read++
			progress.Update(read)
			var se *answers.SheetError
			if errors.As(err, &se) {
				closeFn()
				return d, rejected, err
			}
			if err != nil {
				rejected++
				fmt.Fprintln(f.IO.ErrOut, describe(err, p))
				continue
			}
			row, err := categories(b, bulk, index, rec)
			if err != nil {
				rejected++
				fmt.Fprintln(f.IO.ErrOut, describe(answers.NewRowError(rec.File, rec.Line, "bad-row", textsafe.Line(err.Error())), p))
				continue
			}
			for i, k := range row {
				if k >= 0 {
					used[i] = true
				}
			}
			d.Responses = append(d.Responses, row)
		}
		closeFn()
	}
	// Questions no sheet administered are left out of the calibration.
	var items []irt.Item
	keep := []int{}
	for i, it := range d.Items {
		if used[i] {
			items = append(items, it)
			keep = append(keep, i)
		}
	}
	for r, row := range d.Responses {
		nr := make([]int, len(keep))
		for j, i := range keep {
			nr[j] = row[i]
		}
		d.Responses[r] = nr
	}
	d.Items = items
	if len(d.Responses) == 0 {
		return d, rejected, cmdutil.Errorf(p.T("calibrate.hint.no-rows"), "%s", p.T("calibrate.error.no-rows"))
	}
	return d, rejected, nil
}

func categories(b *bank.Bank, bulk *scoring.Bulk, index map[string]int, rec *answers.Record) ([]int, error) {
	row := make([]int, len(index))
	for i := range row {
		row[i] = -1
	}
	set := func(id, raw string) error {
		i, ok := index[id]
		if !ok {
			return &scoring.UnknownQuestionError{Bank: b.ID, Question: id}
		}
		q := b.Question(id)
		c, err := bulk.ParseCell(q, raw) // letters, or a form export's option text
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		row[i] = scoring.Category(q, c)
		return nil
	}
	if rec.Questions != nil {
		for j, id := range rec.Questions {
			raw := ""
			if j < len(rec.Responses) {
				raw = rec.Responses[j]
			}
			if err := set(id, raw); err != nil {
				return nil, err
			}
		}
		return row, nil
	}
	// A JSONL line without "questions": every question of the bank.
	for _, q := range b.Questions {
		if err := set(q.ID, rec.Answers[q.ID]); err != nil {
			return nil, err
		}
	}
	return row, nil
}

func round(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = math.Round(x*1e6) / 1e6
	}
	return out
}

func round1(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func writeTable(f *cmdutil.Factory, b *bank.Bank, rep Report) error {
	p := f.Printer()
	t := tableprinter.New(f.IO.Out, f.IO.IsStdoutTTY(), f.IO.TerminalWidth())
	t.Header(p.T("calibrate.col.question"), p.T("calibrate.col.model"), p.T("calibrate.col.thresholds"),
		p.T("calibrate.col.se"), p.T("calibrate.col.infit"), p.T("calibrate.col.outfit"), p.T("calibrate.col.n"), p.T("calibrate.col.warn"))
	t.Wrap(2)
	t.Wrap(3)
	t.Wrap(7)
	t.AlignRight(4)
	t.AlignRight(5)
	t.AlignRight(6)
	t.Note(p.T("calibrate.table-note"))
	for _, it := range rep.Items {
		var warn []string
		for _, w := range it.Warnings {
			warn = append(warn, p.T("calibrate.warn."+w))
		}
		t.Row(textsafe.Line(it.ID), it.Model, nums(p, it.Thresholds), nums(p, it.SE), p.Decimal(it.Infit, 2),
			p.Decimal(it.Outfit, 2), strconv.Itoa(it.N), strings.Join(warn, ", "))
	}
	return t.Render()
}

func nums(p i18n.Printer, xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = p.Decimal(x, 2)
	}
	return strings.Join(parts, " ")
}

// describe is a row error in the user's language.
func describe(err error, p i18n.Printer) string {
	var re *answers.RowError
	if errors.As(err, &re) {
		return re.Message(p)
	}
	return textsafe.Line(err.Error())
}

// writeBank puts the parameters into the bank file, atomically.
func writeBank(f *cmdutil.Factory, b *bank.Bank, rep Report, date string) error {
	p := f.Printer()
	src, err := os.ReadFile(b.Source)
	if err != nil {
		return cmdutil.Errorf("", "%s", p.T("calibrate.error.write", textsafe.Line(b.Source), textsafe.Line(err.Error())))
	}
	if date == "" {
		date = f.Now().Format("2006-01-02")
	}
	params := map[string]bank.IRT{}
	for _, it := range rep.Items {
		params[it.ID] = bank.IRT{Thresholds: it.Thresholds, SE: it.SE}
	}
	out, err := bank.SetCalibration(b.Source, src, params, bank.Calibration{Date: date, SampleSize: rep.Persons, Method: Method})
	if err != nil {
		return cmdutil.Errorf("", "%s", p.T("calibrate.error.write", textsafe.Line(b.Source), textsafe.Line(err.Error())))
	}
	if err := atomicfile.Write(b.Source, 0o644, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
		return cmdutil.Errorf("", "%s", p.T("calibrate.error.write", textsafe.Line(b.Source), cmdutil.Reason(p, err)))
	}
	missing := len(b.Questions) - len(params)
	fmt.Fprintln(f.IO.ErrOut, p.T("calibrate.wrote", textsafe.Line(b.Source), len(params), missing))
	return nil
}
