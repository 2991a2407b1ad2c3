// Package cmdutil holds what every command shares: the Factory (streams,
// clock, language, banks, history path), the typed errors that the top level
// maps to exit codes, and small flag helpers.
package cmdutil

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/xlsxsheet"
	"github.com/asnskill/asnskill/quizzes"
)

// Factory gives commands what they need without globals, so tests can swap
// any part of it.
type Factory struct {
	IO     *iostreams.IOStreams
	Now    func() time.Time
	Getenv func(string) string

	// Set from the global flags before a command runs.
	LangFlag  string
	BankPaths []string
	NoColor   bool
	DBFlag    string

	// Shipped are the embedded banks (nil: none).
	Shipped bool

	set *bank.Set
}

// New returns a factory over the process's streams and environment.
func New() *Factory {
	return &Factory{IO: iostreams.System(), Now: time.Now, Getenv: os.Getenv, Shipped: true}
}

// Lang is the language of this run.
func (f *Factory) Lang() string { return i18n.Choose(f.LangFlag, f.Getenv) }

// Printer prints catalogue messages in the run's language.
func (f *Factory) Printer() i18n.Printer { return i18n.NewPrinter(f.Lang()) }

// Banks loads the shipped banks, then ASNSKILL_BANKS, then every --bank; a
// later bank with the same id replaces an earlier one, with a notice on
// stderr.
func (f *Factory) Banks() (*bank.Set, error) {
	if f.set != nil {
		return f.set, nil
	}
	s := bank.NewSet()
	if f.Shipped {
		// The compiled copy is much faster to read than the YAML; a test
		// keeps it equal to the YAML, which stays the fallback.
		banks, err := bank.DecodeCompiled(quizzes.Compiled)
		if err == nil {
			for _, b := range banks {
				s.Add(b)
			}
		} else if err := s.LoadFS(quizzes.FS, "embedded:quizzes/"); err != nil {
			return nil, err
		}
	}
	if err := f.loadUserBanks(s); err != nil {
		return nil, err
	}
	p := f.Printer()
	for _, n := range s.Notices {
		fmt.Fprintln(f.IO.ErrOut, p.T("notice.bank-replaced", n.ID, n.Path, n.Replaced))
	}
	s.Notices = nil
	f.set = s
	return s, nil
}

// userBankPaths are the banks the user names: ASNSKILL_BANKS, then --bank.
func (f *Factory) userBankPaths() []string {
	var paths []string
	if env := f.Getenv("ASNSKILL_BANKS"); env != "" {
		for _, p := range filepath.SplitList(env) {
			if p != "" {
				paths = append(paths, p)
			}
		}
	}
	for _, p := range f.BankPaths {
		// `score --bank ID` names a loaded bank rather than a file.
		if _, err := os.Stat(p); err != nil && bank.IDPattern.MatchString(p) {
			continue
		}
		paths = append(paths, p)
	}
	return paths
}

func (f *Factory) loadUserBanks(s *bank.Set) error {
	for _, p := range f.userBankPaths() {
		files, err := bank.BankFiles(p)
		if err == nil && len(files) == 0 {
			// A folder without a bank in it: say so, rather than list the
			// shipped banks as if it had been read.
			fmt.Fprintln(f.IO.ErrOut, f.Printer().T("notice.no-banks-in", textsafe.Line(p)))
			continue
		}
		if err := s.LoadPath(p); err != nil {
			return err
		}
	}
	return nil
}

// Bank resolves a bank reference: the id of a loaded bank, or a path to a
// bank file. A shipped bank is decoded alone, not with all the others, so a
// quiz starts quickly.
func (f *Factory) Bank(ref string) (*bank.Bank, error) {
	if looksLikePath(ref) {
		if _, err := os.Stat(ref); err == nil {
			return bank.ReadFile(ref)
		}
	}
	if f.set == nil && f.Shipped && bank.IDPattern.MatchString(ref) {
		user := bank.NewSet()
		if err := f.loadUserBanks(user); err != nil {
			return nil, err
		}
		b, fromUser := user.Get(ref)
		if _, err := fs.Stat(quizzes.FS, ref+".yaml"); err == nil {
			if fromUser {
				fmt.Fprintln(f.IO.ErrOut, f.Printer().T("notice.bank-replaced", ref, b.Source, "embedded:quizzes/"+ref+".yaml"))
				return b, nil
			}
			return bank.DecodeFS(quizzes.FS, ref+".yaml", "embedded:quizzes/")
		}
		if fromUser {
			return b, nil
		}
	}
	s, err := f.Banks()
	if err != nil {
		return nil, err
	}
	if b, ok := s.Get(ref); ok {
		return b, nil
	}
	if _, err := os.Stat(ref); err == nil {
		return bank.ReadFile(ref)
	}
	return nil, &NoBankError{ID: ref, Known: s.IDs()}
}

func looksLikePath(ref string) bool {
	return strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
}

// DBPath is the history database: --db, else store.DefaultPath over the
// factory's environment (ASNSKILL_DB, XDG_DATA_HOME, HOME). Only the
// factory's Getenv is read, never the process's own home directory, so a
// test with a fake environment can never reach the user's history.
func (f *Factory) DBPath() (string, error) {
	if f.DBFlag != "" {
		return f.DBFlag, nil
	}
	return store.DefaultPath(f.Getenv)
}

// NoBankError is a bank id that no loaded bank has.
type NoBankError struct {
	ID    string
	Known []string
}

func (e *NoBankError) Error() string { return "no bank " + e.ID }

// FlagError is wrong usage: exit status 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrSilent means the command already said what went wrong: exit status 1.
var ErrSilent = errors.New("silent error")

// ErrCancel means the user interrupted: exit status 130.
var ErrCancel = errors.New("cancelled")

// UserError is bad input, told to the user with a hint: exit status 1.
type UserError struct {
	Msg  string
	Hint string
}

func (e *UserError) Error() string { return e.Msg }

// Errorf builds a UserError with a hint ("" for none).
func Errorf(hint, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// ExactArgs is cobra.ExactArgs returning a FlagError.
func ExactArgs(n int, p i18n.Printer) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &FlagError{Err: errors.New(p.T("usage.exact-args", cmd.CommandPath(), n, len(args)))}
		}
		return nil
	}
}

// MaximumNArgs is cobra.MaximumNArgs returning a FlagError.
func MaximumNArgs(n int, p i18n.Printer) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return &FlagError{Err: errors.New(p.T("usage.max-args", cmd.CommandPath(), n, len(args)))}
		}
		return nil
	}
}

// EnumFlag is a string flag that accepts one of a fixed set of values.
type EnumFlag struct {
	Value   string
	Allowed []string
}

// NewEnum returns an enum flag value with a default.
func NewEnum(def string, allowed ...string) *EnumFlag {
	return &EnumFlag{Value: def, Allowed: allowed}
}

func (e *EnumFlag) String() string { return e.Value }
func (e *EnumFlag) Type() string   { return strings.Join(e.Allowed, "|") }

// Set accepts one of the allowed values.
func (e *EnumFlag) Set(v string) error {
	for _, a := range e.Allowed {
		if v == a {
			e.Value = v
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", v, strings.Join(e.Allowed, ", "))
}

// BankFlag is the bank a sheet command works on: the last --bank given
// (the flag is global: it also loads banks).
func (f *Factory) BankFlag() string {
	if n := len(f.BankPaths); n > 0 {
		return f.BankPaths[n-1]
	}
	return ""
}

// BankAndSheets are what score, stats and calibrate work on: the bank
// --bank names (the last one given; --bank also loads banks) and the answer
// sheets (SheetFiles). needBank is the catalogue key of the usage error
// when there is no --bank.
func (f *Factory) BankAndSheets(args []string, needBank string) (string, []string, error) {
	ref := f.BankFlag()
	if ref == "" {
		return "", nil, FlagErrorf("%s", f.Printer().T(needBank))
	}
	files, err := f.SheetFiles(args)
	return ref, files, err
}

// SheetFiles are the answer sheets named on the command line, or standard
// input ("-") when none is and stdin is not a terminal.
func (f *Factory) SheetFiles(args []string) ([]string, error) {
	if len(args) > 0 {
		return args, nil
	}
	if f.IO.IsStdinTTY() {
		return nil, FlagErrorf("%s", f.Printer().T("score.need-input"))
	}
	return []string{"-"}, nil
}

// DefaultOutput is table on a terminal (when no --out is given) and the
// machine format elsewhere, unless the user chose.
func (f *Factory) DefaultOutput(chosen, machine, outFile string) string {
	if chosen != "" {
		return chosen
	}
	if f.IO.IsStdoutTTY() && outFile == "" {
		return "table"
	}
	return machine
}

// StdinName is the name standard input's rows are reported under.
const StdinName = "<stdin>"

// OpenSheet opens an answer sheet by name ("-" for standard input) for
// reading, as CSV or JSONL, or an .xlsx workbook's sheet (o.Sheet) as CSV;
// close releases the file. With o.Match (scoring.Bulk.MatchColumn), a form
// export's columns are matched to the questions, and those it ignores are
// listed once on stderr.
func (f *Factory) OpenSheet(name string, o answers.Options) (rd *answers.Reader, close func(), err error) {
	rd, close, err = f.openSheet(name, o)
	if err == nil && len(rd.Ignored()) > 0 {
		ignored := make([]string, len(rd.Ignored()))
		for i, c := range rd.Ignored() {
			ignored[i] = textsafe.Line(c)
		}
		fmt.Fprintln(f.IO.ErrOut, f.Printer().T("sheet.ignored-columns", textsafe.Line(rd.File()), strings.Join(ignored, ", ")))
	}
	return rd, close, err
}

func (f *Factory) openSheet(name string, o answers.Options) (rd *answers.Reader, close func(), err error) {
	if name == "-" {
		rd, err := answers.NewReaderWith(StdinName, f.IO.In, answers.FormatAuto, o)
		return rd, func() {}, err
	}
	file, err := os.Open(name)
	if err != nil {
		return nil, nil, answers.NewSheetError(name, 0, "read", err.Error())
	}
	if xlsxsheet.IsWorkbook(name) {
		// A workbook: its sheet is read as CSV, a line per row.
		rows, err := xlsxsheet.Open(file, o.Sheet)
		if err != nil {
			file.Close()
			var se *xlsxsheet.SheetError
			if errors.As(err, &se) && se.Code == "no-sheet" {
				return nil, nil, answers.NewSheetError(name, 0, "xlsx-no-sheet", textsafe.Line(se.Sheet), textsafe.Line(strings.Join(se.Sheets, ", ")))
			}
			if errors.Is(err, zip.ErrFormat) {
				return nil, nil, answers.NewSheetError(name, 0, "xlsx-not-workbook")
			}
			return nil, nil, answers.NewSheetError(name, 0, "xlsx", textsafe.Line(err.Error()))
		}
		rd, err = answers.NewReaderWith(name, rows, answers.FormatCSV, o)
		if err != nil {
			rows.Close()
			file.Close()
			return nil, nil, err
		}
		return rd, func() { rows.Close(); file.Close() }, nil
	} else if o.Sheet != "" {
		file.Close()
		return nil, nil, answers.NewSheetError(name, 0, "sheet-not-workbook")
	}
	rd, err = answers.NewReaderWith(name, file, answers.FormatAuto, o)
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	return rd, func() { file.Close() }, nil
}
