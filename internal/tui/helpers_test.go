package tui

import (
	"os"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/session"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// loadBank reads a bank under testdata.
func loadBank(tb testing.TB, name string) *bank.Bank {
	tb.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	b, diags := bank.Decode(name, data)
	if diags.HasErrors() {
		tb.Fatalf("%s: %v", name, diags)
	}
	return b
}

// clock is a fake clock that tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// keyMsg turns a key name into the message bubbletea would send.
func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEscape}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "space", " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys to m, running any command that ticks or quits (not
// timers, which tests send by hand).
func press(m *Model, keys ...string) (quit bool) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		if isQuit(cmd) {
			quit = true
		}
	}
	return quit
}

// isQuit runs cmd and reports whether it quits the program. Timers run at
// once: the test models tick every nanosecond (the clock is fake anyway).
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

type testOpt func(*Config)

func exam(c *Config)      { c.Options.Mode = session.Exam }
func noShuffle(c *Config) { c.Options.NoShuffle = true }
func english(c *Config)   { c.Lang = "en"; c.Options.Lang = "en" }

// newTestModel builds a quiz on the test bank at a size.
func newTestModel(tb testing.TB, w, h int, opts ...testOpt) (*Model, *clock) {
	tb.Helper()
	clk := newClock()
	cfg := Config{
		Bank:      loadBank(tb, "peran-uji.yaml"),
		Options:   session.Options{Count: 7, Seed: 1},
		Lang:      "id",
		Color:     true,
		Now:       clk.Now,
		TickEvery: time.Nanosecond,
	}
	for _, o := range opts {
		o(&cfg)
	}
	m := New(cfg)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, clk
}
