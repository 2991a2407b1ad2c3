package i18n

// The command line's own messages, English.
func init() {
	add("en", map[string]string{
		"root.short": "Skills self-assessment for civil servants in the roles of the AI era",
		"root.long": `asnskill measures the skills that the new government roles of the AI era need
(machine learning, data analysis, digital transformation, cyber security,
technology audit, digital public services, AI policy and ethics), shows each
skill's level against the role's target, and says what to study next.

Candidates take a quiz; trainers write and check question banks; scripts
score answer sheets in bulk and analyse the questions.`,
		"root.example":                  "  $ asnskill quiz\n  $ asnskill quiz cyber-security --mode exam\n  $ asnskill roles\n  $ asnskill lint my-bank.yaml\n  $ asnskill score --bank data-analyst answers.csv -o csv",
		"group.candidate":               "For candidates:",
		"group.trainer":                 "For trainers:",
		"group.scripts":                 "For scripts:",
		"flag.lang":                     "language of messages: id or en (default from ASNSKILL_LANG, then LANG)",
		"flag.bank":                     "load banks from a file or folder (repeatable; also ASNSKILL_BANKS)",
		"flag.no-color":                 "never use colour (also NO_COLOR)",
		"flag.db":                       "history database (default $XDG_DATA_HOME/asnskill/history.db; also ASNSKILL_DB)",
		"flag.output":                   "output format",
		"usage.unknown-flag":            "unknown flag %s",
		"usage.unknown-shorthand":       "unknown flag -%s (in %s)",
		"usage.needs-argument":          "the flag %s needs a value",
		"usage.invalid-argument":        "%q is not a valid value for %s (%s)",
		"usage.unknown-command":         "unknown command %q",
		"usage.unknown-command-suggest": "unknown command %q; did you mean %[3]s?",
		"usage.bad-flag-syntax":         "bad flag syntax: %s",
		"usage.exclusive":               "only one of these flags may be given: %s",
		"usage.not-a-number":            "not a number",
		"usage.bad-lang":                "unknown language %q: use id or en",
		"usage.exact-args":              "%s takes %d argument(s), got %d",
		"usage.max-args":                "%s takes at most %d argument(s), got %d",
		"hint.help":                     "Run 'asnskill --help' or 'asnskill <command> --help' for usage.",
		"hint.prefix":                   "hint:",
		"hint.bank-invalid":             "hint: %s has %d error(s); run 'asnskill lint' on it for every problem with its hint",
		"hint.known-banks":              "hint: loaded banks: %s (see 'asnskill roles')",
		"error.no-bank":                 "no bank %q is loaded and no such file exists",
		"notice.bank-replaced":          "asnskill: notice: bank %s from %s replaces the one from %s",
		"schema.short":                  "Print the JSON Schema of the bank format",
		"schema.long":                   "Print the JSON Schema (draft-07) of the bank format. Editors that use the YAML\nlanguage server check a bank against it when its first line is\n# yaml-language-server: $schema=bank.schema.json",
		"version.short":                 "Show the version and build of asnskill",
		"exitcodes.short":               "Exit statuses and what they mean",
		"exitcodes.long": `asnskill ends with one of these exit statuses:

  0    success
  1    bad input (a bank, an answer sheet, a result file) or a failed check (lint)
  2    wrong usage: an unknown command or flag, a missing argument
  130  interrupted by the user (Ctrl+C)`,
		"error.out":           "the file %s cannot be written: %s",
		"hint.out":            "check its folder, or choose another place with --out",
		"reason.no-folder":    "its folder does not exist",
		"reason.denied":       "permission denied",
		"reason.read-only":    "the file system is read-only",
		"reason.disk-full":    "the disk is full",
		"reason.is-folder":    "it is a folder",
		"reason.not-folder":   "a part of its path is not a folder",
		"notice.no-banks-in":  "asnskill: no bank (*.yaml) in %s",
		"roles.short":         "List the loaded role banks",
		"roles.none":          "asnskill: no banks are loaded",
		"roles.col.id":        "id",
		"roles.col.title":     "role",
		"roles.col.questions": "questions",
		"roles.col.time":      "time",
		"roles.minutes":       "%s min",
		"roles.embedded":      "built-in",
		"roles.note":          "The id is what other commands take: asnskill quiz --bank <id>. Questions: how many the bank holds; time: the limit of one standard quiz. Source \"built-in\": banks shipped with asnskill; --bank DIR loads your own.",
		"roles.title":         "%s (%d skill(s))",
		"roles.col.source":    "source",
		"help.short":          "Help about any command",
		"completion.short":    "Generate the autocompletion script for a shell",
		"flag.default":        "default %s",
		"flag.help":           "help for %s",
		"tmpl.usage":          "Usage",
		"tmpl.aliases":        "Aliases",
		"tmpl.examples":       "Examples",
		"tmpl.commands":       "Commands",
		"tmpl.more-commands":  "More commands",
		"tmpl.flags":          "Flags",
		"tmpl.global-flags":   "Global flags",
		"tmpl.topics":         "More help topics",
		"tmpl.more-help":      `Use "{{.CommandPath}} [command] --help" for more about a command.`,
	})
}
