package resultio

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/asnskill/asnskill/internal/scoring"
)

// JSON is encoding/json's indented output, byte for byte, and escapes what
// a terminal would act on.
func TestJSON(t *testing.T) {
	level := 3
	r := scoring.Result{Format: scoring.ResultFormat, Candidate: "Ani <ani@contoh.id>", Groups: map[string]string{"region": "Jawa"},
		Kept: map[string]string{"NIP": "1990"}, Skills: []scoring.SkillResult{{ID: "s", Percent: 62.5, Level: level, GapStatus: scoring.GapPossible}}}
	want, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(JSON(&r)); got != string(want)+"\n" {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	r.Candidate = "evil\u202etxt.exe"
	got := string(JSON(&r))
	if strings.ContainsRune(got, '\u202e') || !strings.Contains(got, `\u202e`) {
		t.Errorf("a bidirectional control reached the output: %q", got)
	}
}
