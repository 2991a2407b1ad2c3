package adaptive

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
)

// Z is the normal quantile of the 95% interval for ability.
const Z = 1.959964

// Defaults of Config.
const (
	DefaultMaxPerSkill = 12
	DefaultTopK        = 3
	// MinPerSkill: no skill is decided on fewer answers, whatever the
	// prior says (the same floor as a fixed quiz's level, docs/scoring.md).
	MinPerSkill = 3
)

// Config chooses how the adaptive quiz runs.
type Config struct {
	// MaxPerSkill ends a skill undecided (gap status possible) after this
	// many questions; 0 means DefaultMaxPerSkill.
	MaxPerSkill int
	// MaxTotal ends the quiz after this many questions (-n); 0: no limit
	// beyond MaxPerSkill for every skill.
	MaxTotal int
	// TopK: the next question is drawn at random among the TopK most
	// informative, so that retakes differ; 0 means DefaultTopK, 1 always
	// the most informative.
	TopK int
	Seed int64
	// Skills limits the quiz to these skills (empty: all).
	Skills []string
}

// Status of a skill: "" while undecided, else a scoring.GapStatus.
type Status = string

// SkillState is one skill's estimate and decision.
type SkillState struct {
	ID     string
	Cut    float64 // the ability of the target level's min
	Theta  float64
	SE     float64
	Status Status
	Asked  []string // question ids, in the order asked
	post   *Posterior
	items  []Item   // the skill's questions, in bank order (for Cut and levels)
	pool   []string // ids in bank order
}

// Lower and Upper are the ends of the 95% interval for ability.
func (s *SkillState) Lower() float64 { return s.Theta - Z*s.SE }

// Upper is the upper end of the 95% interval for ability.
func (s *SkillState) Upper() float64 { return s.Theta + Z*s.SE }

// Engine runs one adaptive quiz over a bank.
type Engine struct {
	Bank       *bank.Bank
	Calibrated bool // every question of the skills asked has calibrated thresholds
	cfg        Config
	items      map[string]*Item
	skillOf    map[string]int
	skills     []*SkillState
	asked      []string
	askedSet   map[string]bool
	answered   map[string]bool
	top        []cand // buffer of Next
}

type cand struct {
	id   string
	info float64
}

// New prepares an adaptive quiz over b.
func New(b *bank.Bank, cfg Config) *Engine {
	if cfg.MaxPerSkill <= 0 {
		cfg.MaxPerSkill = DefaultMaxPerSkill
	}
	if cfg.TopK <= 0 {
		cfg.TopK = DefaultTopK
	}
	e := &Engine{Bank: b, cfg: cfg, items: map[string]*Item{}, skillOf: map[string]int{}, answered: map[string]bool{},
		askedSet: map[string]bool{}, Calibrated: true}
	for _, sk := range b.Skills {
		if len(cfg.Skills) > 0 && !slices.Contains(cfg.Skills, sk.ID) {
			continue
		}
		st := &SkillState{ID: sk.ID, post: NewPosterior()}
		for _, q := range b.QuestionsOf(sk.ID) {
			it, cal := ItemOf(q)
			if !cal {
				e.Calibrated = false
			}
			e.items[q.ID] = &it
			e.skillOf[q.ID] = len(e.skills)
			st.items = append(st.items, it)
			st.pool = append(st.pool, q.ID)
		}
		if len(st.pool) == 0 {
			continue
		}
		st.Cut = Cut(st.items, levelMin(b, sk.TargetLevel))
		st.Theta, st.SE = st.post.Estimate()
		e.skills = append(e.skills, st)
	}
	if len(e.skills) == 0 {
		e.Calibrated = false
	}
	return e
}

func levelMin(b *bank.Bank, level int) float64 {
	for _, l := range b.Levels {
		if l.Level == level {
			return l.Min
		}
	}
	return 0
}

// Limits are the quiz's -n and --skills, for the history to keep.
func (e *Engine) Limits() (maxTotal int, skills []string) { return e.cfg.MaxTotal, e.cfg.Skills }

// Skills are the skills of the quiz in bank order.
func (e *Engine) Skills() []*SkillState { return e.skills }

// Asked are the questions asked so far, in order.
func (e *Engine) Asked() []string { return e.asked }

// Record takes the answer c to question id: the skill's estimate is
// updated and, when its interval clears the cut or it reached its limit,
// the skill is decided. A question recorded twice counts once.
func (e *Engine) Record(id string, c answers.Choice) {
	k, ok := e.skillOf[id]
	if !ok || e.answered[id] {
		return
	}
	e.answered[id] = true
	e.ask(id)
	st := e.skills[k]
	st.Asked = append(st.Asked, id)
	q := e.Bank.Question(id)
	st.post.Update(e.items[id], scoring.Category(q, c))
	st.Theta, st.SE = st.post.Estimate()
	e.decide(st)
}

func (e *Engine) decide(st *SkillState) {
	switch {
	case len(st.Asked) < min(MinPerSkill, len(st.pool)):
		st.Status = ""
	case st.Lower() > st.Cut:
		st.Status = scoring.GapNone
	case st.Upper() < st.Cut:
		st.Status = scoring.GapClear
	case len(st.Asked) >= min(e.cfg.MaxPerSkill, len(st.pool)):
		st.Status = scoring.GapPossible
	default:
		st.Status = ""
	}
}

// Mark takes a question shown but not answered yet (a resumed quiz), so
// that it is not picked again.
func (e *Engine) Mark(id string) {
	if _, ok := e.skillOf[id]; ok {
		e.ask(id)
	}
}

func (e *Engine) ask(id string) {
	if !e.askedSet[id] {
		e.askedSet[id] = true
		e.asked = append(e.asked, id)
	}
}

// Done reports whether the quiz should end: every skill decided, or the
// total reached.
func (e *Engine) Done() bool {
	if e.cfg.MaxTotal > 0 && len(e.asked) >= e.cfg.MaxTotal {
		return true
	}
	for _, st := range e.skills {
		if st.Status == "" {
			return false
		}
	}
	return true
}

// Next picks the next question: among the undecided skills' questions not
// asked yet, one of the TopK most informative at each skill's current
// estimate, drawn with a random source that depends only on the seed and
// how many questions were asked (so a resumed quiz picks as the first run
// would have). ok is false when the quiz is done.
func (e *Engine) Next() (id string, ok bool) {
	if e.Done() {
		return "", false
	}
	// Keep the TopK most informative in a small sorted buffer: a linear
	// pass, no sort of every candidate.
	k := e.cfg.TopK
	top := e.top[:0]
	for _, st := range e.skills {
		if st.Status != "" {
			continue
		}
		for _, qid := range st.pool {
			if e.askedSet[qid] {
				continue
			}
			c := cand{qid, e.items[qid].Info(st.Theta)}
			if len(top) == k && c.info <= top[k-1].info {
				continue
			}
			pos := sort.Search(len(top), func(i int) bool { return top[i].info < c.info })
			if len(top) < k {
				top = append(top, cand{})
			}
			copy(top[pos+1:], top[pos:len(top)-1])
			top[pos] = c
		}
	}
	e.top = top
	if len(top) == 0 {
		return "", false
	}
	rng := rand.New(rand.NewPCG(uint64(e.cfg.Seed), uint64(len(e.asked))+0x5eed))
	pick := top[rng.IntN(len(top))].id
	e.ask(pick)
	return pick, true
}

// Levels maps a skill's ability estimate to levels through the expected
// percent on its questions: the level of the estimate and the levels of the
// two ends of its 95% interval.
func (e *Engine) Levels(st *SkillState) (level int, lo, hi int) {
	lv := e.Bank.Levels
	level = scoring.Level(lv, ExpectedPercent(st.items, st.Theta))
	lo = scoring.Level(lv, ExpectedPercent(st.items, st.Lower()))
	hi = scoring.Level(lv, ExpectedPercent(st.items, st.Upper()))
	return level, lo, hi
}

// Apply writes the adaptive estimates into a scored result: per skill its
// ability, standard error, level from the ability (with the range its
// interval allows), gap and gap status from the decision, and the questions
// used; and whether the bank was calibrated.
func (e *Engine) Apply(r *scoring.Result) {
	cal := e.Calibrated
	r.Calibrated = &cal
	for k := range r.Skills {
		sr := &r.Skills[k]
		for _, st := range e.skills {
			if st.ID != sr.ID || len(st.Asked) == 0 {
				continue
			}
			theta, se := round4(st.Theta), round4(st.SE)
			sr.Theta, sr.ThetaSE = &theta, &se
			sr.Questions = append([]string(nil), st.Asked...)
			level, lo, hi := e.Levels(st)
			sr.Level, sr.LevelRange = level, [2]int{lo, hi}
			sr.Gap = max(0, sr.TargetLevel-level)
			sr.LowEvidence = false
			sr.GapStatus = st.Status
			if sr.GapStatus == "" {
				sr.GapStatus = scoring.GapPossible // stopped by -n before a decision
			}
		}
	}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
