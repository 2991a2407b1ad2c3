package itemstats

import (
	"math"
	"slices"
)

// difSummary decides which classes are compared and counts their rows.
func (a *Accumulator) difSummary() (DIFSummary, uint8, uint8) {
	var n [3]int64
	for i := range a.blocks {
		n[a.blocks[i].class] += a.blocks[i].n
	}
	s := DIFSummary{Group: a.cfg.Group, Focal: a.cfg.Focal, Excluded: n[classNone]}
	ref, foc := uint8(classRef), uint8(classFocal)
	switch {
	case !a.auto:
		s.Reference, s.FocalN = n[classRef], n[classFocal]
		switch {
		case s.FocalN == 0 && s.Reference == 0:
			s.Reason = ReasonNoGroups
		case s.FocalN == 0:
			s.Reason = ReasonNoFocal
		case s.Reference == 0:
			s.Reason = ReasonNoReference
		}
	case a.ambiguous:
		s.Reason = ReasonFocalNeeded
		vals := append([]string{}, a.others...)
		for _, n := range a.names[classRef : classFocal+1] {
			if n != "" && !slices.Contains(vals, n) {
				vals = append(vals, n)
			}
		}
		// The smallest values of all: the same whichever way the rows were
		// split and merged.
		slices.Sort(vals)
		s.Values = vals[:min(len(vals), maxListedGroups)]
	case a.names[classRef] == "":
		s.Reason = ReasonNoGroups
	case a.names[classFocal] == "":
		s.Reason = ReasonOneGroup
		s.Reference = n[classRef]
	default:
		// The smaller group is focal; on a tie, the larger value.
		x, y := a.names[classRef], a.names[classFocal]
		if n[classRef] < n[classFocal] || n[classRef] == n[classFocal] && x > y {
			ref, foc = classFocal, classRef
		}
		s.Focal = a.names[foc]
		s.Reference, s.FocalN = n[ref], n[foc]
	}
	return s, ref, foc
}

// stratum holds the 2×2 counts of one matching score.
type stratum struct{ a, b, c, d float64 }

// mantelHaenszel computes the DIF of question j between the classes ref and
// foc, with strata of the total rounded half up, the question included.
// order lists the blocks by total.
func (a *Accumulator) mantelHaenszel(j int, order []int, ref, foc uint8, ns *notes) DIF {
	st := &a.items[j]
	var strata []stratum
	last := int64(-1)
	for _, bi := range order {
		b := &a.blocks[bi]
		if b.class != ref && b.class != foc {
			continue
		}
		k := (b.total + Scale/2) / Scale
		if k != last {
			strata = append(strata, stratum{})
			last = k
		}
		s := &strata[len(strata)-1]
		right := float64(b.c[st.valOff+1]) // vals[1] is the full points
		wrong := float64(b.n) - right
		if b.class == ref {
			s.a += right
			s.b += wrong
		} else {
			s.c += right
			s.d += wrong
		}
	}

	var d DIF
	var sumA, sumE, sumV, num1, den1 float64
	for _, s := range strata {
		nR, nF := s.a+s.b, s.c+s.d
		m1, m0 := s.a+s.c, s.b+s.d
		t := nR + nF
		if t <= 1 {
			continue
		}
		d.Strata++
		sumA += s.a
		sumE += nR * m1 / t
		sumV += nR * nF * m1 * m0 / (t * t * (t - 1))
		num1 += s.a * s.d / t
		den1 += s.b * s.c / t
	}
	if sumV > 0 {
		diff := math.Abs(sumA-sumE) - 0.5
		chi2 := diff * diff / sumV
		d.Chi2 = num(chi2)
		d.P = num(math.Erfc(math.Sqrt(chi2 / 2)))
	} else {
		ns.add(ReasonDIFNoInformation, "dif.chi2")
		ns.add(ReasonDIFNoInformation, "dif.p")
	}
	switch {
	case num1 > 0 && den1 > 0:
		alpha := num1 / den1
		d.AlphaMH = num(alpha)
		d.DeltaMH = num(-deltaScale * math.Log(alpha))
		var v float64
		for _, s := range strata {
			t := s.a + s.b + s.c + s.d
			if t <= 1 {
				continue
			}
			v += (s.a*s.d + alpha*s.b*s.c) * (s.a + s.d + alpha*(s.b+s.c)) / (t * t)
		}
		v /= 2 * num1 * num1
		d.SEDelta = num(deltaScale * math.Sqrt(v))
	case den1 > 0:
		// α_MH = 0: Δ_MH would be infinite.
		d.AlphaMH = num(0)
		ns.add(ReasonDIFZeroCell, "dif.delta_mh")
		ns.add(ReasonDIFZeroCell, "dif.se_delta")
	default:
		why := ReasonDIFZeroCell
		if num1 == 0 {
			why = ReasonDIFNoInformation
		}
		ns.add(why, "dif.alpha_mh")
		ns.add(why, "dif.delta_mh")
		ns.add(why, "dif.se_delta")
	}
	switch {
	case d.P != nil && *d.P >= etsSignificance:
		d.Category = CategoryA // whatever Δ is
	case d.DeltaMH != nil && d.P != nil && d.SEDelta != nil:
		delta := math.Abs(*d.DeltaMH)
		switch {
		case delta < etsSmallDelta:
			d.Category = CategoryA
		case delta >= etsLargeDelta && (delta-etsSmallDelta) / *d.SEDelta > etsOneSidedZ:
			d.Category = CategoryC
		default:
			d.Category = CategoryB
		}
	default:
		why := ReasonDIFNoInformation
		if d.P != nil {
			why = ReasonDIFZeroCell
		}
		ns.add(why, "dif.category")
	}
	return d
}
