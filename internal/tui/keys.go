package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/asnskill/asnskill/internal/i18n"
)

// KeyMap holds every key binding. The help line and the full help (?) are
// generated from these, so what the screen says is what the keys do.
type KeyMap struct {
	Up, Down     key.Binding
	Prev, Next   key.Binding // exam: previous/next question; review: previous/next answer
	Choose       key.Binding // a–f: the option with that letter
	Toggle       key.Binding // space: toggle (multiple), choose (single)
	Confirm      key.Binding // enter
	Clear        key.Binding
	Flag         key.Binding
	Grid         key.Binding
	Submit       key.Binding
	Jump         key.Binding // enter on the grid or the review list
	Start        key.Binding
	Continue     key.Binding
	Rate         key.Binding // 1–5 on the self-rating screen
	Lower, Raise key.Binding // ←/→ on the self-rating screen
	PageUp       key.Binding
	PageDown     key.Binding
	Home, End    key.Binding
	Filter       key.Binding // the picker: typing filters
	Review       key.Binding
	Save         key.Binding
	Quit         key.Binding // q on the result screen
	Back         key.Binding
	Help         key.Binding
	Interrupt    key.Binding // ctrl+c
}

// NewKeyMap builds the bindings with help in the printer's language.
func NewKeyMap(p i18n.Printer) KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, p.T(desc)))
	}
	return KeyMap{
		Up:        b([]string{"up", "k"}, "↑", "quiz.key.up"),
		Down:      b([]string{"down", "j"}, "↓", "quiz.key.down"),
		Prev:      b([]string{"left", "pgup", "h"}, "←/pgup", "quiz.key.prev"),
		Next:      b([]string{"right", "pgdown", "l"}, "→/pgdn", "quiz.key.next"),
		Choose:    b([]string{"a", "b", "c", "d", "e", "f", "A", "B", "C", "D", "E", "F"}, "a–f", "quiz.key.choose"),
		Toggle:    b([]string{" "}, "space", "quiz.key.toggle"),
		Confirm:   b([]string{"enter"}, "enter", "quiz.key.confirm"),
		Clear:     b([]string{"backspace", "delete"}, "⌫", "quiz.key.clear"),
		Flag:      b([]string{"f"}, "f", "quiz.key.flag"),
		Grid:      b([]string{"g"}, "g", "quiz.key.grid"),
		Submit:    b([]string{"s"}, "s", "quiz.key.submit"),
		Jump:      b([]string{"enter"}, "enter", "quiz.key.jump"),
		Start:     b([]string{"enter"}, "enter", "quiz.key.start"),
		Continue:  b([]string{"enter"}, "enter", "quiz.key.continue"),
		Rate:      b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–5", "quiz.key.rate"),
		Lower:     b([]string{"left", "h", "-"}, "←", "quiz.key.lower"),
		Raise:     b([]string{"right", "l", "+"}, "→", "quiz.key.raise"),
		PageUp:    b([]string{"pgup"}, "pgup", "quiz.key.pageup"),
		PageDown:  b([]string{"pgdown"}, "pgdn", "quiz.key.pagedown"),
		Home:      b([]string{"home"}, "home", "quiz.key.home"),
		End:       b([]string{"end"}, "end", "quiz.key.end"),
		Filter:    key.NewBinding(key.WithKeys("\x00type"), key.WithHelp(p.T("quiz.key.type"), p.T("quiz.key.filter"))),
		Review:    b([]string{"r"}, "r", "quiz.key.review"),
		Save:      b([]string{"s"}, "s", "quiz.key.save"),
		Quit:      b([]string{"q"}, "q", "quiz.key.quit"),
		Back:      b([]string{"esc"}, "esc", "quiz.key.back"),
		Help:      b([]string{"?"}, "?", "quiz.key.help"),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quiz.key.interrupt"),
	}
}

// with returns b with other help text (the same keys do different things on
// different screens).
func with(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}
