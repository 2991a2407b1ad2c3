// Package tui is the interactive quiz: a bubbletea program that takes a
// candidate from choosing a role to a result that says what to study, and a
// plain line mode (RunPlain) for when there is no terminal.
//
// The root Model only routes: it keeps what every screen shares (size,
// styles, keys, language, clock) and hands each key to the screen of the
// current state — the role picker, the start screen, self-rating, a
// question, practice feedback, the exam's grid and review, the result and
// the review of answers. Each screen is a pair of methods, updateX and
// pageX, in its own file; pageX returns a page (header, body, keys) and View
// lays the page out on the terminal, scrolling the body when it is taller
// than the screen.
//
// The quiz itself — questions, answers, clock, scoring — is a
// session.Session; this package only shows it and feeds it keys. Every bank
// text passes through textsafe before any style is added, so a bank cannot
// put an escape sequence on the candidate's terminal.
package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
)

// ErrInterrupted is returned when the candidate quits with Ctrl+C (twice)
// or the program is interrupted; the command turns it into exit status 130.
var ErrInterrupted = errors.New("quiz interrupted")

// Config is what the quiz needs from the command that runs it.
type Config struct {
	// Bank is the role; nil shows the role picker over Banks.
	Bank  *bank.Bank
	Banks []*bank.Bank
	// Session resumes an attempt (from history) instead of drawing one from
	// Bank with Options; the quiz goes straight to its current question.
	Session *session.Session
	Options session.Options
	// SelfRate asks the candidate to rate each skill before the questions.
	SelfRate bool
	// SavePath is where the result is saved: at the end of the quiz when
	// set, and by the s key (a default name in the current folder when
	// empty).
	SavePath string
	Lang     string
	// Color false draws without colour (NO_COLOR, --no-color, TERM=dumb).
	Color    bool
	Renderer *lipgloss.Renderer
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// TickEvery is how often the exam clock is checked (one second when 0).
	TickEvery time.Duration

	// Previous, when set, gives a line about the candidate's last result on
	// a bank, shown on the start screen ("" for none).
	Previous func(bankID string) string

	// Adaptive runs the quiz adaptively (docs/adaptive.md); the picker
	// also offers it as a length.
	Adaptive bool

	// Unfinished attempts the picker lists first; Resume brings one back
	// as a session to continue (the history's business, not the screen's).
	Unfinished []Unfinished
	Resume     func(id int64) (*session.Session, error)

	// Notice, when set, is shown on the start screen before the first
	// question (say, that this attempt cannot be kept in the history).
	Notice string

	// OnStart is called when the quiz begins or resumes, before its first
	// question is shown: the place to set s.OnChange to record each answer.
	OnStart func(s *session.Session) error
	// OnFinish is called once, when the quiz is submitted, with the result.
	OnFinish func(s *session.Session, r scoring.Result) error
}

// Outcome is how a quiz ended.
type Outcome struct {
	Session *session.Session
	Result  *scoring.Result // nil when the quiz was not submitted
	Saved   string          // the file the result was last saved to
	TimeUp  bool            // the exam clock ran out
}

type screenID int

const (
	scrPicker screenID = iota
	scrStart
	scrSelfRate
	scrQuestion
	scrFeedback
	scrGrid
	scrReview
	scrResult
	scrAnswers
)

// ui is what every screen shares.
type ui struct {
	width, height int
	st            Styles
	keys          KeyMap
	p             i18n.Printer
	lang          string
	help          help.Model
	now           func() time.Time
}

type statusKind int

const (
	statusInfo statusKind = iota
	statusWarn
	statusError
)

// Model is the quiz program's root model.
type Model struct {
	ui
	cfg Config

	state       screenID
	showHelp    bool
	helpScroll  int
	confirmQuit bool
	interrupted bool
	status      string
	statusKind  statusKind

	bank    *bank.Bank
	sess    *session.Session
	result  *scoring.Result
	saved   string
	picked  bool // the bank came from the picker (Esc on the start screen goes back)
	timeUp  bool
	warned  [2]bool // the 5- and 1-minute warnings were given
	ticking bool

	scroll map[screenID]int

	pickFilter string
	pickCursor int
	pickLength int // index into quizLengths: short, standard (default), full
	rateCursor int
	optCursor  int // the highlighted option (display position) of the current question
	gridCursor int
	gridFrom   screenID
	revCursor  int
	ansIndex   int
}

type tickMsg struct{}

// New builds the quiz model.
func New(cfg Config) *Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TickEvery <= 0 {
		cfg.TickEvery = time.Second
	}
	if cfg.Lang == "" {
		cfg.Lang = i18n.Default
	}
	if cfg.Options.Lang == "" {
		cfg.Options.Lang = cfg.Lang
	}
	p := i18n.NewPrinter(cfg.Lang)
	st := NewStyles(cfg.Renderer, cfg.Color)
	h := help.New()
	h.Styles = st.Help
	h.ShortSeparator = " · "
	m := &Model{
		ui:         ui{width: 80, height: 24, st: st, keys: NewKeyMap(p), p: p, lang: cfg.Lang, help: h, now: cfg.Now},
		cfg:        cfg,
		scroll:     map[screenID]int{},
		pickLength: 1, // the standard quiz, 5 questions a skill
	}
	switch {
	case cfg.Session != nil:
		m.bank = cfg.Session.Bank
		m.sess = cfg.Session
		m.state = scrQuestion
		if m.sess.Finished() {
			// A submitted attempt: straight to its result.
			if r, err := m.sess.Result(); err == nil {
				m.result = &r
				m.state = scrResult
			}
		}
	case cfg.Bank != nil:
		m.state = scrStart
		m.setBank(cfg.Bank)
	default:
		m.state = scrPicker
	}
	return m
}

// Init starts the clock of a resumed quiz.
func (m *Model) Init() tea.Cmd {
	if m.state == scrQuestion && m.sess != nil && !m.sess.Running() {
		return m.begin()
	}
	return nil
}

// Outcome reports how the quiz ended.
func (m *Model) Outcome() Outcome {
	return Outcome{Session: m.sess, Result: m.result, Saved: m.saved, TimeUp: m.timeUp}
}

// Interrupted reports whether the candidate quit with Ctrl+C.
func (m *Model) Interrupted() bool { return m.interrupted }

// Run runs the quiz on a terminal (in and out) and returns how it ended;
// ErrInterrupted when the candidate quit with Ctrl+C.
func Run(cfg Config, in io.Reader, out io.Writer) (Outcome, error) {
	if cfg.Renderer == nil {
		cfg.Renderer = lipgloss.NewRenderer(out)
	}
	if cfg.Color {
		// Ask the terminal for its background now, before the program
		// reads the keyboard, so that the answer is not taken for keys.
		cfg.Renderer.HasDarkBackground()
	}
	m := New(cfg)
	prog := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithAltScreen())
	_, err := prog.Run()
	if errors.Is(err, tea.ErrInterrupted) || (err == nil && m.interrupted) {
		return m.Outcome(), ErrInterrupted
	}
	if err != nil {
		return m.Outcome(), err
	}
	return m.Outcome(), nil
}

// setBank draws the quiz of b for the start screen.
func (m *Model) setBank(b *bank.Bank) bool {
	o := m.cfg.Options
	adaptiveQuiz := m.cfg.Adaptive
	if o.Count == 0 && m.picked {
		l := quizLengths(b)[m.pickLength]
		o.Count = l.count
		adaptiveQuiz = adaptiveQuiz || l.name == "adaptive"
	}
	var s *session.Session
	var err error
	if adaptiveQuiz {
		n := o.Count
		if m.picked && !m.cfg.Adaptive {
			n = 0
		}
		s, err = session.NewAdaptive(b, adaptive.New(b, adaptive.Config{Seed: o.Seed, MaxTotal: n, Skills: o.Skills}), o)
	} else {
		s, err = session.New(b, o)
	}
	if err != nil {
		m.setStatus(statusError, m.sessionError(err))
		return false
	}
	m.bank, m.sess = b, s
	m.scroll[scrStart] = 0
	return true
}

func (m *Model) sessionError(err error) string {
	var unk *session.UnknownSkillError
	switch {
	case errors.As(err, &unk):
		return m.p.T("quiz.error.unknown-skill", unk.Bank, line(unk.Skill), strings.Join(unk.Known, ", "))
	case errors.Is(err, session.ErrEmpty):
		return m.p.T("quiz.error.empty")
	}
	return line(err.Error())
}

func (m *Model) setStatus(kind statusKind, msg string) {
	m.status, m.statusKind = msg, kind
}

// begin starts (or resumes) the session and shows its current question.
func (m *Model) begin() tea.Cmd {
	now := m.now()
	if m.cfg.OnStart != nil {
		if err := m.cfg.OnStart(m.sess); err != nil {
			m.setStatus(statusError, m.p.T("quiz.error.record", line(err.Error())))
		}
	}
	m.record(m.sess.Start(now))
	m.state = scrQuestion
	m.resetCursor()
	if m.sess.Confirmed[m.sess.Current] {
		m.state = scrFeedback
	}
	if _, ok := m.sess.Remaining(now); ok && !m.ticking {
		m.ticking = true
		return m.tick()
	}
	return nil
}

func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.cfg.TickEvery, func(time.Time) tea.Msg { return tickMsg{} })
}

// record shows an error from recording a change (the change stays).
func (m *Model) record(err error) {
	if err != nil && !errors.Is(err, session.ErrFinished) && !errors.Is(err, session.ErrConfirmed) {
		m.setStatus(statusError, m.p.T("quiz.error.record", line(err.Error())))
	}
}

// onTick checks the exam clock: warnings at 5 and 1 minutes, and at 0:00
// the quiz submits itself.
func (m *Model) onTick() tea.Cmd {
	if m.sess == nil || !m.sess.Running() {
		m.ticking = false
		return nil
	}
	now := m.now()
	left, ok := m.sess.Remaining(now)
	if !ok {
		m.ticking = false
		return nil
	}
	if left <= 0 {
		m.timeUp = true
		m.ticking = false
		m.finish()
		return nil
	}
	for i, mark := range []time.Duration{5 * time.Minute, time.Minute} {
		if left <= mark && !m.warned[i] && m.sess.TimeLimit > mark {
			m.warned = [2]bool{true, i == 1}
			m.setStatus(statusWarn, m.p.T("quiz.warn.left", int(mark/time.Minute)))
		}
	}
	return m.tick()
}

// finish submits the quiz and shows the result.
// numberLabel is "Soal 3/35", or "Soal 3 (adaptif)" in an adaptive quiz,
// whose length is not known in advance.
func (m *Model) numberLabel(i int) string {
	if m.sess.Adaptive != nil {
		return m.p.T("quiz.q.number-adaptive", i+1)
	}
	return m.p.T("quiz.q.number", i+1, m.sess.Len())
}

func (m *Model) finish() {
	now := m.now()
	m.record(m.sess.Finish(now))
	r, err := m.sess.Result()
	if err != nil {
		m.setStatus(statusError, line(err.Error()))
		return
	}
	m.result = &r
	m.state = scrResult
	m.scroll[scrResult] = 0
	if m.timeUp {
		m.setStatus(statusWarn, m.p.T("quiz.status.time-up"))
	}
	if m.cfg.OnFinish != nil {
		if err := m.cfg.OnFinish(m.sess, r); err != nil {
			m.setStatus(statusError, m.p.T("quiz.error.record", line(err.Error())))
		}
	}
	if m.cfg.SavePath != "" {
		m.save()
	}
}

func (m *Model) save() {
	path := m.cfg.SavePath
	if path == "" {
		path = DefaultSavePath(*m.result, m.now())
	}
	if err := SaveResult(path, *m.result); err != nil {
		m.setStatus(statusError, m.p.T("quiz.error.save", line(path), line(err.Error())))
		return
	}
	m.saved = path
	m.setStatus(statusInfo, m.p.T("quiz.status.saved", line(path)))
}

// Update routes a message to the screen of the current state.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tickMsg:
		return m, m.onTick()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && m.state != scrPicker {
		// Keys typed quickly can arrive together; pasted text is no answer.
		if msg.Paste {
			return nil
		}
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	if key.Matches(msg, m.keys.Interrupt) {
		if m.confirmQuit {
			m.interrupted = true
			return tea.Quit
		}
		m.confirmQuit = true
		return nil
	}
	if m.confirmQuit {
		// Any other key: carry on.
		m.confirmQuit = false
		return nil
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, m.keys.Help, m.keys.Back, m.keys.Quit):
			m.showHelp = false
		case key.Matches(msg, m.keys.Up, m.keys.PageUp):
			m.helpScroll = max(0, m.helpScroll-1)
		case key.Matches(msg, m.keys.Down, m.keys.PageDown):
			m.helpScroll++
		}
		return nil
	}
	if key.Matches(msg, m.keys.Help) {
		m.showHelp = true
		m.helpScroll = 0
		return nil
	}
	m.status = ""
	switch m.state {
	case scrPicker:
		return m.updatePicker(msg)
	case scrStart:
		return m.updateStart(msg)
	case scrSelfRate:
		return m.updateSelfRate(msg)
	case scrQuestion:
		return m.updateQuestion(msg)
	case scrFeedback:
		return m.updateFeedback(msg)
	case scrGrid:
		return m.updateGrid(msg)
	case scrReview:
		return m.updateReview(msg)
	case scrResult:
		return m.updateResult(msg)
	case scrAnswers:
		return m.updateAnswers(msg)
	}
	return nil
}

// page is what a screen shows: fixed header lines, a body that scrolls,
// and the keys for the help line.
type page struct {
	header []string
	body   []string
	// focus is the range of body lines to keep in view (the highlighted
	// option); when set, it decides the scroll instead of the user.
	focus      [2]int
	hasFocus   bool
	scrollable bool
	keys       []key.Binding
	full       [][]key.Binding
}

func (m *Model) page() page {
	switch m.state {
	case scrPicker:
		return m.pagePicker()
	case scrStart:
		return m.pageStart()
	case scrSelfRate:
		return m.pageSelfRate()
	case scrQuestion:
		return m.pageQuestion()
	case scrFeedback:
		return m.pageFeedback()
	case scrGrid:
		return m.pageGrid()
	case scrReview:
		return m.pageReview()
	case scrResult:
		return m.pageResult()
	case scrAnswers:
		return m.pageAnswers()
	}
	return page{}
}

// textWidth is the width of text on screen: the terminal less a margin,
// at most 100 columns so that lines stay readable on wide terminals.
func (m *Model) textWidth() int { return max(20, min(m.width-2, 100)) }

// bodyHeight is the number of rows the body of pg may use.
func (m *Model) bodyHeight(pg page) int {
	return max(1, m.height-len(pg.header)-len(m.footer(pg)))
}

func (m *Model) footer(pg page) []string {
	var out []string
	switch {
	case m.confirmQuit:
		for _, l := range strings.Split(ansi.Wrap(m.p.T("quiz.confirm-quit"), m.textWidth(), ""), "\n") {
			out = append(out, m.st.Warning.Render(l))
		}
	case m.status != "":
		style := m.st.Subtle
		switch m.statusKind {
		case statusWarn:
			style = m.st.Warning
		case statusError:
			style = m.st.Error
		}
		for _, l := range strings.Split(ansi.Wrap(m.status, m.textWidth(), ""), "\n") {
			out = append(out, style.Render(l))
		}
	}
	if !m.showHelp {
		out = append(out, m.shortHelp(append(pg.keys, m.keys.Help))...)
	} else {
		out = append(out, m.shortHelp([]key.Binding{with(m.keys.Back, "esc/?", m.p.T("quiz.key.close-help"))})...)
	}
	return out
}

// shortHelp is the help line, generated from the bindings: as many as fit
// in two lines of the text width.
func (m *Model) shortHelp(bs []key.Binding) []string {
	hs := m.st.Help
	sep := hs.ShortSeparator.Render(" · ")
	w := m.textWidth()
	var lines []string
	cur := ""
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		item := hs.ShortKey.Render(h.Key) + " " + hs.ShortDesc.Render(h.Desc)
		switch {
		case cur == "":
			cur = item
		case ansi.StringWidth(cur+sep+item) <= w:
			cur += sep + item
		case len(lines) == 0:
			lines = append(lines, cur)
			cur = item
		default:
			return append(lines, ansi.Truncate(cur+sep+item, w, "…"))
		}
	}
	return append(lines, cur)
}

// fullHelp is the help of every key, generated from the bindings: one
// column per group side by side when they fit, else one under another.
func (m *Model) fullHelp(groups [][]key.Binding) []string {
	hs := m.st.Help
	var cols [][]string
	for _, g := range groups {
		kw := 0
		for _, b := range g {
			if b.Enabled() {
				kw = max(kw, ansi.StringWidth(b.Help().Key))
			}
		}
		var col []string
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			col = append(col, hs.FullKey.Render(h.Key+strings.Repeat(" ", kw-ansi.StringWidth(h.Key)))+" "+hs.FullDesc.Render(h.Desc))
		}
		if len(col) > 0 {
			cols = append(cols, col)
		}
	}
	side := lipgloss.JoinHorizontal(lipgloss.Top, interleave(cols, "    ")...)
	if lipgloss.Width(side) <= m.textWidth() {
		lines := strings.Split(side, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		return lines
	}
	var out []string
	for i, c := range cols {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, c...)
	}
	return out
}

func interleave(cols [][]string, gap string) []string {
	var out []string
	for i, c := range cols {
		if i > 0 {
			out = append(out, gap)
		}
		out = append(out, strings.Join(c, "\n"))
	}
	return out
}

// View lays out the page of the current screen.
func (m *Model) View() string {
	pg := m.page()
	body := pg.body
	if m.showHelp {
		body = append([]string{m.st.Heading.Render(m.p.T("quiz.help.title")), ""},
			m.fullHelp(append(pg.full, []key.Binding{m.keys.Help, m.keys.Interrupt}))...)
		pg.hasFocus = false
	}
	foot := m.footer(pg)
	avail := max(1, m.height-len(pg.header)-len(foot))
	var lines []string
	lines = append(lines, pg.header...)
	if len(body) > avail {
		avail--
		off := m.offset(pg, len(body), avail)
		if m.showHelp {
			m.helpScroll = min(m.helpScroll, len(body)-avail)
			off = m.helpScroll
		}
		lines = append(lines, body[off:off+avail]...)
		more := m.p.T("quiz.scroll", off+1, off+avail, len(body))
		lines = append(lines, m.st.Subtle.Render(more))
	} else {
		lines = append(lines, body...)
		for i := len(body); i < avail; i++ {
			lines = append(lines, "")
		}
	}
	lines = append(lines, foot...)
	w := max(m.width-1, 10)
	for i, l := range lines {
		if l == "" {
			continue
		}
		l = " " + l
		if ansi.StringWidth(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// offset is the first body line shown: the user's scroll, or the one that
// keeps the focus in view.
func (m *Model) offset(pg page, n, avail int) int {
	maxOff := max(0, n-avail)
	if pg.hasFocus {
		off := 0
		if pg.focus[1] >= avail {
			off = pg.focus[1] - avail + 1
		}
		if pg.focus[0] < off {
			off = pg.focus[0]
		}
		return min(max(off, 0), maxOff)
	}
	return min(max(m.scroll[m.state], 0), maxOff)
}

// scrollKeys moves the scroll of a scrollable screen; it reports whether
// the key was a scrolling key.
func (m *Model) scrollKeys(msg tea.KeyMsg, arrows bool) bool {
	pg := m.page()
	avail := m.bodyHeight(pg) - 1
	off := m.scroll[m.state]
	switch {
	case arrows && key.Matches(msg, m.keys.Up):
		off--
	case arrows && key.Matches(msg, m.keys.Down):
		off++
	case key.Matches(msg, m.keys.PageUp):
		off -= max(1, avail-1)
	case key.Matches(msg, m.keys.PageDown), msg.String() == " " && arrows:
		off += max(1, avail-1)
	case key.Matches(msg, m.keys.Home):
		off = 0
	case key.Matches(msg, m.keys.End):
		off = len(pg.body)
	default:
		return false
	}
	m.scroll[m.state] = min(max(off, 0), max(0, len(pg.body)-avail))
	return true
}

// fmtClock formats a duration as m:ss (h:mm:ss from an hour).
func fmtClock(d time.Duration) string {
	d = d.Round(time.Second)
	if d < 0 {
		d = 0
	}
	h, mnt, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, mnt, s)
	}
	return fmt.Sprintf("%d:%02d", mnt, s)
}

// bar draws a bar of width cells filled to frac; target ≥ 0 marks a cell.
func (st Styles) bar(frac float64, width, target int) string {
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(width) + 0.5)
	cells := func(from, to int) string {
		var s string
		if n := min(to, full) - from; n > 0 {
			s += st.BarFull.Render(strings.Repeat("█", n))
		}
		if n := to - max(from, full); n > 0 {
			s += st.BarEmpty.Render(strings.Repeat("░", n))
		}
		return s
	}
	if target < 0 || target >= width {
		return cells(0, width)
	}
	return cells(0, target) + st.Target.Render("┃") + cells(target+1, width)
}

// rule is a horizontal line across width.
func (st Styles) rule(width int) string { return st.Rule.Render(strings.Repeat("─", width)) }
