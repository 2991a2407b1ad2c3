// Package itemstats is asnskill's item analysis: how well each question of a
// bank works, how reliable the test is, and whether a question is unfair to a
// group of candidates. The figures and their conventions follow R's psych,
// Moodle's quiz statistics and difR's difMH; this comment is the manual.
//
// # Use
//
// Describe the administered questions (the question columns of the sheet,
// in order) in a Config and make an Accumulator with New. Score every
// candidate by the bank's rules and give the Accumulator one Row per
// candidate with Add: the points earned per question and the options chosen.
// Add refuses, and counts nothing of, a row that does not fit (wrong
// lengths, earned not in 0..points or not a number, points without an
// answer, an option the question does not have). Accumulators of equal
// Configs may fill in parallel, one per goroutine, and be combined with
// Merge. Report computes the analysis; it marshals to the JSON contract
// asnskill/stats/v1. The package prints nothing: the command formats tables.
//
// # Streaming
//
// One pass, no row kept: the counters grow with the number of distinct
// totals (times three group classes), never with the number of candidates.
// For every (group class, total) pair there is a block holding, per
// question, a count per distinct earned value, a count per option and a
// count of unanswered; per skill the exact sums of subtotals and of their
// squares. Everything else is derived in Report, centred on the means, so
// the figures do not lose digits to cancellation. Add does not allocate
// once the totals and earned values it sees have been seen before.
//
// Totals are exact: earned values are counted in units of 1/Scale point
// (Scale = 60,000,000, so any points written with up to six decimals and
// the fractions the scoring rules produce are whole units) and a total is a
// sum of units, independent of the order of the questions and of the rows.
// When every question is worth whole points and scores right or wrong, the
// totals are the integers. Equal counts give an identical Report whatever
// the order of rows or merges.
//
// # Conventions
//
// N candidates, K questions; x_ij the points candidate i earned on question
// j (unanswered earns 0: missing counts as wrong everywhere except
// p_answered); m_j the question's points; T_i = Σ_j x_ij. Variances and
// covariances divide by N−1. Every question is administered to every row.
//
// # Per question (Question)
//
//   - administered: N. answered: rows with at least one option chosen.
//   - facility: mean(x_j)/m_j. p_answered: the same over those who answered.
//   - sd: sample standard deviation of x_j.
//   - r_total: Pearson correlation of x_j with T (psych raw.r).
//   - discrimination: correlation of x_j with the rest R_j = T − x_j
//     (psych r.drop; Moodle's discrimination index ÷ 100).
//   - efficiency: cov(x_j, R_j) ÷ the covariance of the sorted values of x_j
//     paired with the sorted values of R_j (Moodle's discriminative
//     efficiency ÷ 100).
//   - alpha_if_deleted: (K−1)/(K−2)·(1 − (Σ_l v_l − v_j)/var(R_j)).
//   - upper_lower: mean(x_j/m_j) over the upper group minus over the lower
//     group. The groups are tie-inclusive: n_g = ⌊27·N/100⌋, cut_upper the
//     total of the n_g-th highest candidate, cut_lower of the n_g-th lowest,
//     upper = {T ≥ cut_upper}, lower = {T ≤ cut_lower} (Test.UpperLower).
//   - options: per option its letter, whether keyed, how many chose it, the
//     share of all candidates and of those who answered, how many in the
//     upper and the lower group chose it, their mean total, and the
//     point-biserial of "chose it" with T. unanswered is the same row for
//     those who left the question empty.
//   - dif: the Mantel–Haenszel analysis (below), nil without one.
//
// # Per test (Test) and per skill (Skill)
//
// mean and sd of T; skewness = k3/k2^1.5 and kurtosis = k4/k2² with Moodle's
// k-statistics; Cronbach's alpha = K/(K−1)·(1 − Σ v_j / var(T)), keeping
// questions of zero variance in K (and flagging them); sem = sd·√(1 − alpha).
// The test also gives the 27% groups and the distribution of totals. Every
// skill of the items (in order of first appearance; an empty skill is none)
// gets mean and sd of its subtotal; alpha and sem from 3 questions on.
//
// # DIF
//
// With Config.Group set, rows with an empty group value are left out of DIF
// only; with Config.Focal set, that value is the focal group and every other
// non-empty value the reference group. With Focal empty, DIF runs when
// exactly two non-empty values are seen: the one with fewer candidates is
// focal, on a tie the lexicographically larger value; with more values the
// summary says ReasonFocalNeeded. A question is right for DIF when the
// candidate earned its full points. Strata are T rounded half up to whole
// points, the question included; only strata with more than one candidate
// enter. χ²_MH has the continuity correction 0.5 always subtracted and
// p = erfc(√(χ²/2)); α_MH is the Mantel–Haenszel common odds ratio,
// Δ_MH = −2.35·ln α_MH (negative: harder for the focal group), se_delta from
// the Phillips–Holland variance. ETS category A if |Δ| < 1 or p ≥ 0.05, C if
// |Δ| ≥ 1.5 and (|Δ| − 1)/SE > 1.645, B otherwise.
//
// # Nulls and notes
//
// A figure whose denominator is 0 or which needs more candidates or
// questions is nil (JSON null), never NaN or infinite, and a Note of the
// test, the skill or the question names it, as in the JSON ("sd",
// "options.B.r_total", "unanswered.mean_total", "dif.delta_mh",
// "upper_lower.cut_upper"), with a Reason… code: few_candidates,
// few_questions, zero_variance, constant_total, constant_rest,
// none_answered, never_chosen, always_chosen, dif_no_information,
// dif_zero_cell. The codes are for the command to translate. A DIF category
// is null only when p < 0.05 and Δ_MH is undefined (α_MH = 0 or infinite).
// Correlations are clamped to [−1, 1] against rounding.
//
// # Flags
//
//   - too_easy: facility > 0.9; too_hard: facility < 0.2.
//   - negative_discrimination: discrimination < 0;
//     low_discrimination: 0 ≤ discrimination < 0.2.
//   - low_efficiency: efficiency < 0.15.
//   - upper_avoids_key: a keyed option is chosen by a smaller share of the
//     upper group than of the lower group.
//   - distractor_attracts_upper: an option not keyed is chosen by a larger
//     share of the upper group than of the lower group.
//   - dif_c: ETS category C.
//   - zero_variance: every candidate earned the same (N ≥ 2).
//   - none_answered: no candidate answered (N ≥ 1).
//
// # Limits
//
// Questions have 2..6 options and points > 0, at most MaxPoints together; a
// question shows at most MaxValues distinct earned values; an Accumulator
// counts at most MaxRows rows (its counters are 32 bits wide). Add and
// Merge return an error rather than pass these limits.
package itemstats
