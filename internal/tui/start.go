package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// The start screen: the role, its skills and targets, the quiz about to
// run, and the keys. Then, with --self-rate, a rating of each skill.

func (m *Model) updateStart(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Start):
		if m.cfg.SelfRate {
			m.state = scrSelfRate
			if m.sess.SelfLevels == nil {
				m.sess.SelfLevels = map[string]int{}
			}
			return nil
		}
		return m.begin()
	case key.Matches(msg, k.Back):
		if m.picked {
			m.state = scrPicker
			m.sess, m.bank = nil, nil
		}
	default:
		m.scrollKeys(msg, true)
	}
	return nil
}

// levelLabel is "4 · Mahir".
func (m *Model) levelLabel(n int) string {
	if name := m.bank.LevelName(n, m.lang); name != "" {
		return fmt.Sprintf("%d · %s", n, line(name))
	}
	return fmt.Sprint(n)
}

// MinPerSkill is the number of questions the least-asked skill of the quiz
// gets (0 for an empty quiz).
func MinPerSkill(s *session.Session) int {
	per := map[string]int{}
	for i := range s.IDs {
		per[s.Question(i).Skill]++
	}
	least := 0
	for _, n := range per {
		if least == 0 || n < least {
			least = n
		}
	}
	return least
}

// quizSkills are the skills the session's questions measure, in file order.
func quizSkills(s *session.Session) []*bank.Skill {
	used := map[string]bool{}
	for i := range s.IDs {
		used[s.Question(i).Skill] = true
	}
	var out []*bank.Skill
	for i := range s.Bank.Skills {
		if used[s.Bank.Skills[i].ID] {
			out = append(out, &s.Bank.Skills[i])
		}
	}
	return out
}

func (m *Model) pageStart() page {
	st, p, w, b, s := m.st, m.p, m.textWidth(), m.bank, m.sess
	pg := page{scrollable: true}
	pg.header = []string{st.Title.Render(line(b.Title.Get(m.lang))), st.rule(w)}
	pg.body = append(pg.body, st.markdown(b.Summary.Get(m.lang), w)...)
	if m.cfg.Previous != nil {
		if prev := m.cfg.Previous(b.ID); prev != "" {
			pg.body = append(pg.body, "")
			pg.body = append(pg.body, wrapIndent(st.Subtle.Render(line(prev)), "", w)...)
		}
	}
	pg.body = append(pg.body, "", st.Heading.Render(p.T("quiz.start.skills")))
	inQuiz := map[string]bool{}
	for _, sk := range quizSkills(s) {
		inQuiz[sk.ID] = true
	}
	for _, sk := range b.Skills {
		name := line(sk.Name.Get(m.lang))
		target := st.Subtle.Render(p.T("quiz.start.target", m.levelLabel(sk.TargetLevel)))
		if !inQuiz[sk.ID] {
			target += st.Warning.Render(" · " + p.T("quiz.start.not-in-quiz"))
		}
		pg.body = append(pg.body, wrapIndent(name+"  "+target, "  • ", w)...)
	}
	pg.body = append(pg.body, "", st.Heading.Render(p.T("quiz.start.quiz")))
	mode := p.T("quiz.mode.practice")
	if s.Mode == session.Exam {
		mode = p.T("quiz.mode.exam")
	}
	pg.body = append(pg.body, wrapIndent(mode, "  ", w)...)
	if e, ok := s.Adaptive.(*adaptive.Engine); ok {
		pg.body = append(pg.body, wrapIndent(p.T("quiz.start.adaptive", len(b.Questions)), "  ", w)...)
		if !e.Calibrated {
			pg.body = append(pg.body, wrapIndent(st.Warning.Render(p.T("quiz.start.uncalibrated")), "  ", w)...)
		}
	} else {
		pg.body = append(pg.body, "  "+p.T("quiz.start.count", s.Len(), len(b.Questions)))
		if n := MinPerSkill(s); n < scoring.LowEvidenceItems {
			pg.body = append(pg.body, wrapIndent(st.Warning.Render(p.T("quiz.start.rough", n, scoring.LowEvidenceItems)), "  ", w)...)
		}
	}
	if s.TimeLimit > 0 {
		pg.body = append(pg.body, "  "+p.T("quiz.start.time", fmtClock(s.TimeLimit)))
	} else {
		pg.body = append(pg.body, "  "+p.T("quiz.start.no-time"))
	}
	pg.body = append(pg.body, "  "+p.T("quiz.start.passing", p.Number(b.PassingScore)))
	pg.body = append(pg.body, "", st.Heading.Render(p.T("quiz.start.keys")))
	hint := "quiz.start.keys.practice"
	if s.Mode == session.Exam {
		hint = "quiz.start.keys.exam"
	}
	for _, l := range strings.Split(p.T(hint), "\n") {
		pg.body = append(pg.body, wrapIndent(l, "  ", w)...)
	}
	// What to do next stays in the header, visible on any height.
	next := p.T("quiz.start.go")
	if m.cfg.SelfRate {
		next = p.T("quiz.start.go-rate")
	}
	pg.header = []string{pg.header[0], st.Chosen.Render(next), pg.header[1]}
	if m.cfg.Notice != "" {
		pg.header = append(pg.header[:2], append(wrapIndent(st.Warning.Render(line(m.cfg.Notice)), "", w), pg.header[2])...)
	}
	k := m.keys
	pg.keys = []key.Binding{k.Start}
	if m.picked {
		pg.keys = append(pg.keys, with(k.Back, "esc", p.T("quiz.key.roles")))
	}
	pg.keys = append(pg.keys, with(k.Up, "↑/↓", p.T("quiz.key.scroll")))
	pg.full = [][]key.Binding{pg.keys, {k.PageUp, k.PageDown, k.Home, k.End}}
	return pg
}

func (m *Model) updateSelfRate(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	skills := quizSkills(m.sess)
	top := max(1, m.bank.MaxLevel())
	cur := skills[m.rateCursor].ID
	switch {
	case key.Matches(msg, k.Up):
		m.rateCursor = max(0, m.rateCursor-1)
	case key.Matches(msg, k.Down):
		m.rateCursor = min(len(skills)-1, m.rateCursor+1)
	case key.Matches(msg, k.Rate):
		if n := int(msg.String()[0] - '0'); n >= 1 && n <= top {
			m.sess.SelfLevels[cur] = n
			m.rateCursor = min(len(skills)-1, m.rateCursor+1)
		}
	case key.Matches(msg, k.Lower):
		if v := m.sess.SelfLevels[cur]; v > 1 {
			m.sess.SelfLevels[cur] = v - 1
		}
	case key.Matches(msg, k.Raise):
		m.sess.SelfLevels[cur] = min(top, max(1, m.sess.SelfLevels[cur]+1))
	case key.Matches(msg, k.Clear):
		delete(m.sess.SelfLevels, cur)
	case key.Matches(msg, k.Continue):
		return m.begin()
	case key.Matches(msg, k.Back):
		m.state = scrStart
	}
	return nil
}

func (m *Model) pageSelfRate() page {
	st, p, w, b := m.st, m.p, m.textWidth(), m.bank
	pg := page{}
	pg.header = []string{st.Title.Render(line(b.Title.Get(m.lang))) + st.Subtle.Render(" · "+p.T("quiz.rate.title")), st.rule(w)}
	top := max(1, b.MaxLevel())
	for _, l := range strings.Split(p.T("quiz.rate.intro", top), "\n") {
		pg.body = append(pg.body, wrapIndent(l, "", w)...)
	}
	var legend []string
	for _, l := range b.Levels {
		legend = append(legend, fmt.Sprintf("%d %s", l.Level, line(l.Name.Get(m.lang))))
	}
	pg.body = append(pg.body, wrapIndent(st.Subtle.Render(strings.Join(legend, " · ")), "", w)...)
	pg.body = append(pg.body, "")
	for i, sk := range quizSkills(m.sess) {
		v := m.sess.SelfLevels[sk.ID]
		dots := strings.Repeat("■", v) + strings.Repeat("□", top-v)
		val := st.Subtle.Render(p.T("quiz.rate.none"))
		if v > 0 {
			val = st.Chosen.Render(dots) + " " + m.levelLabel(v)
		} else {
			val = st.Subtle.Render(dots) + " " + val
		}
		name := line(sk.Name.Get(m.lang))
		mark := "  "
		if i == m.rateCursor {
			mark = st.Chosen.Render("> ")
			name = st.Cursor.Render(name)
			pg.focus, pg.hasFocus = [2]int{len(pg.body), len(pg.body) + 1}, true
		}
		pg.body = append(pg.body, mark+name, "    "+val)
	}
	k := m.keys
	rate := with(k.Rate, fmt.Sprintf("1–%d", top), p.T("quiz.key.rate"))
	pg.keys = []key.Binding{with(k.Up, "↑/↓", p.T("quiz.key.skill")), rate, with(k.Continue, "enter", p.T("quiz.key.begin")), with(k.Back, "esc", p.T("quiz.key.back"))}
	pg.full = [][]key.Binding{{k.Up, k.Down}, {rate, k.Lower, k.Raise, with(k.Clear, "⌫", p.T("quiz.key.unrate"))}, {with(k.Continue, "enter", p.T("quiz.key.begin")), k.Back}}
	return pg
}
