// Package interop implements `asnskill import` and `asnskill export`: a
// bank from and to the formats of Moodle (GIFT, Aiken, Moodle XML) and IMS
// QTI 2.1. The conversions themselves live in internal/interop.
package interop

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/interop"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// ImportFormats are the formats import reads.
var ImportFormats = []string{"gift", "aiken", "moodlexml"}

// ImportOptions are the import command's inputs.
type ImportOptions struct {
	F      *cmdutil.Factory
	Format string
	File   string // "-" for standard input
	Out    string // "" or "-" for standard output
	ID     string
	Skill  string
	// TextLang is the language of the imported text ("" to guess it).
	TextLang string
}

// NewCmdImport builds the import command; runF replaces the run in tests.
func NewCmdImport(f *cmdutil.Factory, runF func(*ImportOptions) error) *cobra.Command {
	p := f.Printer()
	opts := &ImportOptions{F: f}
	cmd := &cobra.Command{
		Use:       "import <format> <file>",
		Short:     p.T("trainer.import.short"),
		Long:      p.T("trainer.import.long"),
		Example:   "  $ asnskill import gift soal.txt --out bank-saya.yaml\n  $ asnskill import moodlexml questions.xml --lang en --id data-basics > data-basics.yaml\n  $ asnskill import aiken - --skill dasar-data < soal.txt",
		Args:      cmdutil.ExactArgs(2, p),
		ValidArgs: ImportFormats,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format, opts.File = args[0], args[1]
			if !contains(ImportFormats, opts.Format) {
				return &cmdutil.FlagError{Err: errors.New(p.T("trainer.import.bad-format", opts.Format))}
			}
			for _, c := range []struct{ flag, v string }{{"--id", opts.ID}, {"--skill", opts.Skill}} {
				if c.v != "" && !validID(c.v) {
					return &cmdutil.FlagError{Err: errors.New(p.T("trainer.bad-id", c.flag, c.v))}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return RunImport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Out, "out", "", p.T("trainer.flag.out"))
	fl.StringVar(&opts.ID, "id", "", p.T("trainer.import.flag.id"))
	fl.StringVar(&opts.Skill, "skill", "", p.T("trainer.import.flag.skill"))
	fl.StringVar(&opts.TextLang, "text-lang", "", p.T("trainer.import.flag.text-lang"))
	return cmd
}

// RunImport reads the source, reports what was skipped, and writes the bank.
func RunImport(opts *ImportOptions) error {
	f := opts.F
	p := f.Printer()
	var in io.Reader = f.IO.In
	if opts.File != "-" {
		file, err := os.Open(opts.File)
		if err != nil {
			return cmdutil.Errorf("", "%s", err)
		}
		defer file.Close()
		in = file
	}
	// The language of the imported text: --text-lang, else guessed from the
	// text itself (not the language the program speaks to the user).
	lang := strings.ToLower(opts.TextLang)
	if lang == "" {
		data, err := io.ReadAll(io.LimitReader(in, interop.MaxSourceSize+1))
		if err != nil {
			return cmdutil.Errorf("", "%s", err)
		}
		lang = interop.DetectLang(data)
		in = bytes.NewReader(data)
	} else if !i18n.Known(lang) {
		return cmdutil.FlagErrorf("%s", p.T("trainer.import.bad-text-lang", textsafe.Line(opts.TextLang)))
	}
	iopts := interop.ImportOptions{File: opts.File, ID: opts.ID, Skill: opts.Skill, Lang: lang}
	var res *interop.Result
	var err error
	switch opts.Format {
	case "gift":
		res, err = interop.ReadGIFT(in, iopts)
	case "aiken":
		res, err = interop.ReadAiken(in, iopts)
	default:
		res, err = interop.ReadMoodleXML(in, iopts)
	}
	if res != nil {
		for _, w := range res.Warnings {
			fmt.Fprintln(f.IO.ErrOut, w.Format(p))
		}
	}
	var located *interop.Error
	if errors.As(err, &located) {
		hint := p.T("trainer.import.hint")
		if located.Code == "no-questions" {
			hint = ""
		}
		return cmdutil.Errorf(hint, "%s", located.Format(p))
	}
	if err != nil {
		return cmdutil.Errorf("", "%s", err)
	}

	// The bank must decode; anything else is a bug in the importer, and a
	// trainer must never be handed a file that asnskill itself refuses.
	var buf bytes.Buffer
	if err := interop.WriteBank(&buf, res.Bank); err != nil {
		return err
	}
	target := opts.Out
	if target == "" || target == "-" {
		target = res.Bank.ID + ".yaml"
	}
	if buf.Len() > bank.MaxFileSize {
		// Too big for one bank: say so plainly, not as a failed self-check.
		return cmdutil.Errorf(p.T("trainer.import.too-large.hint"), "%s",
			p.T("trainer.import.too-large", i18n.Count(len(res.Bank.Questions)), i18n.Dec1(float64(buf.Len())/(1<<20)), bank.MaxFileSize>>20))
	}
	if _, diags := bank.Decode(target, buf.Bytes()); diags.HasErrors() {
		d, _ := diags.FirstError()
		return cmdutil.Errorf("", "%s", p.T("trainer.import.invalid", d.Format(p)))
	}
	if err := writeOut(opts.Out, f.IO.Out, buf.Bytes()); err != nil {
		return err
	}
	b := res.Bank
	fmt.Fprintln(f.IO.ErrOut, p.T("trainer.import.summary", len(b.Questions), res.Found, len(b.Skills), b.ID, lang))
	fmt.Fprintln(f.IO.ErrOut, p.T("trainer.import.next", textsafe.Line(target)))
	return nil
}

// writeOut writes data to standard output, or atomically to the file out.
func writeOut(out string, stdout io.Writer, data []byte) error {
	if out == "" || out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	err := atomicfile.Write(out, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err // named and explained by the app (atomicfile.Error)
	}
	return nil
}

func validID(id string) bool { return len(id) <= 40 && bank.IDPattern.MatchString(id) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
