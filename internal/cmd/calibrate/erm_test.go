package calibrate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

// The check, end to end: the data sets that R's eRm calibrated
// (internal/irt/testdata, made by erm-reference.R) written as a bank and
// answer sheets, through `asnskill calibrate`: the centred thresholds, and
// the Rasch standard errors, agree with eRm's to 1e-3. Dichotomous items
// become single questions; items of two steps judgement questions (scores
// 1, 3, 5); of three steps multiple-answer questions with three keys. The
// Rasch set has responses not administered: the sheet is JSONL listing the
// questions each candidate was given.
func TestCalibrateAgreesWithERM(t *testing.T) {
	for _, name := range []string{"rasch-missing", "pcm"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("..", "..", "irt", "testdata", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var ref struct {
				Model string `json:"model"`
				Items []struct {
					ID         string `json:"id"`
					Categories int    `json:"categories"`
				} `json:"items"`
				Responses [][]int `json:"responses"`
				ERM       struct {
					Thresholds [][]float64 `json:"thresholds_centred"`
					SE         [][]float64 `json:"se_centred"`
				} `json:"erm"`
			}
			if err := json.Unmarshal(raw, &ref); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var bk strings.Builder
			bk.WriteString("format: asnskill/bank/v1\nid: erm\nversion: 1.0.0\ntitle: {id: E, en: E}\nsummary: {id: E., en: E.}\n" +
				"skills:\n  - id: s\n    name: {id: S, en: S}\n    target_level: 1\n    recommendations: []\nquestions:\n")
			letters := make([][]string, len(ref.Items)) // letters[i][k]: an answer of category k
			for i, it := range ref.Items {
				id := strings.ToLower(it.ID)
				switch it.Categories {
				case 1:
					fmt.Fprintf(&bk, "  - {id: %s, skill: s, prompt: {id: Q, en: Q}, explanation: {id: K, en: K}, options: [{text: {id: a, en: a}, correct: true}, {text: {id: b, en: b}}, {text: {id: c, en: c}}]}\n", id)
					letters[i] = []string{"B", "A"}
				case 2:
					fmt.Fprintf(&bk, "  - {id: %s, skill: s, type: judgement, prompt: {id: Q, en: Q}, explanation: {id: K, en: K}, options: [{text: {id: a, en: a}, score: 1}, {text: {id: b, en: b}, score: 3}, {text: {id: c, en: c}, score: 5}]}\n", id)
					letters[i] = []string{"A", "B", "C"}
				case 3:
					fmt.Fprintf(&bk, "  - {id: %s, skill: s, type: multiple, prompt: {id: Q, en: Q}, explanation: {id: K, en: K}, options: [{text: {id: a, en: a}, correct: true}, {text: {id: b, en: b}, correct: true}, {text: {id: c, en: c}, correct: true}, {text: {id: d, en: d}}, {text: {id: e, en: e}}]}\n", id)
					letters[i] = []string{"", "A", "AB", "ABC"}
				default:
					t.Fatalf("item %s has %d categories", it.ID, it.Categories)
				}
			}
			bankPath := filepath.Join(dir, "erm.yaml")
			if err := os.WriteFile(bankPath, []byte(bk.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			var sheet bytes.Buffer
			for p, row := range ref.Responses {
				var qs []string
				ans := map[string]string{}
				for i, k := range row {
					if k < 0 {
						continue // not administered
					}
					id := strings.ToLower(ref.Items[i].ID)
					qs = append(qs, id)
					ans[id] = letters[i][k]
				}
				line, _ := json.Marshal(map[string]any{"candidate": fmt.Sprintf("p%d", p), "questions": qs, "answers": ans})
				sheet.Write(line)
				sheet.WriteByte('\n')
			}
			sheetPath := filepath.Join(dir, "sheet.jsonl")
			if err := os.WriteFile(sheetPath, sheet.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			ios, _, out, errOut := iostreams.Test()
			f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: "en", BankPaths: []string{bankPath}}
			if err := Run(&Options{F: f, BankRef: bankPath, Files: []string{sheetPath}, Output: cmdutil.NewEnum("json", "table", "json")}); err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			var rep Report
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Items) != len(ref.Items) || rep.Rejected != 0 || !rep.Converged {
				t.Fatalf("%d items, %d rejected, converged %v", len(rep.Items), rep.Rejected, rep.Converged)
			}
			worstTh, worstSE := 0.0, 0.0
			for i, it := range rep.Items {
				for j := range it.Thresholds {
					worstTh = math.Max(worstTh, math.Abs(it.Thresholds[j]-ref.ERM.Thresholds[i][j]))
					worstSE = math.Max(worstSE, math.Abs(it.SE[j]-ref.ERM.SE[i][j]))
				}
			}
			if worstTh > 1e-3 || worstSE > 1e-3 {
				t.Errorf("largest difference from eRm: thresholds %.2g, standard errors %.2g (want ≤ 1e-3)", worstTh, worstSE)
			}
			t.Logf("largest difference from eRm: thresholds %.2g, standard errors %.2g", worstTh, worstSE)
		})
	}
}
