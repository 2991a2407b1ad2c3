package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/report"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// runAttempt shows one attempt: a finished one as `asnskill report` shows
// its result (and -o json is that result, which `asnskill report` reads
// back); an unfinished one as its progress, with how to continue it (and -o
// json is its record, as in the export).
func runAttempt(opts *Options) error {
	f := opts.F
	p := f.Printer()
	s, path, err := openExisting(f)
	if err != nil {
		return err
	}
	if s == nil {
		return cmdutil.Errorf(p.T("history.none.hint"), "%s", p.T("history.no-attempt", opts.ID))
	}
	defer s.Close()
	a, err := s.Attempt(opts.ID)
	if errors.Is(err, store.ErrNotFound) {
		return cmdutil.Errorf(p.T("history.no-attempt.hint"), "%s", p.T("history.no-attempt", opts.ID))
	}
	if err != nil {
		return storeError(p, path, err)
	}
	if !a.Finished() {
		if opts.Output.Value == "json" {
			return writeJSON(f.IO.Out, NewRecord(a))
		}
		return writeProgress(opts, a)
	}
	if len(a.Result) == 0 {
		if opts.Output.Value == "json" {
			return writeJSON(f.IO.Out, NewRecord(a))
		}
		return writeSkillsOnly(opts, a)
	}
	r, err := decodeResult(a.Result)
	if err != nil {
		return cmdutil.Errorf(p.T("history.bad-result.hint"), "%s", p.T("history.bad-result", a.ID, path, err.Error()))
	}
	names := &bankNames{f: f}
	b := names.get(r.Bank.ID)
	scoring.Upgrade(r, b) // a result kept before gap status and counts existed
	if opts.Output.Value == "json" {
		return report.JSON(f.IO.Out, r)
	}
	o := report.Options{Lang: f.Lang(), Color: f.IO.ColorEnabled(), Width: f.IO.TerminalWidth() - 1, Bank: b} // as the quiz: the last column is left free
	if opts.Output.Value == "markdown" {
		return report.Markdown(f.IO.Out, r, o)
	}
	fmt.Fprintln(f.IO.Out, p.T("history.attempt-head", a.ID, a.StartedAt.In(f.Now().Location()).Format(dateLayout)))
	return report.Text(f.IO.Out, r, o)
}

// decodeResult reads a stored result and checks it is one.
func decodeResult(raw []byte) (*scoring.Result, error) {
	var r scoring.Result
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&r); err != nil {
		return nil, err
	}
	if r.Format != scoring.ResultFormat {
		return nil, fmt.Errorf("format %q, not %s", textsafe.Line(r.Format), scoring.ResultFormat)
	}
	return &r, nil
}

// attemptLines describes an attempt in a few lines of plain text.
func attemptLines(p i18n.Printer, a store.Attempt, loc *time.Location) []string {
	head := p.T("history.attempt-title", a.ID, textsafe.Line(a.BankID), textsafe.Line(a.BankVersion))
	meta := []string{
		p.T("report.mode", textsafe.Line(modeName(p, a.Mode))),
		p.T("history.started", a.StartedAt.In(loc).Format(dateLayout)),
	}
	if a.Candidate != "" {
		meta = append([]string{p.T("report.candidate", textsafe.Line(a.Candidate))}, meta...)
	}
	return []string{head, strings.Join(meta, " · ")}
}

// writeProgress shows where an unfinished attempt stopped.
func writeProgress(opts *Options, a store.Attempt) error {
	f := opts.F
	p := f.Printer()
	r := NewRecord(a)
	flagged := 0
	for _, ans := range a.Answers {
		if ans.Flagged {
			flagged++
		}
	}
	lines := attemptLines(p, a, f.Now().Location())
	progress := p.T("history.progress", r.Answered, len(a.Questions))
	if flagged > 0 {
		progress += " · " + p.T("history.flagged", flagged)
	}
	if a.TimeLimit > 0 {
		progress += " · " + p.T("history.time-left", a.Remaining.Round(time.Second).String())
	}
	lines = append(lines, progress, p.T("history.resume", a.ID))
	md := opts.Output.Value == "markdown"
	var b strings.Builder
	writeLines(&b, lines, md)
	_, err := fmt.Fprint(f.IO.Out, b.String())
	return err
}

// writeSkillsOnly shows a finished attempt that has no result document (a
// review drill, say): its percent and skill scores.
func writeSkillsOnly(opts *Options, a store.Attempt) error {
	f := opts.F
	p := f.Printer()
	names := &bankNames{f: f}
	lines := attemptLines(p, a, f.Now().Location())
	lines = append(lines, p.T("history.percent", p.Percent(a.Percent)))
	md := opts.Output.Value == "markdown"
	var b strings.Builder
	writeLines(&b, lines, md)
	for _, s := range a.Skills {
		l := fmt.Sprintf("%s: %s (%s)", textsafe.Line(names.skill(a.BankID, s.Skill)), p.Percent(s.Percent), p.T("history.level", s.Level))
		if md {
			l = "- " + report.MarkdownText(l)
		} else {
			l = "  " + l
		}
		b.WriteString(l + "\n")
	}
	_, err := fmt.Fprint(f.IO.Out, b.String())
	return err
}

// writeLines writes an attempt's heading and facts: as text lines, or in
// Markdown as a heading and a list.
func writeLines(b *strings.Builder, lines []string, md bool) {
	for i, l := range lines {
		switch {
		case md && i == 0:
			b.WriteString("# " + report.MarkdownText(l) + "\n\n")
		case md:
			b.WriteString("- " + report.MarkdownText(l) + "\n")
		default:
			b.WriteString(l + "\n")
		}
	}
}
