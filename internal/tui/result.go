package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
)

// The result screen, the review of every answer, and the result as text
// (shared with the line mode).

func (m *Model) updateResult(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Review):
		m.ansIndex = 0
		m.scroll[scrAnswers] = 0
		m.state = scrAnswers
	case key.Matches(msg, k.Save):
		m.save()
	default:
		m.scrollKeys(msg, true)
	}
	return nil
}

func (m *Model) pageResult() page {
	st, p, w := m.st, m.p, m.textWidth()
	pg := page{scrollable: true}
	pg.header = []string{st.Title.Render(line(m.bank.Title.Get(m.lang))) + st.Subtle.Render(" · "+p.T("quiz.result.title")), st.rule(w)}
	pg.body = ResultLines(st, p, m.bank, *m.result, m.sess.Elapsed(m.now()), m.sess.TimeLimit, w)
	k := m.keys
	pg.keys = []key.Binding{with(k.Up, "↑/↓", p.T("quiz.key.scroll")), k.Review, k.Save, k.Quit}
	pg.full = [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.Review, k.Save, k.Quit}}
	return pg
}

// ResultLines renders a result for people, in lines of at most width
// cells: the overall score and verdict, a bar per skill with the level
// reached and the target marked, the gaps ranked, what to study, and the
// self-rating beside the measured level. elapsed and limit are the quiz
// time used and allowed (0: not shown).
func ResultLines(st Styles, p i18n.Printer, b *bank.Bank, r scoring.Result, elapsed, limit time.Duration, width int) []string {
	lang := p.Lang
	w := max(width, 30)
	var out []string
	add := func(s string, indent string) { out = append(out, wrapIndent(s, indent, w)...) }
	skillName := func(id string) string {
		if s := b.Skill(id); s != nil {
			return line(s.Name.Get(lang))
		}
		return line(id)
	}
	levelName := func(n int) string {
		if name := b.LevelName(n, lang); name != "" {
			return fmt.Sprintf("%d %s", n, line(name))
		}
		return fmt.Sprint(n)
	}

	// Overall, then the counts every try-out site shows first.
	sc := r.Score
	add(st.Heading.Render(p.T("quiz.result.overall", p.Percent(sc.Percent)))+" "+
		st.Subtle.Render(p.T("quiz.result.points", p.Number(sc.Earned), p.Number(sc.Possible))), "")
	if sc.Passed {
		add(st.Correct.Render("✓ "+p.T("quiz.result.passed"))+" "+st.Subtle.Render(p.T("quiz.result.passing", p.Number(sc.PassingScore))), "  ")
	} else {
		add(st.Wrong.Render("✗ "+p.T("quiz.result.failed"))+" "+st.Subtle.Render(p.T("quiz.result.passing", p.Number(sc.PassingScore))), "  ")
		for _, s := range r.Skills {
			if s.BelowPassMin && s.PassMin != nil {
				add(st.Wrong.Render(p.T("quiz.result.below-pass-min", skillName(s.ID), p.Percent(s.Percent), p.Number(*s.PassMin))), "  ")
			}
		}
	}
	c := sc.Counts
	counts := p.T("quiz.result.counts", c.Correct, c.Partial, c.Wrong, c.Blank)
	if elapsed > 0 {
		if limit > 0 {
			counts += " · " + p.T("quiz.result.time-of", fmtClock(elapsed), fmtClock(limit))
		} else {
			counts += " · " + p.T("quiz.result.time", fmtClock(elapsed))
		}
	}
	add(counts, "")
	var unknown []scoring.SkillResult
	for _, s := range r.Skills {
		if !s.Known() {
			unknown = append(unknown, s)
		}
	}
	if len(unknown) > 0 {
		add(st.Warning.Render(p.T("quiz.result.rough", len(unknown), scoring.LowEvidenceItems)), "")
	}
	if r.Calibrated != nil {
		key := "quiz.result.adaptive"
		if !*r.Calibrated {
			key = "quiz.result.adaptive-uncalibrated"
		}
		add(st.Subtle.Render(p.T(key)), "")
	}

	// Self-rating beside the measured range, where a level is known.
	var rated []scoring.SkillResult
	for _, s := range r.Skills {
		if s.SelfLevel > 0 {
			rated = append(rated, s)
		}
	}
	if len(rated) > 0 {
		out = append(out, "", st.Heading.Render(p.T("quiz.result.self-title")))
		for _, s := range rated {
			if !s.Known() {
				add(p.T("quiz.result.self-unknown", skillName(s.ID), s.SelfLevel), "  ")
				continue
			}
			add(p.T("quiz.result.self-line", skillName(s.ID), s.SelfLevel, s.LevelRange[0], s.LevelRange[1]), "  ")
			switch {
			case s.SelfLevel > s.LevelRange[1]:
				add(st.Warning.Render(p.T("quiz.self.over", s.SelfLevel-s.LevelRange[1])), "    ")
			case s.SelfLevel < s.LevelRange[0]:
				add(st.Correct.Render(p.T("quiz.self.under", s.LevelRange[0]-s.SelfLevel)), "    ")
			}
		}
	}

	// The summary: one line a skill, so that the whole result of a
	// standard quiz reads on one screen; the details follow.
	out = append(out, "", st.Heading.Render(p.T("quiz.result.summary")))
	// A fixed name column, so that the summary reads the same at any
	// width from 70 columns (report, line mode and screen alike).
	nameW := 32
	if w < 70 {
		nameW = max(12, w-38)
	}
	for _, s := range r.Skills {
		name := ansi.Truncate(skillName(s.ID), nameW, "…")
		name += strings.Repeat(" ", max(0, nameW-ansi.StringWidth(name)))
		lvl := "—"
		if s.Known() {
			lvl = p.T("quiz.result.level-short", s.Level, s.LevelRange[0], s.LevelRange[1])
		}
		row := fmt.Sprintf("%s %s %7s  %-16s %s", statusMark(st, s.GapStatus), name, p.Percent(s.Percent), lvl, st.Subtle.Render(p.T("quiz.result.target-short", s.TargetLevel)))
		out = append(out, ansi.Truncate(row, w, "…"))
	}
	add(st.Subtle.Render(p.T("quiz.result.summary-legend")), "")

	// Skills: a level only with the range its evidence allows.
	out = append(out, "", st.Heading.Render(p.T("quiz.result.skills"))+" "+st.Subtle.Render(p.T("quiz.result.bar-legend")))
	barW := min(30, max(10, w-36))
	for _, s := range r.Skills {
		out = append(out, "")
		add(st.Bold.Render(skillName(s.ID))+" "+gapStatusLabel(st, p, s.GapStatus), "")
		target := -1
		for _, l := range b.Levels {
			if l.Level == s.TargetLevel {
				target = min(barW-1, int(l.Min/100*float64(barW)+0.5))
			}
		}
		var lvl string
		switch {
		case !s.Known():
			lvl = st.Subtle.Render(p.T("quiz.result.no-level"))
		case s.LevelRange[0] == s.LevelRange[1]:
			lvl = p.T("quiz.result.level", levelName(s.Level))
		default:
			lvl = p.T("quiz.result.level-range", levelName(s.Level), s.LevelRange[0], s.LevelRange[1])
		}
		add(st.bar(s.Percent/100, barW, target)+" "+fmt.Sprintf("%6s", p.Percent(s.Percent))+"  "+lvl, "")
		var info []string
		info = append(info, p.T("quiz.result.target", levelName(s.TargetLevel)))
		if s.Theta != nil && s.ThetaSE != nil {
			info = append(info, p.T("quiz.result.theta", p.Decimal(*s.Theta, 2), p.Decimal(*s.ThetaSE, 2)))
		} else {
			info = append(info, p.T("quiz.result.ci", p.Decimal(s.CI95[0], 1), p.Decimal(s.CI95[1], 1)))
		}
		info = append(info, p.T("quiz.result.items", s.Items))
		if s.Seconds > 0 {
			info = append(info, p.T("quiz.result.skill-time", fmtClock(time.Duration(s.Seconds*float64(time.Second)))))
		}
		if s.SelfLevel > 0 {
			info = append(info, p.T("quiz.result.self", s.SelfLevel))
		}
		add(st.Subtle.Render(strings.Join(info, " · ")), "  ")
		if s.BelowPassMin && s.PassMin != nil {
			add(st.Wrong.Render(p.T("quiz.result.skill-pass-min", p.Number(*s.PassMin))), "  ")
		}
	}

	// Skills of the role this quiz did not measure at all.
	measured := map[string]bool{}
	for _, s := range r.Skills {
		measured[s.ID] = true
	}
	var missing []string
	for _, s := range b.Skills {
		if !measured[s.ID] {
			missing = append(missing, line(s.Name.Get(lang)))
		}
	}
	if len(missing) > 0 {
		out = append(out, "", st.Heading.Render(p.T("quiz.result.unmeasured")))
		for _, name := range missing {
			add(st.Subtle.Render(name), "  – ")
		}
		add(st.Subtle.Render(p.T("quiz.result.unmeasured-hint")), "  ")
	}

	// Gaps: clear ones first, then possible ones; skills without a level
	// are named apart, since nothing is known of their gap.
	out = append(out, "", st.Heading.Render(p.T("quiz.result.gaps")))
	gaps := scoring.RankGaps(r.Skills)
	if len(gaps) == 0 && len(unknown) == 0 {
		add(st.Correct.Render("✓ "+p.T("quiz.result.no-gaps")), "  ")
	} else if len(gaps) == 0 {
		add(p.T("quiz.result.no-known-gaps"), "  ")
	}
	for i, g := range gaps {
		key := "quiz.result.gap-line.possible"
		if g.GapStatus == scoring.GapClear {
			key = "quiz.result.gap-line.clear"
		}
		add(fmt.Sprintf("%d. ", i+1)+p.T(key, skillName(g.ID), g.Level, g.LevelRange[0], g.LevelRange[1], g.TargetLevel), "   ")
	}

	// The plan: what to study for each gap, and more questions where the
	// evidence is too thin to say anything.
	if len(r.Recommendations) > 0 || len(unknown) > 0 {
		out = append(out, "", st.Heading.Render(p.T("quiz.result.recs")))
	}
	last := ""
	for _, rec := range r.Recommendations {
		if rec.Skill != last {
			add(st.Bold.Render(skillName(rec.Skill)), "")
			last = rec.Skill
		}
		head := "[" + p.T("quiz.kind."+rec.Kind) + "] " + st.Bold.Render(line(rec.Title))
		var meta []string
		if rec.Provider != "" {
			meta = append(meta, line(rec.Provider))
		}
		if rec.Hours > 0 {
			meta = append(meta, p.T("quiz.result.hours", p.Number(rec.Hours)))
		}
		if len(meta) > 0 {
			head += st.Subtle.Render(" — " + strings.Join(meta, " · "))
		}
		add(head, "  • ")
		if rec.URL != "" {
			// The full address, never hidden behind a label.
			for _, l := range strings.Split(ansi.Hardwrap(line(rec.URL), w-4, false), "\n") {
				out = append(out, "    "+st.Link.Render(l))
			}
		}
		if rec.Why != "" {
			add(st.Subtle.Render(st.inline(line(rec.Why))), "    ")
		}
	}
	for _, s := range unknown {
		add(st.Bold.Render(skillName(s.ID)), "")
		add(p.T("quiz.result.more-questions", s.Items, line(b.ID), line(s.ID)), "  • ")
	}

	return out
}

// ResultHeader is the heading of a result outside the quiz screen (line
// mode, report, history): the bank, then candidate, mode and date. With
// ResultLines it is the whole result as text, the same everywhere.
func ResultHeader(st Styles, p i18n.Printer, b *bank.Bank, r scoring.Result, width int) []string {
	title := line(r.Bank.ID) + " " + line(r.Bank.Version)
	if b != nil && b.Title.Get(p.Lang) != "" && b.Title.Get(p.Lang) != r.Bank.ID {
		title = line(b.Title.Get(p.Lang)) + " (" + title + ")"
	}
	out := wrapIndent(st.Title.Render(p.T("report.title", title)), "", width)
	meta := []string{p.T("report.candidate", line(r.Candidate))}
	if r.Mode != "" {
		meta = append(meta, p.T("report.mode", p.T("mode."+r.Mode)))
	}
	if r.FinishedAt != nil {
		meta = append(meta, p.T("html.date", r.FinishedAt.UTC().Format("2006-01-02 15:04 MST")))
	}
	return append(out, wrapIndent(st.Subtle.Render(strings.Join(meta, " · ")), "", width)...)
}

// statusMark is the gap status as one character: ✓ none, ✗ clear, ?
// possible, ~ unknown.
func statusMark(st Styles, status scoring.GapStatus) string {
	switch status {
	case scoring.GapNone:
		return st.Correct.Render("✓")
	case scoring.GapClear:
		return st.Wrong.Render("✗")
	case scoring.GapPossible:
		return st.Warning.Render("?")
	}
	return st.Subtle.Render("~")
}

// gapStatusLabel is the gap status in words, styled by how it reads.
func gapStatusLabel(st Styles, p i18n.Printer, status scoring.GapStatus) string {
	if status == "" {
		status = scoring.GapUnknown
	}
	text := p.T("quiz.result.status." + status)
	switch status {
	case scoring.GapNone:
		return st.Correct.Render("✓ " + text)
	case scoring.GapClear:
		return st.Wrong.Render("✗ " + text)
	case scoring.GapPossible:
		return st.Warning.Render("? " + text)
	}
	return st.Subtle.Render("~ " + text)
}

func (m *Model) updateAnswers(msg tea.KeyMsg) tea.Cmd {
	k, n := m.keys, m.sess.Len()
	switch {
	case key.Matches(msg, k.Prev) && msg.String() != "pgup":
		if m.ansIndex > 0 {
			m.ansIndex--
			m.scroll[scrAnswers] = 0
		}
	case key.Matches(msg, k.Next) && msg.String() != "pgdown", key.Matches(msg, k.Continue):
		if m.ansIndex+1 < n {
			m.ansIndex++
			m.scroll[scrAnswers] = 0
		}
	case key.Matches(msg, k.Back), key.Matches(msg, k.Review):
		m.state = scrResult
	case key.Matches(msg, k.Quit):
		return tea.Quit
	default:
		m.scrollKeys(msg, true)
	}
	return nil
}

func (m *Model) pageAnswers() page {
	st, p, w, s := m.st, m.p, m.textWidth(), m.sess
	i := m.ansIndex
	q := s.Question(i)
	pg := page{scrollable: true}
	hdr := st.Title.Render(line(m.bank.Title.Get(m.lang))) + st.Subtle.Render(" · "+p.T("quiz.answers.title")+" · ") + m.numberLabel(i)
	pg.header = []string{hdr, st.Subtle.Render(line(m.bank.Skill(q.Skill).Name.Get(m.lang))), m.verdict(i), st.rule(w)}
	pg.body = append(pg.body, st.markdown(q.Prompt.Get(m.lang), w)...)
	pg.body = append(pg.body, "")
	opts, _ := m.optionLines(i, true, -1)
	pg.body = append(pg.body, opts...)
	info := st.Subtle.Render(p.T("quiz.fb.legend"))
	pg.body = append(pg.body, info)
	meta := []string{p.T("quiz.answers.time", fmtClock(time.Duration(s.Seconds[i]*float64(time.Second))))}
	if s.Flags[i] {
		meta = append(meta, st.Flag.Render("? "+p.T("quiz.q.flagged")))
	}
	pg.body = append(pg.body, st.Subtle.Render(strings.Join(meta, " · ")), "")
	pg.body = append(pg.body, m.explainLines(i)...)
	k := m.keys
	prevNext := with(k.Prev, "←/→", p.T("quiz.key.prev-next"))
	pg.keys = []key.Binding{prevNext, with(k.Up, "↑/↓", p.T("quiz.key.scroll")), with(k.Back, "esc", p.T("quiz.key.to-result")), k.Quit}
	pg.full = [][]key.Binding{{with(k.Prev, "←", p.T("quiz.key.prev")), with(k.Next, "→/enter", p.T("quiz.key.next")), k.Up, k.Down, k.PageUp, k.PageDown}, {with(k.Back, "esc/r", p.T("quiz.key.to-result")), k.Quit}}
	return pg
}
