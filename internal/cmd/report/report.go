// Package report implements `asnskill report RESULT`: a saved result shown to
// a person as text or Markdown, or checked and re-emitted as JSON.
package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/report"
	"github.com/asnskill/asnskill/internal/resultio"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Options are the report command's inputs.
type Options struct {
	F      *cmdutil.Factory
	Path   string
	Output *cmdutil.EnumFlag
	Out    string // -o html: the file to write (default standard output)
}

// NewCmdReport builds the report command; runF replaces the run in tests.
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("text", "text", "markdown", "json", "html", "csv")}
	cmd := &cobra.Command{
		Use:     "report <result.json>",
		Short:   p.T("report.short"),
		Long:    p.T("report.long"),
		Example: "  $ asnskill report hasil.json\n  $ asnskill report hasil.json -o markdown > hasil.md\n  $ asnskill report hasil.json -o html --out hasil.html\n  $ asnskill report - < hasil.json",
		Args:    cmdutil.ExactArgs(1, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Out != "" {
				if err := cmdutil.CheckWritable(opts.Out); err != nil {
					return cmdutil.Errorf(p.T("report.hint.out"), "%s", p.T("report.error.out", textsafe.Line(opts.Out), cmdutil.Reason(p, err)))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().VarP(opts.Output, "output", "o", p.T("flag.output"))
	cmd.Flags().StringVar(&opts.Out, "out", "", p.T("flag.out"))
	return cmd
}

// Read loads a result file and checks it is a result.
func Read(f *cmdutil.Factory, path string) (*scoring.Result, error) {
	p := f.Printer()
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(f.IO.In, 64<<20))
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	var r scoring.Result
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		msg := err.Error()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			msg = fmt.Sprintf("line %d: %s", lineOf(data, se.Offset), se.Error())
		case errors.As(err, &te):
			msg = fmt.Sprintf("line %d: %s", lineOf(data, te.Offset), te.Error())
		}
		return nil, cmdutil.Errorf(p.T("report.bad-file.hint"), "%s", p.T("report.bad-file", path, msg))
	}
	if r.Format != scoring.ResultFormat {
		return nil, cmdutil.Errorf(p.T("report.bad-file.hint"), "%s", p.T("report.wrong-format", path, textsafe.Line(r.Format)))
	}
	return &r, nil
}

func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Run shows the result.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	r, err := Read(f, opts.Path)
	if err != nil {
		return err
	}
	b := findBank(f, r)
	scoring.Upgrade(r, b)
	switch opts.Output.Value {
	case "json":
		return report.JSON(f.IO.Out, r)
	case "csv":
		// The row score -o csv writes for the same answers (one writer).
		var skills []bank.Skill
		if b != nil {
			skills = b.Skills
		} else {
			for _, s := range r.Skills {
				skills = append(skills, bank.Skill{ID: s.ID})
			}
		}
		kept, groups := resultio.SortedKeys(r.Kept), resultio.SortedKeys(r.Groups)
		resultio.WriteCSVHeader(f.IO.Out, skills, kept, groups)
		_, err := f.IO.Out.Write(resultio.AppendCSV(nil, r, skills, kept, groups, false, false))
		return err
	}
	o := report.Options{Lang: f.Lang(), Color: f.IO.ColorEnabled(), Width: f.IO.TerminalWidth() - 1, Bank: b} // as the quiz: the last column is left free
	if opts.Output.Value == "markdown" {
		return report.Markdown(f.IO.Out, r, o)
	}
	if opts.Output.Value == "html" {
		if opts.Out == "" {
			return report.HTML(f.IO.Out, r, o)
		}
		err := atomicfile.Write(opts.Out, 0o644, func(w io.Writer) error { return report.HTML(w, r, o) })
		if err != nil {
			return cmdutil.Errorf(p.T("report.hint.out"), "%s", p.T("report.error.out", textsafe.Line(opts.Out), cmdutil.Reason(p, err)))
		}
		fmt.Fprintln(f.IO.ErrOut, p.T("report.wrote", textsafe.Line(opts.Out)))
		return nil
	}
	return report.Text(f.IO.Out, r, o)
}

// findBank returns the loaded bank the result was scored on, when its id
// matches; names then come from the bank, otherwise ids are shown.
func findBank(f *cmdutil.Factory, r *scoring.Result) *bank.Bank {
	set, err := f.Banks()
	if err != nil {
		return nil
	}
	b, ok := set.Get(r.Bank.ID)
	if !ok {
		return nil
	}
	return b
}
