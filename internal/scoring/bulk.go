package scoring

import (
	"errors"
	"strings"
	"sync"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Bulk scores answer-sheet records against one bank. Records that list the
// same questions share one prepared Scorer. It is safe for concurrent use.
type Bulk struct {
	Bank               *bank.Bank
	Lang               string
	AllRecommendations bool
	WithAnswers        bool

	mu      sync.Mutex
	cache   map[string]*Scorer
	last    *Scorer  // the scorer of lastIDs
	lastIDs []string // compared by identity, not content
	all     []string

	formOnce sync.Once
	formIdx  *formIndex
}

// NewBulk prepares bulk scoring against b.
func NewBulk(b *bank.Bank, lang string) *Bulk {
	all := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		all[i] = q.ID
	}
	return &Bulk{Bank: b, Lang: lang, cache: map[string]*Scorer{}, all: all}
}

// CheckQuestions reports the first id the bank does not have.
func (bk *Bulk) CheckQuestions(ids []string) error {
	for _, id := range ids {
		if bk.Bank.Question(id) == nil {
			return &UnknownQuestionError{Bank: bk.Bank.ID, Question: id}
		}
	}
	return nil
}

// Scorer returns the prepared scorer for a question list.
func (bk *Bulk) Scorer(ids []string) (*Scorer, error) { return bk.scorer(ids) }

func (bk *Bulk) scorer(ids []string) (*Scorer, error) {
	// Rows of a CSV sheet share the header's slice: the same list as last
	// time is found without building a key.
	bk.mu.Lock()
	if last := bk.last; last != nil && len(ids) > 0 && len(bk.lastIDs) == len(ids) && &bk.lastIDs[0] == &ids[0] {
		bk.mu.Unlock()
		return last, nil
	}
	bk.mu.Unlock()
	key := strings.Join(ids, "\x00")
	bk.mu.Lock()
	defer bk.mu.Unlock()
	defer func() {
		if s, ok := bk.cache[key]; ok {
			bk.last, bk.lastIDs = s, ids
		}
	}()
	if s, ok := bk.cache[key]; ok {
		return s, nil
	}
	s, err := NewScorer(bk.Bank, ids)
	if err != nil {
		return nil, err
	}
	s.Lang = bk.Lang
	s.AllRecommendations = bk.AllRecommendations
	seen := make(map[string]bool, len(ids))
	s.checked = true
	for _, id := range ids {
		if seen[id] {
			s.checked = false
		}
		seen[id] = true
	}
	if !s.checked {
		return s, nil // not cached: every row with this list is refused
	}
	if len(bk.cache) < 1024 { // bounded: sheets rarely have many question sets
		bk.cache[key] = s
	}
	return s, nil
}

// Score scores one record. A bad record gives an *answers.RowError.
func (bk *Bulk) Score(rec *answers.Record) (Result, error) {
	var r Result
	err := bk.ScoreInto(&r, rec)
	return r, err
}

// ScoreInto scores one record into r, reusing r's memory (see
// Scorer.ScoreInto). A bad record gives an *answers.RowError.
func (bk *Bulk) ScoreInto(r *Result, rec *answers.Record) error {
	s, choices, err := bk.Parse(rec)
	if err != nil {
		return err
	}
	sh := Sheet{Candidate: rec.Candidate, Choices: choices, Seconds: rec.Seconds, Flagged: rec.Flagged}
	if len(rec.Groups) > 0 {
		sh.Groups = make(map[string]string, len(rec.Groups))
		for i, g := range rec.Groups {
			sh.Groups[rec.GroupNames[i]] = g
		}
	}
	if len(rec.Kept) > 0 {
		sh.Kept = make(map[string]string, len(rec.Kept))
		for i, v := range rec.Kept {
			sh.Kept[rec.KeptNames[i]] = v
		}
	}
	s.ScoreInto(r, sh, bk.WithAnswers)
	return nil
}

// Parse checks a record against the bank and reads its answers: the scorer
// for the questions it was given, and one Choice per question in that order.
// A bad record gives an *answers.RowError.
func (bk *Bulk) Parse(rec *answers.Record) (*Scorer, []Choice, error) {
	rowErr := func(code string, args ...any) (*Scorer, []Choice, error) {
		return nil, nil, answers.NewRowError(rec.File, rec.Line, code, args...)
	}
	if rec.Bank != "" && rec.Bank != bk.Bank.ID {
		return rowErr("other-bank", textsafe.Line(rec.Bank), bk.Bank.ID)
	}
	ids, responses := rec.Questions, rec.Responses
	if ids == nil {
		ids = bk.all
		for q := range rec.Answers {
			if bk.Bank.Question(q) == nil {
				return rowErr("unknown-question", textsafe.Line(q), bk.Bank.ID)
			}
		}
	}
	s, err := bk.scorer(ids)
	if err != nil {
		if uq, ok := err.(*UnknownQuestionError); ok {
			return rowErr("unknown-question", textsafe.Line(uq.Question), bk.Bank.ID)
		}
		return nil, nil, err
	}
	if !s.checked {
		// Scorers are cached per question list, so duplicates are checked
		// once per list, not once per row.
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				return rowErr("question-twice", textsafe.Line(id))
			}
			seen[id] = true
		}
	}
	choices := make([]Choice, len(ids))
	for i := range s.items {
		it := &s.items[i]
		var cell string
		if responses != nil {
			cell = responses[i]
		} else {
			cell = rec.Answers[it.q.ID]
		}
		// Most cells are one upper-case letter or empty.
		if len(cell) == 0 {
			continue
		}
		if len(cell) == 1 && cell[0] >= 'A' && int(cell[0]-'A') < it.options {
			choices[i] = Choice(1 << (cell[0] - 'A'))
			continue
		}
		c, err := bk.ParseCell(it.q, cell)
		if err != nil {
			var ce *answers.ChoiceError
			if errors.As(err, &ce) {
				return rowErr("answer-"+ce.Reason, it.q.ID, textsafe.Line(ce.Cell), textsafe.Line(string([]byte{ce.Letter})), ce.Max)
			}
			return rowErr("answer-letter", it.q.ID, textsafe.Line(cell), "?", it.options)
		}
		choices[i] = c
	}
	return s, choices, nil
}

// ParseCell reads one answer-sheet cell for q: letters ("B", "A,C"), or a
// form export's option text. Text is tried first when the cell cannot be
// letters, after the letters otherwise. The error is the letters' one.
func (bk *Bulk) ParseCell(q *bank.Question, cell string) (Choice, error) {
	multiple := q.Type == bank.Multiple
	text := func() (Choice, bool) {
		oc, ok := bk.optionChoice(q.ID, cell)
		return oc, ok && (multiple || oc.Count() == 1)
	}
	if !letterLike(cell) {
		if oc, ok := text(); ok {
			return oc, nil
		}
	}
	c, err := answers.ParseChoice(cell, len(q.Options), !multiple)
	if err != nil {
		if oc, ok := text(); ok {
			return oc, nil
		}
		return 0, err
	}
	return c, nil
}
