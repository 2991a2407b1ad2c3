package tui

import (
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/asnskill/asnskill/internal/textsafe"
)

// The Markdown subset of bank texts (docs/bank-format.md): **bold**, *italic*,
// `code` and fenced code blocks; a link [text](url) is shown as its text
// followed by the full URL, so that a label cannot hide where it points.
//
// Text is made safe with textsafe.Display first; styling is added after,
// only by this program.

var listItem = regexp.MustCompile(`^(\s*(?:[-*•]|\d{1,3}[.)])\s+)`)

// markdown renders bank text to lines of at most width cells.
func (st Styles) markdown(s string, width int) []string {
	s = safe(s)
	width = max(width, 10)
	var out []string
	inFence := false
	for _, raw := range strings.Split(s, "\n") {
		trimmed := strings.TrimSpace(raw)
		if strings.HasPrefix(trimmed, "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			line := "  " + strings.TrimRight(raw, " ")
			if ansi.StringWidth(line) > width {
				for _, l := range strings.Split(ansi.Hardwrap(line, width, true), "\n") {
					out = append(out, st.Code.Render(l))
				}
				continue
			}
			out = append(out, st.Code.Render(line))
			continue
		}
		if trimmed == "" {
			out = append(out, "")
			continue
		}
		raw = strings.TrimRight(raw, " ")
		prefix := ""
		if m := listItem.FindString(raw); m != "" {
			prefix = m
			raw = raw[len(m):]
		}
		out = append(out, wrapIndent(st.inline(raw), prefix, width)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// wrapIndent wraps styled text to width after prefix, indenting the
// continuation lines under the text.
// Wrap is wrapIndent for the other renderers of a result (report).
func Wrap(styled, prefix string, width int) []string { return wrapIndent(styled, prefix, width) }

func wrapIndent(styled, prefix string, width int) []string {
	pw := ansi.StringWidth(prefix)
	w := max(width-pw, 8)
	lines := strings.Split(ansi.Wrap(styled, w, "-"), "\n")
	pad := strings.Repeat(" ", pw)
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if i == 0 {
			lines[i] = prefix + l
		} else {
			lines[i] = pad + l
		}
	}
	return lines
}

// inline renders the spans of one line.
func (st Styles) inline(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '`':
			if end := strings.IndexByte(s[1:], '`'); end >= 0 {
				code := s[1 : 1+end]
				if st.Plain {
					code = "`" + code + "`"
				}
				b.WriteString(st.Code.Render(code))
				s = s[end+2:]
				continue
			}
		case strings.HasPrefix(s, "**"):
			if end := strings.Index(s[2:], "**"); end > 0 {
				b.WriteString(st.Bold.Render(st.inline(s[2 : 2+end])))
				s = s[end+4:]
				continue
			}
		case s[0] == '*' && len(s) > 1 && s[1] != ' ':
			if end := strings.IndexByte(s[1:], '*'); end > 0 && s[end] != ' ' {
				b.WriteString(st.Italic.Render(s[1 : 1+end]))
				s = s[end+2:]
				continue
			}
		case s[0] == '[':
			if text, url, rest, ok := link(s); ok {
				b.WriteString(st.inline(text))
				if url != text {
					b.WriteString(" (" + st.Link.Render(url) + ")")
				}
				s = rest
				continue
			}
		}
		// Copy up to the next special character.
		n := strings.IndexAny(s[1:], "`*[")
		if n < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:n+1])
		s = s[n+1:]
	}
	return b.String()
}

// link parses [text](url) at the start of s.
func link(s string) (text, url, rest string, ok bool) {
	close := strings.Index(s, "](")
	if close < 1 || strings.ContainsAny(s[1:close], "[]") {
		return "", "", "", false
	}
	end := strings.IndexByte(s[close+2:], ')')
	if end < 0 {
		return "", "", "", false
	}
	url = s[close+2 : close+2+end]
	if url == "" || strings.ContainsAny(url, " \t") {
		return "", "", "", false
	}
	return s[1:close], url, s[close+3+end:], true
}

// safe makes bank text harmless and lays it out for a cell grid: escapes
// are shown, never sent, and tabs become spaces.
func safe(s string) string {
	s = textsafe.Display(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\t", "    ")
}

// line makes bank text harmless for one line (a name, a title).
func line(s string) string { return textsafe.Line(s) }

// plainStyles draw nothing: for one-line summaries of bank text.
var plainStyles = NewStyles(lipgloss.NewRenderer(io.Discard), false)

// oneLine is bank text on one line, its Markdown reduced to plain text.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Join(plainStyles.markdown(s, 1<<20), " ")), " ")
}
