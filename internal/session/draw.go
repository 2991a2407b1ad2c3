package session

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/asnskill/asnskill/internal/bank"
)

// drawStream separates the draw's random stream from the option orders', so
// that one never shifts the other.
const drawStream = 0x9e3779b97f4a7c15

// Draw picks count questions of b for a quiz and returns their ids in the
// order they are asked.
//
// The draw is stratified by skill (docs/scoring.md): every skill gets the
// same share, so that each level rests on as many questions as the quiz
// allows; a skill with fewer questions than its share gives the rest to the
// others, and with fewer questions than skills the seed decides which skills
// are asked. Within a skill the questions are spread over the difficulties
// (one of each in turn). skills, when not empty, limits the draw to those
// skills (unknown ids are ignored: check them with CheckSkills). count ≤ 0
// means the bank's quiz size; a count above the questions available takes
// them all. The same seed gives the same questions in the same order.
func Draw(b *bank.Bank, count int, skills []string, seed int64) []string {
	rng := rand.New(rand.NewPCG(uint64(seed), drawStream))
	pools := pools(b, skills)
	total := 0
	for _, p := range pools {
		total += len(p)
	}
	if count <= 0 {
		count = b.QuizSize
	}
	if count <= 0 || count > total {
		count = total
	}
	if count == 0 {
		return []string{}
	}
	quota := Allot(poolSizes(pools), count, rng)
	ids := make([]string, 0, count)
	for k, p := range pools {
		for _, q := range spread(p, quota[k], rng) {
			ids = append(ids, q.ID)
		}
	}
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids
}

func poolSizes(pools [][]*bank.Question) []int {
	out := make([]int, len(pools))
	for k, p := range pools {
		out[k] = len(p)
	}
	return out
}

// PerSkill is how many questions each skill of b (or of skills, when not
// empty) gets in a quiz of count questions, at the least: the draw gives
// every skill an equal share, so the smallest share is what the result's
// weakest evidence rests on.
func PerSkill(b *bank.Bank, count int, skills []string) int {
	sizes := poolSizes(pools(b, skills))
	total := 0
	for _, n := range sizes {
		total += n
	}
	if count <= 0 {
		count = b.QuizSize
	}
	if count <= 0 || count > total {
		count = total
	}
	if len(sizes) == 0 {
		return 0
	}
	quota := Allot(sizes, count, rand.New(rand.NewPCG(0, drawStream)))
	return slices.Min(quota)
}

// pools lists the questions of each chosen skill with at least one
// question, skills in file order, questions in file order.
func pools(b *bank.Bank, skills []string) [][]*bank.Question {
	var out [][]*bank.Question
	for _, s := range b.Skills {
		if len(skills) > 0 && !slices.Contains(skills, s.ID) {
			continue
		}
		if qs := b.QuestionsOf(s.ID); len(qs) > 0 {
			out = append(out, qs)
		}
	}
	return out
}

// Allot shares count questions equally among pools of the given sizes: one
// to each pool in turn (in an order the random source chooses) until count
// is reached, skipping pools that are used up.
func Allot(sizes []int, count int, rng *rand.Rand) []int {
	quota := make([]int, len(sizes))
	order := rng.Perm(len(sizes))
	for given := 0; given < count; {
		progressed := false
		for _, k := range order {
			if given == count {
				break
			}
			if quota[k] < sizes[k] {
				quota[k]++
				given++
				progressed = true
			}
		}
		if !progressed {
			break
		}
	}
	return quota
}

// spread picks n questions of one skill, one difficulty after another in
// turn (easiest first, the order within each difficulty at random), so that
// a skill's level never rests on its easy questions alone.
func spread(p []*bank.Question, n int, rng *rand.Rand) []*bank.Question {
	byDiff := map[int][]*bank.Question{}
	var diffs []int
	for _, q := range p {
		if _, ok := byDiff[q.Difficulty]; !ok {
			diffs = append(diffs, q.Difficulty)
		}
		byDiff[q.Difficulty] = append(byDiff[q.Difficulty], q)
	}
	slices.Sort(diffs)
	for _, d := range diffs {
		g := byDiff[d]
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
	}
	// Start at a random difficulty, so that a share smaller than the number
	// of difficulties is not always the easy questions.
	start := 0
	if len(diffs) > 0 {
		start = rng.IntN(len(diffs))
	}
	out := make([]*bank.Question, 0, n)
	for round := 0; len(out) < n; round++ {
		added := false
		for k := range diffs {
			d := diffs[(start+k)%len(diffs)]
			if g := byDiff[d]; round < len(g) && len(out) < n {
				out = append(out, g[round])
				added = true
			}
		}
		if !added {
			break
		}
	}
	return out
}

// OptionOrder is the order in which q's options are shown: order[k] is the
// canonical index (0 = A) of the option displayed at position k. Without
// shuffle, or for a true/false question (whose two options read best in
// the author's order), it is the canonical order. The order depends only on
// the seed and the question's id, not on the other questions drawn.
func OptionOrder(q *bank.Question, seed int64, shuffle bool) []int {
	order := make([]int, len(q.Options))
	for i := range order {
		order[i] = i
	}
	if !shuffle || q.Type == bank.TrueFalse || len(order) < 2 {
		return order
	}
	h := fnv.New64a()
	h.Write([]byte(q.ID))
	rng := rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

// CheckSkills reports the first of skills that b does not have.
func CheckSkills(b *bank.Bank, skills []string) error {
	for _, s := range skills {
		if b.Skill(s) == nil {
			known := make([]string, len(b.Skills))
			for i, sk := range b.Skills {
				known[i] = sk.ID
			}
			return &UnknownSkillError{Bank: b.ID, Skill: s, Known: known}
		}
	}
	return nil
}

// UnknownSkillError is a skill id the bank does not have.
type UnknownSkillError struct {
	Bank, Skill string
	Known       []string
}

func (e *UnknownSkillError) Error() string {
	return "bank " + e.Bank + " has no skill " + e.Skill
}

// InBankOrder sorts question ids by their position in the bank file.
func InBankOrder(b *bank.Bank, ids []string) []string {
	out := slices.Clone(ids)
	sort.SliceStable(out, func(i, j int) bool { return b.QuestionIndex(out[i]) < b.QuestionIndex(out[j]) })
	return out
}
