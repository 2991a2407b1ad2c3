package history

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// ExportFormat names the shape of `history -o json`.
const ExportFormat = "asnskill/history/v1"

// Export is everything held about the user that the filter selects: the
// output of `history -o json`.
type Export struct {
	Format     string       `json:"format"`
	Database   string       `json:"database"`
	ExportedAt time.Time    `json:"exported_at"`
	Filter     ExportFilter `json:"filter"`
	Attempts   []Record     `json:"attempts"`
	// Trends are each skill's percent over the finished attempts selected,
	// per bank and mode (exam and practice apart; review drills and
	// unfinished attempts are in none), in the order the attempts finished,
	// each naming the attempts it uses.
	Trends []Trend `json:"trends"`
	// Reviews is the review schedule: every question it holds on the
	// selected bank (in review, retired, or never wrong), whatever --since
	// says.
	Reviews []Review `json:"reviews"`
	// Answers is every answer recorded for the schedule, oldest first.
	Answers []ReviewAnswer `json:"review_answers"`
}

// ReviewAnswer is one answer recorded for the review schedule.
type ReviewAnswer struct {
	Bank     string    `json:"bank"`
	Question string    `json:"question"`
	Correct  bool      `json:"correct"`
	At       time.Time `json:"at"`
	Attempt  int64     `json:"attempt,omitempty"`
}

// ExportFilter records what was asked for.
type ExportFilter struct {
	Bank  string     `json:"bank,omitempty"`
	Since *time.Time `json:"since,omitempty"`
}

// Record is one attempt as stored.
type Record struct {
	ID         int64      `json:"id"`
	Status     string     `json:"status"` // "finished" or "unfinished"
	Bank       BankRef    `json:"bank"`
	Mode       string     `json:"mode"`
	Seed       int64      `json:"seed"`
	Candidate  string     `json:"candidate"`
	Lang       string     `json:"lang"`
	StartedAt  time.Time  `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
	// TimeLimitMS is the exam time limit (0: none); RemainingMS the time
	// left where an unfinished attempt stopped.
	TimeLimitMS int64 `json:"time_limit_ms"`
	RemainingMS int64 `json:"remaining_ms"`
	// Current is the index in Questions where the candidate last was.
	Current   int           `json:"current"`
	Questions []QuestionRef `json:"questions"`
	Answers   []AnswerRec   `json:"answers"`
	Answered  int           `json:"answered"`
	Percent   *float64      `json:"percent"`
	Passed    *bool         `json:"passed"`
	Skills    []SkillRec    `json:"skills"`
	// Result is the stored result document (asnskill/result/v1), or null.
	Result json.RawMessage `json:"result"`
}

// BankRef identifies the bank an attempt was taken on.
type BankRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// QuestionRef is a question drawn, with the option order shown (null: the
// bank's order).
type QuestionRef struct {
	ID          string   `json:"id"`
	OptionOrder []string `json:"option_order"`
}

// AnswerRec is the latest answer to one question.
type AnswerRec struct {
	Question string   `json:"question"`
	Position int      `json:"position"`
	Response []string `json:"response"`
	Flagged  bool     `json:"flagged"`
	Seconds  float64  `json:"seconds"`
}

// SkillRec is one skill's score in a finished attempt.
type SkillRec struct {
	Skill   string  `json:"skill"`
	Percent float64 `json:"percent"`
	Level   int     `json:"level"`
}

// Trend is one skill's series on one bank in one mode.
type Trend struct {
	Bank  string `json:"bank"`
	Mode  string `json:"mode"`
	Skill string `json:"skill"`
	// Attempts are the attempts the series is drawn from, in its order.
	Attempts []int64      `json:"attempts"`
	Series   []TrendPoint `json:"series"`
}

// inTrends reports whether an attempt's skill scores belong in the trends:
// finished, and taken as a practice or an exam (a review drill asks only
// the questions once missed, so its percent says nothing of progress).
func inTrends(a store.Attempt) bool {
	return a.Finished() && len(a.Skills) > 0 && (a.Mode == "practice" || a.Mode == "exam")
}

// TrendPoint is the skill's score in one attempt.
type TrendPoint struct {
	Attempt    int64     `json:"attempt"`
	FinishedAt time.Time `json:"finished_at"`
	Percent    float64   `json:"percent"`
	Level      int       `json:"level"`
}

// Review is one question's place in the review schedule.
type Review struct {
	Bank        string     `json:"bank"`
	Question    string     `json:"question"`
	Box         int        `json:"box"`
	Retired     bool       `json:"retired"`
	DueAt       *time.Time `json:"due_at"`
	Right       int        `json:"right"`
	Wrong       int        `json:"wrong"`
	LastAt      time.Time  `json:"last_at"`
	LastCorrect bool       `json:"last_correct"`
}

// resultSummary is what the list needs from a stored result.
type resultSummary struct {
	Score struct {
		Percent float64 `json:"percent"`
		Passed  bool    `json:"passed"`
	} `json:"score"`
}

// NewRecord converts a stored attempt.
func NewRecord(a store.Attempt) Record {
	r := Record{
		ID: a.ID, Status: "unfinished",
		Bank: BankRef{ID: a.BankID, Version: a.BankVersion, SHA256: a.BankSHA256},
		Mode: a.Mode, Seed: a.Seed, Candidate: a.Candidate, Lang: a.Lang,
		StartedAt: a.StartedAt.UTC(), TimeLimitMS: a.TimeLimit.Milliseconds(),
		RemainingMS: a.Remaining.Milliseconds(), Current: a.Current,
		Questions: []QuestionRef{}, Answers: []AnswerRec{}, Skills: []SkillRec{},
	}
	for i, q := range a.Questions {
		qr := QuestionRef{ID: q}
		if a.OptionOrder != nil && i < len(a.OptionOrder) {
			qr.OptionOrder = a.OptionOrder[i]
		}
		r.Questions = append(r.Questions, qr)
	}
	for _, ans := range a.Answers {
		resp := ans.Response
		if resp == nil {
			resp = []string{}
		}
		r.Answers = append(r.Answers, AnswerRec{Question: ans.Question, Position: ans.Position,
			Response: resp, Flagged: ans.Flagged, Seconds: ans.Seconds})
		if len(ans.Response) > 0 {
			r.Answered++
		}
	}
	if a.Finished() {
		r.Status = "finished"
		at := a.FinishedAt.UTC()
		r.FinishedAt = &at
		pct := a.Percent
		r.Percent = &pct
		for _, s := range a.Skills {
			r.Skills = append(r.Skills, SkillRec{Skill: s.Skill, Percent: s.Percent, Level: s.Level})
		}
	}
	if len(a.Result) > 0 && json.Valid(a.Result) {
		r.Result = a.Result
		var sum resultSummary
		if json.Unmarshal(a.Result, &sum) == nil {
			passed := sum.Score.Passed
			r.Passed = &passed
		}
	}
	return r
}

// Trends computes each skill's series from the finished practice and exam
// attempts, per bank and mode (banks in id order, then practice before exam,
// skills in the order they were first scored). A skill scored on too few
// questions to have a level (docs/scoring.md) adds no point.
func Trends(attempts []store.Attempt) []Trend {
	done := make([]store.Attempt, 0, len(attempts))
	for _, a := range attempts {
		if inTrends(a) {
			done = append(done, a)
		}
	}
	sort.SliceStable(done, func(i, j int) bool {
		if !done[i].FinishedAt.Equal(done[j].FinishedAt) {
			return done[i].FinishedAt.Before(done[j].FinishedAt)
		}
		return done[i].ID < done[j].ID
	})
	type key struct{ bank, mode, skill string }
	index := map[key]int{}
	var out []Trend
	for _, a := range done {
		for _, s := range a.Skills {
			if s.Level == 0 {
				continue
			}
			k := key{a.BankID, a.Mode, s.Skill}
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, Trend{Bank: a.BankID, Mode: a.Mode, Skill: s.Skill})
			}
			out[i].Attempts = append(out[i].Attempts, a.ID)
			out[i].Series = append(out[i].Series, TrendPoint{Attempt: a.ID, FinishedAt: a.FinishedAt.UTC(), Percent: s.Percent, Level: s.Level})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Bank != out[j].Bank {
			return out[i].Bank < out[j].Bank
		}
		return out[i].Mode > out[j].Mode // practice, then exam
	})
	if out == nil {
		out = []Trend{}
	}
	return out
}

// sparkLevels draws a percent from 0 to 100.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// maxSpark is how many of the latest points a sparkline shows.
const maxSpark = 24

// Sparkline draws percents (0 to 100, on that fixed scale so that one glyph
// always means the same score) as one block per point; a longer series shows
// its latest maxSpark points after an ellipsis.
func Sparkline(percents []float64) string {
	var b strings.Builder
	if len(percents) > maxSpark {
		b.WriteString("…")
		percents = percents[len(percents)-maxSpark:]
	}
	top := len(sparkLevels) - 1
	for _, v := range percents {
		if math.IsNaN(v) {
			v = 0
		}
		i := int(math.Round(v / 100 * float64(top)))
		b.WriteRune(sparkLevels[max(0, min(i, top))])
	}
	return b.String()
}

func runList(opts *Options) error {
	f := opts.F
	s, path, err := openExisting(f)
	if err != nil {
		return err
	}
	var attempts []store.Attempt
	var reviews []store.ReviewItem
	var events []store.ReviewEvent
	if s != nil {
		defer s.Close()
		attempts, err = s.List(store.Filter{BankID: opts.BankID, Since: opts.Since})
		if err != nil {
			return storeError(f.Printer(), path, err)
		}
		if opts.Output.Value == "json" {
			if reviews, err = s.Reviews(opts.BankID); err != nil {
				return storeError(f.Printer(), path, err)
			}
			if events, err = s.ReviewEvents(opts.BankID); err != nil {
				return storeError(f.Printer(), path, err)
			}
		}
	}
	if len(attempts) == 0 {
		tellEmpty(opts, s == nil)
	}
	switch opts.Output.Value {
	case "json":
		return writeExport(opts, path, attempts, reviews, events)
	case "csv":
		return writeCSV(opts, attempts)
	}
	if len(attempts) == 0 {
		return nil
	}
	return writeTable(opts, attempts)
}

// farFuture is a time every due date precedes: DueReviews up to it lists
// every question in review.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// tellEmpty says on stderr why the list is empty.
func tellEmpty(opts *Options, noDB bool) {
	f := opts.F
	p := f.Printer()
	if noDB || (opts.BankID == "" && opts.Since.IsZero()) {
		noHistory(f)
		return
	}
	fmt.Fprintln(f.IO.ErrOut, p.T("history.none-match"))
}

func writeExport(opts *Options, path string, attempts []store.Attempt, reviews []store.ReviewItem, events []store.ReviewEvent) error {
	f := opts.F
	e := Export{
		Format: ExportFormat, Database: path, ExportedAt: f.Now().UTC().Truncate(time.Millisecond),
		Filter:   ExportFilter{Bank: opts.BankID},
		Attempts: []Record{}, Trends: Trends(attempts), Reviews: []Review{}, Answers: []ReviewAnswer{},
	}
	for _, ev := range events {
		e.Answers = append(e.Answers, ReviewAnswer{Bank: ev.BankID, Question: ev.Question, Correct: ev.Correct, At: ev.At.UTC(), Attempt: ev.AttemptID})
	}
	if !opts.Since.IsZero() {
		since := opts.Since.UTC()
		e.Filter.Since = &since
	}
	for _, a := range attempts {
		e.Attempts = append(e.Attempts, NewRecord(a))
	}
	for _, r := range reviews {
		rv := Review{Bank: r.BankID, Question: r.Question, Box: r.Box, Retired: r.Retired, Right: r.Right, Wrong: r.Wrong,
			LastAt: r.LastAt.UTC(), LastCorrect: r.LastCorrect}
		if !r.Due.IsZero() {
			due := r.Due.UTC()
			rv.DueAt = &due
		}
		e.Reviews = append(e.Reviews, rv)
	}
	return writeJSON(f.IO.Out, e)
}

// writeJSON writes v indented, with the characters a terminal would act on
// (DEL, C1 controls, bidirectional and zero-width characters) escaped as
// \uXXXX: the same JSON value, harmless to print. encoding/json already
// escapes the C0 controls.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSON(buf.Bytes()))
	return err
}

// escapeJSON rewrites unsafe runes of encoded JSON as \u escapes. They can
// only stand inside strings, where the escape means the same rune.
func escapeJSON(b []byte) []byte {
	clean := true
	for _, r := range string(b) {
		if r >= 0x7f && textsafe.Classify(r) != textsafe.Safe {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x7f && textsafe.Classify(r) != textsafe.Safe {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// csvHeader is the header of `history -o csv`.
var csvHeader = []string{"id", "status", "started_at", "finished_at", "bank", "bank_version", "mode",
	"candidate", "questions", "answered", "percent", "passed"}

func writeCSV(opts *Options, attempts []store.Attempt) error {
	f := opts.F
	tty := f.IO.IsStdoutTTY()
	text := func(s string) string {
		if tty {
			s = textsafe.Line(s)
		}
		if !opts.RawCSV {
			s = textsafe.CSVCell(s)
		}
		return s
	}
	w := csv.NewWriter(f.IO.Out)
	if err := w.Write(csvHeader); err != nil {
		return err
	}
	for _, a := range attempts {
		r := NewRecord(a)
		finished, percent, passed := "", "", ""
		if r.FinishedAt != nil {
			finished = r.FinishedAt.Format(time.RFC3339)
		}
		if r.Percent != nil {
			percent = strconv.FormatFloat(*r.Percent, 'f', 1, 64)
		}
		if r.Passed != nil {
			passed = strconv.FormatBool(*r.Passed)
		}
		if err := w.Write([]string{
			strconv.FormatInt(r.ID, 10), r.Status, r.StartedAt.Format(time.RFC3339), finished,
			text(r.Bank.ID), text(r.Bank.Version), text(r.Mode), text(r.Candidate),
			strconv.Itoa(len(r.Questions)), strconv.Itoa(r.Answered), percent, passed,
		}); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// dateLayout shows when an attempt started, in the user's time zone.
const dateLayout = "2006-01-02 15:04"

func writeTable(opts *Options, attempts []store.Attempt) error {
	f := opts.F
	p := f.Printer()
	loc := f.Now().Location()
	tty := f.IO.IsStdoutTTY()
	t := tableprinter.New(f.IO.Out, tty, f.IO.TerminalWidth())
	t.Header(p.T("history.col.id"), p.T("history.col.date"), p.T("history.col.bank"), p.T("history.col.mode"),
		p.T("history.col.percent"), p.T("history.col.passed"))
	t.AlignRight(0)
	t.AlignRight(4)
	// People read the role's title (wrapped); pipes keep the bank id.
	names := &bankNames{f: f}
	t.Wrap(2)
	for _, a := range attempts {
		r := NewRecord(a)
		percent, passed := "—", "—"
		if r.Percent != nil {
			percent = p.Percent(*r.Percent)
		}
		switch {
		case r.FinishedAt == nil:
			passed = p.T("history.unfinished", r.Answered, len(r.Questions))
		case r.Passed != nil && *r.Passed:
			passed = p.T("history.yes")
		case r.Passed != nil:
			passed = p.T("history.no")
		}
		bankCell := a.BankID
		if tty {
			bankCell = names.title(a.BankID)
		}
		t.Row(strconv.FormatInt(a.ID, 10), a.StartedAt.In(loc).Format(dateLayout), bankCell,
			modeName(p, a.Mode), percent, passed)
	}
	if err := t.Render(); err != nil {
		return err
	}
	// In a pipe the rows alone, for cut and awk; the trend is for people
	// (and in -o json).
	if !tty {
		return nil
	}
	trends := Trends(attempts)
	if len(trends) == 0 {
		return nil
	}
	return writeTrends(f.IO.Out, f, p, trends)
}

func writeTrends(w io.Writer, f *cmdutil.Factory, p i18n.Printer, trends []Trend) error {
	names := &bankNames{f: f}
	if _, err := fmt.Fprintf(w, "\n%s\n", p.T("history.trend-title")); err != nil {
		return err
	}
	// One small table per role and mode, under the role's title: the title
	// once, not on every skill's row.
	for start := 0; start < len(trends); {
		end := start + 1
		for end < len(trends) && trends[end].Bank == trends[start].Bank && trends[end].Mode == trends[start].Mode {
			end++
		}
		head := textsafe.Line(names.title(trends[start].Bank)) + " · " + modeName(p, trends[start].Mode)
		if _, err := fmt.Fprintf(w, "\n%s\n", head); err != nil {
			return err
		}
		t := tableprinter.New(w, true, f.IO.TerminalWidth())
		t.Header(p.T("history.col.skill"), p.T("history.col.trend"), p.T("history.col.first-last"))
		t.Wrap(0)
		for _, tr := range trends[start:end] {
			pcts := make([]float64, len(tr.Series))
			for i, pt := range tr.Series {
				pcts[i] = pt.Percent
			}
			first, last := pcts[0], pcts[len(pcts)-1]
			change := p.Percent(last)
			if len(pcts) > 1 {
				change = p.Percent(first) + " → " + p.Percent(last)
				if d := last - first; math.Abs(d) >= 0.05 {
					change += " (" + signed(p, d) + ")"
				}
			}
			t.Row(names.skill(tr.Bank, tr.Skill), Sparkline(pcts), change)
		}
		if err := t.Render(); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// signed writes a change with its sign: "+30,0".
func signed(p i18n.Printer, d float64) string {
	if d >= 0 {
		return "+" + p.Decimal(d, 1)
	}
	return p.Decimal(d, 1)
}
