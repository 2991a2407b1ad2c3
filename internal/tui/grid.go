package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The exam's grid of question numbers (answered, unanswered, flagged, as on
// the CAT screen) and the review before submitting.

const cellWidth = 7

func (m *Model) gridCols() int { return max(1, m.textWidth()/cellWidth) }

func (m *Model) updateGrid(msg tea.KeyMsg) tea.Cmd {
	k, n, cols := m.keys, m.sess.Len(), m.gridCols()
	switch {
	case key.Matches(msg, k.Up):
		if m.gridCursor-cols >= 0 {
			m.gridCursor -= cols
		}
	case key.Matches(msg, k.Down):
		if m.gridCursor+cols < n {
			m.gridCursor += cols
		}
	case key.Matches(msg, k.Prev):
		m.gridCursor = max(0, m.gridCursor-1)
	case key.Matches(msg, k.Next):
		m.gridCursor = min(n-1, m.gridCursor+1)
	case key.Matches(msg, k.Home):
		m.gridCursor = 0
	case key.Matches(msg, k.End):
		m.gridCursor = n - 1
	case key.Matches(msg, k.Flag) && msg.String() == "f":
		m.record(m.sess.ToggleFlag(m.gridCursor))
	case key.Matches(msg, k.Jump):
		m.move(m.gridCursor)
	case key.Matches(msg, k.Submit):
		m.openReview()
	case key.Matches(msg, k.Back), key.Matches(msg, k.Grid):
		m.state = m.gridFrom
	}
	return nil
}

// cell is one question number of the grid: a mark tells its state without
// colour (✓ answered, ? flagged as unsure — ragu-ragu — with no answer, ✓?
// answered but unsure), brackets the cursor.
func (m *Model) cell(i int, cursor bool) string {
	st, s := m.st, m.sess
	mark, style := "  ", st.Open
	switch {
	case s.Flags[i] && s.Answered(i):
		mark, style = "✓?", st.Flag
	case s.Flags[i]:
		mark, style = " ?", st.Flag
	case s.Answered(i):
		mark, style = "✓ ", st.Answered
	}
	txt := fmt.Sprintf("%3d%s", i+1, mark)
	if cursor {
		return st.Chosen.Render("[") + st.Cursor.Render(style.Render(txt)) + st.Chosen.Render("]")
	}
	return " " + style.Render(txt) + " "
}

func (m *Model) pageGrid() page {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	pg := page{}
	hdr := st.Title.Render(line(m.bank.Title.Get(m.lang))) + st.Subtle.Render(" · "+p.T("quiz.grid.title"))
	if left, ok := s.Remaining(m.now()); ok {
		hdr += st.Subtle.Render(" · ⏱ " + fmtClock(left))
	}
	pg.header = []string{hdr, st.rule(w)}
	both := 0
	for i := range s.IDs {
		if s.Flags[i] && s.Answered(i) {
			both++
		}
	}
	legend := st.Answered.Render("✓") + " " + p.T("quiz.grid.answered", s.AnsweredCount()-both) + "   " +
		st.Flag.Render("✓?") + " " + p.T("quiz.grid.both", both) + "   " +
		st.Flag.Render("?") + " " + p.T("quiz.grid.flagged", len(s.Flagged())-both) + "   " +
		st.Open.Render("·") + " " + p.T("quiz.grid.open", len(s.Unanswered()))
	pg.body = append(pg.body, wrapIndent(legend, "", w)...)
	pg.body = append(pg.body, "")
	cols := m.gridCols()
	for r := 0; r*cols < s.Len(); r++ {
		var b strings.Builder
		for c := 0; c < cols && r*cols+c < s.Len(); c++ {
			i := r*cols + c
			b.WriteString(m.cell(i, i == m.gridCursor))
		}
		if m.gridCursor/cols == r {
			pg.focus, pg.hasFocus = [2]int{len(pg.body), len(pg.body)}, true
		}
		pg.body = append(pg.body, b.String())
	}
	// The question under the cursor, in one line.
	q := s.Question(m.gridCursor)
	pg.body = append(pg.body, "", ansi.Truncate(st.Bold.Render(m.numberLabel(m.gridCursor))+" "+
		st.Subtle.Render(oneLine(q.Prompt.Get(m.lang))), w, "…"))
	k := m.keys
	pg.keys = []key.Binding{with(k.Up, "↑↓←→", p.T("quiz.key.move")), k.Jump, k.Flag, k.Submit, with(k.Back, "esc", p.T("quiz.key.back"))}
	pg.full = [][]key.Binding{{k.Up, k.Down, with(k.Prev, "←", p.T("quiz.key.left")), with(k.Next, "→", p.T("quiz.key.right")), k.Home, k.End}, {k.Jump, k.Flag, k.Submit, with(k.Back, "esc/g", p.T("quiz.key.back"))}}
	return pg
}

// reviewItems are the questions the review lists: unanswered, then
// flagged (in exam mode).
func (m *Model) reviewItems() (open, flagged []int) {
	open = m.sess.Unanswered()
	if m.exam() {
		flagged = m.sess.Flagged()
	}
	return
}

func (m *Model) openReview() {
	m.state = scrReview
	m.revCursor = 0
}

func (m *Model) updateReview(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	open, flagged := m.reviewItems()
	items := append(append([]int{}, open...), flagged...)
	switch {
	case key.Matches(msg, k.Up):
		m.revCursor = max(0, m.revCursor-1)
	case key.Matches(msg, k.Down):
		m.revCursor = min(max(0, len(items)-1), m.revCursor+1)
	case key.Matches(msg, k.Submit):
		m.finish()
	case key.Matches(msg, k.Jump):
		if m.exam() && len(items) > 0 {
			m.move(items[m.revCursor])
		} else {
			m.move(m.sess.Current)
		}
	case m.exam() && key.Matches(msg, k.Grid):
		m.gridCursor, m.gridFrom = m.sess.Current, scrReview
		m.state = scrGrid
	case key.Matches(msg, k.Back):
		m.move(m.sess.Current)
	}
	return nil
}

func (m *Model) pageReview() page {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	pg := page{}
	title := "quiz.review.title"
	if !m.exam() {
		title = "quiz.review.title.practice"
	}
	pg.header = []string{st.Title.Render(line(m.bank.Title.Get(m.lang))) + st.Subtle.Render(" · "+p.T(title)), st.rule(w)}
	summary := p.T("quiz.review.summary", s.AnsweredCount(), s.Len())
	if m.exam() {
		summary += " · " + p.T("quiz.grid.flagged", len(s.Flagged()))
	}
	if left, ok := s.Remaining(m.now()); ok {
		summary += " · " + p.T("quiz.review.left", fmtClock(left))
	}
	pg.body = append(pg.body, wrapIndent(summary, "", w)...)
	open, flagged := m.reviewItems()
	n := 0
	list := func(head string, items []int, mark string) {
		if len(items) == 0 {
			return
		}
		pg.body = append(pg.body, "", st.Heading.Render(p.T(head, len(items))))
		for _, i := range items {
			cur := "  "
			num := fmt.Sprintf("%3d.", i+1)
			if m.exam() && n == m.revCursor {
				cur = st.Chosen.Render("> ")
				num = st.Cursor.Render(num)
				pg.focus, pg.hasFocus = [2]int{len(pg.body), len(pg.body)}, true
			}
			text := cur + num + " " + mark + st.Subtle.Render(oneLine(s.Question(i).Prompt.Get(m.lang)))
			pg.body = append(pg.body, ansi.Truncate(text, w, "…"))
			n++
		}
	}
	list("quiz.review.open", open, "")
	list("quiz.review.flagged", flagged, st.Flag.Render("? "))
	if len(open) == 0 && len(flagged) == 0 {
		pg.body = append(pg.body, "", st.Correct.Render(p.T("quiz.review.all-done")))
	}
	if !m.exam() && len(open) > 0 {
		pg.body = append(pg.body, "")
		pg.body = append(pg.body, wrapIndent(p.T("quiz.review.practice-note"), "", w)...)
	}
	pg.body = append(pg.body, "", st.Chosen.Render(p.T("quiz.review.confirm")))
	k := m.keys
	submit := with(k.Submit, "s", p.T("quiz.key.submit-now"))
	if m.exam() {
		pg.keys = []key.Binding{submit, with(k.Up, "↑/↓", p.T("quiz.key.move")), with(k.Jump, "enter", p.T("quiz.key.goto")), k.Grid, with(k.Back, "esc", p.T("quiz.key.back-quiz"))}
		pg.full = [][]key.Binding{{submit, k.Up, k.Down, with(k.Jump, "enter", p.T("quiz.key.goto"))}, {k.Grid, with(k.Back, "esc", p.T("quiz.key.back-quiz"))}}
	} else {
		pg.keys = []key.Binding{submit, with(k.Back, "esc", p.T("quiz.key.back-quiz"))}
		pg.full = [][]key.Binding{pg.keys}
	}
	return pg
}
