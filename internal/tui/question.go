package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// The question screen, and in practice mode the feedback after each answer.

// resetCursor puts the highlight on the first chosen option of the current
// question, or on none: nothing is pre-selected, so enter alone never
// records an answer the candidate did not choose.
func (m *Model) resetCursor() {
	i := m.sess.Current
	m.optCursor = -1
	d := m.sess.ToDisplayed(i, m.sess.Choices[i])
	for k := range m.sess.Order(i) {
		if d.Has(k) {
			m.optCursor = k
			return
		}
	}
}

func (m *Model) exam() bool { return m.sess.Mode == session.Exam }

// move shows question i.
func (m *Model) move(i int) {
	m.record(m.sess.Goto(i, m.now()))
	m.resetCursor()
	m.state = scrQuestion
	if m.sess.Confirmed[i] {
		m.state = scrFeedback
	}
	m.scroll[scrFeedback] = 0
}

// letter is the display position of an option letter key, or -1.
func letter(msg tea.KeyMsg, n int) int {
	s := msg.String()
	if len(s) != 1 {
		return -1
	}
	c := s[0]
	if c >= 'a' && c <= 'z' {
		c -= 'a' - 'A'
	}
	k := strings.IndexByte(bank.Letters, c)
	if k < 0 || k >= n {
		return -1
	}
	return k
}

func (m *Model) updateQuestion(msg tea.KeyMsg) tea.Cmd {
	k, s := m.keys, m.sess
	i := s.Current
	q := s.Question(i)
	n := len(q.Options)
	multi := q.Type == bank.Multiple
	if s.Expired(m.now()) {
		return m.onTick()
	}
	switch {
	case key.Matches(msg, k.Up):
		if m.optCursor < 0 {
			m.optCursor = n
		}
		m.optCursor = (m.optCursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		m.optCursor = (m.optCursor + 1) % n
	case m.exam() && key.Matches(msg, k.Flag) && msg.String() == "f":
		m.record(s.ToggleFlag(i))
	case m.exam() && key.Matches(msg, k.Grid):
		m.gridCursor, m.gridFrom = i, scrQuestion
		m.state = scrGrid
	case m.exam() && key.Matches(msg, k.Prev):
		if i > 0 {
			m.move(i - 1)
		}
	case m.exam() && key.Matches(msg, k.Next):
		if i+1 < s.Len() {
			m.move(i + 1)
		} else {
			m.openReview()
		}
	case !m.exam() && key.Matches(msg, k.Prev) && msg.String() != "pgup":
		// Practice: back to the questions already answered, to read their
		// explanation again (they stay answered).
		if i > 0 {
			m.move(i - 1)
		}
	case m.exam() && key.Matches(msg, k.Clear):
		m.record(s.Clear(i))
	case key.Matches(msg, k.Submit), key.Matches(msg, k.Back):
		m.openReview()
	case key.Matches(msg, k.Choose):
		d := letter(msg, n)
		if d < 0 {
			m.setStatus(statusWarn, m.p.T("quiz.status.no-option", msg.String(), bank.Letters[n-1:n]))
			return nil
		}
		m.optCursor = d
		if m.exam() || multi {
			m.record(s.Choose(i, s.Canonical(i, d)))
		}
	case key.Matches(msg, k.Toggle):
		if m.optCursor < 0 {
			m.setStatus(statusWarn, m.p.T("quiz.status.choose-first"))
			return nil
		}
		if m.exam() || multi {
			m.record(s.Choose(i, s.Canonical(i, m.optCursor)))
		}
	case key.Matches(msg, k.Confirm):
		if m.exam() {
			// Enter takes the highlighted option only when the candidate
			// moved to one; with none highlighted the question stays as
			// it is (blank, or the answer given before).
			if !multi && m.optCursor >= 0 {
				m.record(s.SetChoice(i, answers.Choice(0).With(s.Canonical(i, m.optCursor))))
			}
			if i+1 < s.Len() {
				m.move(i + 1)
			} else {
				m.openReview()
			}
			return nil
		}
		if multi && s.Choices[i] == 0 {
			m.setStatus(statusWarn, m.p.T("quiz.status.choose-some"))
			return nil
		}
		if !multi && m.optCursor < 0 {
			m.setStatus(statusWarn, m.p.T("quiz.status.choose-first"))
			return nil
		}
		if !multi {
			m.record(s.SetChoice(i, answers.Choice(0).With(s.Canonical(i, m.optCursor))))
		}
		m.record(s.Confirm(i))
		m.state = scrFeedback
		m.scroll[scrFeedback] = 0
	}
	return nil
}

func (m *Model) updateFeedback(msg tea.KeyMsg) tea.Cmd {
	k, s := m.keys, m.sess
	switch {
	case key.Matches(msg, k.Prev) && msg.String() != "pgup":
		if s.Current > 0 {
			m.move(s.Current - 1)
		}
	case key.Matches(msg, k.Continue), key.Matches(msg, k.Next) && msg.String() != "pgdown":
		if s.Current+1 >= s.Len() {
			// An adaptive quiz picks its next question now.
			_, err := s.Extend()
			m.record(err)
		}
		if s.Current+1 < s.Len() {
			m.move(s.Current + 1)
		} else {
			m.finish()
		}
	case key.Matches(msg, k.Submit), key.Matches(msg, k.Back):
		m.openReview()
	default:
		m.scrollKeys(msg, true)
	}
	return nil
}

// header is the top of a question: role, number, skill, progress and clock.
func (m *Model) header(i int) []string {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	q := s.Question(i)
	role := st.Title.Render(line(m.bank.Title.Get(m.lang)))
	num := m.numberLabel(i)
	if s.Flags[i] {
		num += " " + st.Flag.Render("? "+p.T("quiz.q.flagged"))
	}
	clock := ""
	if left, ok := s.Remaining(m.now()); ok {
		style := st.Subtle
		if left <= 5*time.Minute {
			style = st.Warning
		}
		clock = style.Render("⏱ " + fmtClock(left))
	}
	cw := ansi.StringWidth(clock)
	l1 := ansi.Truncate(role, max(8, w-ansi.StringWidth(num)-cw-4), "…") + st.Subtle.Render(" · ") + num
	if clock != "" {
		l1 += strings.Repeat(" ", max(1, w-ansi.StringWidth(l1)-cw)) + clock
	}
	skill := st.Subtle.Render(line(m.bank.Skill(q.Skill).Name.Get(m.lang)))
	var done int
	var info string
	if m.exam() {
		done = s.AnsweredCount()
		info = p.T("quiz.q.progress.exam", done, s.Len(), len(s.Flagged()))
	} else {
		right := 0
		for j := range s.IDs {
			if s.Confirmed[j] {
				done++
				if scoring.IsCorrect(s.Question(j), s.Choices[j]) {
					right++
				}
			}
		}
		info = p.T("quiz.q.progress.practice", done, s.Len(), right)
	}
	bw := min(30, max(10, w-ansi.StringWidth(info)-1))
	l2 := st.bar(float64(done)/float64(s.Len()), bw, -1) + " " + st.Subtle.Render(info)
	return []string{l1, ansi.Truncate(skill, w, "…"), l2, st.rule(w)}
}

// optionLines renders the options of question i in display order. With
// marks, each shows the candidate's choice and the key (feedback, review);
// otherwise the highlight and what is chosen so far.
func (m *Model) optionLines(i int, marks bool, cursor int) (lines []string, focus [2]int) {
	st, w, s := m.st, m.textWidth(), m.sess
	q := s.Question(i)
	keyed := q.Keyed()
	chosen := s.Choices[i]
	multi := q.Type == bank.Multiple
	for d, c := range s.Order(i) {
		o := q.Options[c]
		lt := string(bank.Letters[d])
		var box string
		switch {
		case marks && keyed[c] && chosen.Has(c):
			box = st.Correct.Render("✓•")
		case marks && keyed[c]:
			box = st.Correct.Render("✓ ")
		case marks && chosen.Has(c):
			box = st.Wrong.Render("✗•")
		case marks:
			box = "  "
		case multi && chosen.Has(c):
			box = st.Chosen.Render("[x]")
		case multi:
			box = "[ ]"
		case chosen.Has(c):
			box = st.Chosen.Render("(•)")
		default:
			box = "( )"
		}
		cur := "  "
		if d == cursor {
			cur = st.Chosen.Render("> ")
		}
		text := st.inline(safe(o.Text.Get(m.lang)))
		text = strings.ReplaceAll(text, "\n", " ")
		if q.Type == bank.Judgement && marks {
			text += st.Subtle.Render(fmt.Sprintf(" (%d/%d)", o.Score, q.MaxScore()))
		}
		if d == cursor && !marks {
			lt = st.Cursor.Render(lt + ".")
		} else {
			lt += "."
		}
		prefix := cur + lt + " " + box + " "
		start := len(lines)
		lines = append(lines, wrapIndent(text, prefix, w)...)
		if d == cursor {
			focus = [2]int{start, len(lines) - 1}
		}
	}
	return lines, focus
}

func (m *Model) kindHint(q *bank.Question) string {
	switch q.Type {
	case bank.Multiple:
		return m.p.T("quiz.q.hint.multiple")
	case bank.Judgement:
		return m.p.T("quiz.q.hint.judgement")
	}
	return ""
}

func (m *Model) pageQuestion() page {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	i := s.Current
	q := s.Question(i)
	pg := page{header: m.header(i)}
	pg.body = append(pg.body, st.markdown(q.Prompt.Get(m.lang), w)...)
	if h := m.kindHint(q); h != "" {
		pg.body = append(pg.body, st.Subtle.Render(st.Italic.Render(h)))
	}
	pg.body = append(pg.body, "")
	opts, focus := m.optionLines(i, false, m.optCursor)
	pg.focus = [2]int{focus[0] + len(pg.body), focus[1] + len(pg.body)}
	pg.hasFocus = true
	pg.body = append(pg.body, opts...)
	k := m.keys
	choose := k.Choose
	choose.SetHelp("a–"+strings.ToLower(bank.Letters[len(q.Options)-1:len(q.Options)]), p.T("quiz.key.choose"))
	if m.exam() {
		if len(q.Options) == 6 {
			choose.SetHelp("a–e/F", p.T("quiz.key.choose"))
		}
		toggle := with(k.Toggle, "space", p.T("quiz.key.toggle"))
		confirm := with(k.Confirm, "enter", p.T("quiz.key.answer-next"))
		if q.Type == bank.Multiple {
			confirm = with(k.Confirm, "enter", p.T("quiz.key.next-question"))
		}
		move := with(k.Prev, "←/→", p.T("quiz.key.prev-next"))
		pg.keys = []key.Binding{choose, confirm, move, k.Flag, k.Grid, k.Submit}
		if q.Type == bank.Multiple {
			pg.keys = []key.Binding{choose, toggle, confirm, move, k.Flag, k.Grid, k.Submit}
		}
		pg.full = [][]key.Binding{{k.Up, k.Down, choose, toggle, confirm, k.Clear}, {k.Prev, k.Next, k.Flag, k.Grid, k.Submit, with(k.Back, "esc", p.T("quiz.key.submit"))}}
	} else {
		confirm := with(k.Confirm, "enter", p.T("quiz.key.confirm"))
		if q.Type == bank.Multiple {
			toggle := with(k.Toggle, "space", p.T("quiz.key.toggle"))
			pg.keys = []key.Binding{with(k.Up, "↑/↓", p.T("quiz.key.move")), choose, toggle, confirm, with(k.Back, "esc", p.T("quiz.key.finish"))}
		} else {
			pg.keys = []key.Binding{with(k.Up, "↑/↓", p.T("quiz.key.move")), choose, confirm, with(k.Back, "esc", p.T("quiz.key.finish"))}
		}
		back := with(k.Prev, "←", p.T("quiz.key.prev-answered"))
		if i > 0 {
			pg.keys = append(pg.keys[:len(pg.keys)-1:len(pg.keys)-1], back, pg.keys[len(pg.keys)-1])
		}
		pg.full = [][]key.Binding{{k.Up, k.Down, choose, with(k.Toggle, "space", p.T("quiz.key.toggle")), confirm}, {back, with(k.Back, "esc", p.T("quiz.key.finish")), with(k.Submit, "s", p.T("quiz.key.finish"))}}
	}
	return pg
}

// verdict says how an answer went: right, partly right, wrong, or none.
func (m *Model) verdict(i int) string {
	st, p, s := m.st, m.p, m.sess
	q := s.Question(i)
	c := s.Choices[i]
	e := scoring.Earned(q, c)
	pts := p.Number(e) + "/" + p.Number(q.Points)
	switch {
	case c == 0:
		return st.Subtle.Render("– " + p.T("quiz.fb.none", pts))
	case scoring.IsCorrect(q, c):
		return st.Correct.Render("✓ " + p.T("quiz.fb.right", pts))
	case e > 0:
		return st.Partial.Render("◐ " + p.T("quiz.fb.partial", pts))
	}
	return st.Wrong.Render("✗ " + p.T("quiz.fb.wrong", pts))
}

// explainLines are the key, the feedback of the options that matter and
// the explanation of question i, as shown after answering.
func (m *Model) explainLines(i int) []string {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	q := s.Question(i)
	keyed := q.Keyed()
	var keys []string
	for d, c := range s.Order(i) {
		if keyed[c] {
			keys = append(keys, string(bank.Letters[d]))
		}
	}
	var out []string
	label := "quiz.fb.key"
	if q.Type == bank.Judgement {
		label = "quiz.fb.best"
	}
	out = append(out, st.Bold.Render(p.T(label, strings.Join(keys, ", "))))
	for d, c := range s.Order(i) {
		fb := q.Options[c].Feedback.Get(m.lang)
		if fb == "" || !(keyed[c] || s.Choices[i].Has(c)) {
			continue
		}
		out = append(out, st.markdown(string(bank.Letters[d])+". "+fb, w)...)
	}
	if ex := q.Explanation.Get(m.lang); ex != "" {
		out = append(out, "", st.Heading.Render(p.T("quiz.fb.explanation")))
		out = append(out, st.markdown(ex, w)...)
	}
	if len(q.References) > 0 {
		out = append(out, "", st.Heading.Render(p.T("quiz.fb.references")))
		for _, r := range q.References {
			out = append(out, wrapIndent(st.inline(safe(r)), "• ", w)...)
		}
	}
	return out
}

func (m *Model) pageFeedback() page {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	i := s.Current
	q := s.Question(i)
	pg := page{header: m.header(i), scrollable: true}
	pg.body = append(pg.body, m.verdict(i), "")
	pg.body = append(pg.body, st.markdown(q.Prompt.Get(m.lang), w)...)
	pg.body = append(pg.body, "")
	opts, _ := m.optionLines(i, true, -1)
	pg.body = append(pg.body, opts...)
	pg.body = append(pg.body, st.Subtle.Render(p.T("quiz.fb.legend")), "")
	pg.body = append(pg.body, m.explainLines(i)...)
	k := m.keys
	next := with(k.Continue, "enter", p.T("quiz.key.next-question"))
	if i+1 == s.Len() {
		next = with(k.Continue, "enter", p.T("quiz.key.see-result"))
	}
	pg.keys = []key.Binding{next, with(k.Up, "↑/↓", p.T("quiz.key.scroll")), with(k.Back, "esc", p.T("quiz.key.finish"))}
	back := with(k.Prev, "←", p.T("quiz.key.prev"))
	if i > 0 {
		pg.keys = []key.Binding{next, back, with(k.Up, "↑/↓", p.T("quiz.key.scroll")), with(k.Back, "esc", p.T("quiz.key.finish"))}
	}
	pg.full = [][]key.Binding{{next, back, k.Up, k.Down, k.PageUp, k.PageDown}, {with(k.Back, "esc", p.T("quiz.key.finish"))}}
	return pg
}
