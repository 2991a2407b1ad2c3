package itemstats

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// This file holds a second, naive implementation of the formulas of the package documentation that
// keeps every row and follows the formulas literally, and a generator of
// answer sheets, so that the streaming Accumulator can be checked against
// the definitions on data of every kind.

// sheet is a generated test: items and scored rows.
type sheet struct {
	items []Item
	rows  []Row
}

// generate draws n candidates of ability θ ~ N(0, 1) answering k questions
// of mixed kinds: one-point and two-point single answers, multiple answers
// with partial credit, judgement questions with graded scores. A share of
// answers is left empty. Groups are drawn from groups (with "" meaning no
// group); dif, when ≥ 0, is an item made harder by shift logits for group
// "f".
func generate(seed uint64, n, k int, groups []string, difItem int, shift float64) sheet {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	type kind int
	const (
		kSingle kind = iota
		kMultiple
		kJudgement
	)
	var s sheet
	kinds := make([]kind, k)
	diff := make([]float64, k)
	scores := make([][]int, k)
	for j := range k {
		it := Item{ID: "i" + string(rune('a'+j%26)) + string(rune('a'+j/26)), Skill: []string{"s1", "s2", "s3", ""}[j%4]}
		diff[j] = rng.NormFloat64()
		switch rng.IntN(5) {
		case 0, 1:
			kinds[j] = kSingle
			it.Options = 2 + rng.IntN(5)
			it.Points = float64(1 + rng.IntN(2))
			it.Key = make([]bool, it.Options)
			it.Key[rng.IntN(it.Options)] = true
		case 2:
			kinds[j] = kSingle
			it.Options = 4
			it.Points = 1
			it.Key = []bool{false, false, true, false}
		case 3:
			kinds[j] = kMultiple
			it.Options = 4 + rng.IntN(3)
			it.Points = []float64{1, 2, 1.5}[rng.IntN(3)]
			it.Key = make([]bool, it.Options)
			for _, o := range rng.Perm(it.Options)[:1+rng.IntN(it.Options-1)] {
				it.Key[o] = true
			}
		case 4:
			kinds[j] = kJudgement
			it.Options = 4
			it.Points = []float64{1, 2.5}[rng.IntN(2)]
			scores[j] = make([]int, it.Options)
			best := 0
			for o := range scores[j] {
				scores[j][o] = 1 + rng.IntN(5)
				best = max(best, scores[j][o])
			}
			it.Key = make([]bool, it.Options)
			for o, sc := range scores[j] {
				it.Key[o] = sc == best
			}
		}
		s.items = append(s.items, it)
	}
	for range n {
		theta := rng.NormFloat64()
		g := groups[rng.IntN(len(groups))]
		r := Row{Earned: make([]float64, k), Chosen: make([]uint8, k), Group: g}
		for j, it := range s.items {
			if rng.Float64() < 0.05 {
				continue // unanswered
			}
			b := diff[j]
			if j == difItem && g == "f" {
				b += shift
			}
			p := 1 / (1 + math.Exp(-(theta - b)))
			switch kinds[j] {
			case kSingle:
				key := slices.Index(it.Key, true)
				o := key
				if rng.Float64() >= p {
					o = rng.IntN(it.Options)
				}
				r.Chosen[j] = 1 << o
				if o == key {
					r.Earned[j] = it.Points
				}
			case kMultiple:
				var right, wrong, keyed int
				for o, key := range it.Key {
					pick := rng.Float64() < p
					if !key {
						pick = rng.Float64() < 1-p
					} else {
						keyed++
					}
					if pick {
						r.Chosen[j] |= 1 << o
						if key {
							right++
						} else {
							wrong++
						}
					}
				}
				if r.Chosen[j] != 0 {
					r.Earned[j] = it.Points * max(0, float64(right-wrong)/float64(keyed))
				}
			case kJudgement:
				o := rng.IntN(it.Options)
				if rng.Float64() < p {
					o = slices.Index(it.Key, true)
				}
				best := slices.Max(scores[j])
				r.Chosen[j] = 1 << o
				r.Earned[j] = it.Points * float64(scores[j][o]) / float64(best)
			}
		}
		s.rows = append(s.rows, r)
	}
	return s
}

// Naive statistics.
func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func cov(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var s float64
	for i := range x {
		s += (x[i] - mx) * (y[i] - my)
	}
	return s / float64(len(x)-1)
}

func corr(x, y []float64) float64 { return cov(x, y) / math.Sqrt(cov(x, x)*cov(y, y)) }

// key rounds a total to a grid far finer than any score step, for ties.
func key(t float64) float64 { return math.Round(t*1e6) / 1e6 }

type refQuestion struct {
	facility, pAnswered, sd, rTotal, disc, eff, aid, ul float64
	optCount, optUpper, optLower                        []int64
	optMean, optR                                       []float64
	alphaMH, deltaMH, chi2, p, se                       float64
}

type refReport struct {
	mean, sd, skew, kurt, alpha, sem float64
	ng                               int64
	cutU, cutL                       float64
	nU, nL                           int64
	questions                        []refQuestion
	skills                           map[string][4]float64 // mean, sd, alpha, sem
}

// reference computes the figures from all the rows, for an explicit focal
// value "f" (every other non-empty group is the reference).
func reference(s sheet) refReport {
	n, k := len(s.rows), len(s.items)
	x := make([][]float64, k)
	T := make([]float64, n)
	for j := range k {
		x[j] = make([]float64, n)
		for i, r := range s.rows {
			x[j][i] = r.Earned[j]
			T[i] += r.Earned[j]
		}
	}
	var rep refReport
	nf := float64(n)
	rep.mean = mean(T)
	vT := cov(T, T)
	rep.sd = math.Sqrt(vT)
	var m2, m3, m4 float64
	for _, t := range T {
		d := t - rep.mean
		m2 += d * d / nf
		m3 += d * d * d / nf
		m4 += d * d * d * d / nf
	}
	k2 := nf * m2 / (nf - 1)
	k3 := nf * nf * m3 / ((nf - 1) * (nf - 2))
	k4 := nf * nf * ((nf+1)*m4 - 3*(nf-1)*m2*m2) / ((nf - 1) * (nf - 2) * (nf - 3))
	rep.skew = k3 / math.Pow(k2, 1.5)
	rep.kurt = k4 / (k2 * k2)
	var sumV float64
	for j := range k {
		sumV += cov(x[j], x[j])
	}
	kf := float64(k)
	rep.alpha = kf / (kf - 1) * (1 - sumV/vT)
	rep.sem = rep.sd * math.Sqrt(1-rep.alpha)

	// 27% groups.
	sorted := slices.Clone(T)
	for i := range sorted {
		sorted[i] = key(sorted[i])
	}
	sort.Float64s(sorted)
	rep.ng = int64(27 * n / 100)
	rep.cutU = sorted[n-int(rep.ng)]
	rep.cutL = sorted[rep.ng-1]
	inU := func(i int) bool { return key(T[i]) >= rep.cutU }
	inL := func(i int) bool { return key(T[i]) <= rep.cutL }
	for i := range n {
		if inU(i) {
			rep.nU++
		}
		if inL(i) {
			rep.nL++
		}
	}

	for j, it := range s.items {
		var q refQuestion
		m := it.Points
		q.facility = mean(x[j]) / m
		answered := 0
		var sumAns float64
		for i, r := range s.rows {
			if r.Chosen[j] != 0 {
				answered++
				sumAns += x[j][i] / m
			}
		}
		q.pAnswered = sumAns / float64(answered)
		q.sd = math.Sqrt(cov(x[j], x[j]))
		q.rTotal = corr(x[j], T)
		R := make([]float64, n)
		for i := range n {
			R[i] = T[i] - x[j][i]
		}
		q.disc = corr(x[j], R)
		xs, rs := slices.Clone(x[j]), slices.Clone(R)
		sort.Float64s(xs)
		sort.Float64s(rs)
		q.eff = cov(x[j], R) / cov(xs, rs)
		vj := cov(x[j], x[j])
		q.aid = (kf - 1) / (kf - 2) * (1 - (sumV-vj)/cov(R, R))
		var su, sl float64
		for i := range n {
			if inU(i) {
				su += x[j][i] / m
			}
			if inL(i) {
				sl += x[j][i] / m
			}
		}
		q.ul = su/float64(rep.nU) - sl/float64(rep.nL)
		for o := range it.Options {
			d := make([]float64, n)
			var c, u, l int64
			var st float64
			for i, r := range s.rows {
				if r.Chosen[j]&(1<<o) != 0 {
					d[i] = 1
					c++
					st += T[i]
					if inU(i) {
						u++
					}
					if inL(i) {
						l++
					}
				}
			}
			q.optCount = append(q.optCount, c)
			q.optUpper = append(q.optUpper, u)
			q.optLower = append(q.optLower, l)
			q.optMean = append(q.optMean, st/float64(c))
			q.optR = append(q.optR, corr(d, T))
		}

		// Mantel–Haenszel, strata by T rounded half up.
		type cell struct{ a, b, c, d float64 }
		strata := map[float64]*cell{}
		for i, r := range s.rows {
			if r.Group == "" {
				continue
			}
			st := math.Floor(key(T[i]) + 0.5)
			cl := strata[st]
			if cl == nil {
				cl = &cell{}
				strata[st] = cl
			}
			right := x[j][i] >= m-1e-9
			switch {
			case r.Group != "f" && right:
				cl.a++
			case r.Group != "f":
				cl.b++
			case right:
				cl.c++
			default:
				cl.d++
			}
		}
		var sumA, sumE, sumVar, num1, den1 float64
		for _, c := range strata {
			t := c.a + c.b + c.c + c.d
			if t <= 1 {
				continue
			}
			nR, nF, m1, m0 := c.a+c.b, c.c+c.d, c.a+c.c, c.b+c.d
			sumA += c.a
			sumE += nR * m1 / t
			sumVar += nR * nF * m1 * m0 / (t * t * (t - 1))
			num1 += c.a * c.d / t
			den1 += c.b * c.c / t
		}
		q.chi2 = math.Pow(math.Abs(sumA-sumE)-0.5, 2) / sumVar
		q.p = math.Erfc(math.Sqrt(q.chi2 / 2))
		q.alphaMH = num1 / den1
		q.deltaMH = -2.35 * math.Log(q.alphaMH)
		var v float64
		for _, c := range strata {
			t := c.a + c.b + c.c + c.d
			if t <= 1 {
				continue
			}
			v += (c.a*c.d + q.alphaMH*c.b*c.c) * (c.a + c.d + q.alphaMH*(c.b+c.c)) / (t * t)
		}
		q.se = 2.35 * math.Sqrt(v/(2*num1*num1))
		rep.questions = append(rep.questions, q)
	}

	rep.skills = map[string][4]float64{}
	for _, sk := range []string{"s1", "s2", "s3"} {
		sub := make([]float64, n)
		var sv float64
		var ks float64
		for j, it := range s.items {
			if it.Skill != sk {
				continue
			}
			ks++
			sv += cov(x[j], x[j])
			for i := range n {
				sub[i] += x[j][i]
			}
		}
		if ks == 0 {
			continue
		}
		vs := cov(sub, sub)
		alpha := ks / (ks - 1) * (1 - sv/vs)
		rep.skills[sk] = [4]float64{mean(sub), math.Sqrt(vs), alpha, math.Sqrt(vs) * math.Sqrt(1-alpha)}
	}
	return rep
}

func TestAgainstDefinitions(t *testing.T) {
	const tol = 1e-9
	for _, tc := range []struct {
		seed uint64
		n, k int
	}{{1, 50, 6}, {2, 200, 12}, {3, 1000, 20}, {4, 37, 9}, {5, 500, 30}} {
		s := generate(tc.seed, tc.n, tc.k, []string{"f", "r", "s", ""}, -1, 0)
		a := mustNew(t, Config{Items: s.items, Group: "g", Focal: "f"})
		for _, r := range s.rows {
			mustAdd(t, a, r)
		}
		rep := a.Report()
		checkReport(t, rep)
		ref := reference(s)
		tt := rep.Test
		for _, c := range []struct {
			name string
			got  *float64
			want float64
		}{{"mean", tt.Mean, ref.mean}, {"sd", tt.SD, ref.sd}, {"skewness", tt.Skewness, ref.skew},
			{"kurtosis", tt.Kurtosis, ref.kurt}, {"alpha", tt.Alpha, ref.alpha}, {"sem", tt.SEM, ref.sem}} {
			checkNum(t, c.name, c.got, c.want, tol)
		}
		// The reference keys totals on a 1e-6 grid.
		checkNum(t, "cut_upper", tt.UpperLower.CutUpper, ref.cutU, 1e-6)
		checkNum(t, "cut_lower", tt.UpperLower.CutLower, ref.cutL, 1e-6)
		if g := tt.UpperLower; g.N != ref.ng || g.Upper != ref.nU || g.Lower != ref.nL {
			t.Errorf("seed %d: groups %+v, want n_g %d upper %d lower %d", tc.seed, g, ref.ng, ref.nU, ref.nL)
		}
		for j, q := range rep.Questions {
			w := ref.questions[j]
			id := q.ID
			for _, c := range []struct {
				name string
				got  *float64
				want float64
			}{{"facility", q.Facility, w.facility}, {"p_answered", q.PAnswered, w.pAnswered}, {"sd", q.SD, w.sd},
				{"r_total", q.RTotal, w.rTotal}, {"discrimination", q.Discrimination, w.disc}, {"efficiency", q.Efficiency, w.eff},
				{"alpha_if_deleted", q.AlphaIfDeleted, w.aid}, {"upper_lower", q.UpperLower, w.ul}} {
				checkNum(t, id+" "+c.name, c.got, c.want, tol)
			}
			for o, op := range q.Options {
				if op.Count != w.optCount[o] || op.Upper != w.optUpper[o] || op.Lower != w.optLower[o] {
					t.Errorf("%s %s: count/upper/lower %d %d %d, want %d %d %d", id, op.Option, op.Count, op.Upper, op.Lower,
						w.optCount[o], w.optUpper[o], w.optLower[o])
				}
				if op.Count > 0 && op.Count < int64(tc.n) {
					checkNum(t, id+" "+op.Option+" mean_total", op.MeanTotal, w.optMean[o], tol)
					checkNum(t, id+" "+op.Option+" r_total", op.RTotal, w.optR[o], tol)
				}
			}
			d := q.DIF
			if d == nil {
				t.Fatalf("%s: no DIF", id)
			}
			for _, c := range []struct {
				name string
				got  *float64
				want float64
			}{{"alpha_mh", d.AlphaMH, w.alphaMH}, {"delta_mh", d.DeltaMH, w.deltaMH}, {"chi2", d.Chi2, w.chi2},
				{"p", d.P, w.p}, {"se_delta", d.SEDelta, w.se}} {
				if math.IsNaN(c.want) || math.IsInf(c.want, 0) {
					checkNull(t, id+" dif "+c.name, c.got)
					continue
				}
				checkNum(t, id+" dif "+c.name, c.got, c.want, tol)
			}
		}
		for _, s := range rep.Skills {
			w := ref.skills[s.ID]
			checkNum(t, s.ID+" mean", s.Mean, w[0], tol)
			checkNum(t, s.ID+" sd", s.SD, w[1], tol)
			if s.Questions >= 3 {
				checkNum(t, s.ID+" alpha", s.Alpha, w[2], tol)
				checkNum(t, s.ID+" sem", s.SEM, w[3], tol)
			}
		}
	}
}
