package interop

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/interop"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// ExportFormats are the formats export writes.
var ExportFormats = []string{interop.FormatGIFT, interop.FormatMoodleXML, interop.FormatQTI}

var formatNames = map[string]string{
	interop.FormatGIFT:      "GIFT",
	interop.FormatMoodleXML: "Moodle XML",
	interop.FormatQTI:       "QTI 2.1",
}

// ExportOptions are the export command's inputs.
type ExportOptions struct {
	F      *cmdutil.Factory
	Format string
	Bank   string // id or path
	Out    string // "" or "-" for standard output
}

// NewCmdExport builds the export command; runF replaces the run in tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*ExportOptions) error) *cobra.Command {
	p := f.Printer()
	opts := &ExportOptions{F: f}
	cmd := &cobra.Command{
		Use:       "export <format> <bank>",
		Short:     p.T("trainer.export.short"),
		Long:      p.T("trainer.export.long"),
		Example:   "  $ asnskill export moodlexml cyber-security > cyber-security.xml\n  $ asnskill export gift ./bank-saya.yaml --lang en --out bank-saya.gift\n  $ asnskill export qti data-analyst --out data-analyst-qti.zip",
		Args:      cmdutil.ExactArgs(2, p),
		ValidArgs: ExportFormats,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format, opts.Bank = args[0], args[1]
			if !contains(ExportFormats, opts.Format) {
				return &cmdutil.FlagError{Err: errors.New(p.T("trainer.export.bad-format", opts.Format))}
			}
			if opts.Format == interop.FormatQTI && (opts.Out == "" || opts.Out == "-") && f.IO.IsStdoutTTY() {
				return &cmdutil.FlagError{Err: errors.New(p.T("trainer.export.tty"))}
			}
			if runF != nil {
				return runF(opts)
			}
			return RunExport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", p.T("trainer.flag.out"))
	return cmd
}

// RunExport writes the bank and names on stderr what the format left out.
func RunExport(opts *ExportOptions) error {
	f := opts.F
	p := f.Printer()
	b, err := f.Bank(opts.Bank)
	if err != nil {
		return err
	}
	// Moodle XML carries both languages (multilang spans) unless --lang
	// asks for one.
	eopts := interop.ExportOptions{Lang: f.Lang(), Now: f.Now(), Multilang: f.LangFlag == ""}
	write := func(w io.Writer) error {
		switch opts.Format {
		case interop.FormatGIFT:
			return interop.WriteGIFT(w, b, eopts)
		case interop.FormatMoodleXML:
			return interop.WriteMoodleXML(w, b, eopts)
		}
		return interop.WriteQTI(w, b, eopts)
	}
	if opts.Out == "" || opts.Out == "-" {
		if err := write(f.IO.Out); err != nil {
			return err
		}
	} else {
		if err := atomicfile.Write(opts.Out, 0o644, write); err != nil {
			return err // named and explained by the app (atomicfile.Error)
		}
		fmt.Fprintln(f.IO.ErrOut, p.T("trainer.wrote", textsafe.Line(opts.Out)))
	}
	losses := interop.Losses(b, opts.Format, eopts.Lang)
	if eopts.Multilang && opts.Format == interop.FormatMoodleXML {
		// The other language travels in the multilang spans.
		kept := losses[:0]
		for _, l := range losses {
			if l.Code != "language" {
				kept = append(kept, l)
			}
		}
		losses = kept
	}
	if len(losses) > 0 {
		fmt.Fprintln(f.IO.ErrOut, p.T("trainer.export.losses", formatNames[opts.Format]))
		for _, l := range losses {
			fmt.Fprintln(f.IO.ErrOut, "  - "+l.Message(p))
		}
	}
	return nil
}
