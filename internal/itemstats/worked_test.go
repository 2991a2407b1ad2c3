package itemstats

import (
	"encoding/json"
	"slices"
	"testing"
)

// The worked example of the item analysis, computed by hand.
var worked = []struct{ group, letters string }{
	{"r", "ABCDA"},
	{"r", "ABCAB"},
	{"f", "ABAD."},
	{"r", "ACCDA"},
	{"f", "BBCBA"},
	{"r", "AABDC"},
	{"f", "CBCCA"},
	{"r", "ABDDA"},
	{"f", "BCAAB"},
	{"f", "ADCDA"},
	{"r", "DBBCD"},
	{"f", "ABCDB"},
}

func workedReport(t *testing.T) Report {
	t.Helper()
	items := single("ABCDA", 4)
	a := mustNew(t, Config{Items: items, Group: "g", Focal: "f"})
	for _, w := range worked {
		mustAdd(t, a, letterRow(items, w.letters, w.group))
	}
	rep := a.Report()
	checkReport(t, rep)
	return rep
}

func TestWorkedExample(t *testing.T) {
	rep := workedReport(t)
	const tol = 1e-9

	if rep.Format != Format || rep.Candidates != 12 {
		t.Fatalf("format %q, candidates %d", rep.Format, rep.Candidates)
	}
	// Totals 5 3 3 4 3 2 3 4 0 4 1 4, as a distribution.
	wantTotals := []Frequency{{0, 1}, {1, 1}, {2, 1}, {3, 4}, {4, 4}, {5, 1}}
	if !slices.Equal(rep.Test.Totals, wantTotals) {
		t.Errorf("totals %v, want %v", rep.Test.Totals, wantTotals)
	}

	tt := rep.Test
	for _, c := range []struct {
		name string
		got  *float64
		want float64
	}{
		{"mean", tt.Mean, 3},
		{"sd", tt.SD, 1.41421356237310},
		{"alpha", tt.Alpha, 0.445075757575758},
		{"sem", tt.SEM, 1.05349346692255},
		{"skewness", tt.Skewness, -0.925667059007844},
		{"kurtosis", tt.Kurtosis, 0.615151515151516},
		{"cut_upper", tt.UpperLower.CutUpper, 4},
		{"cut_lower", tt.UpperLower.CutLower, 2},
	} {
		checkNum(t, "test "+c.name, c.got, c.want, tol)
	}
	if g := tt.UpperLower; g.N != 3 || g.Upper != 5 || g.Lower != 3 {
		t.Errorf("groups n_g %d upper %d lower %d, want 3 5 3", g.N, g.Upper, g.Lower)
	}

	type fig struct {
		facility, rTotal, disc, eff, aid, ul float64
	}
	want := map[string]fig{
		"q1": {0.666666666666667, 0.652791209833867, 0.373101253622318, 0.4375, 0.287878787878788, 0.666666666666667},
		"q2": {0.666666666666667, 0.261116483933547, -0.0898026510133874, -0.125, 0.591397849462365, 0.266666666666667},
		"q3": {0.583333333333333, 0.624187783932359, 0.315848974386351, 0.409836065573770, 0.327746741154562, 0.8},
		"q5": {0.5, 0.615457454896664, 0.298142396999972, 0.4, 0.340740740740741, 0.8},
	}
	for _, q := range rep.Questions {
		w, ok := want[q.ID]
		if !ok {
			continue
		}
		checkNum(t, q.ID+" facility", q.Facility, w.facility, tol)
		checkNum(t, q.ID+" r_total", q.RTotal, w.rTotal, tol)
		checkNum(t, q.ID+" discrimination", q.Discrimination, w.disc, tol)
		checkNum(t, q.ID+" efficiency", q.Efficiency, w.eff, tol)
		checkNum(t, q.ID+" alpha_if_deleted", q.AlphaIfDeleted, w.aid, tol)
		checkNum(t, q.ID+" upper_lower", q.UpperLower, w.ul, tol)
	}

	// q1's options.
	q1 := rep.Questions[0]
	type opt struct {
		count, upper, lower int64
		mean, r             float64
	}
	wantOpts := map[string]opt{
		"A": {8, 5, 1, 3.625, 0.652791209833867},
		"B": {2, 0, 1, 1.5, -0.495433694306862},
		"C": {1, 0, 0, 3, 0}, // p07, total 3: r not given
		"D": {1, 0, 1, 1, -0.445361771415123},
	}
	for _, o := range q1.Options {
		w := wantOpts[o.Option]
		if o.Count != w.count || o.Upper != w.upper || o.Lower != w.lower {
			t.Errorf("q1 %s: count %d upper %d lower %d, want %d %d %d", o.Option, o.Count, o.Upper, o.Lower, w.count, w.upper, w.lower)
		}
		checkNum(t, "q1 "+o.Option+" mean_total", o.MeanTotal, w.mean, tol)
		if o.Option != "C" {
			checkNum(t, "q1 "+o.Option+" r_total", o.RTotal, w.r, tol)
		}
		checkNum(t, "q1 "+o.Option+" share", o.Share, float64(w.count)/12, tol)
		if o.Key != (o.Option == "A") {
			t.Errorf("q1 %s: key %v", o.Option, o.Key)
		}
	}
	if q1.Unanswered.Count != 0 || q1.Answered != 12 || q1.Administered != 12 {
		t.Errorf("q1 unanswered %d answered %d administered %d", q1.Unanswered.Count, q1.Answered, q1.Administered)
	}
	// q5: p03 left it empty.
	q5 := rep.Questions[4]
	if q5.Answered != 11 || q5.Unanswered.Count != 1 || q5.Unanswered.Upper != 0 || q5.Unanswered.Lower != 0 {
		t.Errorf("q5 answered %d unanswered %+v", q5.Answered, q5.Unanswered)
	}
	checkNum(t, "q5 p_answered", q5.PAnswered, 6.0/11, tol)
	checkNum(t, "q5 unanswered mean_total", q5.Unanswered.MeanTotal, 3, tol)

	// q3's DIF.
	d := rep.Questions[2].DIF
	if d == nil {
		t.Fatal("q3: no DIF")
	}
	checkNum(t, "q3 alpha_mh", d.AlphaMH, 0.5, tol)
	checkNum(t, "q3 delta_mh", d.DeltaMH, 1.62889587431587, tol)
	if s := rep.DIF; s == nil || s.Group != "g" || s.Focal != "f" || s.Reference != 6 || s.FocalN != 6 || s.Excluded != 0 || s.Reason != "" {
		t.Errorf("dif summary %+v", rep.DIF)
	}
}

// TestWorkedExampleJSON checks the shape of the contract on the worked
// example: the keys of the item analysis are all there.
func TestWorkedExampleJSON(t *testing.T) {
	rep := workedReport(t)
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := func(where string, v any, want ...string) {
		t.Helper()
		o, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s is %T", where, v)
		}
		for _, k := range want {
			if _, ok := o[k]; !ok {
				t.Errorf("%s lacks %q", where, k)
			}
		}
	}
	keys("report", m, "format", "bank", "candidates", "test", "skills", "dif", "questions")
	keys("bank", m["bank"], "id", "version", "sha256")
	keys("test", m["test"], "mean", "sd", "skewness", "kurtosis", "alpha", "sem")
	keys("skill", m["skills"].([]any)[0], "id", "questions", "mean", "sd", "alpha", "sem")
	keys("dif", m["dif"], "group", "focal", "reference", "focal_n", "excluded")
	q := m["questions"].([]any)[0]
	keys("question", q, "id", "skill", "administered", "answered", "facility", "p_answered", "sd", "r_total",
		"discrimination", "efficiency", "alpha_if_deleted", "upper_lower", "options", "unanswered", "dif", "flags", "notes")
	keys("option", q.(map[string]any)["options"].([]any)[0], "option", "key", "count", "share", "share_answered", "upper", "lower", "mean_total", "r_total")
	keys("unanswered", q.(map[string]any)["unanswered"], "count", "upper", "lower")
	keys("question dif", q.(map[string]any)["dif"], "alpha_mh", "delta_mh", "chi2", "p", "se_delta", "category")

	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("round trip: %v", err)
	}
	b2, _ := json.Marshal(back)
	if string(b) != string(b2) {
		t.Errorf("round trip changed the report")
	}
}
