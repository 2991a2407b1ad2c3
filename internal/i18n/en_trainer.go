package i18n

// Messages of the trainer tools (import, export, new, preview), English.
func init() {
	add("en", map[string]string{
		"trainer.flag.out":   "write to FILE instead of standard output (written whole, then renamed into place)",
		"trainer.flag.force": "overwrite FILE if it exists",
		"trainer.wrote":      "asnskill: wrote %s",

		"trainer.import.short": "Import questions from GIFT, Aiken or Moodle XML into a bank",
		"trainer.import.long": `Read questions in a Moodle format and write a bank in asnskill's format.

FORMAT is gift, aiken or moodlexml; FILE is a path, or - for standard input.
Categories become skills and question names become ids. Questions of types a
bank does not have (essay, matching, numerical, short answer, cloze,
description) are skipped with a warning naming each one. The title, summary
and recommendations start with TODO: fill them in, then run asnskill lint.

--text-lang names the language of the source text (default: guessed from the
text; the bank then declares languages: [that one]), --id the bank id (default: the file name) and --skill the skill of
questions outside any category.`,
		"trainer.import.flag.id":             "id of the new bank (default: from the file name)",
		"trainer.import.flag.text-lang":      "language of the imported text: id or en (default: guessed from the text)",
		"trainer.import.bad-text-lang":       "unknown language %q for --text-lang: use id or en",
		"trainer.import.too-large":           "the %s imported questions make a bank of %s MiB, more than the %d MiB a bank may be",
		"trainer.import.too-large.hint":      "split the source (by category, say) and import each part as a bank of its own",
		"trainer.import.flag.skill":          "skill id for questions outside any category",
		"trainer.import.bad-format":          "unknown import format %q: use gift, aiken or moodlexml",
		"trainer.bad-id":                     "%s %q is not a valid id: use lowercase letters, digits and single hyphens, at most 40 characters",
		"trainer.import.summary":             "asnskill: imported %d of %d question(s) into %d skill(s) as bank %s (text in %s)",
		"trainer.import.next":                "next: fill in every TODO, then run 'asnskill lint %s'",
		"trainer.import.hint":                "fix the file at that line and import it again",
		"trainer.import.invalid":             "the imported bank does not decode (%s); please report this",
		"trainer.import.default-skill-id":    "general",
		"trainer.import.default-skill":       "General",
		"trainer.todo.title":                 "TODO: name of the role",
		"trainer.todo.summary":               "TODO: two or three sentences on what this role does in government.",
		"trainer.todo.recommendation":        "TODO: a course, reading or practice for levels 1 and 2",
		"trainer.warn.unsupported":           "question %q: %s questions are not supported; skipped",
		"trainer.warn.no-prompt":             "question %q has no text; skipped",
		"trainer.warn.option-count":          "question %q has %d option(s), a bank question has 2 to 6; skipped",
		"trainer.warn.empty-option":          "question %q: option %s has no text; skipped",
		"trainer.warn.no-right-answer":       "question %q has no option with a positive weight; skipped",
		"trainer.warn.no-wrong-answer":       "question %q gives every option the same credit; skipped",
		"trainer.warn.unequal-shares":        "question %q: the correct options have unequal weights; each now earns the same share",
		"trainer.warn.judgement-from-multi":  "question %q: one option at 100%% and partial credit for others; imported as a judgement question (one choice)",
		"trainer.warn.odd-weights":           "question %q: the positive weights do not add up to 100%%; imported as multiple with every positive option correct",
		"trainer.warn.judgement-zero":        "question %q: options weighted 0%% or less get score 1, a fifth of the points, in a judgement question",
		"trainer.warn.judgement-rounded":     "question %q: weights rounded to judgement scores from 1 to 5",
		"trainer.warn.control-removed":       "question %q: control characters removed",
		"trainer.warn.images-dropped":        "question %q: %d image(s) dropped; describe them in the text",
		"trainer.err.too-large":              "the file is larger than %d MiB",
		"trainer.err.no-questions":           "no question could be imported (%d found, %d skipped)",
		"trainer.err.gift-name":              "the question name is not closed with ::",
		"trainer.err.gift-brace-close":       "a } without the { that opens the answers (write \\} for a brace in text)",
		"trainer.err.gift-brace-open":        "a { opens the answers but no } closes them",
		"trainer.err.gift-two-blocks":        "a second answer block in one question (write \\{ for a brace in text)",
		"trainer.err.gift-answer-prefix":     "text before the first answer: every answer starts with = or ~",
		"trainer.err.gift-weight":            "weight %s is outside -100..100",
		"trainer.err.aiken-answer-alone":     "an ANSWER line without a question",
		"trainer.err.aiken-no-options":       "the question has no options (lines such as A. … or A) …)",
		"trainer.err.aiken-bad-answer":       "ANSWER %q is not one of the options %s",
		"trainer.err.aiken-duplicate-letter": "option %s appears twice",
		"trainer.err.aiken-option-first":     "option %s comes before any question text",
		"trainer.err.aiken-no-answer":        "the question ends without an ANSWER: line",
		"trainer.err.xml":                    "XML: %s",
		"trainer.err.moodle-root":            "not a Moodle XML question file: expected <quiz>, found <%s>",
		"trainer.err.moodle-fraction":        "answer fraction %q is not a number from -100 to 100",
		"trainer.err.moodle-truefalse":       "a truefalse question needs the two answers true and false",

		"trainer.export.short": "Export a bank to GIFT, Moodle XML or a QTI 2.1 package",
		"trainer.export.long": `Write a bank in a format that Moodle or another learning platform reads.

FORMAT is gift, moodlexml or qti; BANK is a loaded bank's id or a path.
--lang picks the language exported; without it, moodlexml carries both
languages in Moodle's multilang spans (import reads them back). Each skill becomes a category (a section
in QTI); option weights are set so that the platform's partial scoring gives
asnskill's score. What the format cannot carry (levels, recommendations,
skill weights and targets, the other language, …) is listed on standard
error. qti writes a zip archive: give --out, or redirect standard output.`,
		"trainer.export.bad-format":       "unknown export format %q: use gift, moodlexml or qti",
		"trainer.export.tty":              "qti writes a zip archive; give --out FILE or redirect standard output",
		"trainer.export.losses":           "asnskill: not carried by %s:",
		"trainer.loss.levels":             "levels (%d bands)",
		"trainer.loss.recommendations":    "recommendations (%d)",
		"trainer.loss.skills":             "skill weights, target levels and pass marks (%d skill(s))",
		"trainer.loss.skill-descriptions": "skill descriptions (%d)",
		"trainer.loss.passing":            "passing score, time limit and quiz size",
		"trainer.loss.summary":            "the role's summary",
		"trainer.loss.authors":            "authors and licence",
		"trainer.loss.difficulty":         "difficulty (%d question(s) not at the default 2)",
		"trainer.loss.points":             "points: every GIFT question is worth 1 in Moodle",
		"trainer.loss.references":         "references (%d question(s))",
		"trainer.loss.irt":                "IRT parameters (%d question(s))",
		"trainer.loss.tags":               "tags (%d question(s))",
		"trainer.loss.tf-labels":          "the wording of truefalse options (%d question(s)): Moodle shows true and false",
		"trainer.loss.language":           "text in %s",
		"trainer.loss.fallback":           "%d texts have no %s version; they were exported in another language",

		"trainer.new.short": "Write a bank skeleton for a trainer to fill",
		"trainer.new.long": `Write BANK-ID.yaml (or --out): a bank with the schema modeline, one skill,
one question of each type (single, multiple, truefalse, judgement) and
comments that explain every field. Replace every TODO, then check the file
with asnskill lint. An existing file is never overwritten without --force.`,
		"trainer.new.exists":      "%s already exists",
		"trainer.new.exists.hint": "use --force to overwrite it, or --out to write elsewhere",
		"trainer.new.next":        "next: replace every TODO, then run 'asnskill lint %s'",

		"trainer.preview.short": "Show every question of a bank with its key and explanation",
		"trainer.preview.long": `Print every question of a bank in file order, with its options, the key,
option feedback, the explanation and references, for the author or a
colleague to proofread. BANK is a loaded bank's id or a path. -o markdown
writes Markdown, for printing or review.`,
		"trainer.preview.header":         "%s %s · %d question(s) · %d skill(s) · %s",
		"trainer.preview.skill":          "skill",
		"trainer.preview.difficulty":     "difficulty %d",
		"trainer.preview.points":         "points %s",
		"trainer.preview.key":            "Key",
		"trainer.preview.score":          "score %d",
		"trainer.preview.feedback":       "feedback",
		"trainer.preview.explanation":    "Explanation",
		"trainer.preview.no-explanation": "(no explanation)",
		"trainer.preview.references":     "References",
		"trainer.preview.tags":           "Tags",
		"trainer.preview.type.single":    "single choice",
		"trainer.preview.type.multiple":  "multiple choice",
		"trainer.preview.type.truefalse": "true/false",
		"trainer.preview.type.judgement": "judgement",

		"trainer.new.skeleton": `# yaml-language-server: $schema=bank.schema.json
# A question bank for one government role, in the format asnskill/bank/v1.
# Replace every TODO, then check the file with: asnskill lint %[2]s
# The format: https://github.com/asnskill/asnskill/blob/main/docs/bank-format.md
# Writing questions that measure the skill (and pass lint):
# https://github.com/asnskill/asnskill/blob/main/docs/writing-questions.md
# Text that people read may be written in Indonesian (id) and English (en),
# as below, or as one plain string in the bank's language.

# The format of this file: always asnskill/bank/v1.
format: asnskill/bank/v1
# The bank's id: lowercase letters, digits and single hyphens, at most 40
# characters, unique among the banks you load.
id: %[1]s
# The version of the content (MAJOR.MINOR.PATCH); raise it when you change
# questions.
version: 0.1.0
# The language of plain strings: id (default) or en.
language: id
# The languages the bank is written in (default: both). A bank written in
# one language only says so, and lint stops asking for the other:
# languages: [id]
# The name of the role.
title:
  id: "TODO: nama jabatan"
  en: "TODO: name of the role"
# Two or three sentences: what the role does in government.
summary:
  id: "TODO: dua atau tiga kalimat tentang tugas jabatan ini di pemerintahan."
  en: "TODO: two or three sentences on what this role does in government."
# Who wrote the bank (optional).
authors:
  - "TODO: your name"
# The licence of the content as an SPDX identifier (optional).
license: CC-BY-4.0
# The overall percent needed to pass, 0 to 100 (default 65).
passing_score: 65
# Suggested time for the whole quiz, e.g. 30m or 1h (default: one minute
# per question).
time_limit: 10m
# How many questions a default quiz draws (default: 20, or all if fewer).
quiz_size: 4
# levels is left out, so the five default bands apply: 1 Foundational from
# 0 percent, 2 Developing from 40, 3 Proficient from 60, 4 Advanced from 75,
# 5 Expert from 90. To change them, list every band with level, min, name.
# calibration: written by 'asnskill calibrate --write' (date, sample_size,
# method) together with each question's irt; never by hand.

# The skills the role needs; every skill needs questions.
skills:
    # The skill's id, used by the questions: same rules as the bank id.
  - id: skill-one
    # The name of the skill.
    name:
      id: "TODO: nama keterampilan"
      en: "TODO: name of the skill"
    # What the skill covers (optional).
    description:
      id: "TODO: apa yang dicakup keterampilan ini."
      en: "TODO: what this skill covers."
    # How much the skill matters for this role, above 0 (default 1); it
    # orders gaps and recommendations.
    weight: 1
    # The level, 1 to 5, that this role needs.
    target_level: 3
    # Optional: the skill's own pass mark in percent; below it the candidate
    # fails whatever the total. Remove the # to use it.
    # pass_min: 50
    # What to study when the skill falls short: at least one for every level
    # below target_level.
    recommendations:
        # The achieved levels at which this recommendation is shown.
      - for_levels: [1, 2]
        # course, reading, practice, certification, community or regulation.
        kind: course
        title:
          id: "TODO: judul kursus atau bacaan"
          en: "TODO: title of the course or reading"
        # Who offers it (optional).
        provider: "TODO: provider"
        # A link (optional, https:// only).
        url: "https://example.org/TODO"
        # Rough study time in hours (optional).
        hours: 10
        # One sentence: what it fixes (optional).
        why:
          id: "TODO: apa yang diperbaiki."
          en: "TODO: what it fixes."

# The questions. Each option's letter (A to F) is its position in the list.
questions:
    # A single-choice question: exactly one option has correct: true.
  - id: skill-one-001
    # The skill this question measures: a skill id above.
    skill: skill-one
    # single (default), multiple, truefalse or judgement.
    type: single
    # 1 easy, 2 medium (default), 3 hard.
    difficulty: 1
    # Points: above 0, default equal to the difficulty. Remove the # to use.
    # points: 1
    prompt:
      id: "TODO: teks soal pilihan tunggal?"
      en: "TODO: text of the single-choice question?"
    # 2 to 6 options.
    options:
      - text:
          id: "TODO: pilihan A"
          en: "TODO: option A"
        # Why this option is right or wrong (optional).
        feedback:
          id: "TODO: mengapa pilihan ini keliru."
          en: "TODO: why this option is wrong."
      - text:
          id: "TODO: pilihan B (kunci)"
          en: "TODO: option B (the key)"
        correct: true
      - text:
          id: "TODO: pilihan C"
          en: "TODO: option C"
      - text:
          id: "TODO: pilihan D"
          en: "TODO: option D"
    # Why the key is right; shown after answering.
    explanation:
      id: "TODO: mengapa kuncinya benar."
      en: "TODO: why the key is right."
    # Laws, standards or sources (optional).
    references:
      - "TODO: e.g. UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 20"
    # Free labels (optional).
    tags: ["todo"]
    # irt: the question's thresholds and their standard errors, written by
    # 'asnskill calibrate --write' from answer sheets, not by hand.

    # A multiple-choice question: at least one option correct and at least
    # one wrong; the score is (right chosen - wrong chosen) / all right ones.
  - id: skill-one-002
    skill: skill-one
    type: multiple
    prompt:
      id: "TODO: teks soal pilihan ganda kompleks (pilih semua yang benar)?"
      en: "TODO: text of the multiple-choice question (choose all that apply)?"
    options:
      - text:
          id: "TODO: pernyataan benar pertama"
          en: "TODO: first right statement"
        correct: true
      - text:
          id: "TODO: pernyataan keliru"
          en: "TODO: wrong statement"
      - text:
          id: "TODO: pernyataan benar kedua"
          en: "TODO: second right statement"
        correct: true
    explanation:
      id: "TODO: mengapa pilihan A dan C benar."
      en: "TODO: why options A and C are right."

    # A true/false question: exactly two options, one correct.
  - id: skill-one-003
    skill: skill-one
    type: truefalse
    prompt:
      id: "TODO: pernyataan yang benar atau salah."
      en: "TODO: a statement that is true or false."
    options:
      - text:
          id: "Benar"
          en: "True"
        correct: true
      - text:
          id: "Salah"
          en: "False"
    explanation:
      id: "TODO: mengapa pernyataan itu benar."
      en: "TODO: why the statement is true."

    # A situational-judgement question, as in the TKP part of the
    # civil-service test: every option has a score from 1 to 5 and no
    # option has correct; the best option earns all the points.
  - id: skill-one-004
    skill: skill-one
    type: judgement
    difficulty: 2
    prompt:
      id: "TODO: situasi kerja; apa yang Anda lakukan?"
      en: "TODO: a situation at work; what do you do?"
    options:
      - text:
          id: "TODO: tindakan terbaik"
          en: "TODO: the best action"
        score: 5
      - text:
          id: "TODO: tindakan yang cukup baik"
          en: "TODO: a fair action"
        score: 3
      - text:
          id: "TODO: tindakan yang lemah"
          en: "TODO: a weak action"
        score: 2
      - text:
          id: "TODO: tindakan terburuk"
          en: "TODO: the worst action"
        score: 1
    explanation:
      id: "TODO: mengapa tindakan terbaik paling tepat."
      en: "TODO: why the best action is the most fitting."
`,
	})
}
