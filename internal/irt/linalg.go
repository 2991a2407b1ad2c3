package irt

import (
	"errors"
	"math"
)

// tauDerivatives returns the gradient of the log-likelihood with respect to
// the thresholds and the information matrix of the thresholds (minus the
// Hessian), from the derivatives with respect to η held by the engine. As
// η_ik = τ_i1 + … + τ_ik, ∂L/∂τ_ij = Σ_{k≥j} ∂L/∂η_ik, and likewise for
// both indices of the Hessian.
func (e *engine) tauDerivatives() (g, info []float64) {
	ds := e.ds
	M := ds.M
	g = make([]float64, M)
	info = make([]float64, M*M)
	copy(g, e.grad)
	for f := range info {
		info[f] = -e.hess[f]
	}
	for i, it := range ds.items {
		o, m := ds.off[i], it.Categories
		for j := m - 2; j >= 0; j-- {
			g[o+j] += g[o+j+1]
		}
		// suffix sums over the rows of the block, then over its columns
		for j := m - 2; j >= 0; j-- {
			r, r1 := info[(o+j)*M:(o+j+1)*M], info[(o+j+1)*M:(o+j+2)*M]
			for c := range M {
				r[c] += r1[c]
			}
		}
		for j := m - 2; j >= 0; j-- {
			for row := range M {
				info[row*M+o+j] += info[row*M+o+j+1]
			}
		}
	}
	return g, info
}

// shifted returns info + c·11ᵀ with c the mean diagonal over M: the
// information has the common shift of all thresholds as its null space,
// and this makes it invertible without changing it on the sum-zero
// subspace.
func shifted(info []float64) ([]float64, float64) {
	M := int(math.Sqrt(float64(len(info))))
	tr := 0.0
	for j := range M {
		tr += info[j*M+j]
	}
	c := tr / float64(M*M)
	if !(c > 0) {
		c = 1
	}
	J := make([]float64, len(info))
	for f := range info {
		J[f] = info[f] + c
	}
	return J, c
}

var errSingular = errors.New("irt: singular information matrix")

// cholesky factors the symmetric positive definite a (n×n) in place into
// its lower triangle L with a = L Lᵀ.
func cholesky(a []float64, n int) error {
	for j := range n {
		d := a[j*n+j]
		for k := range j {
			d -= a[j*n+k] * a[j*n+k]
		}
		// A pivot lost to rounding means the matrix is singular for our
		// purpose.
		if !(d > 1e-13*math.Abs(a[j*n+j])) || math.IsInf(d, 0) {
			return errSingular
		}
		d = math.Sqrt(d)
		a[j*n+j] = d
		for i := j + 1; i < n; i++ {
			s := a[i*n+j]
			for k := range j {
				s -= a[i*n+k] * a[j*n+k]
			}
			a[i*n+j] = s / d
		}
	}
	return nil
}

// solveCholesky solves L Lᵀ x = b in place.
func solveCholesky(l []float64, n int, b []float64) {
	for i := range n {
		s := b[i]
		for k := range i {
			s -= l[i*n+k] * b[k]
		}
		b[i] = s / l[i*n+i]
	}
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * b[k]
		}
		b[i] = s / l[i*n+i]
	}
}

// newtonStep returns the Newton step I⁺g within the sum-zero subspace.
func newtonStep(info, g []float64) ([]float64, error) {
	M := len(g)
	J, _ := shifted(info)
	if err := cholesky(J, M); err != nil {
		return nil, err
	}
	step := make([]float64, M)
	copy(step, g)
	solveCholesky(J, M, step)
	centre(step)
	for _, v := range step {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errSingular
		}
	}
	return step, nil
}

// constrainedCovariance returns the covariance matrix of the thresholds
// under the constraint that they sum to zero: I⁺ = (I + c11ᵀ)⁻¹ − 11ᵀ/(cM²).
func constrainedCovariance(info []float64) ([]float64, error) {
	M := int(math.Sqrt(float64(len(info))))
	J, c := shifted(info)
	if err := cholesky(J, M); err != nil {
		return nil, err
	}
	cov := make([]float64, M*M)
	col := make([]float64, M)
	for j := range M {
		clear(col)
		col[j] = 1
		solveCholesky(J, M, col)
		for i := range M {
			cov[i*M+j] = col[i]
		}
	}
	sub := 1 / (c * float64(M) * float64(M))
	for f := range cov {
		cov[f] -= sub
	}
	return cov, nil
}
