package irt

import (
	"errors"
	"math"
)

// tiny is the smallest γ_r, relative to the largest coefficient of the
// tilted product, computed at a pattern's common tilt; a group whose score
// falls below it is computed again at a tilt of its own.
const tiny = 1e-200

// engine evaluates the conditional log-likelihood, its gradient and its
// Hessian with respect to η (item-category parameters, flat index
// off[i]+k-1 for k ≥ 1) at given thresholds.
type engine struct {
	ds  *design
	eta [][]float64 // eta[i][k], k = 0..m_i

	loglik float64
	grad   []float64 // ∂L/∂η
	hess   []float64 // ∂²L/∂η², M×M, row-major

	// scratch, grown as needed
	poly, polyScale []float64 // item polynomials of the pattern, by position
	polyOff         []int
	pre, suf        []float64 // prefix and suffix products, (n+1) rows of width R+1
	preScale        []float64
	degPre, degSuf  []int
	sweep, next     []float64 // running product between two positions
	probs           []float64 // P(X_a = k | r) by group, position, category
	joint           []float64
	conv            []float64
	live            []group
}

func newEngine(ds *design) *engine {
	e := &engine{ds: ds, eta: make([][]float64, len(ds.items)), grad: make([]float64, ds.M), hess: make([]float64, ds.M*ds.M)}
	for i, it := range ds.items {
		e.eta[i] = make([]float64, it.Categories+1)
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
	e.loglik = 0
	for i, it := range ds.items {
		for k := 1; k <= it.Categories; k++ {
			e.loglik -= ds.counts[ds.off[i]+k-1] * e.eta[i][k]
		}
	}
	if full {
		for f := range e.grad {
			e.grad[f] = -ds.counts[f]
		}
		clear(e.hess)
	}
	for p := range ds.patterns {
		pt := &ds.patterns[p]
		// Tilt to the ability expected to give the mean score of the groups.
		mean, w := 0.0, 0.0
		for _, g := range pt.groups {
			mean += g.count * float64(g.score)
			w += g.count
		}
		tilt := ability(pt.items, e.eta, mean/w)
		deferred, err := e.pattern(pt.items, pt.maxScore, pt.groups, tilt, full, false)
		if err != nil {
			return err
		}
		for _, g := range deferred {
			one := []group{pt.groups[g]}
			if _, err := e.pattern(pt.items, pt.maxScore, one, ability(pt.items, e.eta, float64(one[0].score)), full, true); err != nil {
				return err
			}
		}
	}
	if full {
		M := ds.M
		for a := range M {
			for b := a + 1; b < M; b++ {
				e.hess[b*M+a] = e.hess[a*M+b]
			}
		}
	}
	if math.IsNaN(e.loglik) || math.IsInf(e.loglik, 0) {
		return errors.New("irt: the log-likelihood is not a finite number (numerical failure)")
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
// logarithm of the factor divided out.
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
		mx = math.Max(mx, v)
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

// coef returns the coefficient s of the product of x and y.
func coef(x, y []float64, s int) float64 {
	lo, hi := max(0, s-len(y)+1), min(len(x)-1, s)
	sum := 0.0
	for t := lo; t <= hi; t++ {
		sum += x[t] * y[s-t]
	}
	return sum
}

// pattern adds the contribution of the groups of one pattern (the items it
// took, in increasing order, and the maximum score) at the given tilt. It
// returns the groups whose γ_r is too small at this tilt to be computed
// accurately, unless alone, when it computes them anyway.
func (e *engine) pattern(items []int, R int, groups []group, tilt float64, full, alone bool) ([]int, error) {
	ds := e.ds
	n := len(items)
	W := R + 1
	// Item polynomials exp(kt − η_ik), rescaled to a largest coefficient of 1.
	e.polyOff = growInt(e.polyOff, n+1)
	e.polyOff[0] = 0
	for a, i := range items {
		e.polyOff[a+1] = e.polyOff[a] + ds.items[i].Categories + 1
	}
	e.poly = grow(e.poly, e.polyOff[n])
	e.polyScale = grow(e.polyScale, n)
	for a, i := range items {
		c := e.poly[e.polyOff[a]:e.polyOff[a+1]]
		mx := math.Inf(-1)
		for k := range c {
			c[k] = float64(k)*tilt - e.eta[i][k]
			mx = math.Max(mx, c[k])
		}
		for k := range c {
			c[k] = math.Exp(c[k] - mx)
		}
		e.polyScale[a] = mx
	}
	poly := func(a int) []float64 { return e.poly[e.polyOff[a]:e.polyOff[a+1]] }

	// Prefix products: pre row a is the product of the first a items.
	e.pre = grow(e.pre, (n+1)*W)
	e.preScale = grow(e.preScale, n+1)
	e.degPre = growInt(e.degPre, n+1)
	pre := func(a int) []float64 { return e.pre[a*W : a*W+e.degPre[a]+1] }
	e.pre[0], e.preScale[0], e.degPre[0] = 1, 0, 0
	for a := range n {
		e.degPre[a+1] = e.degPre[a] + len(poly(a)) - 1
		ls := mulNorm(pre(a+1), pre(a), poly(a))
		if math.IsNaN(ls) {
			return nil, errors.New("irt: numerical failure in the elementary symmetric functions")
		}
		e.preScale[a+1] = e.preScale[a] + e.polyScale[a] + ls
	}
	gamma := pre(n)
	var deferred []int
	live := e.live[:0]
	for g, gr := range groups {
		v := gamma[gr.score]
		if !(v > 0) || v < tiny && !alone {
			if alone {
				return nil, errors.New("irt: numerical underflow in the elementary symmetric functions")
			}
			deferred = append(deferred, g)
			continue
		}
		e.loglik -= gr.count * (math.Log(v) + e.preScale[n] - float64(gr.score)*tilt)
		live = append(live, gr)
	}
	e.live = live
	if !full || len(live) == 0 {
		return deferred, nil
	}

	// Suffix products: suf row a is the product of items a..n-1.
	e.suf = grow(e.suf, (n+1)*W)
	e.degSuf = growInt(e.degSuf, n+1)
	suf := func(a int) []float64 { return e.suf[a*W : a*W+e.degSuf[a]+1] }
	e.suf[n*W], e.degSuf[n] = 1, 0
	for a := n - 1; a >= 0; a-- {
		e.degSuf[a] = e.degSuf[a+1] + len(poly(a)) - 1
		if math.IsNaN(mulNorm(suf(a), poly(a), suf(a+1))) {
			return nil, errors.New("irt: numerical failure in the elementary symmetric functions")
		}
	}

	// P(X_a = k | r) ∝ exp(kt − η_ik) γ^(a)_{r−k}, γ^(a) = pre(a)·suf(a+1);
	// normalised over k, which cancels every scale.
	G := len(live)
	cats := e.polyOff[n]
	e.probs = grow(e.probs, G*cats)
	for a := range n {
		c := poly(a)
		x, y := pre(a), suf(a+1)
		full := G*len(c) > len(x)+len(y)
		var conv []float64
		if full {
			e.conv = grow(e.conv, len(x)+len(y)-1)
			conv = e.conv
			clear(conv)
			for t, xv := range x {
				for u, yv := range y {
					conv[t+u] += xv * yv
				}
			}
		}
		for g, gr := range live {
			pr := e.probs[g*cats+e.polyOff[a] : g*cats+e.polyOff[a+1]]
			sum := 0.0
			for k := range c {
				s := gr.score - k
				v := 0.0
				if s >= 0 && s < len(x)+len(y)-1 {
					if full {
						v = conv[s]
					} else {
						v = coef(x, y, s)
					}
				}
				pr[k] = c[k] * v
				sum += pr[k]
			}
			if !(sum > 0) || math.IsInf(sum, 0) {
				return nil, errors.New("irt: numerical underflow in the conditional probabilities")
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
			pr := e.probs[g*cats+e.polyOff[a] : g*cats+e.polyOff[a+1]]
			base := ds.off[i] - 1
			for k := 1; k < len(pr); k++ {
				e.grad[base+k] += w * pr[k]
				row := e.hess[(base+k)*M:]
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
	// exp(kt − η_ak) exp(lt − η_bl) γ^(a,b)_{r−k−l}, with γ^(a,b) the product
	// of pre(a), the items strictly between a and b, and suf(b+1).
	e.sweep = grow(e.sweep, W)
	e.next = grow(e.next, W)
	for a := 0; a < n-1; a++ {
		ca := poly(a)
		ia := items[a]
		sw := e.sweep[:e.degPre[a]+1]
		copy(sw, pre(a))
		for b := a + 1; b < n; b++ {
			cb := poly(b)
			ib := items[b]
			y := suf(b + 1)
			span := len(sw) + len(y) - 1
			width := len(ca) + len(cb) - 1
			full := G*width > span
			var conv []float64
			if full {
				e.conv = grow(e.conv, span)
				conv = e.conv
				clear(conv)
				for t, xv := range sw {
					if xv == 0 {
						continue
					}
					d := conv[t : t+len(y)]
					for u, yv := range y {
						d[u] += xv * yv
					}
				}
			}
			e.joint = grow(e.joint, len(ca)*len(cb))
			for g, gr := range live {
				sum := 0.0
				for k, ak := range ca {
					for l, bl := range cb {
						s := gr.score - k - l
						v := 0.0
						if s >= 0 && s < span {
							if full {
								v = conv[s]
							} else {
								v = coef(sw, y, s)
							}
						}
						v *= ak * bl
						e.joint[k*len(cb)+l] = v
						sum += v
					}
				}
				if !(sum > 0) || math.IsInf(sum, 0) {
					return nil, errors.New("irt: numerical underflow in the conditional probabilities")
				}
				inv := 1 / sum
				pa := e.probs[g*cats+e.polyOff[a] : g*cats+e.polyOff[a+1]]
				pb := e.probs[g*cats+e.polyOff[b] : g*cats+e.polyOff[b+1]]
				w := gr.count
				for k := 1; k < len(ca); k++ {
					row := e.hess[(ds.off[ia]+k-1)*M+ds.off[ib]-1:]
					for l := 1; l < len(cb); l++ {
						row[l] -= w * (e.joint[k*len(cb)+l]*inv - pa[k]*pb[l])
					}
				}
			}
			if b < n-1 {
				nx := e.next[:len(sw)+len(cb)-1]
				mulNorm(nx, sw, cb)
				e.sweep, e.next = e.next, e.sweep
				sw = nx
			}
		}
	}
	return deferred, nil
}
