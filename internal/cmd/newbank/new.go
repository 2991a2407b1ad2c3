// Package newbank implements `asnskill new`: a bank skeleton for a trainer to
// fill, with the schema modeline, one skill, one question of each type and a
// comment on every field. The skeleton lives in the message catalogue
// (trainer.new.skeleton), so its comments are in the user's language.
package newbank

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Options are the new command's inputs.
type Options struct {
	F     *cmdutil.Factory
	ID    string
	Out   string // default BANK-ID.yaml; "-" for standard output
	Force bool
}

// NewCmdNew builds the new command; runF replaces the run in tests.
func NewCmdNew(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:     "new <bank-id>",
		Short:   p.T("trainer.new.short"),
		Long:    p.T("trainer.new.long"),
		Example: "  $ asnskill new analis-kebijakan\n  $ asnskill new data-steward --out banks/data-steward.yaml\n  $ asnskill --lang en new data-steward --out - | less",
		Args:    cmdutil.ExactArgs(1, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if len(opts.ID) > 40 || !bank.IDPattern.MatchString(opts.ID) {
				return &cmdutil.FlagError{Err: errors.New(p.T("trainer.bad-id", "BANK-ID", opts.ID))}
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", p.T("trainer.flag.out"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, p.T("trainer.flag.force"))
	return cmd
}

// Skeleton is the bank written for id, with comments in the printer's
// language; file is the name the comments tell to lint.
func Skeleton(f *cmdutil.Factory, id, file string) string {
	return f.Printer().T("trainer.new.skeleton", id, textsafe.Line(file))
}

// Run writes the skeleton, refusing to replace a file unless asked to.
func Run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	out := opts.Out
	if out == "" {
		out = opts.ID + ".yaml"
	}
	if out == "-" {
		_, err := io.WriteString(f.IO.Out, Skeleton(f, opts.ID, opts.ID+".yaml"))
		return err
	}
	if !opts.Force {
		if _, err := os.Lstat(out); err == nil {
			return cmdutil.Errorf(p.T("trainer.new.exists.hint"), "%s", p.T("trainer.new.exists", textsafe.Line(out)))
		}
	}
	content := Skeleton(f, opts.ID, out)
	err := atomicfile.Write(out, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, content)
		return err
	})
	if err != nil {
		return err // named and explained by the app (atomicfile.Error)
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("trainer.wrote", textsafe.Line(out)))
	// The skeleton's first line names bank.schema.json beside it: write it
	// there, unless one is there already, so that the editor finds it.
	schema := filepath.Join(filepath.Dir(out), "bank.schema.json")
	if _, err := os.Lstat(schema); errors.Is(err, fs.ErrNotExist) {
		err := atomicfile.Write(schema, 0o644, func(w io.Writer) error {
			_, err := w.Write(bank.Schema())
			return err
		})
		if err != nil {
			return err // named and explained by the app (atomicfile.Error)
		}
		fmt.Fprintln(f.IO.ErrOut, p.T("trainer.wrote", textsafe.Line(schema)))
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("trainer.new.next", textsafe.Line(out)))
	return nil
}
