// Package simulate implements `asnskill simulate`: how often a bank's quiz
// classifies each skill's gap right, adaptive beside fixed forms, on
// candidates drawn with known abilities (internal/simulate).
package simulate

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/simulate"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/tui"
)

// Options are the simulate command's inputs.
type Options struct {
	F          *cmdutil.Factory
	BankRef    string
	Adaptive   bool
	Candidates int
	Seed       int64
	Lengths    []int
	Output     *cmdutil.EnumFlag
}

// NewCmdSimulate builds the command; runF replaces the run in tests.
func NewCmdSimulate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("table", "table", "json")}
	cmd := &cobra.Command{
		Use:     "simulate --bank <bank-id|path>",
		Short:   p.T("simulate.short"),
		Long:    p.T("simulate.long"),
		Example: "  $ asnskill simulate --bank cyber-security --adaptive\n  $ asnskill simulate --bank data-analyst --adaptive --candidates 2000 --seed 7 -o json\n  $ asnskill simulate --bank ml-specialist --length 21,35,70",
		Args:    cmdutil.ExactArgs(0, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			// --bank is global (load banks); here it also names the bank
			// to simulate: the last one given, as for score and stats.
			opts.BankRef = f.BankFlag()
			if opts.BankRef == "" {
				return cmdutil.FlagErrorf("%s", p.T("simulate.usage.bank"))
			}
			if opts.Candidates <= 0 || opts.Candidates > 1_000_000 {
				return cmdutil.FlagErrorf("%s", p.T("simulate.usage.candidates", opts.Candidates))
			}
			for _, n := range opts.Lengths {
				if n <= 0 {
					return cmdutil.FlagErrorf("%s", p.T("simulate.usage.length", n))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Adaptive, "adaptive", false, p.T("simulate.flag.adaptive"))
	fl.IntVar(&opts.Candidates, "candidates", 1000, p.T("simulate.flag.candidates"))
	fl.Int64Var(&opts.Seed, "seed", 1, p.T("simulate.flag.seed"))
	fl.IntSliceVar(&opts.Lengths, "length", nil, p.T("simulate.flag.length"))
	fl.VarP(opts.Output, "output", "o", p.T("flag.output"))
	return cmd
}

// Run simulates and prints the report.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	b, err := f.Bank(opts.BankRef)
	if err != nil {
		return err
	}
	rep := simulate.Run(b, simulate.Config{Candidates: opts.Candidates, Seed: opts.Seed, Adaptive: opts.Adaptive, Lengths: opts.Lengths})
	if opts.Output.Value == "json" {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	key := "simulate.calibrated"
	if !rep.Calibrated {
		key = "simulate.provisional"
	}
	width := f.IO.TerminalWidth()
	for _, s := range []string{p.T("simulate.title", textsafe.Line(b.Title.Get(f.Lang())), i18n.Count(rep.Candidates), rep.Seed), p.T(key)} {
		for _, l := range tui.Wrap(s, "", width) {
			fmt.Fprintln(f.IO.Out, l)
		}
	}
	fmt.Fprintln(f.IO.Out)
	tty := f.IO.IsStdoutTTY()
	t := tableprinter.New(f.IO.Out, tty, f.IO.TerminalWidth())
	header := []string{p.T("simulate.col.skill")}
	for _, form := range rep.Forms {
		header = append(header, formName(p.T, form))
	}
	t.Header(header...)
	for i := 1; i < len(header); i++ {
		t.AlignRight(i)
	}
	t.Wrap(0)
	t.Note(p.T("simulate.legend"))
	pct := func(x float64) string { return p.Percent(100 * x) }
	for _, s := range rep.Skills {
		name := s
		if sk := b.Skill(s); sk != nil {
			name = textsafe.Line(sk.Name.Get(f.Lang()))
		}
		row := []string{name}
		for _, form := range rep.Forms {
			tl := form.Skills[s]
			row = append(row, fmt.Sprintf("%s (%s)", pct(tl.Accuracy()), p.Decimal(tl.Questions, 1)))
		}
		t.Row(row...)
	}
	total := []string{p.T("simulate.row.all")}
	undecided := []string{p.T("simulate.row.undecided")}
	wrong := []string{p.T("simulate.row.wrong")}
	for _, form := range rep.Forms {
		total = append(total, fmt.Sprintf("%s (%s)", pct(form.Accuracy), p.Decimal(form.Length, 1)))
		undecided = append(undecided, pct(form.Undecided))
		wrong = append(wrong, pct(form.Wrong))
	}
	t.Row(total...)
	t.Row(undecided...)
	t.Row(wrong...)
	return t.Render()
}

func formName(t func(string, ...any) string, f simulate.Form) string {
	if f.Name == "adaptive" {
		return t("simulate.col.adaptive")
	}
	return t("simulate.col.fixed", int(f.Length+0.5))
}
