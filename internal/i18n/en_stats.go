package i18n

// Messages of stats, English.
func init() {
	add("en", map[string]string{
		"stats.short":                          "Analyse the questions: difficulty, discrimination, reliability, fairness",
		"stats.long":                           "Item analysis of answer sheets (the same files as 'asnskill score'): per question\nthe facility, discrimination (corrected item-total correlation), discriminative\nefficiency, the upper-lower 27%% index, every option's choices by the upper and\nlower groups, and flags for questions to look at; per bank the mean, standard\ndeviation, skewness, kurtosis, Cronbach's alpha (KR-20 for 0/1 items) and the\nstandard error of measurement; with --group, Mantel-Haenszel DIF per question\nwith its ETS category. Every row must have been given the same questions.",
		"stats.need-bank":                      "stats needs --bank ID|PATH: the bank the sheets were answered on",
		"stats.focal-needs-group":              "--focal needs --group: the group column to compare",
		"stats.flag.output":                    "output format: table (default on a terminal), json (asnskill/stats/v1) or csv",
		"stats.flag.group":                     "group column for differential item functioning (the name after group:)",
		"stats.flag.focal":                     "the focal group's value (default: the smaller of exactly two groups)",
		"stats.no-rows":                        "no rows to analyse",
		"stats.no-rows.hint":                   "give a sheet with a header and at least one candidate",
		"stats.title":                          "Item analysis: %s (%s), %d candidate(s)",
		"stats.test-line":                      "mean %s of %g points · sd %s · alpha %s · SEM %s · skewness %s · kurtosis %s",
		"stats.dif-line":                       "DIF by %s: focal %q (%d) against the rest (%d); %d without a group value left out",
		"stats.col.question":                   "question",
		"stats.col.facility":                   "facility",
		"stats.col.discrimination":             "discrim.",
		"stats.col.dif":                        "DIF",
		"stats.col.flags":                      "look at",
		"stats.skills":                         "Per skill",
		"stats.skill-line":                     "%s: %d question(s) · mean %s · sd %s · alpha %s · SEM %s",
		"stats.flagged":                        "%d of %d question(s) have flags: revise or replace them before the next use.",
		"stats.flag.too_easy":                  "too easy",
		"stats.flag.too_hard":                  "too hard",
		"stats.flag.low_discrimination":        "low discrimination",
		"stats.flag.negative_discrimination":   "negative discrimination (check the key)",
		"stats.flag.low_efficiency":            "low efficiency",
		"stats.flag.upper_avoids_key":          "strong candidates avoid the key",
		"stats.flag.distractor_attracts_upper": "a distractor attracts strong candidates",
		"stats.flag.dif_c":                     "DIF category C",
		"stats.flag.zero_variance":             "everyone scored the same",
		"stats.flag.none_answered":             "nobody answered",
	})
}
