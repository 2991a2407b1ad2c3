package resultio

import (
	"reflect"
	"testing"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/scoring"
)

// A row names gaps by the skill's place in the bank, clear ones first, and
// marks a possible gap with "?"; a skill without a level shows no gap.
func TestTableRow(t *testing.T) {
	r := scoring.Result{Candidate: "c1", Skills: []scoring.SkillResult{
		{ID: "a", Gap: 1, GapStatus: scoring.GapPossible, Weight: 1},
		{ID: "b", Gap: 0, GapStatus: scoring.GapNone, Weight: 1},
		{ID: "c", Gap: 2, GapStatus: scoring.GapClear, Weight: 1},
		{ID: "d", Gap: 3, GapStatus: scoring.GapUnknown, Weight: 1},
	}}
	r.Score.Percent = 62.5
	got := TableRow(r, i18n.NewPrinter("id"), nil)
	want := []string{"c1", "62,5", "✗", "3:−2 1:−1?"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := TableRow(r, i18n.NewPrinter("en"), nil); got[1] != "62.5" {
		t.Errorf("English percent %q", got[1])
	}
	r.Kept = map[string]string{"Nama": "Ani"}
	if got := TableRow(r, i18n.NewPrinter("id"), []string{"Nama"}); got[1] != "Ani" || got[2] != "62,5" {
		t.Errorf("with a kept column: %q", got)
	}
}
