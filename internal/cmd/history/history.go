// Package history implements `asnskill history`: the attempts kept in the
// history database, each skill's trend over them, one attempt shown as
// `asnskill report` shows a result, the weakest skills and questions, and the
// erasure of attempts for good.
//
// Reading never creates the database: with no file at the path there is
// simply no history yet. A file that is not asnskill's history, or was written
// by a newer asnskill, is reported with its path and left exactly as it was
// (the store refuses it before writing anything).
//
// `-o json` of the list is the export of everything held about the user (the
// right of access of the personal-data protection law): every attempt with
// its questions, answers, skill scores and result, each skill's series, and
// the review schedule. See [Export].
package history

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Options are the history command's inputs.
type Options struct {
	F *cmdutil.Factory

	// ID is the attempt to show (HasID), from the argument.
	ID    int64
	HasID bool

	// Output is the format; "" until resolved for the view (list: table,
	// one attempt: text, --weak: table).
	Output *cmdutil.EnumFlag
	RawCSV bool

	// BankID filters by bank: the last --bank that is a bank id (or a bank
	// file, whose id is taken). The global --bank loads banks too.
	BankID string
	// SinceText is --since as given; Since is the bound it means.
	SinceText string
	Since     time.Time

	Weak      bool
	ForgetID  int64 // --forget ID; 0: not given
	ForgetAll bool
	Yes       bool
}

// Output formats of each view.
var (
	listFormats    = []string{"table", "json", "csv"}
	attemptFormats = []string{"text", "markdown", "json"}
	weakFormats    = []string{"table", "json"}
)

// NewCmdHistory builds the history command; runF replaces the run in tests.
func NewCmdHistory(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("", "table", "json", "csv", "text", "markdown")}
	cmd := &cobra.Command{
		Use:     "history [<attempt-id>]",
		Short:   p.T("history.short"),
		Long:    p.T("history.long"),
		Example: p.T("history.example"),
		Args:    cmdutil.MaximumNArgs(1, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.resolve(cmd, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.VarP(opts.Output, "output", "o", p.T("history.flag.output"))
	fl.StringVar(&opts.SinceText, "since", "", p.T("history.flag.since"))
	fl.BoolVar(&opts.Weak, "weak", false, p.T("history.flag.weak"))
	fl.Int64Var(&opts.ForgetID, "forget", 0, p.T("history.flag.forget"))
	fl.BoolVar(&opts.ForgetAll, "forget-all", false, p.T("history.flag.forget-all"))
	fl.BoolVarP(&opts.Yes, "yes", "y", false, p.T("history.flag.yes"))
	fl.BoolVar(&opts.RawCSV, "raw-csv", false, p.T("flag.raw-csv"))
	return cmd
}

// resolve checks the combination of arguments and flags and fills in what
// they mean: the attempt id, the bank filter, the --since bound, the format.
func (o *Options) resolve(cmd *cobra.Command, args []string) error {
	f := o.F
	p := f.Printer()
	if len(args) == 1 {
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil || id <= 0 {
			return cmdutil.FlagErrorf("%s", p.T("history.bad-id", args[0]))
		}
		o.ID, o.HasID = id, true
	}
	forget := cmd.Flags().Changed("forget")
	if forget && o.ForgetID <= 0 {
		return cmdutil.FlagErrorf("%s", p.T("history.bad-id", strconv.FormatInt(o.ForgetID, 10)))
	}
	views := 0
	for _, on := range []bool{o.HasID, o.Weak, forget, o.ForgetAll} {
		if on {
			views++
		}
	}
	if views > 1 {
		return cmdutil.FlagErrorf("%s", p.T("history.one-view"))
	}

	if ref, ok := lastBankRef(f.BankPaths); ok {
		id, err := bankIDOf(f, ref)
		if err != nil {
			return err
		}
		o.BankID = id
	}
	if o.BankID != "" && (o.HasID || forget || o.ForgetAll) {
		return cmdutil.FlagErrorf("%s", p.T("history.no-filter-here", "--bank"))
	}

	if o.SinceText != "" {
		if o.HasID || o.Weak || forget || o.ForgetAll {
			return cmdutil.FlagErrorf("%s", p.T("history.no-filter-here", "--since"))
		}
		t, err := ParseSince(o.SinceText, f.Now())
		if err != nil {
			return cmdutil.FlagErrorf("%s", p.T("history.bad-since", o.SinceText))
		}
		o.Since = t
	}

	allowed, def := listFormats, "table"
	switch {
	case o.HasID:
		allowed, def = attemptFormats, "text"
	case o.Weak:
		allowed, def = weakFormats, "table"
	case forget || o.ForgetAll:
		allowed, def = nil, ""
	}
	if cmd.Flags().Changed("output") {
		if !contains(allowed, o.Output.Value) {
			if allowed == nil {
				return cmdutil.FlagErrorf("%s", p.T("history.no-output-here"))
			}
			return cmdutil.FlagErrorf("%s", p.T("history.bad-output", o.Output.Value, strings.Join(allowed, ", ")))
		}
	} else {
		o.Output.Value = def
	}
	if o.RawCSV && o.Output.Value != "csv" {
		return cmdutil.FlagErrorf("%s", p.T("history.raw-csv-only"))
	}

	if (forget || o.ForgetAll) && !o.Yes && !f.IO.CanPrompt() {
		flag := "--forget-all"
		if forget {
			flag = "--forget"
		}
		return cmdutil.FlagErrorf("%s", p.T("history.need-yes", flag))
	}
	return nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// lastBankRef returns the last --bank that is not a folder: --bank is global
// and also loads banks, so `--bank ./my-banks --bank data-analyst` loads a
// folder and filters by a bank.
func lastBankRef(paths []string) (string, bool) {
	for i := len(paths) - 1; i >= 0; i-- {
		if fi, err := os.Stat(paths[i]); err == nil && fi.IsDir() {
			continue
		}
		return paths[i], true
	}
	return "", false
}

// bankIDOf turns a --bank reference into a bank id: a bank file gives its
// id, anything else must be an id.
func bankIDOf(f *cmdutil.Factory, ref string) (string, error) {
	if fi, err := os.Stat(ref); err == nil && fi.Mode().IsRegular() {
		b, err := bank.ReadFile(ref)
		if err != nil {
			return "", err
		}
		return b.ID, nil
	}
	if !bank.IDPattern.MatchString(ref) {
		return "", cmdutil.FlagErrorf("%s", f.Printer().T("history.bad-bank", ref))
	}
	return ref, nil
}

// ParseSince reads --since: a date (YYYY-MM-DD, from its midnight in now's
// time zone), or a span back from now: a Go duration (720h) or a number of
// days (30d).
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.ParseInLocation("2006-01-02", s, now.Location()); err == nil {
		return t, nil
	}
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err == nil && days >= 0 && days <= 100*366 {
			return now.AddDate(0, 0, -days), nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return time.Time{}, err
	}
	if d < 0 {
		return time.Time{}, errors.New("negative span")
	}
	return now.Add(-d), nil
}

// Run runs the view the options choose.
func Run(opts *Options) error {
	switch {
	case opts.ForgetID > 0 || opts.ForgetAll:
		return runForget(opts)
	case opts.HasID:
		return runAttempt(opts)
	case opts.Weak:
		return runWeak(opts)
	}
	return runList(opts)
}

// openExisting opens the history database if there is one. With no file at
// the path (or an empty file, a database never written) it returns a nil
// Store and no error, and creates nothing.
func openExisting(f *cmdutil.Factory) (*store.Store, string, error) {
	return openHistory(f, store.OpenRead)
}

// openForWriting is openExisting for the commands that change the history.
func openForWriting(f *cmdutil.Factory) (*store.Store, string, error) {
	return openHistory(f, store.Open)
}

func openHistory(f *cmdutil.Factory, open func(string) (*store.Store, error)) (*store.Store, string, error) {
	p := f.Printer()
	path, err := f.DBPath()
	if err != nil {
		return nil, "", cmdutil.Errorf(p.T("history.where.hint"), "%s", p.T("history.where", err.Error()))
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, path, nil
	case err != nil:
		return nil, path, cmdutil.Errorf(p.T("history.where.hint"), "%s", p.T("history.cannot-read", path, err.Error()))
	case fi.Mode().IsRegular() && fi.Size() == 0:
		return nil, path, nil
	}
	s, err := open(path)
	if err != nil {
		return nil, path, storeError(p, path, err)
	}
	return s, path, nil
}

// storeError turns the store's errors into messages with a hint.
func storeError(p i18n.Printer, path string, err error) error {
	var tooNew *store.TooNewError
	switch {
	case errors.As(err, &tooNew):
		return cmdutil.Errorf(p.T("history.too-new.hint"), "%s", p.T("history.too-new", path, tooNew.Version, tooNew.Known))
	case errors.Is(err, store.ErrNotDatabase):
		return cmdutil.Errorf(p.T("history.not-db.hint"), "%s", p.T("history.not-db", path))
	case errors.Is(err, store.ErrBusy):
		return cmdutil.Errorf(p.T("history.busy.hint"), "%s", p.T("history.busy", path))
	}
	return cmdutil.Errorf(p.T("history.where.hint"), "%s", p.T("history.cannot-read", path, textsafe.Line(err.Error())))
}

// noHistory tells the user there is nothing yet.
func noHistory(f *cmdutil.Factory) {
	fmt.Fprintln(f.IO.ErrOut, f.Printer().T("history.none"))
}

// bankNames finds loaded banks to give skills their names; without them ids
// are shown. A bank that fails to load only costs the names.
type bankNames struct {
	f    *cmdutil.Factory
	set  *bank.Set
	done bool
}

func (n *bankNames) get(id string) *bank.Bank {
	if !n.done {
		n.done = true
		if s, err := n.f.Banks(); err == nil {
			n.set = s
		}
	}
	if n.set == nil {
		return nil
	}
	b, _ := n.set.Get(id)
	return b
}

// skill is the skill's name in the run's language, or its id.
func (n *bankNames) skill(bankID, skillID string) string {
	if b := n.get(bankID); b != nil {
		if s := b.Skill(skillID); s != nil {
			if name := s.Name.Get(n.f.Lang()); name != "" {
				return name
			}
		}
	}
	return skillID
}

// title is the bank's title in the run's language, or its id.
func (n *bankNames) title(bankID string) string {
	if b := n.get(bankID); b != nil {
		if t := b.Title.Get(n.f.Lang()); t != "" {
			return t
		}
	}
	return bankID
}

// modeName localizes the modes the catalogue knows and shows others as
// stored.
func modeName(p i18n.Printer, mode string) string {
	key := "mode." + mode
	if s := p.T(key); s != key {
		return s
	}
	return mode
}
