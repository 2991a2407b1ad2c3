// Package adaptive is the adaptive quiz (docs/adaptive.md): each skill's
// ability is estimated after every answer, the next question is the most
// informative one at that estimate among the skills still undecided, and a
// skill is decided as soon as its 95% interval for ability lies wholly above
// or below the ability that corresponds to the role's target level.
//
// The model is the partial credit model (the Rasch model for single and
// true/false questions): P(X = k | θ) ∝ exp(kθ − Σ_{j≤k} τ_j), k = 0..m,
// with the thresholds τ that `asnskill calibrate` writes into a bank. A bank
// not calibrated yet runs on provisional thresholds from each question's
// difficulty (1, 2, 3 → −1, 0, +1 logits), and says so.
//
// Ability is the expected a posteriori (EAP) estimate under a standard
// normal prior, computed on a fixed grid of abilities: the posterior is the
// prior times the probability of each answer given so far; the estimate is
// its mean, the standard error its standard deviation.
//
// The package knows nothing of screens: the session asks it for the next
// question (Engine.Next) and the quiz shows it.
package adaptive

import (
	"math"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
)

// Item is one question's parameters under the partial credit model.
type Item struct {
	Thresholds []float64 // τ_1..τ_m, logits
	// Fractions[k] is the share of the question's points category k earns.
	Fractions []float64
	Points    float64
}

// provisionalStep spreads the provisional thresholds of a question with
// several score steps around its location.
const provisionalStep = 0.6

// ItemOf returns q's parameters: its calibrated thresholds when the bank
// has them (calibrated true), else provisional ones from its difficulty.
func ItemOf(q *bank.Question) (it Item, calibrated bool) {
	m := q.Categories()
	it.Points = q.Points
	it.Fractions = make([]float64, m+1)
	for k := range it.Fractions {
		it.Fractions[k] = scoring.Fraction(q, k)
	}
	if q.IRT != nil && len(q.IRT.Thresholds) == m {
		it.Thresholds = append([]float64(nil), q.IRT.Thresholds...)
		return it, true
	}
	loc := float64(q.Difficulty - 2) // 1, 2, 3 → −1, 0, +1
	it.Thresholds = make([]float64, m)
	for j := range it.Thresholds {
		it.Thresholds[j] = loc + provisionalStep*(float64(j)-float64(m-1)/2)
	}
	return it, false
}

// Probs fills p (length m+1) with P(X = k | θ).
func (it *Item) Probs(theta float64, p []float64) []float64 {
	m := len(it.Thresholds)
	p = p[:0]
	// Log numerators, then normalised in a stable way.
	logit := 0.0
	maxL := 0.0
	p = append(p, 0)
	for k := 1; k <= m; k++ {
		logit += theta - it.Thresholds[k-1]
		p = append(p, logit)
		maxL = math.Max(maxL, logit)
	}
	sum := 0.0
	for k := range p {
		p[k] = math.Exp(p[k] - maxL)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// Info is the Fisher information at θ: the variance of the category.
func (it *Item) Info(theta float64) float64 {
	var buf [8]float64
	p := it.Probs(theta, buf[:0])
	mean, sq := 0.0, 0.0
	for k, pk := range p {
		mean += float64(k) * pk
		sq += float64(k*k) * pk
	}
	return sq - mean*mean
}

// ExpectedFraction is the expected share of the points at θ.
func (it *Item) ExpectedFraction(theta float64) float64 {
	var buf [8]float64
	p := it.Probs(theta, buf[:0])
	e := 0.0
	for k, pk := range p {
		e += pk * it.Fractions[k]
	}
	return e
}

// ExpectedPercent is the percent a candidate of ability θ is expected to
// score over the items (as scoring computes a skill's percent).
func ExpectedPercent(items []Item, theta float64) float64 {
	earned, possible := 0.0, 0.0
	for i := range items {
		earned += items[i].Points * items[i].ExpectedFraction(theta)
		possible += items[i].Points
	}
	if possible == 0 {
		return 0
	}
	return 100 * earned / possible
}

// Grid bounds: abilities beyond ±6 logits do not occur in practice.
const (
	gridMin   = -6.0
	gridMax   = 6.0
	gridSteps = 121
)

// Cut is the ability at which the expected percent on items equals
// percent (the target level's min), found by bisection: the expected
// percent grows with ability. It is clamped to the grid.
func Cut(items []Item, percent float64) float64 {
	lo, hi := gridMin, gridMax
	if ExpectedPercent(items, lo) >= percent {
		return lo
	}
	if ExpectedPercent(items, hi) <= percent {
		return hi
	}
	for i := 0; i < 60; i++ {
		mid := (lo + hi) / 2
		if ExpectedPercent(items, mid) < percent {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// Posterior is an ability distribution on a fixed grid.
type Posterior struct {
	w []float64 // weights on grid points, normalised
}

func gridPoint(i int) float64 {
	return gridMin + (gridMax-gridMin)*float64(i)/float64(gridSteps-1)
}

// NewPosterior is the standard normal prior.
func NewPosterior() *Posterior {
	p := &Posterior{w: make([]float64, gridSteps)}
	for i := range p.w {
		x := gridPoint(i)
		p.w[i] = math.Exp(-x * x / 2)
	}
	p.normalise()
	return p
}

func (p *Posterior) normalise() {
	s := 0.0
	for _, v := range p.w {
		s += v
	}
	if s == 0 || math.IsNaN(s) {
		return
	}
	for i := range p.w {
		p.w[i] /= s
	}
}

// Update multiplies in the likelihood of category k on item it.
func (p *Posterior) Update(it *Item, k int) {
	var buf [8]float64
	for i := range p.w {
		pr := it.Probs(gridPoint(i), buf[:0])
		if k >= 0 && k < len(pr) {
			p.w[i] *= pr[k]
		}
	}
	p.normalise()
}

// Estimate is the EAP estimate and its standard error.
func (p *Posterior) Estimate() (theta, se float64) {
	m, sq := 0.0, 0.0
	for i, v := range p.w {
		x := gridPoint(i)
		m += v * x
		sq += v * x * x
	}
	return m, math.Sqrt(math.Max(0, sq-m*m))
}
