// Package session is one quiz attempt, apart from any screen: the questions
// drawn from a bank, the order their options are shown in, what the candidate
// chose, flagged and how long each question took, the clock of an exam, and
// the scored result.
//
// The candidate may see a question's options shuffled, but every answer is
// kept as the canonical answers.Choice (bit 0 = option A of the bank file),
// so a quiz, a paper sheet and a form score the same way. Scoring is left
// to the scoring package: Result builds a Sheet and calls it, nothing more.
//
// The clock is never read here: every method that needs the time takes it,
// so a screen can use a fake clock and a test can run an hour in a
// microsecond. OnChange is called whenever an answer, a flag or the current
// question changes, so that a history store can commit each answer before
// the next question is shown; Snapshot and Restore carry the whole state as
// plain values so that an interrupted quiz can be resumed.
package session

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
)

// Mode is how the quiz runs.
type Mode string

// ModeAdaptive is how results and the history name an adaptive quiz.
const ModeAdaptive = "adaptive"

const (
	// Practice shows right or wrong and the explanation after each answer.
	Practice Mode = "practice"
	// Exam shows nothing until the end; the candidate moves freely, flags
	// questions and works against the clock.
	Exam Mode = "exam"
)

// Options choose the quiz New draws.
type Options struct {
	Mode   Mode
	Count  int      // questions to draw; ≤ 0: the bank's quiz size
	Skills []string // only these skills (empty: all)
	Seed   int64
	// NoShuffle keeps the bank's order: questions in file order (after the
	// draw) and options as A, B, C… of the file.
	NoShuffle bool
	// TimeLimit is the time for the whole quiz: 0 means the bank's time
	// limit scaled to the number of questions in exam mode and none in
	// practice; a negative value means none.
	TimeLimit time.Duration
	Candidate string
	Lang      string // language of recommendation texts in the result
}

// EventKind says what changed.
type EventKind int

const (
	EventStart   EventKind = iota // the quiz began or resumed
	EventAnswer                   // Choice of question Index changed
	EventConfirm                  // practice: question Index was answered for good
	EventFlag                     // Flagged of question Index changed
	EventMove                     // the candidate left question Index for Current; Seconds is Index's total
	EventFinish                   // the quiz was submitted
	EventAdd                      // an adaptive quiz added question Index
)

func (k EventKind) String() string {
	switch k {
	case EventStart:
		return "start"
	case EventAnswer:
		return "answer"
	case EventConfirm:
		return "confirm"
	case EventFlag:
		return "flag"
	case EventMove:
		return "move"
	case EventFinish:
		return "finish"
	case EventAdd:
		return "add"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is one change, with everything a store needs to record it.
type Event struct {
	Kind     EventKind
	Index    int    // the question concerned (position in the quiz)
	Question string // its id
	Choice   answers.Choice
	Flagged  bool
	Seconds  float64 // total seconds spent on the question so far
	Current  int     // the question shown after the change
	Time     time.Time
}

// Session is one attempt. Its exported fields are its whole state, plain
// values a store may persist; use the methods to change it, so that
// OnChange hears of every change.
type Session struct {
	Bank      *bank.Bank
	Mode      Mode
	Seed      int64
	Shuffled  bool
	Candidate string
	Lang      string

	IDs       []string         // question ids in the order asked
	Orders    [][]int          // Orders[i][k]: canonical option shown at position k of question i
	Choices   []answers.Choice // canonical answers
	Flags     []bool
	Confirmed []bool    // practice: answered for good (feedback shown)
	Seconds   []float64 // time spent on each question
	Current   int

	TimeLimit  time.Duration // 0: none
	Used       time.Duration // quiz time used before the current run
	StartedAt  time.Time     // zero until Start
	FinishedAt time.Time     // zero until Finish

	// SelfLevels are the levels the candidate gave themself, by skill id.
	SelfLevels map[string]int

	// OnChange, when set, is called after every change. An error is
	// returned by the method that made the change (the change stays).
	OnChange func(Event) error

	// Adaptive, when set, makes the quiz adaptive: it starts with one
	// question and Extend asks the selector for each next one.
	Adaptive Selector

	questions []*bank.Question
	running   bool
	runStart  time.Time // when the current run began
	synced    int       // adaptive: questions the selector knows of
	shownAt   time.Time // when the current question was shown
}

// New draws a quiz from b.
func New(b *bank.Bank, o Options) (*Session, error) {
	if err := CheckSkills(b, o.Skills); err != nil {
		return nil, err
	}
	ids := Draw(b, o.Count, o.Skills, o.Seed)
	if o.NoShuffle {
		ids = InBankOrder(b, ids)
	}
	return NewWithQuestions(b, ids, o)
}

// Selector chooses the questions of an adaptive quiz one at a time
// (internal/adaptive). Record hears each answer given, Mark each question
// shown but not answered (a resumed quiz replays both), Next returns the
// next question or false when the quiz is done, and Apply writes its
// estimates into the scored result.
type Selector interface {
	Record(id string, c answers.Choice)
	Mark(id string)
	Next() (id string, ok bool)
	Apply(r *scoring.Result)
}

// NewAdaptive starts an adaptive quiz of b: its first question is the
// selector's first choice. The mode is practice (an adaptive quiz moves
// forward only); o.Count and o.Skills are the selector's business.
func NewAdaptive(b *bank.Bank, sel Selector, o Options) (*Session, error) {
	first, ok := sel.Next()
	if !ok {
		return nil, ErrEmpty
	}
	o.Mode = Practice
	s, err := NewWithQuestions(b, []string{first}, o)
	if err != nil {
		return nil, err
	}
	s.Adaptive = sel
	s.synced = 1
	return s, nil
}

// Sync tells the selector of every question of a restored adaptive quiz:
// the answers given and the question shown last.
func (s *Session) Sync() {
	if s.Adaptive == nil {
		return
	}
	for i, id := range s.IDs {
		if s.Confirmed[i] {
			s.Adaptive.Record(id, s.Choices[i])
		} else {
			s.Adaptive.Mark(id)
		}
	}
	s.synced = len(s.IDs)
}

// Extend adds the adaptive quiz's next question once the last one is
// answered: it reports whether a question was added (false: the quiz is
// done, or the quiz is not adaptive).
func (s *Session) Extend() (bool, error) {
	if s.Adaptive == nil || s.Finished() {
		return false, nil
	}
	last := len(s.IDs) - 1
	if !s.Confirmed[last] {
		return false, nil
	}
	s.Adaptive.Record(s.IDs[last], s.Choices[last])
	id, ok := s.Adaptive.Next()
	if !ok {
		return false, nil
	}
	q := s.Bank.Question(id)
	if q == nil {
		return false, &scoring.UnknownQuestionError{Bank: s.Bank.ID, Question: id}
	}
	s.IDs = append(s.IDs, id)
	s.questions = append(s.questions, q)
	s.Orders = append(s.Orders, OptionOrder(q, s.Seed, s.Shuffled))
	s.Choices = append(s.Choices, 0)
	s.Flags = append(s.Flags, false)
	s.Confirmed = append(s.Confirmed, false)
	s.Seconds = append(s.Seconds, 0)
	s.synced = len(s.IDs)
	return true, s.emit(Event{Kind: EventAdd, Index: len(s.IDs) - 1})
}

// ErrEmpty is a quiz without questions.
var ErrEmpty = errors.New("no questions to ask")

// NewWithQuestions makes a quiz of the given questions, in this order (for
// a review of questions missed before, or a quiz drawn elsewhere); o.Count
// and o.Skills are ignored.
func NewWithQuestions(b *bank.Bank, ids []string, o Options) (*Session, error) {
	if len(ids) == 0 {
		return nil, ErrEmpty
	}
	if o.Mode == "" {
		o.Mode = Practice
	}
	if o.Mode != Practice && o.Mode != Exam {
		return nil, fmt.Errorf("unknown mode %q", o.Mode)
	}
	s := &Session{
		Bank: b, Mode: o.Mode, Seed: o.Seed, Shuffled: !o.NoShuffle, Candidate: o.Candidate, Lang: o.Lang,
		IDs:       slices.Clone(ids),
		Orders:    make([][]int, len(ids)),
		Choices:   make([]answers.Choice, len(ids)),
		Flags:     make([]bool, len(ids)),
		Confirmed: make([]bool, len(ids)),
		Seconds:   make([]float64, len(ids)),
		questions: make([]*bank.Question, len(ids)),
	}
	if s.Lang == "" {
		s.Lang = b.Language
	}
	for i, id := range ids {
		q := b.Question(id)
		if q == nil {
			return nil, &scoring.UnknownQuestionError{Bank: b.ID, Question: id}
		}
		s.questions[i] = q
		s.Orders[i] = OptionOrder(q, o.Seed, !o.NoShuffle)
	}
	switch {
	case o.TimeLimit > 0:
		s.TimeLimit = o.TimeLimit
	case o.TimeLimit == 0 && o.Mode == Exam:
		s.TimeLimit = DefaultTimeLimit(b, len(ids))
	}
	return s, nil
}

// DefaultTimeLimit is the bank's time limit for its full quiz scaled to n
// questions, rounded up to a whole minute.
func DefaultTimeLimit(b *bank.Bank, n int) time.Duration {
	size := b.QuizSize
	if size <= 0 {
		size = len(b.Questions)
	}
	limit := b.TimeLimit
	if limit <= 0 || size <= 0 {
		return time.Duration(n) * time.Minute
	}
	d := time.Duration(float64(limit) * float64(n) / float64(size))
	if r := d % time.Minute; r != 0 {
		d += time.Minute - r
	}
	return max(d, time.Minute)
}

// Len is the number of questions.
func (s *Session) Len() int { return len(s.IDs) }

// Question is the i-th question asked.
func (s *Session) Question(i int) *bank.Question { return s.questions[i] }

// Order is the display order of question i's options (canonical indexes).
func (s *Session) Order(i int) []int { return s.Orders[i] }

// Canonical is the canonical index of the option shown at position k.
func (s *Session) Canonical(i, k int) int { return s.Orders[i][k] }

// Displayed is the position at which canonical option c of question i is shown.
func (s *Session) Displayed(i, c int) int {
	for k, o := range s.Orders[i] {
		if o == c {
			return k
		}
	}
	return -1
}

// ToDisplayed turns a canonical choice into the choice of displayed positions.
func (s *Session) ToDisplayed(i int, c answers.Choice) answers.Choice {
	var d answers.Choice
	for k, o := range s.Orders[i] {
		if c.Has(o) {
			d = d.With(k)
		}
	}
	return d
}

// FromDisplayed turns a choice of displayed positions into the canonical one.
func (s *Session) FromDisplayed(i int, d answers.Choice) answers.Choice {
	var c answers.Choice
	for k, o := range s.Orders[i] {
		if d.Has(k) {
			c = c.With(o)
		}
	}
	return c
}

// ParseDisplayed reads an answer typed with the letters the candidate sees
// ("B", "a,c") and returns it as the canonical choice.
func (s *Session) ParseDisplayed(i int, line string) (answers.Choice, error) {
	q := s.questions[i]
	d, err := answers.ParseChoice(line, len(q.Options), q.Type != bank.Multiple)
	if err != nil {
		return 0, err
	}
	return s.FromDisplayed(i, d), nil
}

// Answered reports whether question i has an answer.
func (s *Session) Answered(i int) bool { return s.Choices[i] != 0 }

// Unanswered lists the questions without an answer.
func (s *Session) Unanswered() []int {
	var out []int
	for i, c := range s.Choices {
		if c == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Flagged lists the flagged questions.
func (s *Session) Flagged() []int {
	var out []int
	for i, f := range s.Flags {
		if f {
			out = append(out, i)
		}
	}
	return out
}

// AnsweredCount is the number of questions with an answer.
func (s *Session) AnsweredCount() int { return len(s.IDs) - len(s.Unanswered()) }

// Running reports whether the quiz has started and not finished.
func (s *Session) Running() bool { return s.running }

// Finished reports whether the quiz was submitted.
func (s *Session) Finished() bool { return !s.FinishedAt.IsZero() }

// Start begins the quiz (or resumes a restored one) at now.
func (s *Session) Start(now time.Time) error {
	if s.running || s.Finished() {
		return nil
	}
	if s.StartedAt.IsZero() {
		s.StartedAt = now
	}
	s.running = true
	s.runStart = now
	s.shownAt = now
	return s.emit(Event{Kind: EventStart, Index: s.Current, Current: s.Current, Time: now})
}

// Elapsed is the quiz time used up to now.
func (s *Session) Elapsed(now time.Time) time.Duration {
	if !s.running {
		return s.Used
	}
	return s.Used + max(0, now.Sub(s.runStart))
}

// Remaining is the time left at now; ok is false when there is no limit.
func (s *Session) Remaining(now time.Time) (left time.Duration, ok bool) {
	if s.TimeLimit <= 0 {
		return 0, false
	}
	return max(0, s.TimeLimit-s.Elapsed(now)), true
}

// Expired reports whether the time limit has run out at now.
func (s *Session) Expired(now time.Time) bool {
	left, ok := s.Remaining(now)
	return ok && left <= 0
}

// SecondsOn is the time spent on question i up to now.
func (s *Session) SecondsOn(i int, now time.Time) float64 {
	sec := s.Seconds[i]
	if s.running && i == s.Current {
		sec += max(0, now.Sub(s.shownAt).Seconds())
	}
	return sec
}

// ErrFinished is a change to a submitted quiz.
var ErrFinished = errors.New("the quiz is already submitted")

// ErrConfirmed is a change to a practice answer already confirmed.
var ErrConfirmed = errors.New("the answer is already confirmed")

func (s *Session) check(i int) error {
	if i < 0 || i >= len(s.IDs) {
		return fmt.Errorf("no question %d", i+1)
	}
	if s.Finished() {
		return ErrFinished
	}
	if s.Confirmed[i] {
		return ErrConfirmed
	}
	return nil
}

// SetChoice sets the canonical answer of question i (0 clears it).
func (s *Session) SetChoice(i int, c answers.Choice) error {
	if err := s.check(i); err != nil {
		return err
	}
	if s.Choices[i] == c {
		return nil
	}
	s.Choices[i] = c
	return s.emit(Event{Kind: EventAnswer, Index: i, Choice: c})
}

// Choose answers question i with the one canonical option o (a single
// answer), or toggles o for a multiple-answer question.
func (s *Session) Choose(i, o int) error {
	if err := s.check(i); err != nil {
		return err
	}
	if s.questions[i].Type == bank.Multiple {
		return s.SetChoice(i, s.Choices[i].Toggle(o))
	}
	return s.SetChoice(i, answers.Choice(0).With(o))
}

// Clear removes the answer of question i.
func (s *Session) Clear(i int) error { return s.SetChoice(i, 0) }

// Confirm marks question i as answered for good (practice: the feedback is
// shown and the answer can no longer change).
func (s *Session) Confirm(i int) error {
	if err := s.check(i); err != nil {
		return err
	}
	s.Confirmed[i] = true
	return s.emit(Event{Kind: EventConfirm, Index: i, Choice: s.Choices[i]})
}

// ToggleFlag flags question i for review, or removes the flag.
func (s *Session) ToggleFlag(i int) error {
	if i < 0 || i >= len(s.IDs) {
		return fmt.Errorf("no question %d", i+1)
	}
	if s.Finished() {
		return ErrFinished
	}
	s.Flags[i] = !s.Flags[i]
	return s.emit(Event{Kind: EventFlag, Index: i, Flagged: s.Flags[i]})
}

// Goto shows question i at now, adding the time spent to the question left.
func (s *Session) Goto(i int, now time.Time) error {
	if i < 0 || i >= len(s.IDs) {
		return fmt.Errorf("no question %d", i+1)
	}
	if i == s.Current {
		return nil
	}
	from := s.Current
	s.settle(now)
	s.Current = i
	return s.emit(Event{Kind: EventMove, Index: from, Seconds: s.Seconds[from], Time: now})
}

// Next shows the next question; it reports false at the last one.
func (s *Session) Next(now time.Time) (bool, error) {
	if s.Current+1 >= len(s.IDs) {
		return false, nil
	}
	return true, s.Goto(s.Current+1, now)
}

// Prev shows the previous question; it reports false at the first one.
func (s *Session) Prev(now time.Time) (bool, error) {
	if s.Current == 0 {
		return false, nil
	}
	return true, s.Goto(s.Current-1, now)
}

// settle adds the time on the current question up to now.
func (s *Session) settle(now time.Time) {
	if !s.running {
		return
	}
	s.Seconds[s.Current] += max(0, now.Sub(s.shownAt).Seconds())
	s.shownAt = now
}

// Finish submits the quiz at now. Once finished it changes no more.
func (s *Session) Finish(now time.Time) error {
	if s.Finished() {
		return nil
	}
	s.settle(now)
	if s.running {
		s.Used += max(0, now.Sub(s.runStart))
		s.running = false
	}
	if s.TimeLimit > 0 && s.Used > s.TimeLimit {
		s.Used = s.TimeLimit
	}
	if s.StartedAt.IsZero() {
		s.StartedAt = now
	}
	s.FinishedAt = now
	return s.emit(Event{Kind: EventFinish, Index: s.Current, Seconds: s.Seconds[s.Current], Time: now})
}

func (s *Session) emit(e Event) error {
	if s.OnChange == nil {
		return nil
	}
	e.Question = s.IDs[e.Index]
	e.Current = s.Current
	if e.Kind != EventMove {
		e.Seconds = s.Seconds[e.Index]
	}
	if e.Kind == EventAnswer || e.Kind == EventConfirm || e.Kind == EventFlag {
		e.Choice = s.Choices[e.Index]
		e.Flagged = s.Flags[e.Index]
	}
	return s.OnChange(e)
}

// Sheet is the attempt as the scoring package reads it.
func (s *Session) Sheet() scoring.Sheet {
	return scoring.Sheet{
		Candidate: s.Candidate,
		Choices:   slices.Clone(s.Choices),
		Seconds:   slices.Clone(s.Seconds),
		Flagged:   slices.Clone(s.Flags),
	}
}

// Result scores the attempt (asnskill/result/v1, with the answers list).
func (s *Session) Result() (scoring.Result, error) {
	sc, err := scoring.NewScorer(s.Bank, s.IDs)
	if err != nil {
		return scoring.Result{}, err
	}
	sc.Lang = s.Lang
	r := sc.Score(s.Sheet(), true)
	r.Mode = string(s.Mode)
	seed := s.Seed
	r.Seed = &seed
	r.Lang = s.Lang
	if !s.StartedAt.IsZero() {
		t := s.StartedAt.UTC()
		r.StartedAt = &t
	}
	if !s.FinishedAt.IsZero() {
		t := s.FinishedAt.UTC()
		r.FinishedAt = &t
	}
	for k := range r.Skills {
		if lvl, ok := s.SelfLevels[r.Skills[k].ID]; ok {
			r.Skills[k].SelfLevel = lvl
		}
	}
	if s.Adaptive != nil {
		// The last answer counts even when the quiz ended on it.
		if n := len(s.IDs); n > 0 && s.Confirmed[n-1] {
			s.Adaptive.Record(s.IDs[n-1], s.Choices[n-1])
		}
		s.Adaptive.Apply(&r)
		r.Recommendations = sc.Recommendations(r.Skills)
		r.Mode = ModeAdaptive
	}
	return r, nil
}
