package tui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// The role picker: the unfinished attempts first (to continue), then the
// loaded banks, filtered by typing.

// Unfinished is an attempt the picker offers to continue.
type Unfinished struct {
	ID        int64
	BankID    string
	Title     string // the bank's title in the quiz's language
	Answered  int
	Total     int
	Remaining time.Duration // exam time left; 0 without a limit
}

// pickResumes are the unfinished attempts the filter keeps.
func (m *Model) pickResumes() []Unfinished {
	f := strings.ToLower(strings.TrimSpace(m.pickFilter))
	var out []Unfinished
	for _, u := range m.cfg.Unfinished {
		if f == "" || strings.Contains(strings.ToLower(u.BankID+"\n"+u.Title), f) {
			out = append(out, u)
		}
	}
	return out
}

func (m *Model) pickItems() []*bank.Bank {
	f := strings.ToLower(strings.TrimSpace(m.pickFilter))
	if f == "" {
		return m.cfg.Banks
	}
	var out []*bank.Bank
	for _, b := range m.cfg.Banks {
		hay := []string{b.ID, b.Title.Get(m.lang)}
		for _, s := range b.Skills {
			hay = append(hay, s.Name.Get(m.lang))
		}
		if strings.Contains(strings.ToLower(strings.Join(hay, "\n")), f) {
			out = append(out, b)
		}
	}
	return out
}

func (m *Model) updatePicker(msg tea.KeyMsg) tea.Cmd {
	items := m.pickItems()
	resumes := m.pickResumes()
	nr := len(resumes)
	k := m.keys
	switch {
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyCtrlP:
		m.pickCursor = max(0, m.pickCursor-1)
	case msg.Type == tea.KeyDown || msg.Type == tea.KeyCtrlN:
		m.pickCursor = min(nr+len(items)-1, m.pickCursor+1)
	case msg.Type == tea.KeyLeft && m.cfg.Options.Count == 0:
		m.pickLength = max(0, m.pickLength-1)
	case msg.Type == tea.KeyRight && m.cfg.Options.Count == 0:
		m.pickLength = min(3, m.pickLength+1)
	case key.Matches(msg, k.Confirm) && m.pickCursor < nr:
		// Continue an unfinished attempt where it stopped.
		if m.cfg.Resume == nil {
			return nil
		}
		s, err := m.cfg.Resume(resumes[m.pickCursor].ID)
		if err != nil {
			m.setStatus(statusError, line(err.Error()))
			return nil
		}
		m.sess, m.bank = s, s.Bank
		return m.begin()
	case key.Matches(msg, k.Confirm):
		if len(items) == 0 {
			return nil
		}
		m.picked = true
		if m.setBank(items[m.pickCursor-nr]) {
			m.state = scrStart
		} else {
			m.picked = false
		}
	case key.Matches(msg, k.Back):
		m.pickFilter = ""
	case msg.Type == tea.KeyBackspace:
		if r := []rune(m.pickFilter); len(r) > 0 {
			m.pickFilter = string(r[:len(r)-1])
		}
	case msg.Type == tea.KeySpace:
		m.pickFilter += " "
	case msg.Type == tea.KeyRunes && !msg.Alt:
		m.pickFilter += string(msg.Runes)
	}
	m.pickCursor = min(max(m.pickCursor, 0), max(0, len(m.pickResumes())+len(m.pickItems())-1))
	return nil
}

func (m *Model) pagePicker() page {
	st, p, w := m.st, m.p, m.textWidth()
	pg := page{
		header: []string{st.Title.Render("asnskill") + st.Subtle.Render(" · "+p.T("quiz.picker.title")), st.rule(w)},
	}
	cursor := st.Cursor.Render(" ")
	if st.Plain {
		cursor = "_"
	}
	filter := st.Subtle.Render(p.T("quiz.picker.filter")) + " " + line(m.pickFilter) + cursor
	pg.body = append(pg.body, filter, "")
	items := m.pickItems()
	resumes := m.pickResumes()
	nr := len(resumes)
	if nr > 0 {
		pg.body = append(pg.body, st.Heading.Render(p.T("quiz.picker.unfinished")))
		for i, u := range resumes {
			text := p.T("quiz.picker.resume", line(u.Title), u.Answered, u.Total)
			if u.Remaining > 0 {
				text += ", " + p.T("quiz.picker.time-left", fmtClock(u.Remaining))
			}
			mark := "  "
			if i == m.pickCursor {
				mark = st.Chosen.Render("> ")
				text = st.Cursor.Render(text)
			}
			pg.body = append(pg.body, mark+text+st.Subtle.Render(" (#"+strconv.FormatInt(u.ID, 10)+")"))
			if i == m.pickCursor {
				pg.focus, pg.hasFocus = [2]int{0, len(pg.body) - 1}, true
			}
		}
		pg.body = append(pg.body, "")
	}
	if len(m.cfg.Banks) == 0 {
		pg.body = append(pg.body, st.Warning.Render(p.T("quiz.picker.none")))
	} else if len(items) == 0 {
		pg.body = append(pg.body, st.Subtle.Render(p.T("quiz.picker.no-match")))
	}
	for j, b := range items {
		i := j + nr // position of the bank in the cursor's list
		title := line(b.Title.Get(m.lang))
		mark := "  "
		first := len(pg.body)
		if i == m.pickCursor {
			mark = st.Chosen.Render("> ")
			title = st.Cursor.Render(title)
		} else {
			title = st.Bold.Render(title)
		}
		pg.body = append(pg.body, mark+title+st.Subtle.Render(" ("+b.ID+")"))
		lengths := quizLengths(b)
		n := lengths[1].count
		if m.cfg.Options.Count > 0 {
			n = min(m.cfg.Options.Count, len(b.Questions))
		} else if i == m.pickCursor && lengths[m.pickLength].count > 0 {
			n = lengths[m.pickLength].count
		}
		info := p.T("quiz.picker.info", len(b.Questions), len(b.Skills), n, fmtClock(session.DefaultTimeLimit(b, n)))
		pg.body = append(pg.body, "    "+st.Subtle.Render(info))
		if i == m.pickCursor && m.cfg.Options.Count == 0 {
			// The length of the quiz, and what each length costs in
			// precision: the half-width of a skill's 95% interval.
			var opts []string
			for k, l := range lengths {
				text := p.T("quiz.picker.length."+l.name, l.count, l.perSkill, p.Number(l.precision))
				if l.name == "adaptive" {
					text = p.T("quiz.picker.length.adaptive")
				}
				if k == m.pickLength {
					text = st.Chosen.Render("[" + text + "]")
				} else {
					text = st.Subtle.Render(text)
				}
				opts = append(opts, text)
			}
			pg.body = append(pg.body, wrapIndent(st.Subtle.Render(p.T("quiz.picker.length"))+" "+strings.Join(opts, "  "), "    ", w)...)
		}
		if i == m.pickCursor {
			// The highlighted role shows its skills.
			var names []string
			for _, s := range b.Skills {
				names = append(names, line(s.Name.Get(m.lang)))
			}
			pg.body = append(pg.body, wrapIndent(st.Subtle.Render(strings.Join(names, " · ")), "    ", w)...)
			pg.focus, pg.hasFocus = [2]int{first, len(pg.body) - 1}, true
			if i == 0 {
				pg.focus[0] = 0 // the filter line too
			}
		}
		pg.body = append(pg.body, "")
	}
	k := m.keys
	pg.keys = []key.Binding{with(k.Up, "↑/↓", p.T("quiz.key.move")), with(k.Prev, "←/→", p.T("quiz.key.length")), k.Filter, with(k.Confirm, "enter", p.T("quiz.key.pick")), with(k.Back, "esc", p.T("quiz.key.clear-filter"))}
	pg.full = [][]key.Binding{{k.Up, k.Down, with(k.Confirm, "enter", p.T("quiz.key.pick"))}, {k.Filter, with(k.Clear, "⌫", p.T("quiz.key.erase")), with(k.Back, "esc", p.T("quiz.key.clear-filter"))}}
	return pg
}

// quizLength is one length the picker offers.
type quizLength struct {
	name      string  // short, standard, full
	count     int     // questions
	perSkill  int     // questions the least-asked skill gets
	precision float64 // ± points of that skill's 95% interval at 60%
}

// quizLengths are the short quiz (3 questions a skill, the least that gives
// a level), the bank's standard quiz, and the whole bank.
func quizLengths(b *bank.Bank) []quizLength {
	all := len(b.Questions)
	std := b.QuizSize
	if std <= 0 || std > all {
		std = min(20, all)
	}
	short := min(std, scoring.LowEvidenceItems*len(b.Skills))
	out := []quizLength{{name: "short", count: short}, {name: "standard", count: std}, {name: "full", count: all}}
	for i := range out {
		out[i].perSkill = session.PerSkill(b, out[i].count, nil)
		ci := scoring.Wilson(60, out[i].perSkill)
		out[i].precision = math.Round((ci[1] - ci[0]) / 2)
	}
	// The adaptive quiz: as long as it takes to decide each skill.
	return append(out, quizLength{name: "adaptive"})
}
