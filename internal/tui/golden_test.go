package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/session"
)

// TestGolden pins every screen at 60, 80 and 120 columns, colour profile
// ASCII (TestMain). Refresh with: go test ./internal/tui -run TestGolden -update
func TestGolden(t *testing.T) {
	sizes := [][2]int{{60, 20}, {80, 24}, {120, 30}}
	type step struct {
		name string
		opts []testOpt
		keys []string
		tick time.Duration // clock moved before the view
	}
	selfRate := func(c *Config) { c.SelfRate = true }
	steps := []step{
		{"start", nil, nil, 0},
		{"start-exam-en", []testOpt{exam, english}, nil, 0},
		{"selfrate", []testOpt{selfRate}, []string{"enter", "4", "2"}, 0},
		{"question", []testOpt{noShuffle}, []string{"enter"}, 0},
		{"question-multiple", []testOpt{noShuffle}, []string{"enter", "b", "enter", "enter", "a", "down", "down"}, 0},
		{"feedback", []testOpt{noShuffle}, []string{"enter", "a", "enter"}, 0},
		{"feedback-code", []testOpt{noShuffle, english}, []string{"enter", "b", "enter", "enter", "a", "c", "enter", "enter", "a", "enter"}, 0},
		{"exam-question", []testOpt{exam}, []string{"enter", "b", "right", "f"}, 95 * time.Second},
		{"exam-grid", []testOpt{exam}, []string{"enter", "b", "right", "f", "right", "a", "g"}, 0},
		{"exam-review", []testOpt{exam}, []string{"enter", "b", "right", "f", "right", "a", "s"}, 0},
		{"result", []testOpt{exam, noShuffle}, []string{"enter", "b", "right", "a", "c", "right", "a", "right", "b", "s", "s"}, 0},
		{"result-end-en", []testOpt{exam, noShuffle, english, selfRate}, []string{"enter", "5", "1", "3", "enter", "b", "right", "a", "c", "s", "s", "end"}, 0},
		{"answers", []testOpt{noShuffle}, []string{"enter", "c", "enter", "enter", "a", "enter", "esc", "s", "r"}, 0},
		{"help", []testOpt{exam}, []string{"enter", "?"}, 0},
		{"confirm-quit", []testOpt{exam}, []string{"enter", "ctrl+c"}, 0},
	}
	for _, st := range steps {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s-%d", st.name, sz[0]), func(t *testing.T) {
				m, clk := newTestModel(t, sz[0], sz[1], st.opts...)
				press(m, st.keys...)
				clk.Add(st.tick)
				golden.RequireEqual(t, []byte(fits(t, m)))
			})
		}
	}
}

func TestGoldenPicker(t *testing.T) {
	b := loadBank(t, "peran-uji.yaml")
	other := loadBank(t, "peran-uji.yaml")
	other.ID = "peran-kedua"
	other.Title = map[string]string{"id": "Peran Kedua dengan Judul yang Cukup Panjang untuk Dipotong", "en": "Second Role"}
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 30}} {
		t.Run(fmt.Sprint(sz[0]), func(t *testing.T) {
			m, _ := newTestModel(t, sz[0], sz[1], func(c *Config) { c.Bank = nil; c.Banks = []*bank.Bank{other, b} })
			press(m, "down")
			golden.RequireEqual(t, []byte(fits(t, m)))
		})
	}
}

var _ = session.Exam
