package history

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/asnskill/asnskill/internal/store"
	"github.com/asnskill/asnskill/internal/tableprinter"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// weakLimit is how many skills and questions --weak lists.
const weakLimit = 10

// WeakReport is `history --weak -o json`.
type WeakReport struct {
	Skills    []WeakSkill    `json:"skills"`
	Questions []WeakQuestion `json:"questions"`
}

// WeakSkill is a skill's recent standing on a bank.
type WeakSkill struct {
	Bank     string `json:"bank"`
	Skill    string `json:"skill"`
	Attempts int    `json:"attempts"`
	// RecentPercent is the mean over the skill's last store.RecentAttempts
	// scores.
	RecentPercent float64 `json:"recent_percent"`
	LatestPercent float64 `json:"latest_percent"`
	Level         int     `json:"level"`
}

// WeakQuestion is a question in review, most often wrong first.
type WeakQuestion struct {
	Bank     string     `json:"bank"`
	Question string     `json:"question"`
	Wrong    int        `json:"wrong"`
	Right    int        `json:"right"`
	Box      int        `json:"box"`
	DueAt    *time.Time `json:"due_at"`
}

func runWeak(opts *Options) error {
	f := opts.F
	p := f.Printer()
	s, path, err := openExisting(f)
	if err != nil {
		return err
	}
	var rep WeakReport
	if s != nil {
		defer s.Close()
		rep, err = weakReport(s, opts.BankID)
		if err != nil {
			return storeError(p, path, err)
		}
	}
	if opts.Output.Value == "json" {
		return writeJSON(f.IO.Out, rep)
	}
	if s == nil {
		noHistory(f)
		return nil
	}
	if len(rep.Skills) == 0 && len(rep.Questions) == 0 {
		fmt.Fprintln(f.IO.ErrOut, p.T("history.weak-none"))
		return nil
	}
	names := &bankNames{f: f}
	tty := f.IO.IsStdoutTTY()
	w := f.IO.Out
	if len(rep.Skills) > 0 {
		if tty {
			fmt.Fprintln(w, p.T("history.weak-skills", store.RecentAttempts))
		}
		t := tableprinter.New(w, tty, f.IO.TerminalWidth())
		t.Header(p.T("history.col.bank"), p.T("history.col.skill"), p.T("history.col.recent"),
			p.T("history.col.latest"), p.T("history.col.level"), p.T("history.col.attempts"))
		for i := 2; i <= 5; i++ {
			t.AlignRight(i)
		}
		t.Wrap(0)
		t.Wrap(1)
		for _, sk := range rep.Skills {
			bankCell := sk.Bank
			if tty {
				bankCell = names.title(sk.Bank)
			}
			t.Row(bankCell, names.skill(sk.Bank, sk.Skill), p.Percent(sk.RecentPercent),
				p.Percent(sk.LatestPercent), strconv.Itoa(sk.Level), strconv.Itoa(sk.Attempts))
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	// In a pipe only the skills' rows, so that each line has one shape.
	if !tty {
		return nil
	}
	fmt.Fprintln(w)
	if len(rep.Questions) == 0 {
		fmt.Fprintln(w, p.T("history.weak-no-questions"))
		return nil
	}
	fmt.Fprintln(w, p.T("history.weak-questions"))
	t := tableprinter.New(w, tty, f.IO.TerminalWidth())
	t.Header(p.T("history.col.bank"), p.T("history.col.question"), p.T("history.col.wrong"),
		p.T("history.col.right"), p.T("history.col.box"))
	for i := 2; i <= 4; i++ {
		t.AlignRight(i)
	}
	for _, q := range rep.Questions {
		t.Row(q.Bank, q.Question, strconv.Itoa(q.Wrong), strconv.Itoa(q.Right), fmt.Sprintf("%d/%d", q.Box, store.Boxes))
	}
	if err := t.Render(); err != nil {
		return err
	}
	// The drill works on one bank: name the filtered one, else the bank of
	// the question most often wrong.
	bankID := opts.BankID
	if bankID == "" {
		bankID = rep.Questions[0].Bank
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("history.weak-hint", textsafe.Line(bankID)))
	return nil
}

// weakReport asks the store bank by bank for skills, so that a skill id two
// banks share is not merged, and ranks them as the store ranks one bank's.
// The questions come from one call: the store ranks them across banks.
func weakReport(s *store.Store, bankID string) (WeakReport, error) {
	rep := WeakReport{Skills: []WeakSkill{}, Questions: []WeakQuestion{}}
	_, qs, err := s.Weak(bankID, weakLimit)
	if err != nil {
		return rep, err
	}
	for _, q := range qs {
		rep.Questions = append(rep.Questions, weakQuestion(q))
	}
	banks := []string{bankID}
	if bankID == "" {
		done, err := s.List(store.Filter{Finished: true})
		if err != nil {
			return rep, err
		}
		seen := map[string]bool{}
		banks = nil
		for _, a := range done {
			if !seen[a.BankID] {
				seen[a.BankID] = true
				banks = append(banks, a.BankID)
			}
		}
	}
	for _, b := range banks {
		skills, _, err := s.Weak(b, weakLimit)
		if err != nil {
			return rep, err
		}
		for _, sk := range skills {
			rep.Skills = append(rep.Skills, WeakSkill{Bank: b, Skill: sk.Skill, Attempts: sk.Attempts,
				RecentPercent: sk.Recent, LatestPercent: sk.Latest, Level: sk.Level})
		}
	}
	sort.SliceStable(rep.Skills, func(i, j int) bool {
		a, b := rep.Skills[i], rep.Skills[j]
		if a.RecentPercent != b.RecentPercent {
			return a.RecentPercent < b.RecentPercent
		}
		if a.Bank != b.Bank {
			return a.Bank < b.Bank
		}
		return a.Skill < b.Skill
	})
	if len(rep.Skills) > weakLimit {
		rep.Skills = rep.Skills[:weakLimit]
	}
	return rep, nil
}

func weakQuestion(q store.ReviewItem) WeakQuestion {
	w := WeakQuestion{Bank: q.BankID, Question: q.Question, Wrong: q.Wrong, Right: q.Right, Box: q.Box}
	if !q.Due.IsZero() {
		due := q.Due.UTC()
		w.DueAt = &due
	}
	return w
}
