package quiz

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/record"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/internal/tui"
)

// history is the quiz's link to the history database; a nil *history
// (with --no-history) records nothing, and its methods are safe to call.
type history struct {
	f     *cmdutil.Factory
	p     i18n.Printer
	store *store.Store
	rec   *record.Recorder
	// discarded: the quiz was submitted with no answer at all, so the
	// attempt was deleted instead of kept as finished.
	discarded bool
}

// openHistory opens the database unless --no-history, and makes sure it can
// be written before the first question. A file that is not an asnskill
// history, or cannot be written, is left untouched; the quiz then runs
// without it, and notice says so (for the start screen), having also been
// written to stderr.
func openHistory(opts *Options) (h *history, notice string, err error) {
	f := opts.F
	p := f.Printer()
	if opts.NoHistory {
		return nil, "", nil
	}
	path, err := f.DBPath()
	if err != nil {
		return nil, "", err
	}
	st, err := store.Open(path)
	if err == nil {
		if err = st.CheckWritable(); err != nil {
			st.Close()
		}
	}
	if err != nil {
		hint := p.T("quiz.hint.history-open")
		var tooNew *store.TooNewError
		msg := p.T("quiz.error.history-open", textsafe.Line(path), textsafe.Line(err.Error()))
		switch {
		case errors.As(err, &tooNew):
			hint = p.T("quiz.hint.history-too-new")
		case errors.Is(err, store.ErrReadOnly):
			msg = p.T("quiz.error.history-readonly", textsafe.Line(path))
			hint = p.T("quiz.hint.history-readonly")
		}
		if opts.Resume != "" || opts.Review {
			return nil, "", cmdutil.Errorf(hint, "%s", msg)
		}
		// The quiz itself needs no history: practise anyway, and say that
		// this attempt is not kept, before the first question.
		fmt.Fprintf(f.IO.ErrOut, "asnskill: %s\n%s %s\n%s\n", msg, p.T("hint.prefix"), hint, p.T("quiz.notice.not-kept"))
		return nil, p.T("quiz.notice.not-kept-screen", textsafe.Line(path)), nil
	}
	return &history{f: f, p: p, store: st, rec: &record.Recorder{Store: st}}, "", nil
}

// interrupted is called when the quiz stops before it is submitted (Ctrl+C,
// end of input, a signal): the attempt stays unfinished, and the candidate
// is told how to go on. An interrupted review drill is not an attempt: it
// is deleted.
func (h *history) interrupted() {
	if h == nil || h.rec.ID == 0 {
		return
	}
	if h.rec.Mode == record.ModeReview {
		if err := h.store.Forget(h.rec.ID); err == nil {
			return
		}
	}
	fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.notice.kept", h.rec.ID))
	fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.hint.resume-this", h.rec.ID))
}

// tellDiscarded says that an attempt without answers was not kept.
func (h *history) tellDiscarded() {
	if h != nil && h.discarded {
		fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.notice.empty-not-kept"))
	}
}

func (h *history) onStart(s *session.Session) error {
	if h == nil {
		return nil
	}
	return h.rec.Attach(s, h.f.Now())
}

// onFinish keeps the result. An attempt with no answer at all is never kept
// as finished: it would only drag the trend down (docs/scoring.md).
func (h *history) onFinish(s *session.Session, r scoring.Result) error {
	if h == nil {
		return nil
	}
	if r.Score.Counts.Answered() == 0 {
		if h.rec.ID == 0 {
			return nil
		}
		h.discarded = true
		return h.store.Forget(h.rec.ID)
	}
	return h.rec.Finish(s, r, h.f.Now())
}

// previous describes the candidate's last finished attempt on a bank.
func (h *history) previous(bankID string) string {
	if h == nil {
		return ""
	}
	list, err := h.store.List(store.Filter{BankID: bankID, Finished: true, Limit: 1})
	if err != nil || len(list) == 0 {
		return ""
	}
	a := list[len(list)-1]
	return h.p.T("quiz.start.previous", a.FinishedAt.In(time.Local).Format("2006-01-02 15:04"), h.p.Percent(a.Percent), a.ID)
}

// offerResume tells the candidate about an unfinished attempt on the bank.
func (h *history) offerResume(b *bank.Bank) {
	a, ok, err := h.store.LatestUnfinished(b.ID)
	if err != nil || !ok {
		return
	}
	fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.notice.unfinished", a.ID, len(a.Answers), len(a.Questions), a.StartedAt.In(time.Local).Format("2006-01-02 15:04")))
	fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.hint.resume", a.ID))
}

// resume finds the attempt to continue: the latest unfinished one (of the
// bank, when one is named), or the one with the id.
func (h *history) resume(ref string, b *bank.Bank) (*session.Session, *bank.Bank, error) {
	p := h.p
	var a store.Attempt
	if ref == resumeLatest {
		bankID := ""
		if b != nil {
			bankID = b.ID
		}
		var ok bool
		var err error
		if a, ok, err = h.store.LatestUnfinished(bankID); err != nil {
			return nil, nil, err
		}
		if !ok {
			return nil, nil, cmdutil.Errorf(p.T("quiz.hint.resume-none"), "%s", p.T("quiz.error.resume-none"))
		}
	} else {
		id, _ := strconv.ParseInt(ref, 10, 64)
		var err error
		if a, err = h.store.Attempt(id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return nil, nil, cmdutil.Errorf(p.T("quiz.hint.resume-none"), "%s", p.T("quiz.error.resume-unknown", id))
			}
			return nil, nil, err
		}
		if a.Finished() {
			return nil, nil, cmdutil.Errorf(p.T("quiz.hint.resume-finished", a.ID), "%s", p.T("quiz.error.resume-finished", a.ID))
		}
	}
	if b == nil || b.ID != a.BankID {
		var err error
		if b, err = h.f.Bank(a.BankID); err != nil {
			return nil, nil, err
		}
	}
	if b.SHA256 != a.BankSHA256 {
		fmt.Fprintln(h.f.IO.ErrOut, p.T("quiz.notice.bank-changed", textsafe.Line(b.ID), textsafe.Line(a.BankVersion), textsafe.Line(b.Version)))
	}
	s, err := record.Resume(a, b)
	if err != nil {
		return nil, nil, cmdutil.Errorf(p.T("quiz.hint.resume-none"), "%s", p.T("quiz.error.resume-broken", a.ID, textsafe.Line(err.Error())))
	}
	if a.Mode == session.ModeAdaptive {
		// The selector is rebuilt from the answers: it picks on as the
		// first run would have.
		cfg := adaptive.Config{Seed: a.Seed}
		if a.Adaptive != nil { // the -n and --skills the quiz began with
			cfg.MaxTotal, cfg.Skills = a.Adaptive.MaxQuestions, a.Adaptive.Skills
		}
		s.Adaptive = adaptive.New(b, cfg)
		s.Sync()
	}
	h.rec.ID = a.ID
	return s, b, nil
}

// review draws the questions due for review; nil when none is due.
func (h *history) review(b *bank.Bank, so session.Options) (*session.Session, error) {
	n := so.Count
	if n <= 0 {
		n = b.QuizSize
	}
	ids, err := record.ReviewQuestions(h.store, b, h.f.Now(), n)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		fmt.Fprintln(h.f.IO.ErrOut, h.p.T("quiz.review.none", textsafe.Line(b.ID)))
		return nil, nil
	}
	so.Mode = session.Practice
	s, err := session.NewWithQuestions(b, ids, so)
	if err != nil {
		return nil, err
	}
	h.rec.Mode = record.ModeReview
	return s, nil
}

// unfinished lists the attempts the picker offers to continue (review
// drills excluded), and how to bring one back.
func (h *history) unfinished(set *bank.Set) ([]tui.Unfinished, func(int64) (*session.Session, error)) {
	if h == nil {
		return nil, nil
	}
	list, err := h.store.Unfinished(5)
	if err != nil {
		return nil, nil
	}
	var out []tui.Unfinished
	for _, a := range list {
		b, ok := set.Get(a.BankID)
		if !ok || a.Mode == record.ModeReview {
			continue
		}
		u := tui.Unfinished{ID: a.ID, BankID: a.BankID, Title: b.Title.Get(h.f.Lang()), Total: len(a.Questions)}
		for _, ans := range a.Answers {
			if len(ans.Response) > 0 {
				u.Answered++
			}
		}
		if a.TimeLimit > 0 {
			u.Remaining = a.Remaining
		}
		out = append(out, u)
	}
	resume := func(id int64) (*session.Session, error) {
		s, _, err := h.resume(strconv.FormatInt(id, 10), nil)
		return s, err
	}
	return out, resume
}
