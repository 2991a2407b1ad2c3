// Package textsafe makes untrusted text harmless before it reaches a terminal
// or a spreadsheet.
//
// Banks and answer sheets are written by other people. Their text may carry
// escape sequences that rewrite a terminal (CSI, OSC 52 clipboard writes, OSC 8
// hyperlinks), bidirectional controls that make two strings look alike
// ("Trojan Source"), or spreadsheet formulas. Every path that shows or exports
// such text goes through this package: Display for terminals and text reports,
// CSVCell for every CSV cell the tool writes.
//
// Display replaces, with a visible escape:
//   - C0 controls except tab and newline, as \xNN (ESC becomes \x1b);
//   - DEL and the C1 controls U+0080–U+009F, as <U+XXXX>;
//   - bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//     U+061C, as <U+XXXX>;
//   - zero-width characters U+200B–U+200D, U+2060, U+FEFF, as <U+XXXX>;
//   - invalid UTF-8 bytes, as \xNN.
//
// Plain printable text is returned unchanged (and without allocation).
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Class says why a rune is unsafe.
type Class int

const (
	Safe      Class = iota
	Control         // C0 (except tab and newline), DEL, C1
	Bidi            // bidirectional formatting control
	ZeroWidth       // zero-width or invisible joiner/space
)

// Classify reports whether r is unsafe to print and why.
func Classify(r rune) Class {
	switch {
	case r == '\t' || r == '\n':
		return Safe
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return Control
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
		return Bidi
	case (r >= 0x200b && r <= 0x200d) || r == 0x2060 || r == 0xfeff:
		return ZeroWidth
	}
	return Safe
}

// Finding is one unsafe rune in a string, at a byte offset.
type Finding struct {
	Offset int
	Rune   rune // utf8.RuneError for an invalid byte
	Class  Class
}

// Scan lists the unsafe runes of s (for lint).
func Scan(s string) []Finding {
	var out []Finding
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				out = append(out, Finding{Offset: i, Rune: r, Class: Control})
				continue
			}
		}
		if c := Classify(r); c != Safe {
			out = append(out, Finding{Offset: i, Rune: r, Class: c})
		}
	}
	return out
}

// CodePoint formats r as U+XXXX.
func CodePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x20 && b != '\t' && b != '\n' || b == 0x7f {
			return false
		}
		if b >= 0x80 {
			return cleanFrom(s, i)
		}
	}
	return true
}

func cleanFrom(s string, i int) bool {
	for _, r := range s[i:] {
		if r == utf8.RuneError || Classify(r) != Safe {
			return false
		}
	}
	return true
}

// Display returns s with every unsafe rune replaced by a visible escape.
func Display(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && r != '\t' && r != '\n':
			fmt.Fprintf(&b, `\x%02x`, r)
		case Classify(r) != Safe:
			b.WriteString("<" + CodePoint(r) + ">")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line is Display for one-line contexts (table cells, headers): newlines and
// tabs become spaces as well.
func Line(s string) string {
	s = Display(s)
	if strings.ContainsAny(s, "\n\t\r") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s)
	}
	return s
}

// Args returns message arguments with every string made one safe line, for
// messages that quote text from banks or sheets.
func Args(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			out[i] = Line(s)
		} else {
			out[i] = a
		}
	}
	return out
}

// CSVCell makes a cell of untrusted text safe to open in a spreadsheet: a cell
// that begins with =, +, -, @, tab or carriage return gets a leading single
// quote, as the OWASP guidance on CSV injection recommends. Numbers the tool
// itself writes must not be passed through it.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
