// Package tableprinter writes rows for people and for pipes: on a terminal an
// aligned table with a header and notes under it, fitted to the width by one
// rule (the columns marked Wrap wrap at word boundaries, down to 12 cells;
// then the widest other column is cut with an ellipsis, down to 8);
// elsewhere tab-separated rows without header or notes, one per line, for
// cut and awk. Every cell is sanitized: table cells often hold text from
// banks and answer sheets.
package tableprinter

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
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
	wrap   map[int]bool
	notes  []string
}

// New returns a table writing to w; tty chooses the format.
func New(w io.Writer, tty bool, width int) *Table {
	return &Table{w: w, tty: tty, width: width, right: map[int]bool{}, wrap: map[int]bool{}}
}

// Header sets the column names (shown on a terminal only).
func (t *Table) Header(cols ...string) { t.header = cols }

// AlignRight right-aligns column i (numbers).
func (t *Table) AlignRight(i int) { t.right[i] = true }

// Wrap lets column i (names, titles) wrap onto more lines rather than be cut.
func (t *Table) Wrap(i int) { t.wrap[i] = true }

// Note adds a line under the table (shown on a terminal only): what an
// abbreviation or a number in a cell means.
func (t *Table) Note(s string) { t.notes = append(t.notes, textsafe.Line(s)) }

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
	// Shrink the widest wrapping column while one is wider than 12, then
	// the widest other column while one is wider than 8.
	for _, wrapping := range []bool{true, false} {
		floor := 8
		if wrapping {
			floor = 12
		}
		for t.width > 0 && total > t.width {
			wi := -1
			for i, w := range widths {
				if t.wrap[i] == wrapping && w > floor && (wi < 0 || w > widths[wi]) {
					wi = i
				}
			}
			if wi < 0 {
				break
			}
			widths[wi]--
			total--
		}
	}
	var b strings.Builder
	for ri, r := range all {
		// A row is as many lines as its tallest wrapped cell.
		cells := make([][]string, len(r))
		height := 1
		for i, c := range r {
			if t.wrap[i] && runewidth.StringWidth(c) > widths[i] {
				cells[i] = strings.Split(ansi.Wrap(c, widths[i], "-/"), "\n")
			} else {
				cells[i] = []string{runewidth.Truncate(c, widths[i], "…")}
			}
			height = max(height, len(cells[i]))
		}
		for k := 0; k < height; k++ {
			b.Reset()
			for i := range r {
				c := ""
				if k < len(cells[i]) {
					c = strings.TrimRight(cells[i][k], " ")
				}
				pad := widths[i] - runewidth.StringWidth(c)
				if t.right[i] {
					b.WriteString(strings.Repeat(" ", max(pad, 0)) + c)
				} else {
					b.WriteString(c + strings.Repeat(" ", max(pad, 0)))
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
	}
	if len(t.notes) > 0 {
		if _, err := fmt.Fprintln(t.w); err != nil {
			return err
		}
		width := t.width
		if width <= 0 {
			width = 80
		}
		for _, n := range t.notes {
			if _, err := fmt.Fprintln(t.w, ansi.Wrap(n, width, "-/")); err != nil {
				return err
			}
		}
	}
	return nil
}
