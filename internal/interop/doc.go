// Package interop moves questions between asnskill banks and the formats
// trainers already use: Moodle's GIFT, Aiken and Moodle XML (import and
// export) and IMS QTI 2.1 content packages (export). It also writes a bank
// back to YAML in the asnskill/bank/v1 format (WriteBank), which is how an
// importer's result reaches the user.
//
// # Importing
//
// ReadGIFT, ReadAiken and ReadMoodleXML build a *bank.Bank from a source
// file. What the source lacks comes from ImportOptions: the bank id (--id,
// else the file name), the skill of questions outside any category (--skill)
// and the language of the source text (--lang). Every imported skill gets
// target level 3 and one recommendation for levels 1 and 2 whose title starts
// with "TODO:", and the bank's title and summary start with "TODO:" too, so
// the written bank decodes without errors and the trainer sees what to fill
// in.
//
//   - Categories ($CATEGORY: in GIFT, <question type="category"> in Moodle
//     XML) become skills. The skill's name is the last part of the category
//     path; its id is the category's id number ([id:…] in a GIFT comment,
//     <idnumber> in Moodle XML) when that is a valid id, else the name
//     slugified. Categories without questions are dropped.
//   - Question names become ids the same way: the id number ([id:…] or
//     <idnumber>) when valid, else the slugified name, else q-001, q-002, …;
//     ids are made unique (-2, -3, …) and kept within 40 characters.
//   - Per-option feedback becomes the option's feedback; general feedback
//     (#### in GIFT, <generalfeedback>) becomes the explanation; tags
//     ([tag:…], <tags>) become tags; Moodle's <defaultgrade> becomes points.
//   - Text is converted to the bank's Markdown subset: GIFT escapes
//     (\~ \= \# \{ \} \: \\ and \n) are undone; HTML (GIFT [html] and
//     [moodle] text, Moodle XML html and moodle_auto_format) becomes
//     Markdown: <b>/<strong> → **, <i>/<em> → *, <code> → `, <pre> → a fenced
//     block, <br> → a line break, <p>, <div>, <li> … → paragraphs, a link
//     → its text followed by the address in brackets, other tags are
//     dropped (images with a warning) and entities are decoded. [plain] and
//     [markdown] text is kept as written. Control characters are removed
//     with a warning.
//   - True/false questions become truefalse questions whose options are
//     "Benar"/"Salah" (id) or "True"/"False" (en), true first. In GIFT
//     {T#a#b}, a is the feedback for the wrong choice and b for the right one.
//
// Multiple-choice weights (GIFT =, ~, ~%w%; Moodle fraction, in percent) map
// to question types by these rules:
//
//   - single-answer mode (GIFT: the answers hold an =; Moodle XML:
//     <single>true</single>): exactly one option at 100% and the others at
//     0% or less → single; otherwise (partial credit) → judgement.
//   - multiple-answer mode (GIFT: no =; Moodle XML: <single>false</single>):
//     the positive weights add up to 100% → multiple, every positive option
//     correct (unequal shares are warned about: asnskill gives each correct
//     option the same share); one option at 100% with the others between →
//     judgement (with a warning: the question becomes single-choice); any
//     other mix → multiple with the positive options correct, with a warning.
//   - no option above 0% → skipped with a warning.
//
// Judgement scores keep the weights' ratios: with w the weight of an option
// and W the highest weight, the score is w/W × m for the largest m in 1..5
// that makes every score a whole number from 1 to m. When there is none
// (an option at 0% or less, or odd ratios) the score is round(5 × w/W)
// clamped to 1..5; an option at 0% or less thus earns 1/5 of the points,
// since the judgement scale has no zero, and the question is warned about.
// Exported weights (score/max × 100) therefore import back to the same
// ratios, and 1..5 scales back to the same scores.
//
// Questions of types asnskill does not have (essay, matching, numerical,
// short answer, cloze, description, and Moodle's other types) are skipped,
// each with a warning that names the question and its line, as are
// questions with fewer than 2 or more than 6 options. A file that cannot be
// read (a brace without its partner, an Aiken question without ANSWER, XML
// that is not well formed) is an *Error located at FILE:LINE.
//
// # Exporting
//
// WriteGIFT, WriteMoodleXML and WriteQTI write one language of a bank
// (ExportOptions.Lang, falling back like the quiz does). Losses lists what a
// format cannot carry (levels, recommendations, skill weights and targets,
// the other language, …) so the command can name every loss.
//
//   - GIFT: one $CATEGORY per skill (the skill id in a // [id:…] comment),
//     the question id as the name and in // [id:…], tags as [tag:…], text in
//     [markdown] with GIFT escapes; single: = and ~; multiple: ~%w% with the
//     correct options sharing 100% and the wrong ones at −100%/|correct|;
//     judgement: = for the best option and ~%w% with w = score/max × 100;
//     truefalse: {TRUE} or {FALSE} with the two feedbacks.
//   - Moodle XML: one category per skill (with <idnumber>), questions with
//     <idnumber>, <defaultgrade> = points, html text, per-option fractions as
//     above (Moodle's partial scoring then gives exactly asnskill's score),
//     feedback and general feedback.
//   - QTI 2.1: a zip with imsmanifest.xml, an assessmentTest with one section
//     per skill, and one assessmentItem per question: a responseDeclaration
//     with the correct response (cardinality multiple for multiple
//     questions) and a mapping whose mapEntry values give asnskill's score
//     in points (judgement: points × score/max), modal feedback per option
//     and the explanation.
package interop
