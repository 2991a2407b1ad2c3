// Package preview implements `asnskill preview`: every question of a bank in
// file order with its options, key, feedback and explanation, as text or
// Markdown, for the author or a colleague to proofread. Every piece of bank
// text goes through textsafe before it is printed.
package preview

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Options are the preview command's inputs.
type Options struct {
	F      *cmdutil.Factory
	Bank   string // id or path
	Output *cmdutil.EnumFlag
}

// NewCmdPreview builds the preview command; runF replaces the run in tests.
func NewCmdPreview(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("text", "text", "markdown")}
	cmd := &cobra.Command{
		Use:     "preview <bank>",
		Short:   p.T("trainer.preview.short"),
		Long:    p.T("trainer.preview.long"),
		Example: "  $ asnskill preview cyber-security\n  $ asnskill preview ./bank-saya.yaml -o markdown > bank-saya.md\n  $ asnskill --lang en preview data-analyst | less",
		Args:    cmdutil.ExactArgs(1, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bank = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().VarP(opts.Output, "output", "o", p.T("flag.output"))
	return cmd
}

// Run prints the bank.
func Run(opts *Options) error {
	f := opts.F
	b, err := f.Bank(opts.Bank)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f.IO.Out)
	pr := &printer{w: w, p: f.Printer(), lang: f.Lang(), b: b}
	if opts.Output.Value == "markdown" {
		pr.markdown()
	} else {
		pr.text()
	}
	return w.Flush()
}

type printer struct {
	w    io.Writer
	p    i18n.Printer
	lang string
	b    *bank.Bank
}

func (pr *printer) get(t i18n.Text) string {
	return textsafe.Display(strings.TrimSpace(t.Get(pr.lang)))
}

func (pr *printer) line(t i18n.Text) string { return textsafe.Line(strings.TrimSpace(t.Get(pr.lang))) }

// indent puts prefix before every line but the first.
func indent(s, prefix string) string { return strings.ReplaceAll(s, "\n", "\n"+prefix) }

func (pr *printer) header() string {
	return pr.p.T("trainer.preview.header", textsafe.Line(pr.b.ID), textsafe.Line(pr.b.Version),
		len(pr.b.Questions), len(pr.b.Skills), textsafe.Line(pr.b.Source))
}

// meta describes a question: its skill, type, difficulty and points.
func (pr *printer) meta(q *bank.Question, code func(string) string) string {
	skill := code(textsafe.Line(q.Skill))
	if s := pr.b.Skill(q.Skill); s != nil && !s.Name.Empty() {
		skill = pr.line(s.Name) + " (" + skill + ")"
	}
	return strings.Join([]string{
		pr.p.T("trainer.preview.skill") + ": " + skill,
		pr.p.T("trainer.preview.type." + q.Type),
		pr.p.T("trainer.preview.difficulty", q.Difficulty),
		pr.p.T("trainer.preview.points", strconv.FormatFloat(q.Points, 'f', -1, 64)),
	}, " · ")
}

// key lists the keyed letters; for a judgement question with the score.
func (pr *printer) key(q *bank.Question) string {
	var keys []string
	for i, k := range q.Keyed() {
		if k && i < len(bank.Letters) {
			keys = append(keys, string(bank.Letters[i]))
		}
	}
	s := strings.Join(keys, ", ")
	if q.Type == bank.Judgement {
		s += " (" + pr.p.T("trainer.preview.score", q.MaxScore()) + ")"
	}
	return s
}

func letter(i int) string {
	if i < len(bank.Letters) {
		return string(bank.Letters[i])
	}
	return "?"
}

func (pr *printer) text() {
	w, p := pr.w, pr.p
	fmt.Fprintln(w, pr.line(pr.b.Title))
	fmt.Fprintln(w, pr.header())
	keyed := func(q *bank.Question, i int) bool { return q.Keyed()[i] }
	for n := range pr.b.Questions {
		q := &pr.b.Questions[n]
		fmt.Fprintf(w, "\n[%d/%d] %s · %s\n", n+1, len(pr.b.Questions), textsafe.Line(q.ID), pr.meta(q, func(s string) string { return s }))
		fmt.Fprintln(w, pr.get(q.Prompt))
		fmt.Fprintln(w)
		for i, o := range q.Options {
			mark := "   "
			if keyed(q, i) {
				mark = " * "
			}
			score := ""
			if q.Type == bank.Judgement {
				score = "[" + p.T("trainer.preview.score", o.Score) + "] "
			}
			fmt.Fprintf(w, "%s%s. %s%s\n", mark, letter(i), score, indent(pr.get(o.Text), "      "))
			if !o.Feedback.Empty() {
				fmt.Fprintf(w, "      %s: %s\n", p.T("trainer.preview.feedback"), indent(pr.get(o.Feedback), "        "))
			}
		}
		fmt.Fprintf(w, "\n  %s: %s\n", p.T("trainer.preview.key"), pr.key(q))
		expl := p.T("trainer.preview.no-explanation")
		if !q.Explanation.Empty() {
			expl = pr.get(q.Explanation)
		}
		fmt.Fprintf(w, "  %s: %s\n", p.T("trainer.preview.explanation"), indent(expl, "  "))
		if len(q.References) > 0 {
			fmt.Fprintf(w, "  %s:\n", p.T("trainer.preview.references"))
			for _, r := range q.References {
				fmt.Fprintf(w, "    - %s\n", textsafe.Line(r))
			}
		}
		if len(q.Tags) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", p.T("trainer.preview.tags"), textsafe.Line(strings.Join(q.Tags, ", ")))
		}
	}
}

func (pr *printer) markdown() {
	w, p := pr.w, pr.p
	code := func(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
	fmt.Fprintf(w, "# %s\n\n%s\n", pr.line(pr.b.Title), pr.header())
	for n := range pr.b.Questions {
		q := &pr.b.Questions[n]
		keyed := q.Keyed()
		fmt.Fprintf(w, "\n## %d. %s\n\n", n+1, textsafe.Line(q.ID))
		fmt.Fprintf(w, "*%s*\n\n", pr.meta(q, code))
		fmt.Fprintf(w, "%s\n\n", pr.get(q.Prompt))
		for i, o := range q.Options {
			extra := ""
			if q.Type == bank.Judgement {
				extra = " — " + p.T("trainer.preview.score", o.Score)
			}
			if keyed[i] {
				extra += " — **" + p.T("trainer.preview.key") + "**"
			}
			fmt.Fprintf(w, "- **%s.** %s%s\n", letter(i), indent(pr.get(o.Text), "  "), extra)
			if !o.Feedback.Empty() {
				fmt.Fprintf(w, "  - *%s:* %s\n", p.T("trainer.preview.feedback"), indent(pr.get(o.Feedback), "    "))
			}
		}
		fmt.Fprintf(w, "\n**%s:** %s\n\n", p.T("trainer.preview.key"), pr.key(q))
		expl := "*" + p.T("trainer.preview.no-explanation") + "*"
		if !q.Explanation.Empty() {
			expl = pr.get(q.Explanation)
		}
		fmt.Fprintf(w, "**%s:** %s\n", p.T("trainer.preview.explanation"), expl)
		if len(q.References) > 0 {
			fmt.Fprintf(w, "\n**%s:**\n\n", p.T("trainer.preview.references"))
			for _, r := range q.References {
				fmt.Fprintf(w, "- %s\n", textsafe.Line(r))
			}
		}
		if len(q.Tags) > 0 {
			fmt.Fprintf(w, "\n**%s:** %s\n", p.T("trainer.preview.tags"), textsafe.Line(strings.Join(q.Tags, ", ")))
		}
	}
}
