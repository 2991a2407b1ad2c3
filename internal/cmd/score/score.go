// Package score implements `asnskill score`: answer sheets (CSV, TSV, JSONL,
// result files) scored in bulk against one bank, streaming, on all cores, with
// the results written in input order.
package score

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/resultio"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/xlsxsheet"
)

// Options are the score command's inputs.
type Options struct {
	F                  *cmdutil.Factory
	BankRef            string
	Files              []string
	Output             *cmdutil.EnumFlag
	OutFile            string
	Strict             bool
	IDColumn           string
	Sheet              string
	Keep               []string
	WithAnswers        bool
	AllRecommendations bool
	RawCSV             bool
	Precise            bool
	Workers            int
}

// NewCmdScore builds the score command; runF replaces the run in tests.
func NewCmdScore(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("", "jsonl", "csv", "json", "table", "xlsx")}
	cmd := &cobra.Command{
		Use:   "score --bank <id|path> [<file>... | -]",
		Short: p.T("score.short"),
		Long:  p.T("score.long"),
		Example: "  $ asnskill score --bank data-analyst answers.csv\n" +
			"  $ asnskill score --bank data-analyst answers.csv -o csv --out results.csv\n" +
			"  $ cat answers.jsonl | asnskill score --bank cyber-security - -o table\n" +
			"  $ asnskill score --bank data-analyst \"Kuis (Jawaban).xlsx\" --keep Nama -o xlsx --out hasil.xlsx",
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.BankRef, opts.Files, err = f.BankAndSheets(args, "score.need-bank"); err != nil {
				return err
			}
			opts.Output.Value = f.DefaultOutput(opts.Output.Value, "jsonl", opts.OutFile)
			if opts.Output.Value == "xlsx" && opts.OutFile == "" && f.IO.IsStdoutTTY() {
				return cmdutil.FlagErrorf("%s", p.T("score.xlsx-needs-out"))
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.VarP(opts.Output, "output", "o", p.T("score.flag.output"))
	fl.StringVar(&opts.OutFile, "out", "", p.T("flag.out"))
	fl.BoolVar(&opts.Strict, "strict", false, p.T("score.flag.strict"))
	fl.StringVar(&opts.IDColumn, "id-column", "", p.T("score.flag.id-column"))
	fl.StringVar(&opts.Sheet, "sheet", "", p.T("score.flag.sheet"))
	fl.BoolVar(&opts.Precise, "precise", false, p.T("score.flag.precise"))
	fl.StringArrayVar(&opts.Keep, "keep", nil, p.T("score.flag.keep"))
	fl.BoolVar(&opts.WithAnswers, "with-answers", false, p.T("score.flag.with-answers"))
	fl.BoolVar(&opts.AllRecommendations, "all-recommendations", false, p.T("score.flag.all-recs"))
	fl.BoolVar(&opts.RawCSV, "raw-csv", false, p.T("flag.raw-csv"))
	fl.IntVar(&opts.Workers, "workers", 0, p.T("score.flag.workers"))
	return cmd
}

// Summary counts what happened to the rows.
type Summary struct{ Read, Scored, Rejected, Duplicates int }

// Run scores every file.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	b, err := f.Bank(opts.BankRef)
	if err != nil {
		return err
	}
	// Streaming keeps only the batches in flight alive, so the heap is
	// mostly garbage: collect when it reaches 48 MiB rather than at every
	// doubling. This halves the time spent in the collector and keeps the
	// peak under the 64 MiB budget, whatever the number of rows.
	debug.SetMemoryLimit(48 << 20)
	debug.SetGCPercent(-1)
	bulk := scoring.NewBulk(b, f.Lang())
	bulk.WithAnswers = opts.WithAnswers || opts.Output.Value == "xlsx" // the points sheet
	bulk.AllRecommendations = opts.AllRecommendations

	write := func(w io.Writer) error {
		sum, err := Stream(opts, bulk, w)
		fmt.Fprintln(f.IO.ErrOut, p.T("score.summary", i18n.Count(sum.Read), i18n.Count(sum.Scored), i18n.Count(sum.Rejected)))
		if err != nil {
			return err
		}
		if sum.Read == 0 {
			// A header and nothing under it: say so, not a silent success.
			return cmdutil.Errorf(p.T("score.hint.no-rows"), "%s", p.T("score.no-rows", textsafe.Line(strings.Join(opts.Files, ", "))))
		}
		if sum.Rejected > 0 {
			return cmdutil.ErrSilent
		}
		return nil
	}
	if opts.OutFile == "" {
		return write(f.IO.Out)
	}
	var runErr error
	err = atomicfile.Write(opts.OutFile, 0o644, func(w io.Writer) error {
		runErr = write(w)
		if runErr != nil && !errors.Is(runErr, cmdutil.ErrSilent) {
			return runErr
		}
		return nil
	})
	if runErr != nil {
		return runErr
	}
	return err
}

type item struct {
	rec   *answers.Record
	err   error // a *RowError; or, with fatal set, the sheet error that ends the run
	fatal bool
}

type batch struct {
	seq   int
	items []item
	// A chunk of whole CSV lines, parsed into items by the worker (so a
	// sheet is parsed on all cores, not only read).
	chunk     []byte
	chunkLine int
	reader    *answers.Reader
	out       []byte     // formatted results (jsonl, csv, json without separators)
	jsons     [][]byte   // json: one element per result, joined by the writer
	table     [][]string // table rows
	xres      [][]any    // xlsx: results rows
	xpts      [][]any    // xlsx: points rows
	groups    []string   // csv, xlsx: the group names of the batch's first row
	kept      []string   // csv, xlsx: the kept columns (--keep) of the batch's first row
	errs      []error    // row errors in input order
	ids       []rowID    // aligned with errs: who each scored row was
	good      int
	fatal     error
}

const batchSize = 256

// rowID is a scored row's candidate, for the duplicate check: the writer
// keeps only a hash per candidate seen, so that the check costs a few bytes
// a row at a national scale.
type rowID struct {
	hash      uint64
	candidate string
	file      string
	fileIdx   int
	line      int
}

// seenLineBits: where a candidate was first seen is kept in 32 bits, the
// file's place among the arguments above the line number (0: not kept, for
// a line past 67 million or a file past the 63rd).
const seenLineBits = 26

func seenAt(fileIdx, line int) uint32 {
	if line <= 0 || line >= 1<<seenLineBits || fileIdx >= 1<<(32-seenLineBits) {
		return 0
	}
	return uint32(fileIdx)<<seenLineBits | uint32(line)
}

var idSeed = maphash.MakeSeed()

// csvBytes is the size of the CSV and JSONL files among the inputs (0 when
// one is standard input or a workbook: no estimate then).
func csvBytes(files []string) int64 {
	var n int64
	for _, name := range files {
		st, err := os.Stat(name)
		if name == "-" || xlsxsheet.IsWorkbook(name) || err != nil {
			return 0
		}
		n += st.Size()
	}
	return n
}

// fileIndex is the place of a row's file among the arguments ("-" is
// standard input, whose rows carry cmdutil.StdinName).
func fileIndex(files []string, file string) int {
	for i, f := range files {
		if f == file || f == "-" && file == cmdutil.StdinName {
			return i
		}
	}
	return 0
}

// Stream reads the files, scores the rows on all cores and writes the results
// in input order to w. Memory is bounded by the batches in flight, whatever
// the number of rows.
func Stream(opts *Options, bulk *scoring.Bulk, w io.Writer) (Summary, error) {
	f := opts.F
	p := f.Printer()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *batch, workers*2)
	done := make(chan *batch, workers*2)
	stop := make(chan struct{})

	go func() { // the reader: one goroutine, files in order
		defer close(jobs)
		cur := &batch{}
		send := func() bool {
			select {
			case jobs <- cur:
				cur = &batch{seq: cur.seq + 1}
				return true
			case <-stop:
				return false
			}
		}
		sendChunk := func(rd *answers.Reader, data []byte, line int) bool {
			if len(cur.items) > 0 && !send() {
				return false
			}
			cur.reader, cur.chunk, cur.chunkLine = rd, data, line
			return send()
		}
		for _, name := range opts.Files {
			err := readFile(f, name, answers.Options{IDColumn: opts.IDColumn, Sheet: opts.Sheet, Keep: opts.Keep, Match: bulk.MatchColumn}, bulk, func(it item) bool {
				cur.items = append(cur.items, it)
				return len(cur.items) < batchSize || send()
			}, sendChunk)
			if err != nil {
				cur.items = append(cur.items, item{err: err, fatal: true})
				send()
				return
			}
		}
		if len(cur.items) > 0 {
			send()
		}
	}()

	format := opts.Output.Value
	var xo *resultio.XLSX
	if format == "xlsx" {
		var err error
		if xo, err = resultio.NewXLSX(bulk.Bank, p); err != nil {
			close(stop)
			return Summary{}, err
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for bt := range jobs {
				scoreBatch(bt, bulk, format, opts.RawCSV, opts.Precise, p, xo, opts.Files)
				done <- bt
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var tbl *tableprinter.Table
	switch format {
	case "json":
		io.WriteString(w, "[")
	case "table":
		tbl = tableprinter.New(w, f.IO.IsStdoutTTY(), f.IO.TerminalWidth())
		// The kept columns (--keep Nama) beside the candidate.
		head := append(append([]string{p.T("score.col.candidate")}, opts.Keep...), p.T("score.col.percent"), p.T("score.col.passed"), p.T("score.col.gaps"))
		tbl.Header(head...)
		tbl.AlignRight(1 + len(opts.Keep))
		tbl.Wrap(3 + len(opts.Keep))
		// Skills by number in the cells, by name under the table.
		var names []string
		for i, sk := range bulk.Bank.Skills {
			names = append(names, fmt.Sprintf("%d = %s", i+1, sk.Name.Get(f.Lang())))
		}
		tbl.Note(p.T("score.table-note", strings.Join(names, "; ")))
	}

	var sum Summary
	var fatal error
	progress := cmdutil.NewProgress(f)
	pending := map[int]*batch{}
	dups := newDupCheck(opts.Files) // candidate ids seen twice
	csvStarted := false
	next, first := 0, true
	for bt := range done {
		if fatal != nil {
			continue // draining after a stop
		}
		pending[bt.seq] = bt
		for cur, ok := pending[next]; ok && fatal == nil; cur, ok = pending[next] {
			delete(pending, next)
			next++
			for i, it := range cur.items {
				if it.fatal {
					fatal = it.err
					break
				}
				sum.Read++
				if e := cur.errs[i]; e == nil && i < len(cur.ids) {
					id := cur.ids[i]
					dups.size(len(cur.chunk), len(cur.errs))
					if wasFile, wasLine, dup := dups.note(id); dup {
						// The same candidate twice: both rows are scored (a
						// retake, or two people under one id); say where.
						if wasLine == 0 {
							fmt.Fprintln(f.IO.ErrOut, p.T("score.duplicate-earlier", textsafe.Line(id.file), id.line, textsafe.Line(id.candidate)))
						} else {
							fmt.Fprintln(f.IO.ErrOut, p.T("score.duplicate", textsafe.Line(id.file), id.line, textsafe.Line(id.candidate), textsafe.Line(wasFile), wasLine))
						}
						sum.Duplicates++
						if opts.Strict {
							fatal = cmdutil.Errorf(p.T("score.hint.strict"), "%s", p.T("score.strict-stop"))
							break
						}
					}
				}
				if e := cur.errs[i]; e != nil {
					sum.Rejected++
					fmt.Fprintln(f.IO.ErrOut, describe(e, p))
					if opts.Strict {
						fatal = cmdutil.Errorf(p.T("score.hint.strict"), "%s", p.T("score.strict-stop"))
						break
					}
				}
			}
			if fatal != nil && opts.Strict {
				break // --strict writes nothing past the bad row's batch
			}
			sum.Scored += cur.good
			switch format {
			case "json":
				for _, j := range cur.jsons {
					if !first {
						io.WriteString(w, ",")
					}
					first = false
					io.WriteString(w, "\n")
					w.Write(j)
				}
			case "table":
				for _, r := range cur.table {
					tbl.Row(r...)
				}
			case "xlsx":
				for i := range cur.xres {
					if !xo.Started {
						if err := xo.Header(cur.kept, cur.groups); err != nil {
							fatal = err
							break
						}
					}
					if err := xo.Write(cur.xres[i], cur.xpts[i]); err != nil {
						fatal = err
						break
					}
				}
			default:
				if format == "csv" && !csvStarted && cur.good > 0 {
					// The header, once the first row gives the group columns.
					csvStarted = true
					resultio.WriteCSVHeader(w, bulk.Bank.Skills, cur.kept, cur.groups)
				}
				w.Write(cur.out)
				outBuffers.Put(cur.out[:0])
			}
			progress.Update(sum.Read)
		}
		if fatal != nil {
			close(stop)
		}
	}
	progress.Done()
	if format == "csv" && !csvStarted {
		resultio.WriteCSVHeader(w, bulk.Bank.Skills, nil, nil)
	}
	switch format {
	case "json":
		io.WriteString(w, "\n]\n")
	case "table":
		if err := tbl.Render(); err != nil {
			return sum, err
		}
	case "xlsx":
		if fatal == nil {
			if err := xo.Finish(w); err != nil {
				return sum, err
			}
		}
	}
	return sum, fatal
}

// readFile streams one file's records to emit; emit returns false to stop.
// The error, if any, refuses the rest of the sheet.
func readFile(f *cmdutil.Factory, name string, so answers.Options, bulk *scoring.Bulk, emit func(item) bool, emitChunk func(*answers.Reader, []byte, int) bool) error {
	rd, closeFn, err := f.OpenSheet(name, so)
	if err != nil {
		return err
	}
	defer closeFn()
	display := rd.File()
	if qs := rd.Questions(); qs != nil {
		if err := bulk.CheckQuestions(qs); err != nil {
			var uq *scoring.UnknownQuestionError
			errors.As(err, &uq)
			return answers.NewSheetError(display, 1, "unknown-column", textsafe.Line(uq.Question), bulk.Bank.ID)
		}
	}
	// Whole lines go to the workers while the sheet has no quotes; then
	// record by record.
	for {
		data, line, err := rd.NextChunk()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if errors.Is(err, answers.ErrSequential) {
			break
		}
		if err != nil {
			return err
		}
		if !emitChunk(rd, data, line) {
			return nil
		}
	}
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var re *answers.RowError
		switch {
		case errors.As(err, &re):
			if !emit(item{err: err}) {
				return nil
			}
		case err != nil:
			return err
		default:
			if !emit(item{rec: rec}) {
				return nil
			}
		}
	}
}

// outBuffers recycles the output buffers of batches once written.
var outBuffers = sync.Pool{New: func() any { return make([]byte, 0, batchSize*2048) }}

func scoreBatch(bt *batch, bulk *scoring.Bulk, format string, raw, precise bool, p i18n.Printer, xo *resultio.XLSX, files []string) {
	var res scoring.Result
	if format == "jsonl" || format == "csv" {
		bt.out = outBuffers.Get().([]byte)[:0]
	}
	one := func(rec *answers.Record, err error) {
		if err == nil {
			err = bulk.ScoreInto(&res, rec)
		}
		bt.errs = append(bt.errs, err)
		if err != nil {
			bt.ids = append(bt.ids, rowID{})
			return
		}
		// The candidate string is kept as it is (no copy): it lives as long
		// as its batch, which the writer drops once written.
		bt.ids = append(bt.ids, rowID{hash: maphash.String(idSeed, rec.Candidate), candidate: rec.Candidate, file: rec.File,
			fileIdx: fileIndex(files, rec.File), line: rec.Line})
		bt.good++
		switch format {
		case "csv":
			groups := resultio.SortedKeys(res.Groups)
			if bt.good == 1 {
				bt.groups, bt.kept = groups, rec.KeptNames
			}
			bt.out = resultio.AppendCSV(bt.out, &res, bulk.Bank.Skills, rec.KeptNames, groups, raw, precise)
		case "json":
			bt.jsons = append(bt.jsons, res.AppendJSON(nil))
		case "table":
			bt.table = append(bt.table, resultio.TableRow(res, p, rec.KeptNames))
		case "xlsx":
			r, pts, groups := xo.Rows(&res, rec.KeptNames)
			if len(bt.xres) == 0 {
				bt.groups, bt.kept = groups, rec.KeptNames
			}
			bt.xres, bt.xpts = append(bt.xres, r), append(bt.xpts, pts)
		default:
			bt.out = res.AppendJSON(bt.out)
			bt.out = append(bt.out, '\n')
		}
	}
	if bt.chunk != nil {
		// Rows are read and scored one at a time; items keeps only their
		// count for the writer.
		bt.reader.EachInChunk(bt.chunk, bt.chunkLine, func(rec *answers.Record, err error) {
			bt.items = append(bt.items, item{})
			one(rec, err)
		})
		bt.chunk = nil
		return
	}
	bt.errs = make([]error, 0, len(bt.items))
	for _, it := range bt.items {
		if it.fatal {
			bt.errs = append(bt.errs, nil)
			continue
		}
		if it.err != nil {
			bt.errs = append(bt.errs, it.err)
			continue
		}
		one(it.rec, nil)
	}
}

// describe is a row error in the user's language.
func describe(err error, p i18n.Printer) string {
	var re *answers.RowError
	if errors.As(err, &re) {
		return re.Message(p)
	}
	return textsafe.Line(err.Error())
}
