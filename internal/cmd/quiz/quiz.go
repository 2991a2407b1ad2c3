// Package quiz implements `asnskill quiz`: the interactive quiz on a
// terminal (internal/tui), or the line mode when there is none.
package quiz

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/report"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/tui"
)

// Options are the quiz command's inputs.
type Options struct {
	F       *cmdutil.Factory
	BankRef string

	Mode      *cmdutil.EnumFlag
	Count     int
	All       bool
	Adaptive  bool
	Skills    []string
	Time      time.Duration
	Seed      int64
	SeedSet   bool
	NoShuffle bool
	Name      string
	Save      string
	SaveHTML  string
	SelfRate  bool
	Plain     bool
	Output    *cmdutil.EnumFlag
	OutputSet bool

	// The history: --resume [ID] ("latest" without an id), --review, --no-history.
	Resume    string
	Review    bool
	NoHistory bool
}

// NewCmdQuiz builds the quiz command; runF replaces the run in tests.
func NewCmdQuiz(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{
		F:      f,
		Mode:   cmdutil.NewEnum(string(session.Practice), string(session.Practice), string(session.Exam)),
		Output: cmdutil.NewEnum("text", "text", "json"),
	}
	cmd := &cobra.Command{
		Use:     "quiz [<bank-id>]",
		Short:   p.T("quiz.short"),
		Long:    p.T("quiz.long"),
		Example: p.T("quiz.example"),
		Args:    cmdutil.MaximumNArgs(1, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.BankRef = args[0]
				// `--resume 12`: the id comes as an argument, since
				// --resume alone means the latest attempt.
				if opts.Resume == resumeLatest && isNumber(args[0]) {
					opts.Resume, opts.BankRef = args[0], ""
				}
			}
			if opts.Resume != "" && opts.Review {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.resume-review"))
			}
			if (opts.Resume != "" || opts.Review) && opts.NoHistory {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.no-history"))
			}
			opts.SeedSet = cmd.Flags().Changed("seed")
			opts.OutputSet = cmd.Flags().Changed("output")
			if opts.Count < 0 {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.count", opts.Count))
			}
			if opts.All && cmd.Flags().Changed("count") {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.all-count"))
			}
			if opts.All {
				opts.Count = math.MaxInt32 // more than any bank: every question
			}
			if opts.Adaptive && (opts.All || opts.Review || opts.Mode.Value == string(session.Exam)) {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.adaptive"))
			}
			if cmd.Flags().Changed("time") && opts.Time <= 0 {
				return cmdutil.FlagErrorf("%s", p.T("quiz.usage.time", opts.Time))
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.Var(opts.Mode, "mode", p.T("quiz.flag.mode"))
	fl.IntVarP(&opts.Count, "count", "n", 0, p.T("quiz.flag.count"))
	fl.BoolVar(&opts.All, "all", false, p.T("quiz.flag.all"))
	fl.BoolVar(&opts.Adaptive, "adaptive", false, p.T("quiz.flag.adaptive"))
	fl.StringSliceVar(&opts.Skills, "skills", nil, p.T("quiz.flag.skills"))
	fl.Var(cmdutil.Minutes{D: &opts.Time}, "time", p.T("quiz.flag.time"))
	fl.Int64Var(&opts.Seed, "seed", 0, p.T("quiz.flag.seed"))
	fl.BoolVar(&opts.NoShuffle, "no-shuffle", false, p.T("quiz.flag.no-shuffle"))
	fl.StringVar(&opts.Name, "name", "", p.T("quiz.flag.name"))
	fl.StringVar(&opts.Save, "save", "", p.T("quiz.flag.save"))
	fl.StringVar(&opts.SaveHTML, "save-html", "", p.T("quiz.flag.save-html"))
	fl.BoolVar(&opts.SelfRate, "self-rate", false, p.T("quiz.flag.self-rate"))
	fl.BoolVar(&opts.Plain, "plain", false, p.T("quiz.flag.plain"))
	fl.VarP(opts.Output, "output", "o", p.T("quiz.flag.output"))
	fl.StringVar(&opts.Resume, "resume", "", p.T("quiz.flag.resume"))
	fl.Lookup("resume").NoOptDefVal = resumeLatest
	fl.BoolVar(&opts.Review, "review", false, p.T("quiz.flag.review"))
	fl.BoolVar(&opts.NoHistory, "no-history", false, p.T("quiz.flag.no-history"))
	return cmd
}

// Run runs the quiz.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	plain := opts.Plain || !f.IO.CanPrompt() || (opts.OutputSet && opts.Output.Value == "json")
	if opts.BankRef == "" && plain && opts.Resume == "" {
		return &cmdutil.FlagError{Err: errors.New(p.T("quiz.usage.no-bank"))}
	}
	// A result that cannot be saved is found out now, not after the quiz.
	for _, path := range []string{opts.Save, opts.SaveHTML} {
		if path == "" {
			continue
		}
		if err := cmdutil.CheckWritable(path); err != nil {
			return cmdutil.Errorf(p.T("quiz.hint.save"), "%s", p.T("quiz.error.save", textsafe.Line(path), cmdutil.Reason(p, err)))
		}
	}
	seed := opts.Seed
	if !opts.SeedSet {
		// A short number, easy to type again with --seed.
		seed = f.Now().UnixNano() % 1_000_000
	}
	candidate := opts.Name
	if candidate == "" {
		candidate = f.Getenv("USER")
	}
	if candidate == "" {
		candidate = f.Getenv("USERNAME")
	}
	if candidate == "" {
		// A result needs a candidate id to be scored again or imported.
		candidate = "anonymous"
	}
	so := session.Options{
		Mode: session.Mode(opts.Mode.Value), Count: opts.Count, Skills: opts.Skills, Seed: seed,
		NoShuffle: opts.NoShuffle, TimeLimit: opts.Time, Candidate: candidate, Lang: f.Lang(),
	}

	var b *bank.Bank
	if opts.BankRef != "" {
		var err error
		if b, err = f.Bank(opts.BankRef); err != nil {
			return err
		}
		if err := session.CheckSkills(b, opts.Skills); err != nil {
			return skillError(p, err)
		}
	}

	h, notice, err := openHistory(opts)
	if err != nil {
		return err
	}
	if h != nil {
		defer h.store.Close()
	}
	// A resumed attempt or a review drill brings its own session.
	var resumed *session.Session
	switch {
	case opts.Resume != "":
		if resumed, b, err = h.resume(opts.Resume, b); err != nil {
			return err
		}
	case opts.Review:
		if b == nil {
			return cmdutil.FlagErrorf("%s", p.T("quiz.usage.review-bank"))
		}
		if resumed, err = h.review(b, so); err != nil || resumed == nil {
			return err
		}
	case h != nil && b != nil:
		h.offerResume(b)
	}

	if plain {
		s := resumed
		if s == nil && opts.Adaptive {
			sel := adaptive.New(b, adaptive.Config{Seed: seed, MaxTotal: opts.Count, Skills: opts.Skills})
			if s, err = session.NewAdaptive(b, sel, so); err != nil {
				return skillError(p, err)
			}
		}
		if s == nil {
			if s, err = session.New(b, so); err != nil {
				return skillError(p, err)
			}
		}
		json := opts.Output.Value == "json"
		out := f.IO.Out
		if json {
			out = f.IO.ErrOut
		}
		var res scoring.Result
		res, err = tui.RunPlain(s, tui.PlainOptions{
			In: f.IO.In, Out: out, Result: f.IO.Out, JSON: json, Lang: f.Lang(),
			Width: min(f.IO.TerminalWidth()-1, 100), Now: f.Now, SelfRate: opts.SelfRate, SavePath: opts.Save, Echo: !f.IO.IsStdinTTY(),
			OnStart: h.onStart, OnFinish: h.onFinish,
		})
		if errors.Is(err, tui.ErrInterrupted) {
			h.interrupted()
			return cmdutil.ErrCancel
		}
		h.tellDiscarded()
		if err == nil && opts.SaveHTML != "" {
			err = saveHTML(f, opts.SaveHTML, &res, s.Bank)
		}
		return err
	}

	cfg := tui.Config{
		Bank: b, Options: so, SelfRate: opts.SelfRate, SavePath: opts.Save, Lang: f.Lang(),
		Color: f.IO.ColorEnabled(), Renderer: lipgloss.NewRenderer(f.IO.Out), Now: f.Now,
		Session: resumed, OnStart: h.onStart, OnFinish: h.onFinish, Previous: h.previous, Notice: notice, Adaptive: opts.Adaptive,
	}
	if b == nil && resumed == nil {
		set, err := f.Banks()
		if err != nil {
			return err
		}
		cfg.Banks = set.List()
		if len(cfg.Banks) == 0 {
			return &cmdutil.UserError{Msg: p.T("quiz.error.no-banks"), Hint: p.T("quiz.picker.none")}
		}
		cfg.Unfinished, cfg.Resume = h.unfinished(set)
	}
	out, err := tui.Run(cfg, f.IO.In, f.IO.Out)
	if errors.Is(err, tui.ErrInterrupted) {
		h.interrupted()
		return cmdutil.ErrCancel
	}
	if err != nil {
		return err
	}
	if out.Result == nil {
		// The program ended before the quiz was submitted (a signal).
		h.interrupted()
		return cmdutil.ErrCancel
	}
	h.tellDiscarded()
	if opts.SaveHTML != "" {
		if err := saveHTML(f, opts.SaveHTML, out.Result, out.Session.Bank); err != nil {
			return err
		}
	}
	// Leave the result in the terminal's scrollback once the full screen
	// is gone.
	st := tui.NewStyles(cfg.Renderer, cfg.Color)
	s := out.Session
	w := min(f.IO.TerminalWidth()-1, 100)
	for _, l := range tui.ResultHeader(st, p, s.Bank, *out.Result, w) {
		fmt.Fprintln(f.IO.Out, l)
	}
	fmt.Fprintln(f.IO.Out)
	for _, l := range tui.ResultLines(st, p, s.Bank, *out.Result, s.Elapsed(f.Now()), s.TimeLimit, w) {
		fmt.Fprintln(f.IO.Out, l)
	}
	if out.Saved != "" {
		fmt.Fprintln(f.IO.Out)
		fmt.Fprintln(f.IO.Out, p.T("quiz.status.saved", textsafe.Line(out.Saved)))
	}
	return nil
}

// saveHTML writes the result as the HTML report (atomically).
func saveHTML(f *cmdutil.Factory, path string, r *scoring.Result, b *bank.Bank) error {
	p := f.Printer()
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return report.HTML(w, r, report.Options{Lang: f.Lang(), Bank: b})
	})
	if err != nil {
		return cmdutil.Errorf(p.T("quiz.hint.save"), "%s", p.T("quiz.error.save", textsafe.Line(path), cmdutil.Reason(p, err)))
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("quiz.status.saved", textsafe.Line(path)))
	return nil
}

const resumeLatest = "latest"

func isNumber(s string) bool {
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

func skillError(p i18n.Printer, err error) error {
	var unk *session.UnknownSkillError
	if errors.As(err, &unk) {
		return &cmdutil.UserError{
			Msg:  p.T("quiz.error.unknown-skill1", unk.Bank, unk.Skill),
			Hint: p.T("quiz.hint.skills", unk.Bank, strings.Join(unk.Known, ", ")),
		}
	}
	if errors.Is(err, session.ErrEmpty) {
		return &cmdutil.UserError{Msg: p.T("quiz.error.empty")}
	}
	return err
}
