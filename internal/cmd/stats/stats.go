// Package stats implements `asnskill stats`: item analysis of answer sheets
// (the formulas in the internal/itemstats package documentation), streaming on all cores with one accumulator each,
// merged at the end, so memory does not depend on the number of candidates.
package stats

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/itemstats"
	"github.com/asnskill/asnskill/internal/report"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/tui"
)

// Options are the stats command's inputs.
type Options struct {
	F       *cmdutil.Factory
	BankRef string
	Files   []string
	Output  *cmdutil.EnumFlag
	OutFile string
	Group   string
	Focal   string
	// IDColumn names the candidate column of a form export.
	IDColumn string
	// Sheet is the workbook sheet to read (.xlsx; default the first).
	Sheet   string
	Strict  bool
	RawCSV  bool
	Workers int
}

// NewCmdStats builds the stats command; runF replaces the run in tests.
func NewCmdStats(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("", "table", "json", "csv", "html", "xlsx")}
	cmd := &cobra.Command{
		Use:   "stats --bank <id|path> [<file>... | -]",
		Short: p.T("stats.short"),
		Long:  p.T("stats.long"),
		Example: "  $ asnskill stats --bank data-analyst jawaban.csv\n" +
			"  $ asnskill stats --bank data-analyst jawaban.csv --group region --focal Papua\n" +
			"  $ asnskill stats --bank cyber-security jawaban.jsonl -o json --out analisis.json\n" +
			"  $ asnskill stats --bank cyber-security jawaban.csv -o html --out analisis.html",
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.BankRef, opts.Files, err = f.BankAndSheets(args, "stats.need-bank"); err != nil {
				return err
			}
			if opts.Focal != "" && opts.Group == "" {
				return cmdutil.FlagErrorf("%s", p.T("stats.focal-needs-group"))
			}
			opts.Output.Value = f.DefaultOutput(opts.Output.Value, "json", opts.OutFile)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.VarP(opts.Output, "output", "o", p.T("stats.flag.output"))
	fl.StringVar(&opts.OutFile, "out", "", p.T("flag.out"))
	fl.StringVar(&opts.Group, "group", "", p.T("stats.flag.group"))
	fl.StringVar(&opts.Focal, "focal", "", p.T("stats.flag.focal"))
	fl.StringVar(&opts.IDColumn, "id-column", "", p.T("score.flag.id-column"))
	fl.StringVar(&opts.Sheet, "sheet", "", p.T("score.flag.sheet"))
	fl.BoolVar(&opts.Strict, "strict", false, p.T("score.flag.strict"))
	fl.BoolVar(&opts.RawCSV, "raw-csv", false, p.T("flag.raw-csv"))
	fl.IntVar(&opts.Workers, "workers", 0, p.T("score.flag.workers"))
	return cmd
}

// Run analyses the sheets and writes the report.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	b, err := f.Bank(opts.BankRef)
	if err != nil {
		return err
	}
	debug.SetMemoryLimit(40 << 20) // see score: streaming needs little heap
	rep, sum, err := Analyse(opts, b)
	fmt.Fprintln(f.IO.ErrOut, p.T("score.summary", i18n.Count(sum.Read), i18n.Count(sum.Scored), i18n.Count(sum.Rejected)))
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		switch opts.Output.Value {
		case "json":
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		case "csv":
			return writeCSV(w, rep, opts.RawCSV)
		case "html":
			return writeHTML(w, rep, b, p)
		case "xlsx":
			return writeXLSX(w, rep, p)
		}
		return writeTable(w, rep, b, f, p)
	}
	if opts.OutFile != "" {
		err = atomicfile.Write(opts.OutFile, 0o644, write)
	} else {
		err = write(f.IO.Out)
	}
	if err != nil {
		return err
	}
	if sum.Rejected > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// Summary counts rows, as score does.
type Summary struct{ Read, Scored, Rejected int }

type job struct {
	recs []*answers.Record
}

// Analyse streams the sheets through one accumulator per worker. Every row
// must have been given the same questions (the first row's list): item
// analysis compares candidates on one test.
func Analyse(opts *Options, b *bank.Bank) (itemstats.Report, Summary, error) {
	f := opts.F
	p := f.Printer()
	var sum Summary
	bulk := scoring.NewBulk(b, f.Lang())
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	var (
		mu       sync.Mutex
		ids      []string // the question list of the test
		groupIdx = -1
		accs     []*itemstats.Accumulator
		cfg      itemstats.Config
		rowErrs  = make(chan error, 1024)
		fatal    error
		// testScorer scores the test's question list; rows given another
		// list are refused.
		testScorer *scoring.Scorer
	)
	jobs := make(chan job, workers*2)
	var wg sync.WaitGroup
	worker := func(acc *itemstats.Accumulator) {
		defer wg.Done()
		earned := make([]float64, len(ids))
		chosen := make([]uint8, len(ids))
		for j := range jobs {
			for _, rec := range j.recs {
				s, choices, err := bulk.Parse(rec)
				if err == nil && s != testScorer && !sameList(s.QuestionIDs(), ids) {
					err = answers.NewRowError(rec.File, rec.Line, "other-questions")
				}
				if err != nil {
					rowErrs <- err
					continue
				}
				s.EarnedInto(choices, earned)
				for i, c := range choices {
					chosen[i] = uint8(c)
				}
				g := ""
				if groupIdx >= 0 && groupIdx < len(rec.Groups) {
					g = rec.Groups[groupIdx]
				}
				if err := acc.Add(itemstats.Row{Earned: earned, Chosen: chosen, Group: g}); err != nil {
					rowErrs <- answers.NewRowError(rec.File, rec.Line, "bad-row", textsafe.Line(err.Error()))
					continue
				}
				rowErrs <- nil
			}
		}
	}
	// Row outcomes are counted (and bad rows printed) as they come.
	outcomes := make(chan struct{})
	progress := cmdutil.NewProgress(f)
	go func() {
		defer close(outcomes)
		defer progress.Done()
		for e := range rowErrs {
			sum.Read++
			progress.Update(sum.Read)
			if e == nil {
				sum.Scored++
				continue
			}
			sum.Rejected++
			var re *answers.RowError
			if errors.As(e, &re) {
				fmt.Fprintln(f.IO.ErrOut, re.Message(p))
			} else {
				fmt.Fprintln(f.IO.ErrOut, textsafe.Line(e.Error()))
			}
			if opts.Strict {
				mu.Lock()
				if fatal == nil {
					fatal = cmdutil.Errorf(p.T("score.hint.strict"), "%s", p.T("score.strict-stop"))
				}
				mu.Unlock()
			}
		}
	}()
	started := false
	start := func(first *answers.Record, groupNames []string) error {
		ids = first.Questions
		if ids == nil {
			ids = make([]string, len(b.Questions))
			for i, q := range b.Questions {
				ids[i] = q.ID
			}
		}
		if err := bulk.CheckQuestions(ids); err != nil {
			var uq *scoring.UnknownQuestionError
			errors.As(err, &uq)
			return answers.NewSheetError(first.File, first.Line, "unknown-column", textsafe.Line(uq.Question), b.ID)
		}
		var err error
		if testScorer, err = bulk.Scorer(ids); err != nil {
			return err
		}
		if opts.Group != "" {
			for i, g := range groupNames {
				if g == opts.Group {
					groupIdx = i
				}
			}
			if groupIdx < 0 {
				return answers.NewSheetError(first.File, 1, "no-group", textsafe.Line(opts.Group))
			}
		}
		cfg = itemstats.Config{Bank: itemstats.Bank{ID: b.ID, Version: b.Version, SHA256: b.SHA256}, Group: opts.Group, Focal: opts.Focal}
		for _, id := range ids {
			q := b.Question(id)
			cfg.Items = append(cfg.Items, itemstats.Item{ID: q.ID, Skill: q.Skill, Points: q.Points, Options: len(q.Options), Key: q.Keyed()})
		}
		for i := 0; i < workers; i++ {
			acc, err := itemstats.New(cfg)
			if err != nil {
				return err
			}
			accs = append(accs, acc)
			wg.Add(1)
			go worker(acc)
		}
		started = true
		return nil
	}

	var readErr error
	batch := make([]*answers.Record, 0, 512)
	flush := func() {
		if len(batch) > 0 {
			jobs <- job{recs: batch}
			batch = make([]*answers.Record, 0, 512)
		}
	}
files:
	for _, name := range opts.Files {
		rd, closeFn, err := f.OpenSheet(name, answers.Options{IDColumn: opts.IDColumn, Sheet: opts.Sheet, Match: bulk.MatchColumn})
		if err != nil {
			readErr = err
			break
		}
		for {
			mu.Lock()
			stop := fatal != nil
			mu.Unlock()
			if stop {
				closeFn()
				break files
			}
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			var re *answers.RowError
			if errors.As(err, &re) {
				if started {
					rowErrs <- err
				} else {
					sum.Read++
					sum.Rejected++
					fmt.Fprintln(f.IO.ErrOut, re.Message(p))
				}
				continue
			}
			if err != nil {
				readErr = err
				closeFn()
				break files
			}
			if !started {
				groupNames := rec.GroupNames
				if groupNames == nil {
					groupNames = rd.GroupNames()
				}
				if err := start(rec, groupNames); err != nil {
					readErr = err
					closeFn()
					break files
				}
			}
			batch = append(batch, rec)
			if len(batch) == cap(batch) {
				flush()
			}
		}
		closeFn()
	}
	flush()
	close(jobs)
	wg.Wait()
	close(rowErrs)
	<-outcomes
	if readErr != nil {
		return itemstats.Report{}, sum, readErr
	}
	if fatal != nil {
		return itemstats.Report{}, sum, fatal
	}
	if !started {
		return itemstats.Report{}, sum, cmdutil.Errorf(p.T("stats.no-rows.hint"), "%s", p.T("stats.no-rows"))
	}
	for _, acc := range accs[1:] {
		if err := accs[0].Merge(acc); err != nil {
			return itemstats.Report{}, sum, err
		}
	}
	return accs[0].Report(), sum, nil
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func fnum(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func writeCSV(w io.Writer, r itemstats.Report, raw bool) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"question", "skill", "points", "administered", "answered", "facility", "p_answered", "sd",
		"r_total", "discrimination", "efficiency", "alpha_if_deleted", "upper_lower", "dif_category", "delta_mh", "dif_p", "flags"})
	cell := func(s string) string {
		if raw {
			return s
		}
		return textsafe.CSVCell(s)
	}
	for _, q := range r.Questions {
		cat, delta, pv := "", "", ""
		if q.DIF != nil {
			cat, delta, pv = string(q.DIF.Category), fnum(q.DIF.DeltaMH), fnum(q.DIF.P)
		}
		cw.Write([]string{cell(q.ID), cell(q.Skill), strconv.FormatFloat(q.Points, 'f', -1, 64),
			strconv.FormatInt(q.Administered, 10), strconv.FormatInt(q.Answered, 10),
			fnum(q.Facility), fnum(q.PAnswered), fnum(q.SD), fnum(q.RTotal), fnum(q.Discrimination), fnum(q.Efficiency),
			fnum(q.AlphaIfDeleted), fnum(q.UpperLower), cat, delta, pv, strings.Join(q.Flags, " ")})
	}
	cw.Flush()
	return cw.Error()
}

// dec writes a figure for people: the language's decimal mark, "—" when
// there is none. -o csv and -o json keep the point for machines.
func dec(p i18n.Printer, v *float64, digits int) string {
	if v == nil {
		return "—"
	}
	return p.Decimal(*v, digits)
}

// bar draws a value in lo..hi as a small bar of width cells.
func bar(v *float64, lo, hi float64, width int) string {
	if v == nil {
		return strings.Repeat(" ", width)
	}
	n := int((*v-lo)/(hi-lo)*float64(width) + 0.5)
	n = max(0, min(width, n))
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

// difLine says which groups DIF compared, or why it could not run: never
// a comparison of nobody with nobody.
func difLine(d *itemstats.DIFSummary, p i18n.Printer) string {
	if d.Reason != "" {
		vals := make([]string, len(d.Values))
		for i, v := range d.Values {
			vals[i] = textsafe.Line(v)
		}
		return p.T("stats.dif-not-run", textsafe.Line(d.Group), p.T("stats.dif-reason."+d.Reason, strings.Join(vals, ", ")))
	}
	return p.T("stats.dif-line", textsafe.Line(d.Group), textsafe.Line(d.Focal), d.FocalN, d.Reference, d.Excluded)
}

// distractors says which wrong options do not work, as itemstats marks
// them (Option.Rare, Option.DrawsUpper).
func distractors(q itemstats.Question, p i18n.Printer) string {
	var rare, strong []string
	for _, o := range q.Options {
		if o.Rare {
			rare = append(rare, o.Option)
		}
		if o.DrawsUpper {
			strong = append(strong, o.Option)
		}
	}
	var parts []string
	if len(rare) > 0 {
		parts = append(parts, p.T("stats.distractor.rare", strings.Join(rare, ",")))
	}
	if len(strong) > 0 {
		parts = append(parts, p.T("stats.distractor.strong", strings.Join(strong, ",")))
	}
	return strings.Join(parts, "; ")
}

func writeTable(w io.Writer, r itemstats.Report, b *bank.Bank, f *cmdutil.Factory, p i18n.Printer) error {
	st := report.NewStyles(w, f.IO.ColorEnabled())
	f1 := func(v *float64, digits int) string { return dec(p, v, digits) }
	tty := f.IO.IsStdoutTTY()
	width := f.IO.TerminalWidth()
	// say writes a sentence wrapped to the width (the result screen's
	// wrapping), its continuation lines under its text.
	say := func(indent, s string) {
		for _, l := range tui.Wrap(s, indent, width) {
			fmt.Fprintln(w, l)
		}
	}
	for _, l := range tui.Wrap(p.T("stats.title", textsafe.Line(b.Title.Get(f.Lang())), textsafe.Line(b.ID), i18n.Count(r.Candidates)), "", width) {
		fmt.Fprintln(w, st.Title.Render(l))
	}
	t := r.Test
	say("", p.T("stats.test-line", f1(t.Mean, 2), t.Points, f1(t.SD, 2), f1(t.Alpha, 3), f1(t.SEM, 2), f1(t.Skewness, 2), f1(t.Kurtosis, 2)))
	if r.DIF != nil {
		say("", difLine(r.DIF, p))
	}
	fmt.Fprintln(w)
	tbl := tableprinter.New(w, tty, width)
	tbl.Header(p.T("stats.col.question"), "p", "", "D", "", p.T("stats.col.dif"), p.T("stats.col.distractors"), p.T("stats.col.flags"))
	tbl.AlignRight(1)
	tbl.AlignRight(3)
	tbl.Wrap(6)
	tbl.Wrap(7)
	tbl.Note(p.T("stats.table-note"))
	flagged := 0
	for _, q := range r.Questions {
		var flags []string
		for _, fl := range q.Flags {
			if fl == itemstats.FlagDistractorAttractsUpper {
				continue // the distractors column names the option
			}
			flags = append(flags, p.T("stats.flag."+fl))
		}
		if len(q.Flags) > 0 {
			flagged++
		}
		dif := ""
		if q.DIF != nil {
			dif = string(q.DIF.Category)
		}
		tbl.Row(q.ID, f1(q.Facility, 2), bar(q.Facility, 0, 1, 8), f1(q.Discrimination, 2), bar(q.Discrimination, -0.2, 0.8, 8), dif,
			distractors(q, p), strings.Join(flags, ", "))
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	if len(r.Skills) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, st.Heading.Render(p.T("stats.skills")))
		for _, s := range r.Skills {
			name := s.ID
			if sk := b.Skill(s.ID); sk != nil {
				name = sk.Name.Get(f.Lang())
			}
			say("  ", p.T("stats.skill-line", textsafe.Line(name), s.Questions, f1(s.Mean, 2), f1(s.SD, 2), f1(s.Alpha, 3), f1(s.SEM, 2)))
		}
	}
	fmt.Fprintln(w)
	say("", p.T("stats.flagged", flagged, len(r.Questions)))
	return nil
}
