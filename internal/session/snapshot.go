package session

import (
	"fmt"
	"slices"
	"time"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
)

// Snapshot is a session as plain values, for a store to keep and Restore to
// bring back. Choices are canonical letters ("B", "AC"; "" unanswered).
type Snapshot struct {
	Bank        string         `json:"bank"`
	BankVersion string         `json:"bank_version"`
	BankSHA256  string         `json:"bank_sha256"`
	Mode        string         `json:"mode"`
	Seed        int64          `json:"seed"`
	Shuffled    bool           `json:"shuffled"`
	Candidate   string         `json:"candidate"`
	Lang        string         `json:"lang"`
	Questions   []string       `json:"questions"`
	Orders      [][]int        `json:"orders"`
	Choices     []string       `json:"choices"`
	Flags       []bool         `json:"flags"`
	Confirmed   []bool         `json:"confirmed"`
	Seconds     []float64      `json:"seconds"`
	Current     int            `json:"current"`
	TimeLimit   time.Duration  `json:"time_limit"` // nanoseconds; 0: none
	Remaining   time.Duration  `json:"remaining"`  // nanoseconds left at the snapshot (with a limit)
	Elapsed     time.Duration  `json:"elapsed"`    // quiz time used at the snapshot
	StartedAt   time.Time      `json:"started_at"`
	FinishedAt  time.Time      `json:"finished_at"`
	SelfLevels  map[string]int `json:"self_levels,omitempty"`
}

// Snapshot returns the state at now, the time on the current question
// included.
func (s *Session) Snapshot(now time.Time) Snapshot {
	snap := Snapshot{
		Bank: s.Bank.ID, BankVersion: s.Bank.Version, BankSHA256: s.Bank.SHA256,
		Mode: string(s.Mode), Seed: s.Seed, Shuffled: s.Shuffled, Candidate: s.Candidate, Lang: s.Lang,
		Questions: slices.Clone(s.IDs),
		Orders:    make([][]int, len(s.Orders)),
		Choices:   make([]string, len(s.Choices)),
		Flags:     slices.Clone(s.Flags),
		Confirmed: slices.Clone(s.Confirmed),
		Seconds:   make([]float64, len(s.Seconds)),
		Current:   s.Current,
		TimeLimit: s.TimeLimit,
		Elapsed:   s.Elapsed(now),
		StartedAt: s.StartedAt, FinishedAt: s.FinishedAt,
	}
	for i := range s.Orders {
		snap.Orders[i] = slices.Clone(s.Orders[i])
		snap.Choices[i] = s.Choices[i].String()
		snap.Seconds[i] = s.SecondsOn(i, now)
	}
	if left, ok := s.Remaining(now); ok {
		snap.Remaining = left
	}
	if len(s.SelfLevels) > 0 {
		snap.SelfLevels = make(map[string]int, len(s.SelfLevels))
		for k, v := range s.SelfLevels {
			snap.SelfLevels[k] = v
		}
	}
	return snap
}

// Restore rebuilds a session of b from a snapshot. It is not running: call
// Start to resume it (its clock then continues from the time left). The
// bank must hold every question of the snapshot, and every order and answer
// must fit the question; a changed bank version is the caller's to judge.
func Restore(b *bank.Bank, snap Snapshot) (*Session, error) {
	if snap.Bank != b.ID {
		return nil, fmt.Errorf("the snapshot is of bank %s, not %s", snap.Bank, b.ID)
	}
	n := len(snap.Questions)
	if len(snap.Orders) != n || len(snap.Choices) != n || len(snap.Flags) != n || len(snap.Seconds) != n ||
		(snap.Confirmed != nil && len(snap.Confirmed) != n) {
		return nil, fmt.Errorf("the snapshot's lists differ in length")
	}
	s, err := NewWithQuestions(b, snap.Questions, Options{
		Mode: Mode(snap.Mode), Seed: snap.Seed, NoShuffle: !snap.Shuffled, TimeLimit: -1,
		Candidate: snap.Candidate, Lang: snap.Lang,
	})
	if err != nil {
		return nil, err
	}
	for i, q := range s.questions {
		order := snap.Orders[i]
		if !isPermutation(order, len(q.Options)) {
			return nil, fmt.Errorf("question %s: option order %v does not fit its %d options", q.ID, order, len(q.Options))
		}
		s.Orders[i] = slices.Clone(order)
		c, err := answers.ParseChoice(snap.Choices[i], len(q.Options), q.Type != bank.Multiple)
		if err != nil {
			return nil, fmt.Errorf("question %s: %w", q.ID, err)
		}
		s.Choices[i] = c
		s.Seconds[i] = snap.Seconds[i]
	}
	copy(s.Flags, snap.Flags)
	if snap.Confirmed != nil {
		copy(s.Confirmed, snap.Confirmed)
	}
	if snap.Current < 0 || snap.Current >= n {
		return nil, fmt.Errorf("current question %d is out of range", snap.Current+1)
	}
	s.Current = snap.Current
	s.TimeLimit = max(0, snap.TimeLimit)
	s.Used = snap.Elapsed
	if s.TimeLimit > 0 {
		s.Used = s.TimeLimit - max(0, snap.Remaining)
	}
	s.StartedAt, s.FinishedAt = snap.StartedAt, snap.FinishedAt
	if len(snap.SelfLevels) > 0 {
		s.SelfLevels = make(map[string]int, len(snap.SelfLevels))
		for k, v := range snap.SelfLevels {
			s.SelfLevels[k] = v
		}
	}
	return s, nil
}

func isPermutation(order []int, n int) bool {
	if len(order) != n {
		return false
	}
	seen := make([]bool, n)
	for _, o := range order {
		if o < 0 || o >= n || seen[o] {
			return false
		}
		seen[o] = true
	}
	return true
}
