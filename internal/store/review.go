package store

import (
	"database/sql"
	"fmt"
	"sort"
	"time"
)

// Boxes is the number of Leitner boxes.
const Boxes = 5

// Interval returns how long a question waits in box (1..Boxes) before it is
// due: box 1, the box of fresh mistakes, at once; then 2, 4, 8 and 16 days.
func Interval(box int) time.Duration {
	if box <= 1 || box > Boxes {
		return 0
	}
	return time.Duration(1<<(box-1)) * 24 * time.Hour
}

// ReviewItem is one question's place in the review schedule.
type ReviewItem struct {
	BankID   string
	Question string
	Box      int       // 1..Boxes; 0: not in review (never wrong, or retired)
	Due      time.Time // zero when Box is 0
	Right    int       // right answers ever recorded
	Wrong    int       // wrong answers ever recorded
	LastAt   time.Time
	// LastCorrect tells whether the last recorded answer was right.
	LastCorrect bool
	Retired     bool // left box 5 with a right answer, and not wrong since
}

// next applies one answer to the schedule: the rule of the package
// documentation.
func (r ReviewItem) next(correct bool, at time.Time) ReviewItem {
	r.LastAt, r.LastCorrect = at, correct
	if !correct {
		r.Wrong++
		r.Box, r.Due, r.Retired = 1, at, false
		return r
	}
	r.Right++
	if r.Box == 0 || at.Before(r.Due) {
		return r
	}
	if r.Box == Boxes {
		r.Box, r.Due, r.Retired = 0, time.Time{}, true
		return r
	}
	r.Box++
	r.Due = at.Add(Interval(r.Box))
	return r
}

// RecordReview feeds one answer outside a finished attempt (a review drill,
// say) to the schedule. Answers of finished attempts go in through
// [Completion.Outcomes] instead, so that forgetting the attempt takes them out.
func (s *Store) RecordReview(bankID, questionID string, correct bool, at time.Time) error {
	op := fmt.Sprintf("record review of %q in bank %q", questionID, bankID)
	if bankID == "" || questionID == "" || at.IsZero() {
		return fmt.Errorf("%s: bank, question and time are required", op)
	}
	return s.write(op, func(tx *sql.Tx) error {
		return recordReview(tx, bankID, questionID, correct, at, 0)
	})
}

// recordReview logs the answer and moves the question's state; attemptID 0
// means no attempt.
func recordReview(tx *sql.Tx, bankID, questionID string, correct bool, at time.Time, attemptID int64) error {
	attempt := sql.NullInt64{Int64: attemptID, Valid: attemptID != 0}
	if _, err := tx.Exec(`INSERT INTO review_events (bank_id, question_id, correct, at, attempt_id) VALUES (?, ?, ?, ?, ?)`,
		bankID, questionID, correct, fmtTime(at), attempt); err != nil {
		return err
	}
	r, err := reviewState(tx, bankID, questionID)
	if err != nil {
		return err
	}
	return putReview(tx, r.next(correct, at))
}

func reviewState(tx *sql.Tx, bankID, questionID string) (ReviewItem, error) {
	rows, err := tx.Query(reviewSelect+` WHERE bank_id = ? AND question_id = ?`, bankID, questionID)
	if err != nil {
		return ReviewItem{}, err
	}
	items, err := scanReviews(rows)
	if err != nil {
		return ReviewItem{}, err
	}
	if len(items) == 0 {
		return ReviewItem{BankID: bankID, Question: questionID}, nil
	}
	return items[0], nil
}

func putReview(tx *sql.Tx, r ReviewItem) error {
	var due sql.NullString
	if r.Box > 0 {
		due = sql.NullString{String: fmtTime(r.Due), Valid: true}
	}
	_, err := tx.Exec(`INSERT INTO reviews (bank_id, question_id, box, due_at, right_count, wrong_count, last_at, last_correct, retired)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (bank_id, question_id) DO UPDATE SET
			box = excluded.box, due_at = excluded.due_at,
			right_count = excluded.right_count, wrong_count = excluded.wrong_count,
			last_at = excluded.last_at, last_correct = excluded.last_correct, retired = excluded.retired`,
		r.BankID, r.Question, r.Box, due, r.Right, r.Wrong, fmtTime(r.LastAt), r.LastCorrect, r.Retired)
	return err
}

type reviewKey struct{ bank, question string }

// reviewedIn lists the questions an attempt fed to the schedule.
func reviewedIn(tx *sql.Tx, attemptID int64) ([]reviewKey, error) {
	rows, err := tx.Query(`SELECT DISTINCT bank_id, question_id FROM review_events WHERE attempt_id = ?`, attemptID)
	if err != nil {
		return nil, err
	}
	var keys []reviewKey
	for rows.Next() {
		var k reviewKey
		if err := rows.Scan(&k.bank, &k.question); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, closeRows(rows)
}

// rebuildReview replays a question's remaining answers, in the order they were
// recorded, into a fresh state.
func rebuildReview(tx *sql.Tx, bankID, questionID string) error {
	rows, err := tx.Query(`SELECT correct, at FROM review_events WHERE bank_id = ? AND question_id = ? ORDER BY id`, bankID, questionID)
	if err != nil {
		return err
	}
	r := ReviewItem{BankID: bankID, Question: questionID}
	n := 0
	for rows.Next() {
		var (
			correct bool
			at      string
		)
		if err := rows.Scan(&correct, &at); err != nil {
			rows.Close()
			return err
		}
		t, err := parseTime(at)
		if err != nil {
			rows.Close()
			return err
		}
		r = r.next(correct, t)
		n++
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	if n == 0 {
		_, err := tx.Exec(`DELETE FROM reviews WHERE bank_id = ? AND question_id = ?`, bankID, questionID)
		return err
	}
	return putReview(tx, r)
}

const reviewSelect = `SELECT bank_id, question_id, box, due_at, right_count, wrong_count, last_at, last_correct, retired FROM reviews`

func scanReviews(rows *sql.Rows) ([]ReviewItem, error) {
	var out []ReviewItem
	for rows.Next() {
		var (
			r    ReviewItem
			due  sql.NullString
			last string
		)
		if err := rows.Scan(&r.BankID, &r.Question, &r.Box, &due, &r.Right, &r.Wrong, &last, &r.LastCorrect, &r.Retired); err != nil {
			rows.Close()
			return nil, err
		}
		var err error
		if r.Due, err = parseNullTime(due); err != nil {
			rows.Close()
			return nil, err
		}
		if r.LastAt, err = parseTime(last); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	return out, closeRows(rows)
}

// DueReviews returns the questions due for review at the given time on the
// bank (every bank if bankID is ""): lowest box first (the freshest
// mistakes), then longest overdue, then by bank and question id. limit <= 0
// returns them all.
func (s *Store) DueReviews(bankID string, at time.Time, limit int) ([]ReviewItem, error) {
	var out []ReviewItem
	err := s.read("read due reviews", func(tx *sql.Tx) error {
		rows, err := tx.Query(reviewSelect+` WHERE box > 0 AND due_at <= ?1 AND (?2 = '' OR bank_id = ?2)
			ORDER BY box, due_at, bank_id, question_id LIMIT ?3`, fmtTime(at), bankID, sqlLimit(limit))
		if err != nil {
			return err
		}
		out, err = scanReviews(rows)
		return err
	})
	return out, err
}

func sqlLimit(limit int) int {
	if limit <= 0 {
		return -1 // SQLite: no limit
	}
	return limit
}

// WeakSkill is a skill's recent standing, for "history --weak".
type WeakSkill struct {
	Skill    string
	Attempts int     // finished attempts that scored it
	Recent   float64 // mean percent over the last RecentAttempts of them
	Latest   float64 // percent in the latest
	Level    int     // level in the latest
}

// RecentAttempts is how many of a skill's latest scores Weak averages: enough
// to smooth out one unlucky draw, few enough to show progress.
const RecentAttempts = 3

// Weak returns the weakest skills (lowest Recent first) and questions on the
// bank (every bank if bankID is ""), at most limit of each (limit <= 0: all).
// The questions are those in review (boxes 1..5), with the highest share of
// wrong answers first, then the most wrong answers, then the lowest box.
func (s *Store) Weak(bankID string, limit int) ([]WeakSkill, []ReviewItem, error) {
	var (
		skills    []WeakSkill
		questions []ReviewItem
	)
	err := s.read("read weak skills and questions", func(tx *sql.Tx) error {
		scores := map[string][]TrendPoint{}
		if err := skillRows(tx, bankID, func(skill string, p TrendPoint) {
			scores[skill] = append(scores[skill], p)
		}); err != nil {
			return err
		}
		for skill, ps := range scores {
			recent := ps[max(0, len(ps)-RecentAttempts):]
			sum := 0.0
			for _, p := range recent {
				sum += p.Percent
			}
			last := ps[len(ps)-1]
			skills = append(skills, WeakSkill{
				Skill: skill, Attempts: len(ps), Recent: sum / float64(len(recent)),
				Latest: last.Percent, Level: last.Level,
			})
		}
		sort.Slice(skills, func(i, j int) bool {
			if skills[i].Recent != skills[j].Recent {
				return skills[i].Recent < skills[j].Recent
			}
			return skills[i].Skill < skills[j].Skill
		})
		if limit > 0 && len(skills) > limit {
			skills = skills[:limit]
		}

		rows, err := tx.Query(reviewSelect+` WHERE box > 0 AND (?1 = '' OR bank_id = ?1)
			ORDER BY CAST(wrong_count AS REAL) / (right_count + wrong_count) DESC,
				wrong_count DESC, box, bank_id, question_id
			LIMIT ?2`, bankID, sqlLimit(limit))
		if err != nil {
			return err
		}
		questions, err = scanReviews(rows)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return skills, questions, nil
}

// Reviews returns every question the schedule holds for the bank (every bank
// if bankID is ""): in review, retired, or answered right and never in review.
// It is what `history -o json` exports: all that is kept about the user.
func (s *Store) Reviews(bankID string) ([]ReviewItem, error) {
	var out []ReviewItem
	err := s.read("read reviews", func(tx *sql.Tx) error {
		rows, err := tx.Query(reviewSelect+` WHERE ?1 = '' OR bank_id = ?1 ORDER BY bank_id, question_id`, bankID)
		if err != nil {
			return err
		}
		out, err = scanReviews(rows)
		return err
	})
	return out, err
}

// ReviewEvent is one answer recorded for the schedule.
type ReviewEvent struct {
	BankID, Question string
	Correct          bool
	At               time.Time
	AttemptID        int64 // 0: a drill outside any attempt
}

// ReviewEvents returns every answer recorded for the schedule, oldest first.
func (s *Store) ReviewEvents(bankID string) ([]ReviewEvent, error) {
	var out []ReviewEvent
	err := s.read("read review events", func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT bank_id, question_id, correct, at, COALESCE(attempt_id, 0) FROM review_events
			WHERE ?1 = '' OR bank_id = ?1 ORDER BY at, id`, bankID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				e  ReviewEvent
				at string
			)
			if err := rows.Scan(&e.BankID, &e.Question, &e.Correct, &at, &e.AttemptID); err != nil {
				return err
			}
			if e.At, err = parseTime(at); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
