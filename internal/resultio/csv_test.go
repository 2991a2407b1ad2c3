package resultio

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// AppendCSVCell writes what encoding/csv writes for the same cell.
func TestAppendCSVCellMatchesEncodingCSV(t *testing.T) {
	for _, cell := range []string{"", "c-001", "a,b", `say "hi"`, "two\nlines", " lead", "\ttab", `\.`, "ünï", "'=cmd", "cr\r"} {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.Write([]string{cell})
		w.Flush()
		got := append(AppendCSVCell(nil, cell), '\n')
		if string(got) != want.String() {
			t.Errorf("cell %q: got %q, want %q", cell, got, want.String())
		}
	}
}
