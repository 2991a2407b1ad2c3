package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are every style the quiz draws with, built once from a renderer.
// Colours are adaptive, for light and dark terminals; Plain is the variant
// without colour (NO_COLOR, --no-color, TERM=dumb, the line mode), in which
// every state is still told apart by a character (>, ✓, ✗, !, [x]).
type Styles struct {
	Plain bool

	Title    lipgloss.Style
	Heading  lipgloss.Style
	Subtle   lipgloss.Style
	Bold     lipgloss.Style
	Italic   lipgloss.Style
	Code     lipgloss.Style
	Link     lipgloss.Style
	Cursor   lipgloss.Style // the highlighted option or row
	Chosen   lipgloss.Style // a chosen option
	Correct  lipgloss.Style
	Wrong    lipgloss.Style
	Partial  lipgloss.Style
	Warning  lipgloss.Style
	Error    lipgloss.Style
	Flag     lipgloss.Style
	Answered lipgloss.Style
	Open     lipgloss.Style // an unanswered question in the grid
	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style
	Target   lipgloss.Style
	Rule     lipgloss.Style

	Help help.Styles
}

var (
	colAccent  = lipgloss.AdaptiveColor{Light: "#1d4ed8", Dark: "#7aa2f7"}
	colSubtle  = lipgloss.AdaptiveColor{Light: "#6b7280", Dark: "#8b8fa3"}
	colFaint   = lipgloss.AdaptiveColor{Light: "#c8c8c8", Dark: "#3b3f51"}
	colGood    = lipgloss.AdaptiveColor{Light: "#15803d", Dark: "#9ece6a"}
	colBad     = lipgloss.AdaptiveColor{Light: "#b91c1c", Dark: "#f7768e"}
	colWarn    = lipgloss.AdaptiveColor{Light: "#a16207", Dark: "#e0af68"}
	colCode    = lipgloss.AdaptiveColor{Light: "#9a3412", Dark: "#ff9e64"}
	colCursorB = lipgloss.AdaptiveColor{Light: "#dbeafe", Dark: "#283457"}
)

// NewStyles builds the styles on r. With color false the renderer is set
// to print no colour or attribute at all.
func NewStyles(r *lipgloss.Renderer, color bool) Styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	if !color {
		r.SetColorProfile(termenv.Ascii)
	}
	s := r.NewStyle
	st := Styles{
		Plain:    !color,
		Title:    s().Bold(true).Foreground(colAccent),
		Heading:  s().Bold(true),
		Subtle:   s().Foreground(colSubtle),
		Bold:     s().Bold(true),
		Italic:   s().Italic(true),
		Code:     s().Foreground(colCode),
		Link:     s().Foreground(colAccent).Underline(true),
		Cursor:   s().Bold(true).Background(colCursorB),
		Chosen:   s().Bold(true).Foreground(colAccent),
		Correct:  s().Bold(true).Foreground(colGood),
		Wrong:    s().Bold(true).Foreground(colBad),
		Partial:  s().Bold(true).Foreground(colWarn),
		Warning:  s().Bold(true).Foreground(colWarn),
		Error:    s().Bold(true).Foreground(colBad),
		Flag:     s().Bold(true).Foreground(colWarn),
		Answered: s().Foreground(colGood),
		Open:     s().Foreground(colSubtle),
		BarFull:  s().Foreground(colAccent),
		BarEmpty: s().Foreground(colFaint),
		Target:   s().Bold(true).Foreground(colWarn),
		Rule:     s().Foreground(colFaint),
	}
	key := s().Foreground(colSubtle).Bold(true)
	desc := s().Foreground(colSubtle)
	sep := s().Foreground(colFaint)
	st.Help = help.Styles{
		Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
	return st
}
