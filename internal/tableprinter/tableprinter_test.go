package tableprinter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func render(t *testing.T, tty bool, width int, build func(*Table)) []string {
	t.Helper()
	var b bytes.Buffer
	tb := New(&b, tty, width)
	build(tb)
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

func roles(tb *Table) {
	tb.Header("id", "jabatan", "soal", "sumber")
	tb.AlignRight(2)
	tb.Wrap(1)
	tb.Row("digital-transformation", "Manajer Transformasi Digital dan Teknologi Pemerintahan", "105", "/home/pelatih/bank-soal/digital-transformation-2026.yaml")
	tb.Row("ml", "Spesialis Pembelajaran Mesin / Kecerdasan Artifisial", "98", "bawaan")
	tb.Note("Soal: banyak soal di bank; sumber: bawaan atau berkas bank.")
}

// On a terminal the table fits the width: the wrapping column wraps at word
// boundaries (every word of the title is still there), the others are cut
// with an ellipsis; notes follow the table.
func TestFitsWidth(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		lines := render(t, true, width, roles)
		for _, l := range lines {
			if w := runewidth.StringWidth(l); w > width {
				t.Errorf("width %d: line of %d cells: %q", width, w, l)
			}
		}
		all := strings.Join(lines, " ")
		for _, word := range strings.Fields("Manajer Transformasi Digital dan Teknologi Pemerintahan Spesialis Kecerdasan Artifisial") {
			if !strings.Contains(all, word) {
				t.Errorf("width %d: the wrapped title lost %q:\n%s", width, word, strings.Join(lines, "\n"))
			}
		}
		if !strings.Contains(lines[len(lines)-1], "sumber: bawaan") {
			t.Errorf("width %d: no note under the table:\n%s", width, strings.Join(lines, "\n"))
		}
		if !strings.HasPrefix(lines[0], "ID") {
			t.Errorf("width %d: header %q", width, lines[0])
		}
	}
	narrow := strings.Join(render(t, true, 60, roles), "\n")
	if !strings.Contains(narrow, "…") {
		t.Errorf("at 60 cells the source path should be cut with an ellipsis:\n%s", narrow)
	}
	wide := render(t, true, 200, roles)
	if len(wide) != 3+2 { // header, two rows, blank, note
		t.Errorf("at 200 cells nothing should wrap:\n%s", strings.Join(wide, "\n"))
	}
}

// A wrapped row keeps its other cells on its first line and the numbers
// right-aligned under their header.
func TestWrappedRowAlignment(t *testing.T) {
	lines := render(t, true, 80, roles)
	head := lines[0]
	col := strings.Index(head, "SOAL") + len("SOAL")
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "digital-transformation ") {
			found = true
			if len(l) < col || l[col-3:col] != "105" {
				t.Errorf("105 not right-aligned under SOAL:\n%s\n%s", head, l)
			}
		}
	}
	if !found {
		t.Errorf("no row starts with the whole id:\n%s", strings.Join(lines, "\n"))
	}
}

// In a pipe: tab-separated rows, no header, no notes, nothing cut.
func TestPipe(t *testing.T) {
	lines := render(t, false, 40, roles)
	if len(lines) != 2 || strings.Count(lines[0], "\t") != 3 || !strings.Contains(lines[0], "digital-transformation-2026.yaml") {
		t.Errorf("pipe output: %q", lines)
	}
}

// Text from banks cannot move the cursor or colour the terminal.
func TestCellsSanitized(t *testing.T) {
	lines := render(t, true, 80, func(tb *Table) {
		tb.Row("a\x1b[31mred", "b\rc")
	})
	if strings.ContainsAny(strings.Join(lines, ""), "\x1b\r") {
		t.Errorf("control characters reached the terminal: %q", lines)
	}
}
