package irt

import (
	"errors"
	"math"
	"sync"
)

// tiny is the smallest γ_r, relative to the largest coefficient of the
// tilted product, computed at a pattern's common tilt; a group whose score
// falls below it is computed again at a tilt of its own.
const tiny = 1e-200

// rescaleAt bounds the growth of a running product between two rescalings.
const rescaleAt = 1e200

// shards is the number of parts the patterns are split into, each summed on
// its own goroutine and then added in order: the sums do not depend on the
// number of processors.
const shards = 4

var errUnderflow = errors.New("irt: numerical underflow in the elementary symmetric functions")

// engine evaluates the conditional log-likelihood, its gradient and its
// Hessian with respect to η (item-category parameters, flat index
// off[i]+k-1 for k ≥ 1) at given thresholds.
type engine struct {
	ds  *design
	eta [][]float64 // eta[i][k], k = 0..m_i

	loglik float64
	grad   []float64 // ∂L/∂η
	hess   []float64 // ∂²L/∂η², M×M, row-major

	parts []*part
}

// part accumulates the contribution of a range of patterns, with its own
// scratch space.
type part struct {
	e      *engine
	lo, hi int // patterns
	loglik float64
	grad   []float64
	hess   []float64 // upper triangle only

	poly, polyScale []float64 // item polynomials of the pattern, by position
	polyOff         []int
	pre, sufR       []float64 // prefix products; suffix products reversed; rows of width R+1
	preScale        []float64
	degPre, degSuf  []int
	sweep, next     []float64 // running product between two positions
	probs           []float64 // P(X_a = k | r) by group, position, category
	win             []float64
	joint           []float64
	live            []group
	tilts           []float64 // by pattern, lo..hi-1
	deferred        int       // groups computed at a tilt of their own
}

func newEngine(ds *design) *engine {
	e := &engine{ds: ds, eta: make([][]float64, len(ds.items)), grad: make([]float64, ds.M), hess: make([]float64, ds.M*ds.M)}
	for i, it := range ds.items {
		e.eta[i] = make([]float64, it.Categories+1)
	}
	// Split the patterns into parts of about equal cost (pairs of items
	// times groups).
	cost := make([]float64, len(ds.patterns)+1)
	for p, pt := range ds.patterns {
		n := float64(len(pt.items))
		cost[p+1] = cost[p] + n*n*float64(len(pt.groups)+1)
	}
	k := min(shards, len(ds.patterns))
	lo := 0
	for s := range k {
		hi := lo
		for hi < len(ds.patterns) && (s == k-1 || cost[hi] < cost[len(ds.patterns)]*float64(s+1)/float64(k)) {
			hi++
		}
		if hi > lo {
			e.parts = append(e.parts, &part{e: e, lo: lo, hi: hi})
		}
		lo = hi
	}
	return e
}

// eval computes the log-likelihood at thresholds tau, and the gradient and
// Hessian too when full.
func (e *engine) eval(tau []float64, full bool) error {
	ds := e.ds
	for i, it := range ds.items {
		s := 0.0
		for k := 1; k <= it.Categories; k++ {
			s += tau[ds.off[i]+k-1]
			e.eta[i][k] = s
		}
	}
	errs := make([]error, len(e.parts))
	var wg sync.WaitGroup
	for j, pa := range e.parts {
		wg.Go(func() { errs[j] = pa.eval(full) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	e.loglik = 0
	for i, it := range ds.items {
		for k := 1; k <= it.Categories; k++ {
			e.loglik -= ds.counts[ds.off[i]+k-1] * e.eta[i][k]
		}
	}
	for _, pa := range e.parts {
		e.loglik += pa.loglik
	}
	if math.IsNaN(e.loglik) || math.IsInf(e.loglik, 0) {
		return errors.New("irt: the log-likelihood is not a finite number (numerical failure)")
	}
	if !full {
		return nil
	}
	M := ds.M
	for f := range e.grad {
		e.grad[f] = -ds.counts[f]
	}
	clear(e.hess)
	for _, pa := range e.parts {
		for f, v := range pa.grad {
			e.grad[f] += v
		}
		for a := range M {
			row, src := e.hess[a*M:(a+1)*M], pa.hess[a*M:(a+1)*M]
			for b := a; b < M; b++ {
				row[b] += src[b]
			}
		}
	}
	for a := range M {
		for b := a + 1; b < M; b++ {
			e.hess[b*M+a] = e.hess[a*M+b]
		}
	}
	return nil
}

// eval computes the part's sums.
func (pa *part) eval(full bool) error {
	e, ds := pa.e, pa.e.ds
	pa.loglik = 0
	if full {
		if pa.grad == nil {
			pa.grad = make([]float64, ds.M)
			pa.hess = make([]float64, ds.M*ds.M)
		}
		clear(pa.grad)
		clear(pa.hess)
	}
	for p := pa.lo; p < pa.hi; p++ {
		pt := &ds.patterns[p]
		// Tilt to the ability expected to give the mean score of the groups,
		// at the thresholds of the first evaluation: it needs no precision
		// (a group far from it is computed at a tilt of its own).
		if pa.tilts == nil {
			pa.tilts = make([]float64, pa.hi-pa.lo)
			for q := range pa.tilts {
				pt := &ds.patterns[pa.lo+q]
				mean, w := 0.0, 0.0
				for _, g := range pt.groups {
					mean += g.count * float64(g.score)
					w += g.count
				}
				pa.tilts[q] = ability(pt.items, e.eta, mean/w)
			}
		}
		tilt := pa.tilts[p-pa.lo]
		deferred, err := pa.pattern(pt.items, pt.maxScore, pt.groups, tilt, full, false)
		if err != nil {
			return err
		}
		pa.deferred += len(deferred)
		for _, g := range deferred {
			one := []group{pt.groups[g]}
			if _, err := pa.pattern(pt.items, pt.maxScore, one, ability(pt.items, e.eta, float64(one[0].score)), full, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// grow returns s with length n, reusing its storage.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// mulNorm sets dst (len(x)+len(y)-1) to the product of the polynomials x and
// y, rescaled so that its largest coefficient is 1, and returns the
// logarithm of the factor divided out (NaN when there is none).
func mulNorm(dst, x, y []float64) float64 {
	clear(dst)
	for t, xv := range x {
		if xv == 0 {
			continue
		}
		d := dst[t : t+len(y)]
		for u, yv := range y {
			d[u] += xv * yv
		}
	}
	mx := 0.0
	for _, v := range dst {
		if v > mx {
			mx = v
		}
	}
	if mx == 0 || math.IsInf(mx, 0) || math.IsNaN(mx) {
		return math.NaN()
	}
	inv := 1 / mx
	for s := range dst {
		dst[s] *= inv
	}
	return math.Log(mx)
}

// reverse returns the coefficients of x in reverse order, into dst.
func reverse(dst, x []float64) []float64 {
	dst = dst[:len(x)]
	for j, v := range x {
		dst[len(x)-1-j] = v
	}
	return dst
}

// dot returns Σ x[j]·y[j] over x.
func dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(x); j += 4 {
		s0 += x[j] * y[j]
		s1 += x[j+1] * y[j+1]
		s2 += x[j+2] * y[j+2]
		s3 += x[j+3] * y[j+3]
	}
	for ; j < len(x); j++ {
		s0 += x[j] * y[j]
	}
	return (s0 + s1) + (s2 + s3)
}

// axpy adds c·x to dst.
func axpy(dst, x []float64, c float64) {
	dst = dst[:len(x)]
	for j, v := range x {
		dst[j] += c * v
	}
}

// coefAt returns the coefficient s of the product of x, whose element j is
// the coefficient xlo+j of a polynomial (coefficients outside are taken as
// 0), and the polynomial whose coefficients are yr in reverse order.
func coefAt(x []float64, xlo int, yr []float64, s int) float64 {
	L := len(yr)
	tlo, thi := max(xlo, s-L+1), min(xlo+len(x)-1, s)
	if tlo > thi {
		return 0
	}
	return dot(x[tlo-xlo:thi-xlo+1], yr[L-1-s+tlo:])
}

// pattern adds the contribution of the groups of one pattern (the items it
// took, in increasing order, and the maximum score) at the given tilt. It
// returns the groups whose γ_r is too small at this tilt to be computed
// accurately, unless alone, when it computes them anyway.
func (pa *part) pattern(items []int, R int, groups []group, tilt float64, full, alone bool) ([]int, error) {
	ds, eta := pa.e.ds, pa.e.eta
	n := len(items)
	W := R + 1
	// Item polynomials exp(kt − η_ik), rescaled to a largest coefficient of 1.
	pa.polyOff = growInt(pa.polyOff, n+1)
	pa.polyOff[0] = 0
	for a, i := range items {
		pa.polyOff[a+1] = pa.polyOff[a] + ds.items[i].Categories + 1
	}
	pa.poly = grow(pa.poly, pa.polyOff[n])
	pa.polyScale = grow(pa.polyScale, n)
	for a, i := range items {
		c := pa.poly[pa.polyOff[a]:pa.polyOff[a+1]]
		mx := math.Inf(-1)
		for k := range c {
			c[k] = float64(k)*tilt - eta[i][k]
			if c[k] > mx {
				mx = c[k]
			}
		}
		for k := range c {
			c[k] = math.Exp(c[k] - mx)
		}
		pa.polyScale[a] = mx
	}
	poly := func(a int) []float64 { return pa.poly[pa.polyOff[a]:pa.polyOff[a+1]] }

	// Prefix products: pre(a) is the product of the first a items.
	pa.pre = grow(pa.pre, (n+1)*W)
	pa.preScale = grow(pa.preScale, n+1)
	pa.degPre = growInt(pa.degPre, n+1)
	pre := func(a int) []float64 { return pa.pre[a*W : a*W+pa.degPre[a]+1] }
	pa.pre[0], pa.preScale[0], pa.degPre[0] = 1, 0, 0
	for a := range n {
		pa.degPre[a+1] = pa.degPre[a] + len(poly(a)) - 1
		ls := mulNorm(pre(a+1), pre(a), poly(a))
		if math.IsNaN(ls) {
			return nil, errUnderflow
		}
		pa.preScale[a+1] = pa.preScale[a] + pa.polyScale[a] + ls
	}
	gamma := pre(n)
	var deferred []int
	live := pa.live[:0]
	rmin, rmax := R, 0
	for g, gr := range groups {
		v := gamma[gr.score]
		if !(v > 0) || v < tiny && !alone {
			if alone {
				return nil, errUnderflow
			}
			deferred = append(deferred, g)
			continue
		}
		pa.loglik -= gr.count * (math.Log(v) + pa.preScale[n] - float64(gr.score)*tilt)
		live = append(live, gr)
		rmin, rmax = min(rmin, gr.score), max(rmax, gr.score)
	}
	pa.live = live
	if !full || len(live) == 0 {
		return deferred, nil
	}

	// Suffix products, reversed: sufR(a) is the product of items a..n-1
	// with its coefficients in reverse order (the product of the reversed
	// polynomials), so that coefficients of a product are forward dot
	// products.
	pa.sufR = grow(pa.sufR, (n+1)*W)
	pa.degSuf = growInt(pa.degSuf, n+1)
	sufR := func(a int) []float64 { return pa.sufR[a*W : a*W+pa.degSuf[a]+1] }
	pa.sufR[n*W], pa.degSuf[n] = 1, 0
	pa.next = grow(pa.next, W)
	for a := n - 1; a >= 0; a-- {
		pa.degSuf[a] = pa.degSuf[a+1] + len(poly(a)) - 1
		if math.IsNaN(mulNorm(sufR(a), reverse(pa.next, poly(a)), sufR(a+1))) {
			return nil, errUnderflow
		}
	}

	// P(X_a = k | r) ∝ exp(kt − η_ik) γ^(a)_{r−k}, γ^(a) = pre(a)·suf(a+1);
	// normalised over k, which cancels every scale.
	G := len(live)
	cats := pa.polyOff[n]
	pa.probs = grow(pa.probs, G*cats)
	for a := range n {
		c := poly(a)
		x, yr := pre(a), sufR(a+1)
		for g, gr := range live {
			pr := pa.probs[g*cats+pa.polyOff[a] : g*cats+pa.polyOff[a+1]]
			sum := 0.0
			for k := range c {
				pr[k] = c[k] * coefAt(x, 0, yr, gr.score-k)
				sum += pr[k]
			}
			if !(sum > 0) || math.IsInf(sum, 0) {
				return nil, errUnderflow
			}
			for k := range pr {
				pr[k] /= sum
			}
		}
	}
	M := ds.M
	// Gradient and the within-item blocks of the Hessian.
	for g, gr := range live {
		w := gr.count
		for a, i := range items {
			pr := pa.probs[g*cats+pa.polyOff[a] : g*cats+pa.polyOff[a+1]]
			base := ds.off[i] - 1
			for k := 1; k < len(pr); k++ {
				pa.grad[base+k] += w * pr[k]
				row := pa.hess[(base+k)*M:]
				for l := k; l < len(pr); l++ {
					cov := -pr[k] * pr[l]
					if l == k {
						cov += pr[k]
					}
					row[base+l] -= w * cov
				}
			}
		}
	}

	// Between-item blocks: P(X_a = k, X_b = l | r) ∝
	// exp(kt − η_ak) exp(lt − η_bl) γ^(a,b)_{r−k−l}, γ^(a,b) the product of
	// pre(a), the items strictly between a and b (the sweep), and
	// suf(b+1). Only coefficients up to rmax matter, and, of the sweep
	// before item b, none below rmin − m_a − degSuf(b): all coefficients
	// are of non-negative degree. The sweep is kept within that window.
	pa.sweep = grow(pa.sweep, W)
	pa.next = grow(pa.next, W)
	for a := 0; a < n-1; a++ {
		ca := poly(a)
		ma := len(ca) - 1
		ia := items[a]
		lo, hi := max(0, rmin-ma-pa.degSuf[a+1]), min(pa.degPre[a+1]-ma, rmax)
		sw := pa.sweep[:hi-lo+1]
		copy(sw, pre(a)[lo:hi+1])
		bound := 1.0
		for b := a + 1; b < n; b++ {
			cb := poly(b)
			mb := len(cb) - 1
			ib := items[b]
			yr := sufR(b + 1)
			// Coefficients s of γ^(a,b) for every score of a group, less k+l.
			sLo := max(0, rmin-ma-mb)
			pa.win = grow(pa.win, rmax-sLo+1)
			for s := sLo; s <= rmax; s++ {
				pa.win[s-sLo] = coefAt(sw, lo, yr, s)
			}
			pa.joint = grow(pa.joint, len(ca)*len(cb))
			for g, gr := range live {
				sum := 0.0
				for k, ak := range ca {
					for l, bl := range cb {
						v := 0.0
						if s := gr.score - k - l; s >= sLo {
							v = ak * bl * pa.win[s-sLo]
						}
						pa.joint[k*len(cb)+l] = v
						sum += v
					}
				}
				if !(sum > 0) || math.IsInf(sum, 0) {
					return nil, errUnderflow
				}
				inv := 1 / sum
				pa1 := pa.probs[g*cats+pa.polyOff[a] : g*cats+pa.polyOff[a+1]]
				pb := pa.probs[g*cats+pa.polyOff[b] : g*cats+pa.polyOff[b+1]]
				w := gr.count
				for k := 1; k < len(ca); k++ {
					row := pa.hess[(ds.off[ia]+k-1)*M+ds.off[ib]-1:]
					for l := 1; l < len(cb); l++ {
						row[l] -= w * (pa.joint[k*len(cb)+l]*inv - pa1[k]*pb[l])
					}
				}
			}
			if b == n-1 {
				break
			}
			// Multiply the sweep by item b, within the next window.
			nlo, nhi := max(0, rmin-ma-pa.degSuf[b+1]), min(pa.degPre[b+1]-ma, rmax)
			nx := pa.next[:nhi-nlo+1]
			clear(nx)
			for l, c := range cb {
				// nx[t-nlo] += c·sw[t-l-lo] for t in the new window
				j0, j1 := max(0, nlo-l-lo), min(len(sw)-1, nhi-l-lo)
				if j0 <= j1 {
					axpy(nx[lo+j0+l-nlo:], sw[j0:j1+1], c)
				}
			}
			if bound *= float64(mb + 1); bound > rescaleAt {
				mx := 0.0
				for _, v := range nx {
					mx = max(mx, v)
				}
				if !(mx > 0) || math.IsInf(mx, 0) {
					return nil, errUnderflow
				}
				for t := range nx {
					nx[t] /= mx
				}
				bound = 1
			}
			pa.sweep, pa.next = pa.next, pa.sweep
			sw, lo, hi = nx, nlo, nhi
		}
	}
	return deferred, nil
}
