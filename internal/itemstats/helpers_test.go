package itemstats

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// single builds one-point single-answer items keyed by letters ("ABCDA"),
// each with the given number of options.
func single(keys string, options int) []Item {
	items := make([]Item, len(keys))
	for j, k := range keys {
		key := make([]bool, options)
		key[k-'A'] = true
		items[j] = Item{ID: "q" + string(rune('1'+j)), Skill: "s", Points: 1, Options: options, Key: key}
	}
	return items
}

// letterRow scores a row of letters ("ABCDA", '.' or ' ' = unanswered)
// against single-answer items.
func letterRow(items []Item, letters, group string) Row {
	r := Row{Earned: make([]float64, len(items)), Chosen: make([]uint8, len(items)), Group: group}
	for j, l := range letters {
		if l == '.' || l == ' ' {
			continue
		}
		o := int(l - 'A')
		r.Chosen[j] = 1 << o
		if items[j].Key[o] {
			r.Earned[j] = items[j].Points
		}
	}
	return r
}

func mustNew(t testing.TB, cfg Config) *Accumulator {
	t.Helper()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func mustAdd(t testing.TB, a *Accumulator, r Row) {
	t.Helper()
	if err := a.Add(r); err != nil {
		t.Fatal(err)
	}
}

func near(got *float64, want, tol float64) bool {
	return got != nil && math.Abs(*got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNum(t *testing.T, name string, got *float64, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		if got == nil {
			t.Errorf("%s = null, want %.15g", name, want)
		} else {
			t.Errorf("%s = %.15g, want %.15g", name, *got, want)
		}
	}
}

func checkNull(t *testing.T, name string, got *float64) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %.15g, want null", name, *got)
	}
}

func hasFlag(q Question, f string) bool {
	for _, g := range q.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// noted reports whether a note of q gives a reason for figure.
func noted(notes []Note, figure string) bool {
	for _, n := range notes {
		for _, f := range n.Figures {
			if f == figure {
				return true
			}
		}
	}
	return false
}

func noteReason(notes []Note, figure string) string {
	for _, n := range notes {
		for _, f := range n.Figures {
			if f == figure {
				return n.Reason
			}
		}
	}
	return ""
}

// checkReport asserts what every report must satisfy: it marshals (so no
// NaN or infinity anywhere), figures are in range, and every null figure of
// the test, a skill or a question has a note.
func checkReport(t testing.TB, rep Report) []byte {
	t.Helper()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	for _, bad := range []string{"NaN", "Inf"} {
		if strings.Contains(string(b), bad) {
			t.Fatalf("report holds %s: %s", bad, b)
		}
	}
	null := func(notes []Note, where, fig string, v *float64) {
		if v == nil && !noted(notes, fig) {
			t.Errorf("%s: %s is null without a note (notes %v)", where, fig, notes)
		}
	}
	corr := func(where string, v *float64) {
		if v != nil && (*v < -1 || *v > 1) {
			t.Errorf("%s = %v outside -1..1", where, *v)
		}
	}
	unit := func(where string, v *float64) {
		if v != nil && (*v < 0 || *v > 1) {
			t.Errorf("%s = %v outside 0..1", where, *v)
		}
	}
	tt := rep.Test
	for _, f := range []struct {
		n string
		v *float64
	}{{"mean", tt.Mean}, {"sd", tt.SD}, {"skewness", tt.Skewness}, {"kurtosis", tt.Kurtosis}, {"alpha", tt.Alpha}, {"sem", tt.SEM},
		{"upper_lower.cut_upper", tt.UpperLower.CutUpper}, {"upper_lower.cut_lower", tt.UpperLower.CutLower}} {
		null(tt.Notes, "test", f.n, f.v)
	}
	for _, s := range rep.Skills {
		for _, f := range []struct {
			n string
			v *float64
		}{{"mean", s.Mean}, {"sd", s.SD}, {"alpha", s.Alpha}, {"sem", s.SEM}} {
			null(s.Notes, "skill "+s.ID, f.n, f.v)
		}
	}
	for _, q := range rep.Questions {
		w := "question " + q.ID
		for _, f := range []struct {
			n string
			v *float64
		}{{"facility", q.Facility}, {"p_answered", q.PAnswered}, {"sd", q.SD}, {"r_total", q.RTotal},
			{"discrimination", q.Discrimination}, {"efficiency", q.Efficiency}, {"alpha_if_deleted", q.AlphaIfDeleted},
			{"upper_lower", q.UpperLower}, {"unanswered.share", q.Unanswered.Share},
			{"unanswered.mean_total", q.Unanswered.MeanTotal}, {"unanswered.r_total", q.Unanswered.RTotal}} {
			null(q.Notes, w, f.n, f.v)
		}
		for _, o := range q.Options {
			p := "options." + o.Option + "."
			null(q.Notes, w, p+"share", o.Share)
			null(q.Notes, w, p+"share_answered", o.ShareAnswered)
			null(q.Notes, w, p+"mean_total", o.MeanTotal)
			null(q.Notes, w, p+"r_total", o.RTotal)
			corr(w+" "+p+"r_total", o.RTotal)
			unit(w+" "+p+"share", o.Share)
			unit(w+" "+p+"share_answered", o.ShareAnswered)
		}
		if d := q.DIF; d != nil {
			for _, f := range []struct {
				n string
				v *float64
			}{{"dif.alpha_mh", d.AlphaMH}, {"dif.delta_mh", d.DeltaMH}, {"dif.chi2", d.Chi2}, {"dif.p", d.P}, {"dif.se_delta", d.SEDelta}} {
				null(q.Notes, w, f.n, f.v)
			}
			if d.Category == "" && !noted(q.Notes, "dif.category") {
				t.Errorf("%s: dif.category is null without a note", w)
			}
			unit(w+" dif.p", d.P)
		}
		corr(w+" r_total", q.RTotal)
		corr(w+" discrimination", q.Discrimination)
		unit(w+" facility", q.Facility)
		unit(w+" p_answered", q.PAnswered)
		if q.UpperLower != nil && (*q.UpperLower < -1 || *q.UpperLower > 1) {
			t.Errorf("%s upper_lower = %v outside -1..1", w, *q.UpperLower)
		}
		if q.Efficiency != nil && *q.Efficiency > 1+1e-9 {
			t.Errorf("%s efficiency = %v above 1", w, *q.Efficiency)
		}
	}
	return b
}
