package i18n

// Messages of score and report, English.
func init() {
	add("en", map[string]string{
		"flag.out":                "write to this file (atomically) instead of standard output",
		"flag.raw-csv":            "write CSV cells exactly, without the quote that keeps spreadsheets from running formulas",
		"score.short":             "Score answer sheets in bulk",
		"score.long":              "Score answer sheets against one bank: CSV or TSV (a header with candidate,\noptional bank and group:<name> columns, and one column per question id; the\ndelimiter , ; or tab is detected), JSONL (one object a line), or result files\nwritten by 'asnskill quiz --save'. One result per candidate, in input order.\nA bad row is reported with its file and line and skipped (--strict: stop).\nExit status 1 when any row was rejected.",
		"score.need-bank":         "score needs --bank ID|PATH: the bank to score against",
		"score.need-input":        "give answer files, or - to read standard input",
		"score.flag.output":       "output format: jsonl (default in a pipe), csv, json, or table (default on a terminal)",
		"score.flag.strict":       "stop at the first bad row",
		"score.flag.with-answers": "include each candidate's per-question answers",
		"score.flag.all-recs":     "list every recommendation, not only 3 per skill",
		"score.flag.workers":      "scoring goroutines (default: one per core)",
		"score.summary":           "asnskill: %d row(s) read, %d scored, %d rejected",
		"score.strict-stop":       "stopped at the first bad row (--strict)",
		"score.hint.strict":       "fix the row, or run without --strict to skip bad rows",
		"score.col.candidate":     "candidate",
		"score.col.percent":       "percent",
		"score.col.passed":        "passed",
		"score.col.gaps":          "gaps",
		"score.progress":          "%d rows · %.0f rows/s · %s",
	})
}
