package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// history fills a database with attempts attempts of 50 answered questions,
// about a year of daily practice.
func history(b *testing.B, attempts int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// The fixture needs no durability; the Store's one connection keeps this.
	if _, err := s.db.Exec("PRAGMA synchronous = OFF"); err != nil {
		b.Fatal(err)
	}
	qs := questionIDs(50)
	for i := range attempts {
		id, err := s.Begin(meta("bank", t0.Add(time.Duration(i)*24*time.Hour), qs...))
		if err != nil {
			b.Fatal(err)
		}
		var outcomes []Outcome
		for j, q := range qs {
			if err := s.SaveAnswer(id, Answer{Question: q, Response: []string{"A"}, Seconds: 10}); err != nil {
				b.Fatal(err)
			}
			outcomes = append(outcomes, Outcome{q, (i+j)%3 != 0})
		}
		skills := []SkillScore{{"s1", 50, 3}, {"s2", 70, 4}, {"s3", 30, 2}}
		if err := s.Finish(id, Completion{At: t0.Add(time.Duration(i)*24*time.Hour + time.Hour),
			Result: []byte(`{"format":"asnskill/result/v1"}`), Skills: skills, Outcomes: outcomes}); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkOpen is the history's share of a quiz's start: open a year of
// history and read the previous result and any unfinished attempt.
func BenchmarkOpen(b *testing.B) {
	path := history(b, 365)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.List(Filter{BankID: "bank", Finished: true, Limit: 1}); err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.LatestUnfinished("bank"); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkSaveAnswer is the cost of one durable answer (a commit and its
// fsync), which the quiz pays before showing the next question.
func BenchmarkSaveAnswer(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "history.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	qs := questionIDs(50)
	id, err := s.Begin(meta("bank", t0, qs...))
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if err := s.SaveAnswer(id, Answer{Question: qs[i%len(qs)], Response: []string{"B"}, Seconds: float64(i)}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkHistory is "asnskill history" on a year of practice: every
// attempt, the skill trends and the weak spots.
func BenchmarkHistory(b *testing.B) {
	for _, n := range []int{30, 365} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s, err := Open(history(b, n))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.List(Filter{}); err != nil {
					b.Fatal(err)
				}
				if _, err := s.SkillTrend("bank"); err != nil {
					b.Fatal(err)
				}
				if _, _, err := s.Weak("bank", 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
