package itemstats

import (
	"cmp"
	"math"
	"math/big"
	"slices"
)

// Format is the contract a Report marshals to.
const Format = "asnskill/stats/v1"

// Flag thresholds (see the package comment).
const (
	TooEasyAbove                 = 0.9  // facility above: FlagTooEasy
	TooHardBelow                 = 0.2  // facility below: FlagTooHard
	LowDiscriminationBelow       = 0.2  // discrimination below (and ≥ 0): FlagLowDiscrimination
	LowEfficiencyBelow           = 0.15 // efficiency below: FlagLowEfficiency
	RareDistractorBelow          = 0.05 // a distractor's share below: Option.Rare
	deltaScale                   = 2.35
	etsSmallDelta                = 1.0
	etsLargeDelta                = 1.5
	etsOneSidedZ                 = 1.645
	etsSignificance              = 0.05
	upperLowerPercent      int64 = 27
)

// Flags: machine-readable reasons to look at a question.
const (
	FlagTooEasy                 = "too_easy"
	FlagTooHard                 = "too_hard"
	FlagLowDiscrimination       = "low_discrimination"
	FlagNegativeDiscrimination  = "negative_discrimination"
	FlagLowEfficiency           = "low_efficiency"
	FlagUpperAvoidsKey          = "upper_avoids_key"
	FlagDistractorAttractsUpper = "distractor_attracts_upper"
	FlagDIFC                    = "dif_c"
	FlagZeroVariance            = "zero_variance"
	FlagNoneAnswered            = "none_answered"
)

// Reasons a figure is null, as given in notes.
const (
	// ReasonFewCandidates: the figure needs more candidates (a variance 2,
	// skewness 3, kurtosis 4, the 27% groups 4).
	ReasonFewCandidates = "few_candidates"
	// ReasonFewQuestions: alpha needs 2 questions, alpha_if_deleted 3; a
	// skill's alpha and sem are given from 3.
	ReasonFewQuestions = "few_questions"
	// ReasonZeroVariance: every candidate earned the same on the question.
	ReasonZeroVariance = "zero_variance"
	// ReasonConstantTotal: every candidate has the same total (of the test,
	// or of the skill).
	ReasonConstantTotal = "constant_total"
	// ReasonConstantRest: the total without this question is the same for
	// every candidate.
	ReasonConstantRest = "constant_rest"
	// ReasonNoneAnswered: no candidate answered the question.
	ReasonNoneAnswered = "none_answered"
	// ReasonNeverChosen: no candidate is in this row of the options table.
	ReasonNeverChosen = "never_chosen"
	// ReasonAlwaysChosen: every candidate is in this row of the options table.
	ReasonAlwaysChosen = "always_chosen"
	// ReasonDIFNoInformation: no stratum holds both groups with both right
	// and wrong answers, so Σ Var(A_k) = 0.
	ReasonDIFNoInformation = "dif_no_information"
	// ReasonDIFZeroCell: Σ A_kD_k/T_k or Σ B_kC_k/T_k is 0, so α_MH is 0
	// or infinite.
	ReasonDIFZeroCell = "dif_zero_cell"
)

// Reasons DIF could not run at all (DIFSummary.Reason).
const (
	ReasonNoGroups    = "no_groups"    // no row has a group value
	ReasonOneGroup    = "one_group"    // automatic focal: only one group value
	ReasonFocalNeeded = "focal_needed" // automatic focal: more than two group values
	ReasonNoFocal     = "no_focal"     // no row has the focal value
	ReasonNoReference = "no_reference" // no row has another non-empty value
)

// Report is the item analysis; it marshals to the contract asnskill/stats/v1.
// Figures that are undefined are nil (JSON null), with a Note saying why.
type Report struct {
	Format     string      `json:"format"`
	Bank       Bank        `json:"bank"`
	Candidates int64       `json:"candidates"`
	Test       Test        `json:"test"`
	Skills     []Skill     `json:"skills"`
	DIF        *DIFSummary `json:"dif"` // nil without a group column
	Questions  []Question  `json:"questions"`
}

// Test holds the figures of the whole test.
type Test struct {
	Questions  int         `json:"questions"`
	Points     float64     `json:"points"`
	Mean       *float64    `json:"mean"`
	SD         *float64    `json:"sd"`
	Skewness   *float64    `json:"skewness"`
	Kurtosis   *float64    `json:"kurtosis"`
	Alpha      *float64    `json:"alpha"`
	SEM        *float64    `json:"sem"`
	UpperLower Groups      `json:"upper_lower"`
	Totals     []Frequency `json:"totals"`
	Notes      []Note      `json:"notes"`
}

// Groups describes the tie-inclusive 27% groups.
type Groups struct {
	N        int64    `json:"n_g"`       // ⌊27·N/100⌋
	CutUpper *float64 `json:"cut_upper"` // total of the n_g-th highest candidate
	CutLower *float64 `json:"cut_lower"` // total of the n_g-th lowest candidate
	Upper    int64    `json:"upper"`     // candidates with total ≥ CutUpper
	Lower    int64    `json:"lower"`     // candidates with total ≤ CutLower
}

// Frequency is one bar of the distribution of totals: how many candidates
// have this total (in points).
type Frequency struct {
	Total float64 `json:"total"`
	Count int64   `json:"count"`
}

// Skill holds the figures of one skill's subtotal.
type Skill struct {
	ID        string   `json:"id"`
	Questions int      `json:"questions"`
	Points    float64  `json:"points"`
	Mean      *float64 `json:"mean"`
	SD        *float64 `json:"sd"`
	Alpha     *float64 `json:"alpha"`
	SEM       *float64 `json:"sem"`
	Notes     []Note   `json:"notes"`
}

// DIFSummary says which rows the Mantel–Haenszel analysis compared.
type DIFSummary struct {
	Group     string `json:"group"`
	Focal     string `json:"focal"`
	Reference int64  `json:"reference"` // rows in the reference group
	FocalN    int64  `json:"focal_n"`   // rows in the focal group
	Excluded  int64  `json:"excluded"`  // rows with an empty group value
	// Reason is set when DIF could not run (Reason… constants); the
	// questions' DIF is then null.
	Reason string `json:"reason,omitempty"`
	// Values are group values to choose --focal from, when it is needed
	// (ReasonFocalNeeded): the smallest 10, sorted.
	Values []string `json:"values,omitempty"`
}

// Question holds the figures of one question.
type Question struct {
	ID             string     `json:"id"`
	Skill          string     `json:"skill"`
	Points         float64    `json:"points"`
	Administered   int64      `json:"administered"`
	Answered       int64      `json:"answered"`
	Facility       *float64   `json:"facility"`
	PAnswered      *float64   `json:"p_answered"`
	SD             *float64   `json:"sd"`
	RTotal         *float64   `json:"r_total"`
	Discrimination *float64   `json:"discrimination"`
	Efficiency     *float64   `json:"efficiency"`
	AlphaIfDeleted *float64   `json:"alpha_if_deleted"`
	UpperLower     *float64   `json:"upper_lower"`
	Options        []Option   `json:"options"`
	Unanswered     Unanswered `json:"unanswered"`
	DIF            *DIF       `json:"dif"` // nil when DIF did not run
	Flags          []string   `json:"flags"`
	Notes          []Note     `json:"notes"`
}

// Option is one row of the distractor analysis.
type Option struct {
	Option        string   `json:"option"` // "A".."F"
	Key           bool     `json:"key"`
	Count         int64    `json:"count"`
	Share         *float64 `json:"share"`          // of all candidates
	ShareAnswered *float64 `json:"share_answered"` // of those who answered
	Upper         int64    `json:"upper"`
	Lower         int64    `json:"lower"`
	MeanTotal     *float64 `json:"mean_total"`
	RTotal        *float64 `json:"r_total"` // point-biserial of "chose it" with T
	// Rare: a distractor chosen by fewer than RareDistractorBelow of the
	// candidates. DrawsUpper: a distractor chosen by a larger share of the
	// upper group than of the lower (FlagDistractorAttractsUpper).
	Rare       bool `json:"rare,omitempty"`
	DrawsUpper bool `json:"draws_upper,omitempty"`
}

// Unanswered is the options table's row for the candidates who left the
// question unanswered.
type Unanswered struct {
	Count     int64    `json:"count"`
	Share     *float64 `json:"share"`
	Upper     int64    `json:"upper"`
	Lower     int64    `json:"lower"`
	MeanTotal *float64 `json:"mean_total"`
	RTotal    *float64 `json:"r_total"`
}

// DIF is the Mantel–Haenszel analysis of one question.
type DIF struct {
	AlphaMH  *float64 `json:"alpha_mh"`
	DeltaMH  *float64 `json:"delta_mh"`
	Chi2     *float64 `json:"chi2"`
	P        *float64 `json:"p"`
	SEDelta  *float64 `json:"se_delta"`
	Category Category `json:"category"`
	Strata   int      `json:"strata"` // strata with T_k > 1
}

// FavoursFocal reports whether the question favours the focal group at
// equal total scores (ΔMH > 0; ΔMH < 0 favours the reference group), and
// whether that is known.
func (d *DIF) FavoursFocal() (focal, known bool) {
	if d == nil || d.DeltaMH == nil || *d.DeltaMH == 0 {
		return false, false
	}
	return *d.DeltaMH > 0, true
}

// Category is an ETS DIF category: "A", "B", "C", or "" (undefined,
// marshalled as null).
type Category string

// The ETS categories.
const (
	CategoryA Category = "A" // negligible
	CategoryB Category = "B" // moderate
	CategoryC Category = "C" // large
)

// MarshalJSON writes the undefined category as null.
func (c Category) MarshalJSON() ([]byte, error) {
	if c == "" {
		return []byte("null"), nil
	}
	return []byte(`"` + string(c) + `"`), nil
}

// UnmarshalJSON reads null as the undefined category.
func (c *Category) UnmarshalJSON(b []byte) error {
	switch s := string(b); s {
	case "null":
		*c = ""
	case `"A"`, `"B"`, `"C"`:
		*c = Category(s[1:2])
	default:
		return &invalidCategory{s}
	}
	return nil
}

type invalidCategory struct{ s string }

func (e *invalidCategory) Error() string { return "itemstats: invalid DIF category " + e.s }

// Note says why figures are null. Figures name them as in the JSON, with
// options as "options.B.r_total" and the unanswered row as
// "unanswered.share"; Reason is one of the Reason… constants.
type Note struct {
	Figures []string `json:"figures"`
	Reason  string   `json:"reason"`
}

type notes []Note

func (ns *notes) add(reason, figure string) {
	for i := range *ns {
		if (*ns)[i].Reason == reason {
			(*ns)[i].Figures = append((*ns)[i].Figures, figure)
			return
		}
	}
	*ns = append(*ns, Note{Figures: []string{figure}, Reason: reason})
}

// num is the one way a figure enters a report: NaN and ±Inf become null.
func num(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// clamp removes rounding excursions of a correlation beyond ±1.
func clamp(r float64) float64 { return max(-1, min(1, r)) }

// units converts a count of units to points.
func units(u int64) float64 { return float64(u) / Scale }

// totalRow gathers the counters of all blocks of one total.
type totalRow struct {
	t  int64   // units
	tf float64 // points
	n  int64
	c  []int64
}

// Report computes the analysis of the rows added so far. The accumulator is
// not changed and may take more rows afterwards. Equal counts give equal
// reports, whatever the order of the rows or of merging.
func (a *Accumulator) Report() Report {
	N := a.n
	nf := float64(N)
	k := len(a.items)

	order := make([]int, len(a.blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		bx, by := &a.blocks[x], &a.blocks[y]
		return cmp.Or(cmp.Compare(bx.total, by.total), cmp.Compare(bx.class, by.class))
	})
	var rows []totalRow
	for _, bi := range order {
		b := &a.blocks[bi]
		if len(rows) > 0 && rows[len(rows)-1].t == b.total {
			r := &rows[len(rows)-1]
			r.n += b.n
			for i, v := range b.c {
				r.c[i] += int64(v)
			}
			continue
		}
		c := make([]int64, len(b.c))
		for i, v := range b.c {
			c[i] = int64(v)
		}
		rows = append(rows, totalRow{t: b.total, tf: units(b.total), n: b.n, c: c})
	}

	rep := Report{
		Format:     Format,
		Bank:       a.cfg.Bank,
		Candidates: N,
		Skills:     []Skill{},
		Questions:  make([]Question, 0, k),
	}

	// The test.
	t := &rep.Test
	t.Questions = k
	var tn notes
	var points float64
	for j := range a.items {
		points += units(a.items[j].full)
	}
	t.Points = points
	t.Totals = make([]Frequency, len(rows))
	for i, r := range rows {
		t.Totals[i] = Frequency{Total: r.tf, Count: r.n}
	}
	var tMean, vT float64
	constTotal := len(rows) <= 1
	if N > 0 {
		var s float64
		for _, r := range rows {
			s += float64(r.n) * r.tf
		}
		tMean = s / nf
		t.Mean = num(tMean)
	} else {
		tn.add(ReasonFewCandidates, "mean")
	}
	var m2, m3, m4 float64
	for _, r := range rows {
		d := r.tf - tMean
		w := float64(r.n)
		m2 += w * d * d
		m3 += w * d * d * d
		m4 += w * d * d * d * d
	}
	if N > 1 {
		vT = m2 / (nf - 1)
		if constTotal {
			vT = 0
		}
		t.SD = num(math.Sqrt(vT))
	} else {
		tn.add(ReasonFewCandidates, "sd")
	}
	if N > 0 {
		m2, m3, m4 = m2/nf, m3/nf, m4/nf
	}
	k2 := nf * m2 / (nf - 1)
	switch {
	case N < 3:
		tn.add(ReasonFewCandidates, "skewness")
	case constTotal:
		tn.add(ReasonConstantTotal, "skewness")
	default:
		k3 := nf * nf * m3 / ((nf - 1) * (nf - 2))
		t.Skewness = num(k3 / math.Pow(k2, 1.5))
	}
	switch {
	case N < 4:
		tn.add(ReasonFewCandidates, "kurtosis")
	case constTotal:
		tn.add(ReasonConstantTotal, "kurtosis")
	default:
		k4 := nf * nf * ((nf+1)*m4 - 3*(nf-1)*m2*m2) / ((nf - 1) * (nf - 2) * (nf - 3))
		t.Kurtosis = num(k4 / (k2 * k2))
	}

	// The 27% groups.
	g := &t.UpperLower
	g.N = upperLowerPercent * N / 100
	var cutU, cutL int64
	if g.N >= 1 {
		var cum int64
		for i := len(rows) - 1; i >= 0; i-- {
			cum += rows[i].n
			if cum >= g.N {
				cutU = rows[i].t
				break
			}
		}
		cum = 0
		for _, r := range rows {
			cum += r.n
			if cum >= g.N {
				cutL = r.t
				break
			}
		}
		for _, r := range rows {
			if r.t >= cutU {
				g.Upper += r.n
			}
			if r.t <= cutL {
				g.Lower += r.n
			}
		}
		g.CutUpper, g.CutLower = num(units(cutU)), num(units(cutL))
	} else {
		tn.add(ReasonFewCandidates, "upper_lower.cut_upper")
		tn.add(ReasonFewCandidates, "upper_lower.cut_lower")
	}
	grouped := g.N >= 1
	inU := func(r *totalRow) bool { return grouped && r.t >= cutU }
	inL := func(r *totalRow) bool { return grouped && r.t <= cutL }

	// The questions.
	vs := make([]float64, k)   // item variances, for alpha
	rest := make([]float64, k) // var(R_j) where alpha_if_deleted is defined, else NaN
	for j := range a.items {
		q, v, vR := a.question(j, rows, N, tMean, vT, constTotal, inU, inL, g)
		vs[j], rest[j] = v, vR
		rep.Questions = append(rep.Questions, q)
	}
	var sumV float64
	for _, v := range vs {
		sumV += v
	}
	var why string
	switch {
	case k < 2:
		why = ReasonFewQuestions
	case N < 2:
		why = ReasonFewCandidates
	case constTotal:
		why = ReasonConstantTotal
	}
	if why != "" {
		tn.add(why, "alpha")
		tn.add(why, "sem")
	} else {
		kf := float64(k)
		alpha := kf / (kf - 1) * (1 - sumV/vT)
		t.Alpha = num(alpha)
		t.SEM = num(math.Sqrt(vT) * math.Sqrt(max(0, 1-alpha)))
	}
	// alpha_if_deleted needs the sum of the other variances.
	for j := range rep.Questions {
		if math.IsNaN(rest[j]) {
			continue // question() noted why
		}
		var others float64
		for l, v := range vs {
			if l != j {
				others += v
			}
		}
		kf := float64(k)
		rep.Questions[j].AlphaIfDeleted = num((kf - 1) / (kf - 2) * (1 - others/rest[j]))
	}
	t.Notes = nonNil(tn)

	// The skills.
	for s := range a.skills {
		rep.Skills = append(rep.Skills, a.skill(s, N, vs))
	}

	// DIF.
	if a.grouped {
		sum, ref, foc := a.difSummary()
		rep.DIF = &sum
		if sum.Reason == "" {
			for j := range rep.Questions {
				q := &rep.Questions[j]
				d := a.mantelHaenszel(j, order, ref, foc, (*notes)(&q.Notes))
				q.DIF = &d
				if d.Category == CategoryC {
					q.Flags = append(q.Flags, FlagDIFC)
				}
			}
		}
	}
	return rep
}

func nonNil(ns notes) []Note {
	if ns == nil {
		return []Note{}
	}
	return ns
}

// question computes the figures of question j but alpha_if_deleted, which
// needs every variance. It returns var(x_j) (0 when undefined) and var(R_j)
// when alpha_if_deleted is defined (else NaN, with a note).
func (a *Accumulator) question(j int, rows []totalRow, N int64, tMean, vT float64, constTotal bool,
	inU, inL func(*totalRow) bool, g *Groups) (Question, float64, float64) {
	it := &a.cfg.Items[j]
	st := &a.items[j]
	nf := float64(N)
	mf := units(st.full)
	q := Question{
		ID:           it.ID,
		Skill:        it.Skill,
		Points:       mf,
		Administered: N,
		Flags:        []string{},
	}
	var ns notes

	// The distribution of x_j, by value.
	nv := len(st.vals)
	cnt := make([]int64, nv)
	for _, r := range rows {
		for s := range nv {
			cnt[s] += r.c[st.valOff+s]
		}
	}
	byValue := make([]int, nv)
	for s := range byValue {
		byValue[s] = s
	}
	slices.SortFunc(byValue, func(x, y int) int { return cmp.Compare(st.vals[x], st.vals[y]) })
	used := 0
	var sx float64
	for _, s := range byValue {
		if cnt[s] > 0 {
			used++
			sx += float64(cnt[s]) * units(st.vals[s])
		}
	}
	zeroVar := used <= 1

	var unanswered int64
	for _, r := range rows {
		unanswered += r.c[st.unOff]
	}
	q.Answered = N - unanswered

	var xMean float64
	if N > 0 {
		xMean = sx / nf
		q.Facility = num(xMean / mf)
	} else {
		ns.add(ReasonFewCandidates, "facility")
	}
	if q.Answered > 0 {
		q.PAnswered = num(sx / mf / float64(q.Answered))
	} else {
		ns.add(ReasonNoneAnswered, "p_answered")
		if N > 0 {
			q.Flags = append(q.Flags, FlagNoneAnswered)
		}
	}

	// Moments about the means of x, T and R = T − x.
	rMean := tMean - xMean
	var vx, cxT, cxR, vR float64
	restConst := true
	var rest0 int64
	first := true
	type restCount struct{ r, n int64 }
	var restDist []restCount
	for _, r := range rows {
		dt := r.tf - tMean
		for _, s := range byValue { // in value order, so that sums do not depend on the order values were seen
			c := r.c[st.valOff+s]
			if c == 0 {
				continue
			}
			w := float64(c)
			u := units(st.vals[s])
			dx := u - xMean
			rq := r.t - st.vals[s]
			dr := units(rq) - rMean
			vx += w * dx * dx
			cxT += w * dx * dt
			cxR += w * dx * dr
			vR += w * dr * dr
			if first {
				rest0, first = rq, false
			} else if rq != rest0 {
				restConst = false
			}
			restDist = append(restDist, restCount{rq, c})
		}
	}
	var v float64
	if N > 1 {
		d := nf - 1
		vx, cxT, cxR, vR = vx/d, cxT/d, cxR/d, vR/d
		if zeroVar {
			vx = 0
		}
		if restConst {
			vR = 0
		}
		v = vx
		q.SD = num(math.Sqrt(vx))
		if zeroVar {
			q.Flags = append(q.Flags, FlagZeroVariance)
		}
	} else {
		ns.add(ReasonFewCandidates, "sd")
	}

	// r_total.
	switch {
	case N < 2:
		ns.add(ReasonFewCandidates, "r_total")
	case zeroVar:
		ns.add(ReasonZeroVariance, "r_total")
	case constTotal:
		ns.add(ReasonConstantTotal, "r_total")
	default:
		q.RTotal = num(clamp(cxT / math.Sqrt(vx*vT)))
	}
	// discrimination and efficiency.
	var why string
	switch {
	case N < 2:
		why = ReasonFewCandidates
	case zeroVar:
		why = ReasonZeroVariance
	case restConst:
		why = ReasonConstantRest
	}
	if why != "" {
		ns.add(why, "discrimination")
		ns.add(why, "efficiency")
	} else {
		q.Discrimination = num(clamp(cxR / math.Sqrt(vx*vR)))
		// cov_max pairs the sorted values of x with the sorted values of R.
		slices.SortFunc(restDist, func(x, y restCount) int { return cmp.Compare(x.r, y.r) })
		merged := restDist[:1]
		for _, rc := range restDist[1:] {
			if last := &merged[len(merged)-1]; last.r == rc.r {
				last.n += rc.n
			} else {
				merged = append(merged, rc)
			}
		}
		restDist = merged
		var covMax float64
		xi, ri := 0, 0
		var xLeft, rLeft int64
		for _, s := range byValue {
			if cnt[s] > 0 {
				xLeft = cnt[s]
				xi = s
				break
			}
		}
		sIdx := slices.Index(byValue, xi)
		rLeft = restDist[0].n
		for {
			take := min(xLeft, rLeft)
			covMax += float64(take) * (units(st.vals[xi]) - xMean) * (units(restDist[ri].r) - rMean)
			xLeft -= take
			rLeft -= take
			if xLeft == 0 {
				for sIdx++; sIdx < nv && cnt[byValue[sIdx]] == 0; sIdx++ {
				}
				if sIdx >= nv {
					break
				}
				xi = byValue[sIdx]
				xLeft = cnt[xi]
			}
			if rLeft == 0 {
				ri++
				if ri >= len(restDist) {
					break
				}
				rLeft = restDist[ri].n
			}
		}
		covMax /= nf - 1
		if covMax > 0 {
			q.Efficiency = num(cxR / covMax)
		} else {
			ns.add(ReasonConstantRest, "efficiency")
		}
	}
	// alpha_if_deleted: finished by Report, which knows every variance.
	restVar := math.NaN()
	switch {
	case len(a.items) < 3:
		ns.add(ReasonFewQuestions, "alpha_if_deleted")
	case N < 2:
		ns.add(ReasonFewCandidates, "alpha_if_deleted")
	case restConst:
		ns.add(ReasonConstantRest, "alpha_if_deleted")
	default:
		restVar = vR
	}

	// upper_lower.
	if g.N >= 1 {
		var su, sl float64
		for i := range rows {
			r := &rows[i]
			var sx float64
			for _, s := range byValue {
				sx += float64(r.c[st.valOff+s]) * units(st.vals[s])
			}
			if inU(r) {
				su += sx
			}
			if inL(r) {
				sl += sx
			}
		}
		// A difference of two shares: within -1..1 but for rounding
		// (1.0000000000000002 from weighted sums), which is clamped.
		q.UpperLower = num(max(-1, min(1, su/mf/float64(g.Upper)-sl/mf/float64(g.Lower))))
	} else {
		ns.add(ReasonFewCandidates, "upper_lower")
	}

	// Options, then the unanswered row.
	type rowFigures struct {
		count, upper, lower int64
		share, meanTotal    *float64
		rTotal              *float64
	}
	figures := func(off int, name string) rowFigures {
		var f rowFigures
		var sumT, dev float64
		for i := range rows {
			r := &rows[i]
			c := r.c[off]
			if c == 0 {
				continue
			}
			f.count += c
			sumT += float64(c) * r.tf
			dev += float64(c) * (r.tf - tMean)
			if inU(r) {
				f.upper += c
			}
			if inL(r) {
				f.lower += c
			}
		}
		if N > 0 {
			f.share = num(float64(f.count) / nf)
		} else {
			ns.add(ReasonFewCandidates, name+".share")
		}
		if f.count > 0 {
			f.meanTotal = num(sumT / float64(f.count))
		} else {
			ns.add(ReasonNeverChosen, name+".mean_total")
		}
		switch {
		case N < 2:
			ns.add(ReasonFewCandidates, name+".r_total")
		case f.count == 0:
			ns.add(ReasonNeverChosen, name+".r_total")
		case f.count == N:
			ns.add(ReasonAlwaysChosen, name+".r_total")
		case constTotal:
			ns.add(ReasonConstantTotal, name+".r_total")
		default:
			p := float64(f.count) / nf
			vd := p * (1 - p) * nf / (nf - 1)
			f.rTotal = num(clamp(dev / (nf - 1) / math.Sqrt(vd*vT)))
		}
		return f
	}
	avoids, attracts := false, false
	q.Options = make([]Option, it.Options)
	for o := range it.Options {
		letter := string(rune('A' + o))
		f := figures(st.optOff+o, "options."+letter)
		op := Option{
			Option:    letter,
			Key:       it.Key[o],
			Count:     f.count,
			Share:     f.share,
			Upper:     f.upper,
			Lower:     f.lower,
			MeanTotal: f.meanTotal,
			RTotal:    f.rTotal,
		}
		if q.Answered > 0 {
			op.ShareAnswered = num(float64(f.count) / float64(q.Answered))
		} else {
			ns.add(ReasonNoneAnswered, "options."+letter+".share_answered")
		}
		if g.N >= 1 {
			// Compare shares of the two groups, which may differ in size.
			up, low := float64(f.upper)*float64(g.Lower), float64(f.lower)*float64(g.Upper)
			if it.Key[o] && up < low {
				avoids = true
			}
			if !it.Key[o] && up > low {
				attracts = true
				op.DrawsUpper = true
			}
		}
		op.Rare = !it.Key[o] && f.share != nil && *f.share < RareDistractorBelow
		q.Options[o] = op
	}
	f := figures(st.unOff, "unanswered")
	q.Unanswered = Unanswered{Count: f.count, Share: f.share, Upper: f.upper, Lower: f.lower, MeanTotal: f.meanTotal, RTotal: f.rTotal}

	// Flags.
	if q.Facility != nil {
		if *q.Facility > TooEasyAbove {
			q.Flags = append(q.Flags, FlagTooEasy)
		}
		if *q.Facility < TooHardBelow {
			q.Flags = append(q.Flags, FlagTooHard)
		}
	}
	if d := q.Discrimination; d != nil {
		if *d < 0 {
			q.Flags = append(q.Flags, FlagNegativeDiscrimination)
		} else if *d < LowDiscriminationBelow {
			q.Flags = append(q.Flags, FlagLowDiscrimination)
		}
	}
	if e := q.Efficiency; e != nil && *e < LowEfficiencyBelow {
		q.Flags = append(q.Flags, FlagLowEfficiency)
	}
	if avoids {
		q.Flags = append(q.Flags, FlagUpperAvoidsKey)
	}
	if attracts {
		q.Flags = append(q.Flags, FlagDistractorAttractsUpper)
	}
	q.Notes = nonNil(ns)
	return q, v, restVar
}

// skill computes the figures of skill s from the exact sums of subtotals.
func (a *Accumulator) skill(s int, N int64, vs []float64) Skill {
	st := &a.skills[s]
	sk := Skill{ID: st.id, Questions: st.items}
	var ns notes
	var sumV float64
	for j := range a.items {
		if a.items[j].skill == s {
			sk.Points += units(a.items[j].full)
			sumV += vs[j]
		}
	}
	scale := new(big.Int).SetInt64(Scale)
	n := new(big.Int).SetInt64(N)
	sum, sq := st.sum.big(), st.sq.big()
	if N > 0 {
		den := new(big.Int).Mul(n, scale)
		m, _ := new(big.Rat).SetFrac(sum, den).Float64()
		sk.Mean = num(m)
	} else {
		ns.add(ReasonFewCandidates, "mean")
	}
	var vS float64
	constant := false
	if N > 1 {
		// var = (N·Σs² − (Σs)²) / (N(N−1)·Scale²), exactly.
		numr := new(big.Int).Mul(n, sq)
		numr.Sub(numr, new(big.Int).Mul(sum, sum))
		constant = numr.Sign() == 0
		den := new(big.Int).Mul(n, new(big.Int).Sub(n, big.NewInt(1)))
		den.Mul(den, scale)
		den.Mul(den, scale)
		vS, _ = new(big.Rat).SetFrac(numr, den).Float64()
		sk.SD = num(math.Sqrt(vS))
	} else {
		ns.add(ReasonFewCandidates, "sd")
	}
	var why string
	switch {
	case st.items < 3:
		why = ReasonFewQuestions
	case N < 2:
		why = ReasonFewCandidates
	case constant:
		why = ReasonConstantTotal
	}
	if why != "" {
		ns.add(why, "alpha")
		ns.add(why, "sem")
	} else {
		kf := float64(st.items)
		alpha := kf / (kf - 1) * (1 - sumV/vS)
		sk.Alpha = num(alpha)
		sk.SEM = num(math.Sqrt(vS) * math.Sqrt(max(0, 1-alpha)))
	}
	sk.Notes = nonNil(ns)
	return sk
}
