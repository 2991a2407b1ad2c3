// Package app runs asnskill: it builds the factory and the command tree, runs
// the command, and alone decides how an error is printed and which exit status
// it gives: 0 success, 1 bad input or a failed check, 2 wrong usage, 130
// interrupted.
package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmd/root"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Exit statuses.
const (
	ExitOK        = 0
	ExitError     = 1
	ExitUsage     = 2
	ExitInterrupt = 130
)

// Main runs the program on the process's streams and arguments.
func Main() int {
	return Run(cmdutil.New(), os.Args[1:])
}

// Run runs the program with a factory and arguments (tests use it).
func Run(f *cmdutil.Factory, args []string) int {
	f.LangFlag = preScanLang(args)
	p := f.Printer()
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	cmd.SetIn(f.IO.In)
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	err := cmd.Execute()
	if err == nil {
		return ExitOK
	}
	return printError(f.IO.ErrOut, p, err)
}

// preScanLang finds --lang before the command tree is built, so help texts are
// already in the right language.
func preScanLang(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func printError(w io.Writer, p i18n.Printer, err error) int {
	var (
		flagErr  *cmdutil.FlagError
		userErr  *cmdutil.UserError
		loadErr  *bank.LoadError
		noBank   *cmdutil.NoBankError
		sheetErr *answers.SheetError
		hintable interface{ Hint(i18n.Printer) string }
		outErr   *atomicfile.Error
	)
	switch {
	case errors.Is(err, cmdutil.ErrSilent):
		return ExitError
	case errors.Is(err, cmdutil.ErrCancel):
		return ExitInterrupt
	case errors.As(err, &flagErr), isCobraUsage(err):
		fmt.Fprintf(w, "asnskill: %s\n%s\n", textsafe.Line(usageMessage(p, err.Error())), p.T("hint.help"))
		return ExitUsage
	case errors.As(err, &loadErr):
		if loadErr.Err != nil {
			fmt.Fprintf(w, "asnskill: %s\n", textsafe.Line(loadErr.Err.Error()))
			return ExitError
		}
		loadErr.Diags.Sort()
		n := 0
		for _, d := range loadErr.Diags {
			if d.Severity == bank.Error {
				fmt.Fprintln(w, d.Format(p))
				n++
			}
		}
		fmt.Fprintln(w, p.T("hint.bank-invalid", textsafe.Line(loadErr.Path), n))
		return ExitError
	case errors.As(err, &noBank):
		fmt.Fprintf(w, "asnskill: %s\n", p.T("error.no-bank", textsafe.Line(noBank.ID)))
		fmt.Fprintln(w, p.T("hint.known-banks", strings.Join(noBank.Known, ", ")))
		return ExitError
	case errors.As(err, &outErr):
		fmt.Fprintf(w, "asnskill: %s\n", p.T("error.out", textsafe.Line(outErr.Path), cmdutil.Reason(p, outErr.Err)))
		fmt.Fprintf(w, "%s %s\n", p.T("hint.prefix"), p.T("hint.out"))
		return ExitError
	case errors.As(err, &sheetErr):
		fmt.Fprintf(w, "asnskill: %s\n", sheetErr.Message(p))
		if h := sheetErr.Hint(p); h != "" {
			fmt.Fprintf(w, "%s %s\n", p.T("hint.prefix"), h)
		}
		return ExitError
	case errors.As(err, &userErr):
		fmt.Fprintf(w, "asnskill: %s\n", textsafe.Display(userErr.Msg))
		if userErr.Hint != "" {
			fmt.Fprintf(w, "%s %s\n", p.T("hint.prefix"), textsafe.Display(userErr.Hint))
		}
		return ExitError
	case errors.As(err, &hintable):
		fmt.Fprintf(w, "asnskill: %s\n", textsafe.Display(err.Error()))
		if h := hintable.Hint(p); h != "" {
			fmt.Fprintf(w, "%s %s\n", p.T("hint.prefix"), h)
		}
		return ExitError
	}
	fmt.Fprintf(w, "asnskill: %s\n", textsafe.Display(err.Error()))
	return ExitError
}

// isCobraUsage recognises the usage errors cobra makes itself.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "required flag", "bad flag syntax", "if any flags in the group"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
