package itemstats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// reportOf analyses rows of 0/1 answers ("1" right, "0" wrong, "." empty)
// on one-point single-answer items keyed A, where a wrong answer is B.
func reportOf(t *testing.T, rows ...string) Report {
	t.Helper()
	items := single(strings.Repeat("A", len(rows[0])), 4)
	a := mustNew(t, Config{Items: items})
	for _, r := range rows {
		letters := strings.NewReplacer("1", "A", "0", "B").Replace(r)
		mustAdd(t, a, letterRow(items, letters, ""))
	}
	rep := a.Report()
	checkReport(t, rep)
	return rep
}

func TestSmallMatrices(t *testing.T) {
	const tol = 1e-12
	tests := []struct {
		name  string
		rows  []string
		check func(t *testing.T, rep Report)
	}{
		{
			name: "constant item",
			rows: []string{"111", "110", "101", "100"},
			check: func(t *testing.T, rep Report) {
				q := rep.Questions[0]
				checkNum(t, "facility", q.Facility, 1, tol)
				checkNum(t, "sd", q.SD, 0, tol)
				for _, f := range []struct {
					name string
					v    *float64
				}{{"r_total", q.RTotal}, {"discrimination", q.Discrimination}, {"efficiency", q.Efficiency}} {
					checkNull(t, f.name, f.v)
					if r := noteReason(q.Notes, f.name); r != ReasonZeroVariance {
						t.Errorf("%s: reason %q, want %q", f.name, r, ReasonZeroVariance)
					}
				}
				if !hasFlag(q, FlagZeroVariance) || !hasFlag(q, FlagTooEasy) {
					t.Errorf("flags %v", q.Flags)
				}
				// R = q2 + q3 = 2 1 1 0, var 2/3; Σv − v1 = 2/3: 2·(1 − 1) = 0.
				checkNum(t, "alpha_if_deleted", q.AlphaIfDeleted, 0, tol)
				checkNum(t, "upper_lower", q.UpperLower, 0, tol)
				// T = 3 2 2 1: var 2/3 = Σv, alpha = 3/2·0.
				checkNum(t, "alpha", rep.Test.Alpha, 0, tol)
				checkNum(t, "sem", rep.Test.SEM, math.Sqrt(2.0/3), tol)
				// q2 = 1 1 0 0 with T: r = cov/√(v2·vT) = (1/3)/√(1/3·2/3).
				checkNum(t, "q2 r_total", rep.Questions[1].RTotal, (1.0/3)/math.Sqrt(2.0/9), tol)
			},
		},
		{
			name: "item nobody answered",
			rows: []string{"11.", "10.", "01.", "00.", "11."},
			check: func(t *testing.T, rep Report) {
				q := rep.Questions[2]
				if q.Answered != 0 || q.Unanswered.Count != 5 {
					t.Errorf("answered %d, unanswered %d", q.Answered, q.Unanswered.Count)
				}
				checkNum(t, "facility", q.Facility, 0, tol)
				checkNull(t, "p_answered", q.PAnswered)
				if r := noteReason(q.Notes, "p_answered"); r != ReasonNoneAnswered {
					t.Errorf("p_answered reason %q", r)
				}
				for _, f := range []string{FlagNoneAnswered, FlagTooHard, FlagZeroVariance} {
					if !hasFlag(q, f) {
						t.Errorf("flags %v lack %s", q.Flags, f)
					}
				}
				for _, o := range q.Options {
					checkNull(t, "share_answered", o.ShareAnswered)
					checkNum(t, "share", o.Share, 0, tol)
				}
				checkNum(t, "unanswered share", q.Unanswered.Share, 1, tol)
				checkNull(t, "unanswered r_total", q.Unanswered.RTotal)
				if r := noteReason(q.Notes, "unanswered.r_total"); r != ReasonAlwaysChosen {
					t.Errorf("unanswered.r_total reason %q", r)
				}
				// Its rest is the total: efficiency and discrimination null
				// for zero variance.
				checkNull(t, "discrimination", q.Discrimination)
				if q.AlphaIfDeleted == nil {
					t.Errorf("alpha_if_deleted null")
				}
			},
		},
		{
			name: "single candidate",
			rows: []string{"101"},
			check: func(t *testing.T, rep Report) {
				tt := rep.Test
				checkNum(t, "mean", tt.Mean, 2, tol)
				for _, f := range []struct {
					name string
					v    *float64
				}{{"sd", tt.SD}, {"skewness", tt.Skewness}, {"kurtosis", tt.Kurtosis}, {"alpha", tt.Alpha}, {"sem", tt.SEM}} {
					checkNull(t, f.name, f.v)
					if r := noteReason(tt.Notes, f.name); r != ReasonFewCandidates {
						t.Errorf("%s: reason %q", f.name, r)
					}
				}
				if tt.UpperLower.N != 0 || tt.UpperLower.CutUpper != nil {
					t.Errorf("groups %+v", tt.UpperLower)
				}
				q := rep.Questions[0]
				checkNum(t, "facility", q.Facility, 1, tol)
				checkNum(t, "p_answered", q.PAnswered, 1, tol)
				for _, f := range []struct {
					name string
					v    *float64
				}{{"sd", q.SD}, {"r_total", q.RTotal}, {"discrimination", q.Discrimination}, {"efficiency", q.Efficiency},
					{"alpha_if_deleted", q.AlphaIfDeleted}, {"upper_lower", q.UpperLower}} {
					checkNull(t, f.name, f.v)
					if r := noteReason(q.Notes, f.name); r != ReasonFewCandidates {
						t.Errorf("%s: reason %q", f.name, r)
					}
				}
				if hasFlag(q, FlagZeroVariance) {
					t.Errorf("zero_variance flagged with one candidate")
				}
				checkNum(t, "option A mean_total", q.Options[0].MeanTotal, 2, tol)
				checkNull(t, "option A r_total", q.Options[0].RTotal)
			},
		},
		{
			// Totals 3 2 2 2 1 1 1 0 2 1: n_g = 2, the 2nd highest is 2 and
			// the 2nd lowest 1, so each group holds 5. q1 is right for 4
			// of the upper and 1 of the lower: 4/5 − 1/5.
			name: "ties at the 27% cut",
			rows: []string{"111", "110", "011", "101", "100", "010", "001", "000", "110", "001"},
			check: func(t *testing.T, rep Report) {
				g := rep.Test.UpperLower
				if g.N != 2 || g.Upper != 5 || g.Lower != 5 || !near(g.CutUpper, 2, 0) || !near(g.CutLower, 1, 0) {
					t.Errorf("groups %+v", g)
				}
				checkNum(t, "q1 upper_lower", rep.Questions[0].UpperLower, 0.6, tol)
				o := rep.Questions[0].Options
				if o[0].Upper != 4 || o[0].Lower != 1 || o[1].Upper != 1 || o[1].Lower != 4 {
					t.Errorf("options %+v", o)
				}
			},
		},
		{
			// Everyone tied: the groups are everyone, and coincide.
			name: "all totals tied",
			rows: []string{"10", "01", "10", "01"},
			check: func(t *testing.T, rep Report) {
				g := rep.Test.UpperLower
				if g.N != 1 || g.Upper != 4 || g.Lower != 4 {
					t.Errorf("groups %+v", g)
				}
				checkNum(t, "upper_lower", rep.Questions[0].UpperLower, 0, tol)
				checkNull(t, "alpha", rep.Test.Alpha)
				if r := noteReason(rep.Test.Notes, "alpha"); r != ReasonConstantTotal {
					t.Errorf("alpha reason %q", r)
				}
				q := rep.Questions[0]
				checkNull(t, "r_total", q.RTotal)
				if r := noteReason(q.Notes, "r_total"); r != ReasonConstantTotal {
					t.Errorf("r_total reason %q", r)
				}
				// The rest (the other item) varies: discrimination is −1.
				checkNum(t, "discrimination", q.Discrimination, -1, tol)
				checkNull(t, "alpha_if_deleted", q.AlphaIfDeleted) // K = 2
				if r := noteReason(q.Notes, "alpha_if_deleted"); r != ReasonFewQuestions {
					t.Errorf("alpha_if_deleted reason %q", r)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := reportOf(t, tc.rows...)
			tc.check(t, rep)
			// The figures do not depend on the order of the rows.
			rows := append([]string(nil), tc.rows...)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
			if a, b := checkReport(t, rep), checkReport(t, reportOf(t, rows...)); string(a) != string(b) {
				t.Errorf("shuffled rows give another report")
			}
		})
	}
}

// TestTwoPointItem: q1 is a two-point multiple-answer question keyed A and
// C (half the points for one keyed option alone); q2 and q3 are one-point
// items. x1 = 2 1 0 2 0 1, T = 4 2 1 2 0 3, R1 = 2 1 1 0 0 2.
func TestTwoPointItem(t *testing.T) {
	items := []Item{
		{ID: "q1", Skill: "s", Points: 2, Options: 4, Key: []bool{true, false, true, false}},
		{ID: "q2", Skill: "s", Points: 1, Options: 2, Key: []bool{true, false}},
		{ID: "q3", Skill: "s", Points: 1, Options: 2, Key: []bool{true, false}},
	}
	const A, B, C = 1, 2, 4
	rows := []Row{
		{Earned: []float64{2, 1, 1}, Chosen: []uint8{A | C, A, A}},
		{Earned: []float64{1, 1, 0}, Chosen: []uint8{A, A, B}},
		{Earned: []float64{0, 0, 1}, Chosen: []uint8{A | B, B, A}},
		{Earned: []float64{2, 0, 0}, Chosen: []uint8{A | C, B, B}},
		{Earned: []float64{0, 0, 0}, Chosen: []uint8{0, B, B}},
		{Earned: []float64{1, 1, 1}, Chosen: []uint8{C, A, A}},
	}
	a := mustNew(t, Config{Items: items})
	for _, r := range rows {
		mustAdd(t, a, r)
	}
	rep := a.Report()
	checkReport(t, rep)
	const tol = 1e-12
	q := rep.Questions[0]
	// mean x 1, var x 0.8, var T 2, cov(x,T) 1, var R 0.8, cov(x,R) 0.2;
	// sorted x and sorted R are both 0 0 1 1 2 2: cov_max 0.8.
	checkNum(t, "facility", q.Facility, 0.5, tol)
	checkNum(t, "p_answered", q.PAnswered, 0.6, tol)
	checkNum(t, "sd", q.SD, math.Sqrt(0.8), tol)
	checkNum(t, "r_total", q.RTotal, 1/math.Sqrt(1.6), tol)
	checkNum(t, "discrimination", q.Discrimination, 0.25, tol)
	checkNum(t, "efficiency", q.Efficiency, 0.25, tol)
	// Σv = 0.8 + 0.3 + 0.3; 2·(1 − 0.6/0.8).
	checkNum(t, "alpha_if_deleted", q.AlphaIfDeleted, 0.5, tol)
	checkNum(t, "alpha", rep.Test.Alpha, 0.45, tol)
	// n_g = 1: the upper group is the 4, the lower the 0.
	checkNum(t, "upper_lower", q.UpperLower, 1, tol)
	if q.Answered != 5 || q.Unanswered.Count != 1 || q.Unanswered.Lower != 1 {
		t.Errorf("answered %d, unanswered %+v", q.Answered, q.Unanswered)
	}
	wantCount := []int64{4, 1, 3, 0}
	for o, op := range q.Options {
		if op.Count != wantCount[o] {
			t.Errorf("option %s count %d, want %d", op.Option, op.Count, wantCount[o])
		}
	}
	// A: chosen by T = 4 2 1 2; cov(d,T) = 0.2, var d = 4/15.
	checkNum(t, "A mean_total", q.Options[0].MeanTotal, 2.25, tol)
	checkNum(t, "A r_total", q.Options[0].RTotal, 0.2/math.Sqrt(4.0/15*2), tol)
	checkNum(t, "A share_answered", q.Options[0].ShareAnswered, 0.8, tol)
	checkNull(t, "D mean_total", q.Options[3].MeanTotal)
	if r := noteReason(q.Notes, "options.D.r_total"); r != ReasonNeverChosen {
		t.Errorf("options.D.r_total reason %q", r)
	}
	// The skill holds the three questions: its figures are the test's.
	s := rep.Skills[0]
	checkNum(t, "skill mean", s.Mean, 2, tol)
	checkNum(t, "skill sd", s.SD, math.Sqrt(2), tol)
	checkNum(t, "skill alpha", s.Alpha, 0.45, tol)
	checkNum(t, "skill sem", s.SEM, math.Sqrt(2)*math.Sqrt(0.55), tol)
}

// TestFractionalPoints: judgement-style values (thirds of a point) keep
// totals exact: 1/3 + 2/3 ties with 1.
func TestFractionalPoints(t *testing.T) {
	items := []Item{
		{ID: "j1", Points: 1, Options: 3, Key: []bool{true, false, false}},
		{ID: "j2", Points: 1, Options: 3, Key: []bool{true, false, false}},
	}
	a := mustNew(t, Config{Items: items})
	third := 1.0 / 3
	for _, r := range []Row{
		{Earned: []float64{third, 2 * third}, Chosen: []uint8{4, 2}},
		{Earned: []float64{2 * third, third}, Chosen: []uint8{2, 4}},
		{Earned: []float64{1, 0}, Chosen: []uint8{1, 0}},
		{Earned: []float64{0, 1}, Chosen: []uint8{0, 1}},
		{Earned: []float64{0.1 + 0.2, 0.7}, Chosen: []uint8{2, 2}}, // 1.0 in units
	} {
		mustAdd(t, a, r)
	}
	rep := a.Report()
	checkReport(t, rep)
	if len(rep.Test.Totals) != 1 || rep.Test.Totals[0].Count != 5 || rep.Test.Totals[0].Total != 1 {
		t.Errorf("totals %v, want five candidates at 1", rep.Test.Totals)
	}
	checkNull(t, "alpha", rep.Test.Alpha)
}

func TestEmpty(t *testing.T) {
	a := mustNew(t, Config{Items: single("AB", 2), Group: "g"})
	rep := a.Report()
	checkReport(t, rep)
	if rep.Candidates != 0 || rep.DIF == nil || rep.DIF.Reason != ReasonNoGroups {
		t.Errorf("candidates %d dif %+v", rep.Candidates, rep.DIF)
	}
	if r := noteReason(rep.Questions[0].Notes, "facility"); r != ReasonFewCandidates {
		t.Errorf("facility reason %q", r)
	}
}

func TestNewRejects(t *testing.T) {
	ok := Item{ID: "q", Points: 1, Options: 2, Key: []bool{true, false}}
	with := func(f func(*Item)) []Item { it := ok; f(&it); return []Item{it} }
	tests := []struct {
		name  string
		items []Item
	}{
		{"no items", nil},
		{"zero points", with(func(it *Item) { it.Points = 0 })},
		{"NaN points", with(func(it *Item) { it.Points = math.NaN() })},
		{"infinite points", with(func(it *Item) { it.Points = math.Inf(1) })},
		{"one option", with(func(it *Item) { it.Options, it.Key = 1, []bool{true} })},
		{"seven options", with(func(it *Item) { it.Options, it.Key = 7, make([]bool, 7) })},
		{"short key", with(func(it *Item) { it.Key = []bool{true} })},
		{"too many points", with(func(it *Item) { it.Points = 2e6 })},
		{"tiny points", with(func(it *Item) { it.Points = 1e-9 })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(Config{Items: tc.items}); err == nil {
				t.Errorf("accepted")
			}
		})
	}
}

func TestAddRejects(t *testing.T) {
	items := []Item{
		{ID: "q1", Points: 2, Options: 3, Key: []bool{true, false, false}},
		{ID: "q2", Points: 1, Options: 2, Key: []bool{true, false}},
	}
	tests := []struct {
		name string
		row  Row
	}{
		{"short earned", Row{Earned: []float64{1}, Chosen: []uint8{1, 1}}},
		{"short chosen", Row{Earned: []float64{1, 1}, Chosen: []uint8{1}}},
		{"negative", Row{Earned: []float64{-1, 0}, Chosen: []uint8{1, 1}}},
		{"NaN", Row{Earned: []float64{math.NaN(), 0}, Chosen: []uint8{1, 1}}},
		{"infinite", Row{Earned: []float64{math.Inf(1), 0}, Chosen: []uint8{1, 1}}},
		{"above points", Row{Earned: []float64{2.5, 0}, Chosen: []uint8{1, 1}}},
		{"points without an answer", Row{Earned: []float64{0, 1}, Chosen: []uint8{1, 0}}},
		{"option out of range", Row{Earned: []float64{0, 0}, Chosen: []uint8{8, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustNew(t, Config{Items: items})
			mustAdd(t, a, Row{Earned: []float64{2, 1}, Chosen: []uint8{1, 1}})
			before := checkReport(t, a.Report())
			if err := a.Add(tc.row); err == nil {
				t.Fatalf("accepted")
			}
			if a.Rows() != 1 || string(checkReport(t, a.Report())) != string(before) {
				t.Errorf("a refused row changed the counts")
			}
		})
	}
	t.Run("too many values", func(t *testing.T) {
		a := mustNew(t, Config{Items: items[:1]})
		for i := 0; i < MaxValues-2; i++ {
			mustAdd(t, a, Row{Earned: []float64{float64(i+1) / 100}, Chosen: []uint8{2}})
		}
		if err := a.Add(Row{Earned: []float64{1.5}, Chosen: []uint8{2}}); err == nil {
			t.Errorf("a 65th value was accepted")
		}
		mustAdd(t, a, Row{Earned: []float64{0.01}, Chosen: []uint8{2}}) // a known value still counts
	})
}

func TestFocalChoice(t *testing.T) {
	items := single("AA", 2)
	tests := []struct {
		name   string
		focal  string
		groups []string
		want   DIFSummary
	}{
		{"explicit", "f", []string{"f", "r", "s", "", "f"},
			DIFSummary{Group: "g", Focal: "f", Reference: 2, FocalN: 2, Excluded: 1}},
		{"explicit, focal absent", "x", []string{"a", "b"},
			DIFSummary{Group: "g", Focal: "x", Reference: 2, Reason: ReasonNoFocal}},
		{"explicit, no reference", "a", []string{"a", "", "a"},
			DIFSummary{Group: "g", Focal: "a", FocalN: 2, Excluded: 1, Reason: ReasonNoReference}},
		{"smaller group is focal", "", []string{"big", "big", "small", "", "big"},
			DIFSummary{Group: "g", Focal: "small", Reference: 3, FocalN: 1, Excluded: 1}},
		{"tie: larger value is focal", "", []string{"b", "a", "a", "b"},
			DIFSummary{Group: "g", Focal: "b", Reference: 2, FocalN: 2}},
		{"one group", "", []string{"a", "a", ""},
			DIFSummary{Group: "g", Reference: 2, Excluded: 1, Reason: ReasonOneGroup}},
		{"three groups", "", []string{"c", "a", "b", ""},
			DIFSummary{Group: "g", Excluded: 1, Reason: ReasonFocalNeeded, Values: []string{"a", "b", "c"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := mustNew(t, Config{Items: items, Group: "g", Focal: tc.focal})
			for i, g := range tc.groups {
				mustAdd(t, a, letterRow(items, []string{"AB", "BA", "AA", "BB"}[i%4], g))
			}
			rep := a.Report()
			checkReport(t, rep)
			if !reflect.DeepEqual(*rep.DIF, tc.want) {
				t.Errorf("dif %+v, want %+v", *rep.DIF, tc.want)
			}
			if (rep.Questions[0].DIF == nil) != (tc.want.Reason != "") {
				t.Errorf("question dif %v with reason %q", rep.Questions[0].DIF, tc.want.Reason)
			}
		})
	}
}

// With many group values, the ones named for --focal are the smallest ten,
// whichever way the rows were split and merged.
func TestFocalValuesMerge(t *testing.T) {
	items := []Item{{ID: "q1", Points: 1, Options: 2, Key: []bool{true, false}}, {ID: "q2", Points: 1, Options: 2, Key: []bool{false, true}}}
	var groups []string
	for i := 0; i < 15; i++ {
		groups = append(groups, fmt.Sprintf("g%02d", 14-i)) // g14 first
	}
	one := mustNew(t, Config{Items: items, Group: "g"})
	a, b := mustNew(t, Config{Items: items, Group: "g"}), mustNew(t, Config{Items: items, Group: "g"})
	for i, g := range groups {
		row := letterRow(items, []string{"AB", "BA", "AA", "BB"}[i%4], g)
		mustAdd(t, one, row)
		if i%2 == 0 {
			mustAdd(t, a, row)
		} else {
			mustAdd(t, b, row)
		}
	}
	if err := b.Merge(a); err != nil {
		t.Fatal(err)
	}
	want := []string{"g00", "g01", "g02", "g03", "g04", "g05", "g06", "g07", "g08", "g09"}
	for name, acc := range map[string]*Accumulator{"one pass": one, "merged": b} {
		if got := acc.Report().DIF.Values; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

// The distractor analysis marks each option: a distractor nobody (or under
// 5%) chooses is rare; one the strong choose more than the weak draws them.
func TestDistractorMarks(t *testing.T) {
	items := []Item{
		{ID: "q1", Points: 1, Options: 3, Key: []bool{true, false, false}},
		{ID: "q2", Points: 1, Options: 2, Key: []bool{true, false}},
		{ID: "q3", Points: 1, Options: 2, Key: []bool{true, false}},
	}
	a := mustNew(t, Config{Items: items})
	for i := 0; i < 6; i++ {
		mustAdd(t, a, letterRow(items, "BAA", "")) // strong: miss q1 with B
		mustAdd(t, a, letterRow(items, "ABB", "")) // weak: get q1 right
	}
	rep := a.Report()
	checkReport(t, rep)
	opts := rep.Questions[0].Options
	if opts[0].Rare || opts[0].DrawsUpper {
		t.Errorf("the key is marked: %+v", opts[0])
	}
	if !opts[1].DrawsUpper || opts[1].Rare {
		t.Errorf("B, chosen by the strong: %+v", opts[1])
	}
	if !opts[2].Rare || opts[2].DrawsUpper {
		t.Errorf("C, chosen by nobody: %+v", opts[2])
	}
}

func TestFavoursFocal(t *testing.T) {
	pos, neg := 1.6, -2.1
	for _, c := range []struct {
		d            *DIF
		focal, known bool
	}{{nil, false, false}, {&DIF{}, false, false}, {&DIF{DeltaMH: &pos}, true, true}, {&DIF{DeltaMH: &neg}, false, true}} {
		if f, k := c.d.FavoursFocal(); f != c.focal || k != c.known {
			t.Errorf("%+v: %v %v, want %v %v", c.d, f, k, c.focal, c.known)
		}
	}
}
