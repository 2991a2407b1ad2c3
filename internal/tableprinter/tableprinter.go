// Package tableprinter writes rows for people and for pipes: on a terminal an
// aligned table with a header, fitted to the width by shortening the widest
// column; elsewhere tab-separated rows without a header, one per line, for
// cut and awk. Every cell is sanitized: table cells often hold text from
// banks and answer sheets.
package tableprinter

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/asnskill/asnskill/internal/textsafe"
)

// Table collects rows, then writes them all at once.
type Table struct {
	w      io.Writer
	tty    bool
	width  int
	header []string
	rows   [][]string
	right  map[int]bool
}

// New returns a table writing to w; tty chooses the format.
func New(w io.Writer, tty bool, width int) *Table {
	return &Table{w: w, tty: tty, width: width, right: map[int]bool{}}
}

// Header sets the column names (shown on a terminal only).
func (t *Table) Header(cols ...string) { t.header = cols }

// AlignRight right-aligns column i (numbers).
func (t *Table) AlignRight(i int) { t.right[i] = true }

// Row adds a row.
func (t *Table) Row(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = textsafe.Line(c)
	}
	t.rows = append(t.rows, row)
}

// Render writes the table.
func (t *Table) Render() error {
	if !t.tty {
		for _, r := range t.rows {
			if _, err := fmt.Fprintln(t.w, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	all := t.rows
	if len(t.header) > 0 {
		all = append([][]string{t.header}, t.rows...)
	}
	n := 0
	for _, r := range all {
		n = max(n, len(r))
	}
	widths := make([]int, n)
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	total := 2 * (n - 1)
	for _, w := range widths {
		total += w
	}
	// Shrink the widest column until the table fits (never below 8).
	for t.width > 0 && total > t.width {
		wi := 0
		for i, w := range widths {
			if w > widths[wi] {
				wi = i
			}
		}
		if widths[wi] <= 8 {
			break
		}
		widths[wi]--
		total--
	}
	var b strings.Builder
	for ri, r := range all {
		b.Reset()
		for i, c := range r {
			c = runewidth.Truncate(c, widths[i], "…")
			pad := widths[i] - runewidth.StringWidth(c)
			if i == len(r)-1 && !t.right[i] {
				b.WriteString(c)
				break
			}
			if t.right[i] {
				b.WriteString(strings.Repeat(" ", pad) + c)
			} else {
				b.WriteString(c + strings.Repeat(" ", pad))
			}
			if i < len(r)-1 {
				b.WriteString("  ")
			}
		}
		line := strings.TrimRight(b.String(), " ")
		if ri == 0 && len(t.header) > 0 {
			line = strings.ToUpper(line)
		}
		if _, err := fmt.Fprintln(t.w, line); err != nil {
			return err
		}
	}
	return nil
}
