package history

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// runForget deletes one attempt or the whole history for good, after the
// user confirms (or --yes: resolve already refused to go on without it when
// nobody can be asked).
func runForget(opts *Options) error {
	f := opts.F
	p := f.Printer()
	s, path, err := openForWriting(f)
	if err != nil {
		return err
	}
	if s == nil {
		if opts.ForgetAll {
			noHistory(f)
			return nil
		}
		return cmdutil.Errorf(p.T("history.none.hint"), "%s", p.T("history.no-attempt", opts.ForgetID))
	}
	defer s.Close()

	var question string
	if opts.ForgetAll {
		all, err := s.List(store.Filter{})
		if err != nil {
			return storeError(p, path, err)
		}
		question = p.T("history.confirm-all", len(all), path)
	} else {
		a, err := s.Attempt(opts.ForgetID)
		if errors.Is(err, store.ErrNotFound) {
			return cmdutil.Errorf(p.T("history.no-attempt.hint"), "%s", p.T("history.no-attempt", opts.ForgetID))
		}
		if err != nil {
			return storeError(p, path, err)
		}
		question = p.T("history.confirm-one", a.ID, textsafe.Line(a.BankID),
			a.StartedAt.In(f.Now().Location()).Format(dateLayout))
	}
	if !opts.Yes {
		ok, err := confirm(opts, question)
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintln(f.IO.ErrOut, p.T("history.kept"))
			return nil
		}
	}

	if opts.ForgetAll {
		if err := s.ForgetAll(); err != nil {
			return storeError(p, path, err)
		}
		fmt.Fprintln(f.IO.ErrOut, p.T("history.forgot-all"))
		return nil
	}
	if err := s.Forget(opts.ForgetID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			// Another asnskill forgot it meanwhile: it is gone, as asked.
			fmt.Fprintln(f.IO.ErrOut, p.T("history.forgot", opts.ForgetID))
			return nil
		}
		return storeError(p, path, err)
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("history.forgot", opts.ForgetID))
	return nil
}

// confirm asks a yes/no question on the terminal; only "y", "yes" or "ya"
// (any case) is a yes, so Enter keeps the data.
func confirm(opts *Options, question string) (bool, error) {
	f := opts.F
	p := f.Printer()
	fmt.Fprintf(f.IO.ErrOut, "%s %s ", question, p.T("history.confirm-choices"))
	line, err := bufio.NewReader(f.IO.In).ReadString('\n')
	if err != nil && line == "" {
		// End of input (Ctrl-D): no answer is not a yes.
		fmt.Fprintln(f.IO.ErrOut)
		return false, nil
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "ya":
		return true, nil
	}
	return false, nil
}
