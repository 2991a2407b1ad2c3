package i18n

// Messages of history, English.
func init() {
	add("en", map[string]string{
		"history.short": "Show past attempts and each skill's progress",
		"history.long": `Show the attempts kept in the history database (oldest first) and, per bank,
each skill's trend: a sparkline of its percent over the attempts, from ▁ (0%%)
to █ (100%%), with the first and the latest percent.

  asnskill history ID        one attempt, as 'asnskill report' shows a result;
                             an unfinished one shows how far it got and how to
                             continue it
  asnskill history --weak    the weakest skills and the questions most often
                             answered wrong, to drill with 'asnskill quiz --review'
  --forget ID, --forget-all  delete for good (asks first; --yes without a terminal)

-o json is everything asnskill keeps about you: every attempt with its
questions, answers, skill scores and result, each skill's series, and the
review schedule. In a pipe the table is tab-separated rows without a header.

--bank ID keeps one bank's attempts (and, as everywhere, --bank FILE|FOLDER
loads banks). --since takes a date (2026-11-01) or a span back from now
(720h, 30d).
Nothing is created when there is no history yet.`,
		"history.example": "  $ asnskill history\n" +
			"  $ asnskill history --bank data-analyst --since 30d\n" +
			"  $ asnskill history 12\n" +
			"  $ asnskill history 12 -o markdown > attempt-12.md\n" +
			"  $ asnskill history --weak\n" +
			"  $ asnskill history -o json > my-data.json\n" +
			"  $ asnskill history --forget 12\n" +
			"  $ asnskill history --forget-all --yes",
		"history.flag.output":     "output format: table, json or csv for the list; text, markdown or json for one attempt",
		"history.flag.since":      "only attempts started since a `date` (YYYY-MM-DD) or within a span (720h, 30d)",
		"history.flag.weak":       "show the weakest skills and the questions most often wrong",
		"history.flag.forget":     "delete the attempt with this `id` for good",
		"history.flag.forget-all": "delete the whole history for good",
		"history.flag.yes":        "do not ask before deleting (needed without a terminal)",

		"history.bad-id":         "%s is not an attempt id: give the number 'asnskill history' shows",
		"history.one-view":       "give only one of: an attempt id, --weak, --forget, --forget-all",
		"history.no-filter-here": "%s filters the list of attempts; it does not go with an attempt id, --weak or --forget",
		"history.bad-since":      "--since %q: give a date (2026-11-01) or a span back from now (720h, 30d)",
		"history.no-output-here": "--output does not go with --forget or --forget-all",
		"history.bad-output":     "--output %s does not fit here: use one of %s",
		"history.raw-csv-only":   "--raw-csv goes with -o csv",
		"history.need-yes":       "%s deletes for good and there is no terminal to ask on: add --yes to confirm",
		"history.bad-bank":       "--bank %q is neither a bank id nor a bank file",

		"history.where":           "cannot tell where the history is: %s",
		"history.where.hint":      "set --db, ASNSKILL_DB or XDG_DATA_HOME to the history database",
		"history.cannot-read":     "cannot read the history database %s: %s",
		"history.too-new":         "the history database %s was written by a newer asnskill (schema version %d; this one knows up to %d); it was left as it is",
		"history.too-new.hint":    "upgrade asnskill, or use another database with --db",
		"history.not-db":          "%s is not an asnskill history database, or it is damaged; it was left as it is",
		"history.not-db.hint":     "point --db or ASNSKILL_DB at another file; asnskill never overwrites this one",
		"history.busy":            "the history database %s is busy: another asnskill has held it too long",
		"history.busy.hint":       "wait for the other asnskill to finish, then try again",
		"history.none":            "asnskill: no attempts yet; run 'asnskill quiz' to take one",
		"history.none.hint":       "there is no history yet; run 'asnskill quiz' to take a quiz",
		"history.none-match":      "asnskill: no attempts match; 'asnskill history' without filters lists them all",
		"history.no-attempt":      "no attempt %d in the history",
		"history.no-attempt.hint": "'asnskill history' lists the attempts with their ids",
		"history.bad-result":      "attempt %d in %s has a result that cannot be read: %s",
		"history.bad-result.hint": "'asnskill history -o json' shows what is stored; '--forget' removes the attempt",

		"history.col.id":         "id",
		"history.col.date":       "date",
		"history.col.bank":       "role",
		"history.col.mode":       "mode",
		"history.col.percent":    "percent",
		"history.col.passed":     "passed",
		"history.col.skill":      "skill",
		"history.col.trend":      "trend",
		"history.col.first-last": "first → last",
		"history.col.recent":     "recent",
		"history.col.latest":     "latest",
		"history.col.level":      "level",
		"history.col.attempts":   "attempts",
		"history.col.question":   "question",
		"history.col.wrong":      "wrong",
		"history.col.right":      "right",
		"history.col.box":        "box",
		"history.yes":            "yes",
		"history.no":             "no",
		"history.unfinished":     "unfinished %d/%d",
		"history.trend-title":    "Trend per skill",

		"history.attempt-head":  "Attempt %d, started %s",
		"history.attempt-title": "Attempt %d: %s %s",
		"history.started":       "Started: %s",
		"history.progress":      "Unfinished: answered %d of %d",
		"history.flagged":       "%d flagged",
		"history.time-left":     "%s left",
		"history.resume":        "Continue it with: asnskill quiz --resume %d",
		"history.percent":       "Score: %s",
		"history.level":         "level %d",

		"history.weak-none":         "asnskill: no finished attempts and no questions in review yet",
		"history.weak-skills":       "Weakest skills (mean of the last %d attempt(s))",
		"history.weak-questions":    "Questions most often wrong",
		"history.weak-no-questions": "No questions in review: every question answered wrong has since been answered right.",
		"history.weak-hint":         "Drill them: asnskill quiz --review %s",

		"history.confirm-one":     "Delete attempt %d (%s, %s) for good?",
		"history.confirm-all":     "Delete all %d attempt(s) and the review schedule in %s for good?",
		"history.confirm-choices": "[y/N]",
		"history.kept":            "asnskill: nothing was deleted",
		"history.forgot":          "asnskill: attempt %d deleted for good",
		"history.forgot-all":      "asnskill: the whole history deleted for good",
	})
}
