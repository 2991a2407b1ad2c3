package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// PlainOptions configure the line mode.
type PlainOptions struct {
	// In gives one answer per line: displayed letters ("B", "a,c"), empty
	// to skip. End of input before the last question is an interruption
	// (ErrInterrupted): the quiz is not submitted, nothing is scored, and
	// the answers given stay with OnStart's recorder to resume.
	In io.Reader
	// Out receives the questions, the feedback and prompts.
	Out io.Writer
	// Result receives the result: JSON when JSON is set, else text.
	Result io.Writer
	JSON   bool
	Lang   string
	Width  int // text width (80 when 0)
	Now    func() time.Time
	// Echo writes each line read after its prompt, for input that is not
	// typed on a terminal (a pipe, a file), so the transcript shows it.
	Echo bool
	// SelfRate asks for a rating of each skill (1..max level) first.
	SelfRate bool
	// SavePath, when set, is where the result JSON is written (atomically).
	SavePath string
	OnStart  func(*session.Session) error
	OnFinish func(*session.Session, scoring.Result) error
}

// maxLine is the longest answer line read; an answer is a few letters.
const maxLine = 64 << 10

// RunPlain runs the quiz s as lines of text over any reader and writer,
// with no terminal control at all (huh's accessible mode): each question
// with its options lettered as shown (the letters typed are those shown,
// recorded by canonical letter), one line per answer, feedback after each
// answer in practice mode, and the result at the end.
func RunPlain(s *session.Session, o PlainOptions) (scoring.Result, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Result == nil {
		o.Result = o.Out
	}
	m := New(Config{Session: s, Lang: o.Lang, Renderer: lipgloss.NewRenderer(io.Discard), Now: o.Now})
	m.width = o.Width + 2
	st, p, w := m.st, m.p, m.textWidth()
	out := &errWriter{w: o.Out}
	sc := bufio.NewScanner(o.In)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	eof := false
	read := func() (string, bool) {
		if eof {
			return "", false
		}
		if !sc.Scan() {
			eof = true
			return "", false
		}
		l := strings.TrimSpace(strings.TrimSuffix(sc.Text(), "\r"))
		if o.Echo {
			out.line(line(l))
		}
		return l, true
	}

	b := s.Bank
	out.line(st.Heading.Render(line(b.Title.Get(m.lang))))
	mode := p.T("quiz.plain.practice")
	if s.Mode == session.Exam {
		mode = p.T("quiz.plain.exam")
	}
	if s.Adaptive != nil {
		for _, l := range wrapIndent(p.T("quiz.plain.intro-adaptive"), "", w) {
			out.line(l)
		}
	} else {
		out.line(p.T("quiz.plain.intro", s.Len(), mode))
	}
	if n := MinPerSkill(s); n < scoring.LowEvidenceItems && s.Adaptive == nil {
		for _, l := range wrapIndent(p.T("quiz.start.rough", n, scoring.LowEvidenceItems), "", w) {
			out.line(l)
		}
	}
	if e, ok := s.Adaptive.(*adaptive.Engine); ok && !e.Calibrated {
		for _, l := range wrapIndent(p.T("quiz.start.uncalibrated"), "", w) {
			out.line(l)
		}
	}
	if s.TimeLimit > 0 {
		out.line(p.T("quiz.start.time", fmtClock(s.TimeLimit)))
	}
	for _, l := range wrapIndent(p.T("quiz.plain.how"), "", w) {
		out.line(l)
	}

	if o.SelfRate {
		top := max(1, b.MaxLevel())
		if s.SelfLevels == nil {
			s.SelfLevels = map[string]int{}
		}
		out.line("")
		out.line(p.T("quiz.rate.title"))
		for _, sk := range quizSkills(s) {
			for try := 0; try < 2; try++ {
				out.printf("%s (1–%d): ", line(sk.Name.Get(m.lang)), top)
				l, ok := read()
				if !ok {
					out.line("")
					return scoring.Result{}, inputEnded(sc, p)
				}
				var n int
				if l == "" {
					break
				}
				if _, err := fmt.Sscan(l, &n); err == nil && n >= 1 && n <= top && fmt.Sprint(n) == l {
					s.SelfLevels[sk.ID] = n
					break
				}
				out.line(p.T("quiz.plain.bad-rating", top))
			}
		}
	}

	if o.OnStart != nil {
		if err := o.OnStart(s); err != nil {
			return scoring.Result{}, err
		}
	}
	if err := s.Start(o.Now()); err != nil {
		return scoring.Result{}, err
	}
	for i := 0; i < s.Len(); i++ {
		if s.Confirmed[i] || (s.Mode == session.Exam && s.Answered(i)) {
			if i == s.Len()-1 {
				// An adaptive quiz stopped right after an answer: pick on.
				if _, err := s.Extend(); err != nil {
					return scoring.Result{}, err
				}
			}
			continue // answered before the quiz was resumed
		}
		if err := s.Goto(i, o.Now()); err != nil {
			return scoring.Result{}, err
		}
		q := s.Question(i)
		out.line("")
		out.line(st.Bold.Render(m.numberLabel(i)) + " · " + line(b.Skill(q.Skill).Name.Get(m.lang)))
		for _, l := range st.markdown(q.Prompt.Get(m.lang), w) {
			out.line(l)
		}
		if h := m.kindHint(q); h != "" {
			out.line(h)
		}
		for d, c := range s.Order(i) {
			text := strings.ReplaceAll(st.inline(safe(q.Options[c].Text.Get(m.lang))), "\n", " ")
			for _, l := range wrapIndent(text, "  "+string(bank.Letters[d])+". ", w) {
				out.line(l)
			}
		}
		var choice answers.Choice
		for try := 0; try < 2; try++ {
			out.printf("%s ", p.T("quiz.plain.ask", bank.Letters[len(q.Options)-1:len(q.Options)]))
			l, ok := read()
			if !ok {
				out.line("")
				return scoring.Result{}, inputEnded(sc, p)
			}
			c, err := s.ParseDisplayed(i, l)
			if err == nil {
				choice = c
				break
			}
			if try == 0 {
				out.line(p.T("quiz.plain.bad-answer", plainChoiceError(p.T, err, len(q.Options))))
			} else {
				out.line(p.T("quiz.plain.skipped"))
			}
		}
		if err := s.SetChoice(i, choice); err != nil {
			return scoring.Result{}, err
		}
		if s.Mode == session.Practice {
			if err := s.Confirm(i); err != nil {
				return scoring.Result{}, err
			}
			out.line(m.verdict(i))
			for _, l := range m.explainLines(i) {
				out.line(l)
			}
			if _, err := s.Extend(); err != nil { // adaptive: the next question
				return scoring.Result{}, err
			}
		}
		if s.Expired(o.Now()) {
			out.line(p.T("quiz.status.time-up"))
			break
		}
	}
	if err := s.Finish(o.Now()); err != nil {
		return scoring.Result{}, err
	}
	r, err := s.Result()
	if err != nil {
		return r, err
	}
	if o.OnFinish != nil {
		if err := o.OnFinish(s, r); err != nil {
			return r, err
		}
	}
	if o.SavePath != "" {
		if err := SaveResult(o.SavePath, r); err != nil {
			return r, err
		}
	}
	if out.err != nil {
		return r, out.err
	}
	if o.JSON {
		data, err := MarshalResult(r)
		if err == nil {
			_, err = o.Result.Write(data)
		}
		return r, err
	}
	res := &errWriter{w: o.Result}
	res.line("")
	for _, l := range ResultHeader(st, p, b, r, w) {
		res.line(l)
	}
	res.line("")
	for _, l := range ResultLines(st, p, b, r, s.Elapsed(o.Now()), s.TimeLimit, w) {
		res.line(l)
	}
	if o.SavePath != "" {
		res.line("")
		res.line(p.T("quiz.status.saved", line(o.SavePath)))
	}
	return r, res.err
}

// ErrInputEnded is the input ending before the last question: an
// interruption, like Ctrl+C (errors.Is(err, ErrInterrupted) holds).
var ErrInputEnded = fmt.Errorf("the input ended before the last question: %w", ErrInterrupted)

// inputEnded says why reading stopped: a line too long or a read error is an
// error of its own; a plain end of input is ErrInputEnded.
func inputEnded(sc *bufio.Scanner, p i18n.Printer) error {
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s", p.T("quiz.plain.too-long", maxLine>>10))
		}
		return err
	}
	return ErrInputEnded
}

func plainChoiceError(t func(string, ...any) string, err error, n int) string {
	var ce *answers.ChoiceError
	if errors.As(err, &ce) {
		switch ce.Reason {
		case "many":
			return t("quiz.plain.one-answer")
		case "repeat":
			return t("quiz.plain.repeat", string(ce.Letter))
		case "range":
			return t("quiz.plain.range", string(ce.Letter), bank.Letters[n-1:n])
		}
		return t("quiz.plain.letter", line(string(ce.Letter)), bank.Letters[n-1:n])
	}
	return line(err.Error())
}

// errWriter keeps the first write error, so the loop above stays readable.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) line(s string) { e.printf("%s\n", strings.TrimRight(s, " ")) }
