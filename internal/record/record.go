// Package record keeps a quiz in the history store as it happens: the
// attempt when it begins, every answer, flag and move before the next
// question is shown, and the result when it ends; and it brings an attempt
// back as a session to resume, or the questions due for review.
//
// It joins internal/session (the quiz as plain state) and internal/store
// (SQLite); neither knows the other.
package record

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/session"
	"github.com/asnskill/asnskill/internal/store"
)

// ModeReview is the mode stored for a drill of past mistakes.
const ModeReview = "review"

// Recorder writes one attempt. Its zero ID means "not begun".
type Recorder struct {
	Store *store.Store
	ID    int64
	// Mode overrides the session's mode in the history (e.g. "review").
	Mode string
}

// Attach begins the attempt (unless it is being resumed, ID set) and
// hooks the session so that every change is committed before the quiz
// goes on: OnChange returns the store's error, and the quiz shows it.
func (r *Recorder) Attach(s *session.Session, now time.Time) error {
	if r.ID == 0 {
		mode := string(s.Mode)
		if s.Adaptive != nil {
			mode = session.ModeAdaptive
		}
		if r.Mode != "" {
			mode = r.Mode
		}
		meta := store.AttemptMeta{
			BankID: s.Bank.ID, BankVersion: s.Bank.Version, BankSHA256: s.Bank.SHA256,
			Mode: mode, Seed: s.Seed, Candidate: s.Candidate, Lang: s.Lang,
			Questions: s.IDs, StartedAt: now, TimeLimit: s.TimeLimit, SelfLevels: s.SelfLevels,
		}
		if l, ok := s.Adaptive.(interface{ Limits() (int, []string) }); ok {
			n, skills := l.Limits()
			meta.Adaptive = &store.AdaptiveLimits{MaxQuestions: n, Skills: skills}
		}
		if s.Shuffled {
			meta.OptionOrder = make([][]string, len(s.Orders))
			for i, order := range s.Orders {
				meta.OptionOrder[i] = lettersOf(order)
			}
		}
		id, err := r.Store.Begin(meta)
		if err != nil {
			return err
		}
		r.ID = id
	}
	prev := s.OnChange
	s.OnChange = func(e session.Event) error {
		if prev != nil {
			if err := prev(e); err != nil {
				return err
			}
		}
		return r.event(s, e)
	}
	return nil
}

func (r *Recorder) event(s *session.Session, e session.Event) error {
	switch e.Kind {
	case session.EventAdd:
		var order []string
		if s.Shuffled {
			order = lettersOf(s.Orders[e.Index])
		}
		return r.Store.AddQuestion(r.ID, s.IDs[e.Index], order)
	case session.EventAnswer:
		if s.Mode == session.Practice {
			return nil // kept when confirmed: a resumed practice quiz shows its feedback
		}
		fallthrough
	case session.EventFlag, session.EventConfirm, session.EventMove:
		i := e.Index
		if i < 0 || i >= len(s.IDs) {
			return nil
		}
		a := store.Answer{Question: s.IDs[i], Response: s.Choices[i].Letters(), Flagged: s.Flags[i], Seconds: s.SecondsOn(i, e.Time)}
		if err := r.Store.SaveAnswer(r.ID, a); err != nil {
			return err
		}
		left, _ := s.Remaining(e.Time)
		return r.Store.SaveProgress(r.ID, s.Current, left)
	}
	return nil
}

// Finish records the result, the per-skill scores for the trends, and each
// answered question's outcome for the review schedule.
func (r *Recorder) Finish(s *session.Session, res scoring.Result, now time.Time) error {
	if r.ID == 0 {
		return nil
	}
	// Answers are saved once more: the time on the last question counts.
	for i := range s.IDs {
		if s.Choices[i] == 0 && !s.Flags[i] {
			continue
		}
		a := store.Answer{Question: s.IDs[i], Response: s.Choices[i].Letters(), Flagged: s.Flags[i], Seconds: s.SecondsOn(i, now)}
		if err := r.Store.SaveAnswer(r.ID, a); err != nil {
			return err
		}
	}
	doc, err := json.Marshal(res)
	if err != nil {
		return err
	}
	c := store.Completion{At: now, Result: doc, Percent: res.Score.Percent}
	// Only skills with a level go to the per-skill table that feeds
	// "history --weak": a skill met in one or two questions (or none) has
	// no level to compare (docs/scoring.md), and its 0% is not a weakness.
	for i := range res.Skills {
		if sk := &res.Skills[i]; sk.Known() {
			c.Skills = append(c.Skills, store.SkillScore{Skill: sk.ID, Percent: sk.Percent, Level: sk.Level})
		}
	}
	for i, id := range s.IDs {
		if s.Choices[i] == 0 {
			continue
		}
		c.Outcomes = append(c.Outcomes, store.Outcome{Question: id, Correct: scoring.IsCorrect(s.Question(i), s.Choices[i])})
	}
	return r.Store.Finish(r.ID, c)
}

func lettersOf(order []int) []string {
	out := make([]string, len(order))
	for k, o := range order {
		out[k] = bank.Letters[o : o+1]
	}
	return out
}

// Snapshot turns a stored attempt back into the session state it was in.
func Snapshot(a store.Attempt, b *bank.Bank) (session.Snapshot, error) {
	n := len(a.Questions)
	snap := session.Snapshot{
		Bank: a.BankID, BankVersion: a.BankVersion, BankSHA256: a.BankSHA256,
		Mode: a.Mode, Seed: a.Seed, Candidate: a.Candidate, Lang: a.Lang,
		Questions: a.Questions, Orders: make([][]int, n), Choices: make([]string, n),
		Flags: make([]bool, n), Confirmed: make([]bool, n), Seconds: make([]float64, n),
		Current: a.Current, TimeLimit: a.TimeLimit, Remaining: a.Remaining, StartedAt: a.StartedAt,
		SelfLevels: a.SelfLevels,
	}
	if snap.Mode == ModeReview || snap.Mode == session.ModeAdaptive {
		snap.Mode = string(session.Practice)
	}
	for i, id := range a.Questions {
		q := b.Question(id)
		if q == nil {
			return snap, fmt.Errorf("question %s is no longer in bank %s", id, b.ID)
		}
		if a.OptionOrder != nil && a.OptionOrder[i] != nil {
			for _, l := range a.OptionOrder[i] {
				k := strings.Index(bank.Letters, l)
				if k < 0 {
					return snap, fmt.Errorf("question %s: bad option letter %q", id, l)
				}
				snap.Orders[i] = append(snap.Orders[i], k)
			}
			snap.Shuffled = true
		} else {
			for k := range q.Options {
				snap.Orders[i] = append(snap.Orders[i], k)
			}
		}
	}
	for _, ans := range a.Answers {
		i := ans.Position
		if i < 0 || i >= n {
			continue
		}
		snap.Choices[i] = strings.Join(ans.Response, "")
		snap.Flags[i] = ans.Flagged
		snap.Seconds[i] = ans.Seconds
		// In practice mode an answer is saved when it is confirmed.
		snap.Confirmed[i] = ans.Response != nil && len(ans.Response) > 0
		snap.Elapsed += time.Duration(ans.Seconds * float64(time.Second))
	}
	return snap, nil
}

// Resume restores a stored attempt as a session of b, ready to Start.
func Resume(a store.Attempt, b *bank.Bank) (*session.Session, error) {
	if a.Finished() {
		return nil, fmt.Errorf("attempt %d is already finished", a.ID)
	}
	snap, err := Snapshot(a, b)
	if err != nil {
		return nil, err
	}
	return session.Restore(b, snap)
}

// ReviewQuestions returns up to n questions of b due for review at now,
// most urgent first, that the bank still has.
func ReviewQuestions(st *store.Store, b *bank.Bank, now time.Time, n int) ([]string, error) {
	due, err := st.DueReviews(b.ID, now, n)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range due {
		if b.Question(d.Question) != nil {
			ids = append(ids, d.Question)
		}
	}
	return ids, nil
}
