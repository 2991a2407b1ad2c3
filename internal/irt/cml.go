// Package irt calibrates a bank's questions under the partial credit model
// by conditional maximum likelihood (CML): the thresholds (step
// difficulties) of every question, their standard errors and how well each
// question fits. It uses the standard library only and prints nothing; this
// comment is the manual.
//
// # Model
//
// A question (Item) is scored in categories 0..m; m is Item.Categories. The
// partial credit model gives a person of ability θ (in logits) the
// probability
//
//	P(X_i = k | θ) = exp(kθ − η_ik) / Σ_h exp(hθ − η_ih),  k = 0..m_i,
//	η_ik = τ_i1 + … + τ_ik,  η_i0 = 0,
//
// where τ_ik, the thresholds, are the difficulties of the steps from k−1 to
// k. The Rasch model is the case m_i = 1, where τ_i1 is the difficulty. A
// threshold is where the two adjacent categories are equally likely; when
// the thresholds of a question are not increasing (Disordered) some middle
// category is never the most likely one, a sign that it is not used as
// intended.
//
// # Estimation
//
// Under the model a person's raw score (the sum of the categories) is a
// sufficient statistic for θ: given the score, the response pattern no
// longer depends on θ. CML maximises the likelihood of the patterns given
// the scores, so no assumption about the distribution of abilities is
// needed and the estimates are consistent. For person n who took the set
// S_n of questions and scored r_n,
//
//	P(x_n | r_n) = exp(−Σ_{i∈S_n} η_{i,x_ni}) / γ_{r_n}(S_n),
//
// where γ_r(S) is the coefficient of z^r in Π_{i∈S} Σ_k exp(−η_ik) z^k, an
// elementary symmetric function. A question not administered to a person
// (a response of −1) is left out of that person's set: missing is not
// wrong, and random forms drawn from a bank are handled as they come.
//
// The γ are computed by multiplying the questions' polynomials one at a
// time. All terms are positive, so nothing cancels; every partial product
// is rescaled to a largest coefficient of 1 with its logarithm kept aside,
// and the variable is tilted (z → z·e^t, which leaves every conditional
// probability unchanged) to about the ability at which the scores of the
// persons who took that set are expected (a score far from it is computed
// again at a tilt of its own), so that with hundreds of questions nothing
// overflows or underflows. Products of the questions before and after each one (and
// between each pair) give the leave-one-out and leave-two-out functions
// γ^(i) and γ^(i,j), hence the conditional probabilities
//
//	P(X_i = k | r) = exp(−η_ik) γ^(i)_{r−k} / γ_r,
//	P(X_i = k, X_j = l | r) = exp(−η_ik − η_jl) γ^(i,j)_{r−k−l} / γ_r.
//
// The gradient of the conditional log-likelihood L is
// ∂L/∂η_ik = Σ_n [P(X_i = k | r_n, S_n) − 1{x_ni = k}] and its Hessian is
// minus the sum over persons of the conditional covariances of the
// indicators 1{X_i = k}. Persons who took the same questions and have the
// same score contribute identical terms, so they are grouped by (set,
// score) and each group is computed once: a fixed form costs as little as
// its number of distinct scores, random forms one group per form and
// score.
//
// The thresholds are found by Newton–Raphson from adjacent-category logits
// of the observed counts, with the step halved while the likelihood would
// drop and no threshold moved by more than 4 logits in one step. The
// iteration stops (Converged) when no threshold changes by more than
// Options.Tol (default 1e-8) in a step, or after Options.MaxIter steps
// (default 100).
//
// # Constraint
//
// Adding a constant to every threshold (and to every θ) changes no
// probability, so the origin of the scale is fixed by convention: the mean
// of all thresholds of all questions is 0. Newton steps are taken within
// that constraint (on the free parameters), and the standard errors are the
// square roots of the diagonal of the inverse information matrix under it,
// I⁺ (the pseudo-inverse of the information matrix of the thresholds,
// whose null space is the common shift). Thresholds from calibrations of
// different data sets are on the same scale only after linking.
//
// # Persons
//
// A person whose score is 0 or the maximum possible on the questions they
// took, or who took fewer than two questions, carries no information about
// the thresholds under CML and is set aside (Result.Excluded); the others
// are used (Result.Persons, and ItemEstimate.N per question).
//
// # Fit
//
// For every used person θ is estimated by maximum likelihood given the
// estimated thresholds (Newton's method kept within a bracket; their scores
// are not extreme, so the estimate is finite). With E and W the expected
// value and variance of a response under the model at that θ, the mean
// squares of a question over the persons who answered it are
//
//	Outfit = mean of (x − E)² / W,
//	Infit  = Σ (x − E)² / Σ W,
//
// both near 1 when the data fit; above about 1.3 the question is noisier
// than the model expects, below about 0.7 more predictable (often
// dependent on other questions). Outfit reacts to surprising answers far
// from a person's level, infit to those near it. On short forms (a dozen
// questions or fewer) both run below 1 even for data that fit, since each
// θ is fitted to the very responses it is compared with.
//
// # Cost
//
// A (set, score) group of n questions costs a number of operations in the
// order of n² times the range of scores: the leave-two-out products of
// every pair, kept to the coefficients that can reach a group's score.
// The groups are split into four parts of about equal cost, summed on
// their own goroutines and added in a fixed order, so the results do not
// depend on the number of processors. 2,000 persons who each took a random
// form of 35 of 105 questions (the costly case: one group per person)
// take about a second on two cores; a fixed form costs far less. Each
// Newton step also solves a system in the thresholds (their number cubed).
//
// # Errors
//
// CML returns an error, naming the question, when a question was answered
// by nobody (or only by persons set aside), when one of its categories,
// the bottom and top included, was used by no person kept, and when the
// data do not determine the thresholds at all: questions not linked to the
// others by persons who took both, or a set of questions that every person
// who also took one of the others scored at the maximum (or scored 0 on the
// others), which would make them infinitely easy. When the estimates
// still run off during the iteration, or the information matrix is
// singular, the error says so. No estimate it returns is NaN or infinite.
//
// The package is checked against R's eRm (RM with missing responses, PCM;
// see testdata/erm-reference.R): thresholds, standard errors,
// log-likelihood and mean squares agree within 1e-4, about where eRm's
// optimiser stops; the tests allow 1e-3.
package irt

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Item is one question to calibrate: Categories is its highest score
// category (1 for the Rasch model, m for the partial credit model with
// categories 0..m).
type Item struct {
	ID         string
	Categories int
}

// Data holds the questions and the responses: Responses[p][i] is person p's
// category on item i, or -1 when item i was not administered to p (missing,
// not wrong).
type Data struct {
	Items     []Item
	Responses [][]int
}

// Options tune the iteration; the zero value means the defaults.
type Options struct {
	// MaxIter is the largest number of Newton steps (default 100).
	MaxIter int
	// Tol is the convergence criterion on the largest absolute change of a
	// threshold in one step, in logits (default 1e-8).
	Tol float64
}

// ItemEstimate is the calibration of one question.
type ItemEstimate struct {
	ID string
	// Thresholds are τ_i1..τ_im in logits (the difficulties of the steps),
	// centred: the mean over all thresholds of all items is 0.
	Thresholds []float64
	// SE are the standard errors of Thresholds, from the information matrix
	// under that constraint.
	SE []float64
	// Infit and Outfit are the information-weighted and unweighted mean
	// squares of the standardised residuals (see Fit in the package
	// documentation).
	Infit, Outfit float64
	// N is the number of persons used who answered this question.
	N int
	// Disordered is true when the thresholds are not increasing.
	Disordered bool
}

// Result is the calibration of all questions.
type Result struct {
	Items []ItemEstimate
	// Persons is the number of persons used; Excluded the number set aside
	// (score 0 or the maximum possible on the items they took, or fewer
	// than two items: no information).
	Persons, Excluded int
	// Iterations is the number of Newton steps taken; Converged whether the
	// last one changed no threshold by more than Options.Tol.
	Iterations int
	Converged  bool
	// LogLik is the conditional log-likelihood at the estimates.
	LogLik float64
}

// divergeAt is the size in logits beyond which a threshold is taken to run
// off to infinity (the likelihood has no maximum).
const divergeAt = 40

// maxStep bounds the change of a threshold in one Newton step, in logits.
const maxStep = 4

// CML calibrates the items of d by conditional maximum likelihood under the
// partial credit model (see the package documentation).
func CML(d Data, o Options) (Result, error) {
	if o.MaxIter <= 0 {
		o.MaxIter = 100
	}
	if !(o.Tol > 0) || math.IsInf(o.Tol, 0) {
		o.Tol = 1e-8
	}
	ds, err := prepare(d)
	if err != nil {
		return Result{}, err
	}
	tau := ds.start()
	e := newEngine(ds)
	if err := e.eval(tau, true); err != nil {
		return Result{}, err
	}
	res := Result{Persons: len(ds.persons), Excluded: ds.excluded}
	M := ds.M
	trial := make([]float64, M)
	// The standard errors come from the information at the last full
	// evaluation, which is where the thresholds end unless the last step
	// was below Tol (and then a step too small to matter away).
	var last []float64
	for res.Iterations < o.MaxIter {
		g, info := e.tauDerivatives()
		step, err := newtonStep(info, g)
		if err != nil {
			return Result{}, ds.singular(tau)
		}
		if big := maxAbs(step); big > maxStep {
			for j := range step {
				step[j] *= maxStep / big
			}
		}
		l0, newton := e.loglik, maxAbs(step)
		if newton <= o.Tol {
			// The last step: too small to change the information (the
			// estimates are then within about Tol² of the maximum), so only
			// the log-likelihood is evaluated where it ends.
			for j := range tau {
				tau[j] += step[j]
			}
			if err := e.eval(tau, false); err != nil {
				return Result{}, err
			}
			res.Iterations++
			res.Converged = true
			last = info
			break
		}
		accepted := false
		for h := 0; h < 50; h++ {
			for j := range trial {
				trial[j] = tau[j] + step[j]
			}
			full := h == 0
			if err := e.eval(trial, full); err != nil {
				return Result{}, err
			}
			if e.loglik >= l0-1e-12*(1+math.Abs(l0)) {
				accepted = true
				if !full {
					if err := e.eval(trial, true); err != nil {
						return Result{}, err
					}
				}
				break
			}
			for j := range step {
				step[j] /= 2
			}
		}
		if !accepted {
			// No step improves the likelihood within rounding: the
			// estimates are where they can be.
			if err := e.eval(tau, true); err != nil {
				return Result{}, err
			}
			res.Converged = newton < math.Sqrt(o.Tol)
			break
		}
		copy(tau, trial)
		res.Iterations++
		if maxAbs(tau) > divergeAt {
			return Result{}, ds.diverged(tau)
		}
		if maxAbs(step) <= o.Tol {
			res.Converged = true
			break
		}
	}
	if last == nil {
		_, last = e.tauDerivatives()
	}
	res.LogLik = e.loglik
	cov, err := constrainedCovariance(last)
	if err != nil {
		return Result{}, ds.singular(tau)
	}
	fit := ds.itemFit(tau)
	res.Items = make([]ItemEstimate, len(ds.items))
	for i, it := range ds.items {
		m := it.Categories
		est := ItemEstimate{ID: it.ID, Thresholds: make([]float64, m), SE: make([]float64, m), N: ds.n[i],
			Infit: fit[i].infit, Outfit: fit[i].outfit}
		for k := range m {
			f := ds.off[i] + k
			est.Thresholds[k] = tau[f]
			est.SE[k] = math.Sqrt(math.Max(cov[f*M+f], 0))
			if k > 0 && tau[f] <= tau[f-1] {
				est.Disordered = true
			}
		}
		res.Items[i] = est
	}
	if err := res.check(); err != nil {
		return Result{}, err
	}
	return res, nil
}

// check is the last guard: no figure returned is NaN or infinite.
func (r *Result) check() error {
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
	if bad(r.LogLik) {
		return errors.New("irt: the log-likelihood is not a finite number (numerical failure)")
	}
	for _, it := range r.Items {
		if slices.ContainsFunc(it.Thresholds, bad) || slices.ContainsFunc(it.SE, bad) || bad(it.Infit) || bad(it.Outfit) {
			return fmt.Errorf("irt: item %s: the estimates are not finite numbers (numerical failure)", it.ID)
		}
	}
	return nil
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}
