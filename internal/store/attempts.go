package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// AttemptMeta is what is known when an attempt begins.
type AttemptMeta struct {
	BankID      string
	BankVersion string
	BankSHA256  string
	Mode        string // "practice", "exam", "review", …: stored as given
	Seed        int64
	Candidate   string
	Lang        string
	// Questions are the question ids drawn, in the order shown; at least one,
	// no repeats.
	Questions []string
	// OptionOrder, if not nil, has one entry per question: the option letters
	// in the order shown (nil for the bank's order), so a resumed quiz shows
	// them the same way.
	OptionOrder [][]string
	StartedAt   time.Time
	TimeLimit   time.Duration // 0: no limit
	// SelfLevels are the levels the candidate gave themself, by skill.
	SelfLevels map[string]int
	// Adaptive are an adaptive quiz's limits (nil for other modes).
	Adaptive *AdaptiveLimits
}

// AdaptiveLimits are what an adaptive quiz was asked to keep to.
type AdaptiveLimits struct {
	MaxQuestions int      `json:"max_questions,omitempty"` // -n; 0: none
	Skills       []string `json:"skills,omitempty"`        // --skills; empty: all
}

// Answer is the latest answer to one question of an attempt.
type Answer struct {
	Question string
	// Position is the index of Question in the attempt's Questions. The
	// store fills it in when reading; SaveAnswer ignores it.
	Position int
	Response []string // the letters chosen; empty: none (e.g. only flagged)
	Flagged  bool
	Seconds  float64 // time spent on the question, as the quiz counts it
}

// SkillScore is one skill's score in a finished attempt.
type SkillScore struct {
	Skill   string
	Percent float64
	Level   int
}

// Outcome says whether a question of a finished attempt was answered right,
// for the review schedule. Leave out questions not answered.
type Outcome struct {
	Question string
	Correct  bool
}

// Completion is what Finish records.
type Completion struct {
	At       time.Time
	Result   json.RawMessage // the result document; empty: none
	Percent  float64
	Skills   []SkillScore
	Outcomes []Outcome // fed to the review schedule in the same transaction
}

// Attempt is an attempt as stored.
type Attempt struct {
	ID int64
	AttemptMeta
	Answers []Answer // the questions answered or flagged, in question order
	// Current is the index in Questions where the candidate last was.
	Current int
	// Remaining is the exam time left at the last SaveProgress (TimeLimit
	// before any); 0 without a limit.
	Remaining  time.Duration
	FinishedAt time.Time // zero while unfinished
	Percent    float64
	Result     json.RawMessage
	Skills     []SkillScore // in the order given to Finish
}

// Finished reports whether the attempt has been finished.
func (a Attempt) Finished() bool { return !a.FinishedAt.IsZero() }

// Begin records a new attempt and returns its id.
func (s *Store) Begin(m AttemptMeta) (int64, error) {
	if err := m.validate(); err != nil {
		return 0, fmt.Errorf("begin attempt: %w", err)
	}
	var id int64
	err := s.write("begin attempt", func(tx *sql.Tx) error {
		var self, limits sql.NullString
		if m.Adaptive != nil {
			doc, err := json.Marshal(m.Adaptive)
			if err != nil {
				return err
			}
			limits = sql.NullString{String: string(doc), Valid: true}
		}
		if len(m.SelfLevels) > 0 {
			doc, err := json.Marshal(m.SelfLevels)
			if err != nil {
				return err
			}
			self = sql.NullString{String: string(doc), Valid: true}
		}
		res, err := tx.Exec(`INSERT INTO attempts (bank_id, bank_version, bank_sha256, mode, seed,
			candidate, lang, started_at, time_limit_ms, remaining_ms, self_levels, adaptive)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.BankID, m.BankVersion, m.BankSHA256, m.Mode, m.Seed, m.Candidate, m.Lang,
			fmtTime(m.StartedAt), m.TimeLimit.Milliseconds(), m.TimeLimit.Milliseconds(), self, limits)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		ins, err := tx.Prepare(`INSERT INTO attempt_questions (attempt_id, position, question_id, option_order) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, q := range m.Questions {
			var order sql.NullString
			if m.OptionOrder != nil && m.OptionOrder[i] != nil {
				order = sql.NullString{String: letters(m.OptionOrder[i]), Valid: true}
			}
			if _, err := ins.Exec(id, i, q, order); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// AddQuestion appends a question to an unfinished attempt (an adaptive
// quiz picks its questions one at a time), at the next position.
func (s *Store) AddQuestion(id int64, question string, optionOrder []string) error {
	op := fmt.Sprintf("add question %q to attempt %d", question, id)
	if question == "" {
		return fmt.Errorf("%s: empty question id", op)
	}
	return s.write(op, func(tx *sql.Tx) error {
		_, n, err := openAttempt(tx, id)
		if err != nil {
			return err
		}
		var order sql.NullString
		if optionOrder != nil {
			order = sql.NullString{String: letters(optionOrder), Valid: true}
		}
		_, err = tx.Exec(`INSERT INTO attempt_questions (attempt_id, position, question_id, option_order) VALUES (?, ?, ?, ?)`,
			id, n, question, order)
		return err
	})
}

func (m AttemptMeta) validate() error {
	switch {
	case m.BankID == "":
		return errors.New("no bank id")
	case m.Mode == "":
		return errors.New("no mode")
	case m.StartedAt.IsZero():
		return errors.New("no start time")
	case m.TimeLimit < 0:
		return fmt.Errorf("negative time limit %s", m.TimeLimit)
	case len(m.Questions) == 0:
		return errors.New("no questions")
	case m.OptionOrder != nil && len(m.OptionOrder) != len(m.Questions):
		return fmt.Errorf("option order for %d questions, but %d questions", len(m.OptionOrder), len(m.Questions))
	}
	seen := make(map[string]bool, len(m.Questions))
	for _, q := range m.Questions {
		if q == "" {
			return errors.New("empty question id")
		}
		if seen[q] {
			return fmt.Errorf("question %q drawn twice", q)
		}
		seen[q] = true
	}
	return nil
}

// letters encodes a list of letters as a JSON array ([] for none).
func letters(l []string) string {
	if l == nil {
		l = []string{}
	}
	b, _ := json.Marshal(l) // a []string always marshals
	return string(b)
}

func parseLetters(s string) ([]string, error) {
	var l []string
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return nil, fmt.Errorf("bad letters %q in database: %w", s, err)
	}
	if len(l) == 0 {
		return nil, nil
	}
	return l, nil
}

// openAttempt checks, inside a write transaction, that the attempt exists and
// is not finished, and returns its bank and number of questions.
func openAttempt(tx *sql.Tx, id int64) (bankID string, questions int, err error) {
	var finished bool
	err = tx.QueryRow(`SELECT bank_id, finished_at IS NOT NULL,
		(SELECT count(*) FROM attempt_questions WHERE attempt_id = a.id)
		FROM attempts a WHERE id = ?`, id).Scan(&bankID, &finished, &questions)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, fmt.Errorf("attempt %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", 0, err
	}
	if finished {
		return "", 0, fmt.Errorf("attempt %d: %w", id, ErrFinished)
	}
	return bankID, questions, nil
}

// SaveAnswer records the answer to one question of an unfinished attempt,
// replacing any earlier answer to it (a changed answer, a flag set or
// cleared), and commits before returning.
func (s *Store) SaveAnswer(id int64, a Answer) error {
	op := fmt.Sprintf("save answer to %q in attempt %d", a.Question, id)
	if a.Seconds < 0 || math.IsNaN(a.Seconds) || math.IsInf(a.Seconds, 0) {
		return fmt.Errorf("%s: bad seconds %v", op, a.Seconds)
	}
	return s.write(op, func(tx *sql.Tx) error {
		if _, _, err := openAttempt(tx, id); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM attempt_questions WHERE attempt_id = ? AND question_id = ?`, id, a.Question).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("question %q is not in the attempt", a.Question)
		}
		_, err := tx.Exec(`INSERT INTO answers (attempt_id, question_id, response, flagged, seconds)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (attempt_id, question_id) DO UPDATE SET
				response = excluded.response, flagged = excluded.flagged, seconds = excluded.seconds`,
			id, a.Question, letters(a.Response), a.Flagged, a.Seconds)
		return err
	})
}

// SaveProgress records where the candidate is (an index in Questions) and the
// exam time left (a negative remaining is stored as 0: time is up).
func (s *Store) SaveProgress(id int64, current int, remaining time.Duration) error {
	op := fmt.Sprintf("save progress of attempt %d", id)
	remaining = max(remaining, 0)
	return s.write(op, func(tx *sql.Tx) error {
		_, n, err := openAttempt(tx, id)
		if err != nil {
			return err
		}
		if current < 0 || current >= n {
			return fmt.Errorf("question index %d out of range [0, %d)", current, n)
		}
		_, err = tx.Exec(`UPDATE attempts SET current = ?, remaining_ms = ? WHERE id = ?`,
			current, remaining.Milliseconds(), id)
		return err
	})
}

// Finish records the end of an attempt: its result, percent, skill scores,
// and (in the same transaction) the outcomes for the review schedule. A
// finished attempt cannot change any more.
func (s *Store) Finish(id int64, c Completion) error {
	op := fmt.Sprintf("finish attempt %d", id)
	if err := c.validate(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return s.write(op, func(tx *sql.Tx) error {
		bankID, _, err := openAttempt(tx, id)
		if err != nil {
			return err
		}
		var result sql.NullString
		if len(c.Result) > 0 {
			result = sql.NullString{String: string(c.Result), Valid: true}
		}
		if _, err := tx.Exec(`UPDATE attempts SET finished_at = ?, percent = ?, result = ? WHERE id = ?`,
			fmtTime(c.At), c.Percent, result, id); err != nil {
			return err
		}
		for i, sk := range c.Skills {
			if _, err := tx.Exec(`INSERT INTO attempt_skills (attempt_id, position, skill, percent, level) VALUES (?, ?, ?, ?, ?)`,
				id, i, sk.Skill, sk.Percent, sk.Level); err != nil {
				return err
			}
		}
		for _, o := range c.Outcomes {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM attempt_questions WHERE attempt_id = ? AND question_id = ?`, id, o.Question).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("outcome for question %q, which is not in the attempt", o.Question)
			}
			if err := recordReview(tx, bankID, o.Question, o.Correct, c.At, id); err != nil {
				return err
			}
		}
		return nil
	})
}

func (c Completion) validate() error {
	if c.At.IsZero() {
		return errors.New("no finish time")
	}
	if len(c.Result) > 0 && !json.Valid(c.Result) {
		return errors.New("result is not valid JSON")
	}
	if !finite(c.Percent) {
		return fmt.Errorf("bad percent %v", c.Percent)
	}
	seen := map[string]bool{}
	for _, sk := range c.Skills {
		if sk.Skill == "" {
			return errors.New("skill score without a skill id")
		}
		if seen[sk.Skill] {
			return fmt.Errorf("skill %q scored twice", sk.Skill)
		}
		if !finite(sk.Percent) {
			return fmt.Errorf("skill %q: bad percent %v", sk.Skill, sk.Percent)
		}
		seen[sk.Skill] = true
	}
	seen = map[string]bool{}
	for _, o := range c.Outcomes {
		if seen[o.Question] {
			return fmt.Errorf("two outcomes for question %q", o.Question)
		}
		seen[o.Question] = true
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// Filter selects attempts for List.
type Filter struct {
	BankID   string    // "": every bank
	Since    time.Time // attempts started at or after Since; zero: no bound
	Finished bool      // only finished attempts
	Limit    int       // only the Limit most recently started; 0: all

	unfinished bool
}

// where renders the filter as a condition on attempts aliased "a".
func (f Filter) where() (string, []any) {
	conds := []string{"1"}
	var args []any
	if f.BankID != "" {
		conds = append(conds, "a.bank_id = ?")
		args = append(args, f.BankID)
	}
	if !f.Since.IsZero() {
		conds = append(conds, "a.started_at >= ?")
		args = append(args, fmtTime(f.Since))
	}
	if f.Finished {
		conds = append(conds, "a.finished_at IS NOT NULL")
	}
	if f.unfinished {
		conds = append(conds, "a.finished_at IS NULL")
	}
	where := strings.Join(conds, " AND ")
	if f.Limit > 0 {
		where = "a.id IN (SELECT a.id FROM attempts a WHERE " + where +
			" ORDER BY a.started_at DESC, a.id DESC LIMIT ?)"
		args = append(args, f.Limit)
	}
	return where, args
}

// List returns the attempts the filter selects, complete (questions, answers,
// skills, result), oldest first.
func (s *Store) List(f Filter) ([]Attempt, error) {
	var out []Attempt
	err := s.read("list attempts", func(tx *sql.Tx) error {
		var err error
		out, err = load(tx, f)
		return err
	})
	return out, err
}

// Attempt returns one attempt, complete.
func (s *Store) Attempt(id int64) (Attempt, error) {
	var out []Attempt
	err := s.read(fmt.Sprintf("read attempt %d", id), func(tx *sql.Tx) error {
		var err error
		out, err = loadWhere(tx, "a.id = ?", []any{id})
		return err
	})
	if err != nil {
		return Attempt{}, err
	}
	if len(out) == 0 {
		return Attempt{}, fmt.Errorf("attempt %d: %w", id, ErrNotFound)
	}
	return out[0], nil
}

// LatestUnfinished returns the most recently started unfinished attempt on
// the bank (on any bank if bankID is ""), and false if there is none.
func (s *Store) LatestUnfinished(bankID string) (Attempt, bool, error) {
	var out []Attempt
	err := s.read("find unfinished attempt", func(tx *sql.Tx) error {
		var err error
		out, err = load(tx, Filter{BankID: bankID, Limit: 1, unfinished: true})
		return err
	})
	if err != nil || len(out) == 0 {
		return Attempt{}, false, err
	}
	return out[0], true, nil
}

// Unfinished returns the most recently started unfinished attempts (at most
// limit), newest first: what the quiz offers to continue.
func (s *Store) Unfinished(limit int) ([]Attempt, error) {
	var out []Attempt
	err := s.read("list unfinished attempts", func(tx *sql.Tx) error {
		var err error
		out, err = load(tx, Filter{Limit: limit, unfinished: true})
		return err
	})
	slices.Reverse(out)
	return out, err
}

func load(tx *sql.Tx, f Filter) ([]Attempt, error) {
	where, args := f.where()
	return loadWhere(tx, where, args)
}

// loadWhere reads the attempts matching where (a condition on attempts "a")
// in four queries, whatever their number.
func loadWhere(tx *sql.Tx, where string, args []any) ([]Attempt, error) {
	rows, err := tx.Query(`SELECT a.id, a.bank_id, a.bank_version, a.bank_sha256, a.mode, a.seed,
		a.candidate, a.lang, a.started_at, a.time_limit_ms, a.current, a.remaining_ms,
		a.finished_at, a.percent, a.result, a.self_levels, a.adaptive
		FROM attempts a WHERE `+where+` ORDER BY a.started_at, a.id`, args...)
	if err != nil {
		return nil, err
	}
	var out []Attempt
	index := map[int64]int{}
	for rows.Next() {
		var (
			a                 Attempt
			started           string
			limitMS, remainMS int64
			finished, result  sql.NullString
			self, limits      sql.NullString
			percent           sql.NullFloat64
		)
		if err := rows.Scan(&a.ID, &a.BankID, &a.BankVersion, &a.BankSHA256, &a.Mode, &a.Seed,
			&a.Candidate, &a.Lang, &started, &limitMS, &a.Current, &remainMS,
			&finished, &percent, &result, &self, &limits); err != nil {
			rows.Close()
			return nil, err
		}
		if a.StartedAt, err = parseTime(started); err != nil {
			rows.Close()
			return nil, err
		}
		if a.FinishedAt, err = parseNullTime(finished); err != nil {
			rows.Close()
			return nil, err
		}
		a.TimeLimit = time.Duration(limitMS) * time.Millisecond
		a.Remaining = time.Duration(remainMS) * time.Millisecond
		a.Percent = percent.Float64
		if result.Valid {
			a.Result = json.RawMessage(result.String)
		}
		if self.Valid {
			if err := json.Unmarshal([]byte(self.String), &a.SelfLevels); err != nil {
				rows.Close()
				return nil, err
			}
		}
		if limits.Valid {
			a.Adaptive = &AdaptiveLimits{}
			if err := json.Unmarshal([]byte(limits.String), a.Adaptive); err != nil {
				rows.Close()
				return nil, err
			}
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}

	rows, err = tx.Query(`SELECT q.attempt_id, q.question_id, q.option_order
		FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id
		WHERE `+where+` ORDER BY q.attempt_id, q.position`, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id    int64
			q     string
			order sql.NullString
		)
		if err := rows.Scan(&id, &q, &order); err != nil {
			rows.Close()
			return nil, err
		}
		a := &out[index[id]]
		if order.Valid {
			l, err := parseLetters(order.String)
			if err != nil {
				rows.Close()
				return nil, err
			}
			if a.OptionOrder == nil {
				a.OptionOrder = make([][]string, len(a.Questions), len(a.Questions)+1)
			}
			a.OptionOrder = append(a.OptionOrder, l)
		} else if a.OptionOrder != nil {
			a.OptionOrder = append(a.OptionOrder, nil)
		}
		a.Questions = append(a.Questions, q)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}

	rows, err = tx.Query(`SELECT n.attempt_id, q.position, n.question_id, n.response, n.flagged, n.seconds
		FROM answers n
		JOIN attempt_questions q ON q.attempt_id = n.attempt_id AND q.question_id = n.question_id
		JOIN attempts a ON a.id = n.attempt_id
		WHERE `+where+` ORDER BY n.attempt_id, q.position`, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id       int64
			ans      Answer
			response string
		)
		if err := rows.Scan(&id, &ans.Position, &ans.Question, &response, &ans.Flagged, &ans.Seconds); err != nil {
			rows.Close()
			return nil, err
		}
		if ans.Response, err = parseLetters(response); err != nil {
			rows.Close()
			return nil, err
		}
		a := &out[index[id]]
		a.Answers = append(a.Answers, ans)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}

	rows, err = tx.Query(`SELECT s.attempt_id, s.skill, s.percent, s.level
		FROM attempt_skills s JOIN attempts a ON a.id = s.attempt_id
		WHERE `+where+` ORDER BY s.attempt_id, s.position`, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id int64
			sk SkillScore
		)
		if err := rows.Scan(&id, &sk.Skill, &sk.Percent, &sk.Level); err != nil {
			rows.Close()
			return nil, err
		}
		a := &out[index[id]]
		a.Skills = append(a.Skills, sk)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// TrendPoint is one skill's score in one finished attempt.
type TrendPoint struct {
	AttemptID int64
	At        time.Time // when the attempt finished
	Percent   float64
	Level     int
}

// SkillTrend returns, per skill, its scores over the finished attempts on the
// bank (every bank if bankID is "", merging skills that share an id), in the
// order the attempts finished. Attempts finished without skill scores (a
// review drill, say) do not appear.
func (s *Store) SkillTrend(bankID string) (map[string][]TrendPoint, error) {
	out := map[string][]TrendPoint{}
	err := s.read("read skill trend", func(tx *sql.Tx) error {
		return skillRows(tx, bankID, func(skill string, p TrendPoint) {
			out[skill] = append(out[skill], p)
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// skillRows calls fn for each skill score of the finished attempts on the
// bank, in the order the attempts finished.
func skillRows(tx *sql.Tx, bankID string, fn func(skill string, p TrendPoint)) error {
	rows, err := tx.Query(`SELECT s.skill, a.id, a.finished_at, s.percent, s.level
		FROM attempt_skills s JOIN attempts a ON a.id = s.attempt_id
		WHERE a.finished_at IS NOT NULL AND (?1 = '' OR a.bank_id = ?1)
		ORDER BY a.finished_at, a.id, s.position`, bankID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var (
			skill, at string
			p         TrendPoint
		)
		if err := rows.Scan(&skill, &p.AttemptID, &at, &p.Percent, &p.Level); err != nil {
			rows.Close()
			return err
		}
		if p.At, err = parseTime(at); err != nil {
			rows.Close()
			return err
		}
		fn(skill, p)
	}
	return closeRows(rows)
}

// Forget deletes an attempt for good: its answers, scores and result, and its
// part in the review schedule, which is rebuilt from the answers that remain.
// The file is then vacuumed and its write-ahead log truncated, so nothing of
// the attempt stays on disk.
func (s *Store) Forget(id int64) error {
	op := fmt.Sprintf("forget attempt %d", id)
	err := s.write(op, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM attempts WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("attempt %d: %w", id, ErrNotFound)
		}
		touched, err := reviewedIn(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM attempts WHERE id = ?`, id); err != nil {
			return err
		}
		for _, k := range touched {
			if err := rebuildReview(tx, k.bank, k.question); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.compact(op)
}

// ForgetAll deletes every attempt, answer, score and the review schedule for
// good, vacuums the file and truncates its write-ahead log. Attempt ids start
// again from 1.
func (s *Store) ForgetAll() error {
	const op = "forget all history"
	err := s.write(op, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM review_events`,
			`DELETE FROM reviews`,
			`DELETE FROM attempts`, // cascades to questions, answers, skills
			`DELETE FROM sqlite_sequence`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.compact(op)
}

// compact rewrites the file without the free pages and copies the
// write-ahead log back and empties it. Another process reading at that moment
// can keep the log from emptying; it is emptied at the next checkpoint.
func (s *Store) compact(op string) error {
	if _, err := s.db.Exec(`VACUUM`); err != nil {
		return s.wrap(op+": deleted, but compacting the file failed", err)
	}
	var busy, log, done int
	if err := s.db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done); err != nil {
		return s.wrap(op+": deleted, but emptying the write-ahead log failed", err)
	}
	return nil
}
