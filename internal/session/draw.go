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
// The questions are shared among the skills in proportion to how many
// questions each skill has (largest remainder), and every skill gets at least
// one question when count is at least the number of skills, so no skill is
// left out of the result. skills, when not empty, limits the draw to those
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
	quota := allot(pools, count, total, rng)
	ids := make([]string, 0, count)
	for k, p := range pools {
		perm := rng.Perm(len(p))
		for _, j := range perm[:quota[k]] {
			ids = append(ids, p[j].ID)
		}
	}
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids
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

// allot shares count among the pools by the largest remainder method, ties
// broken at random (so that, with fewer questions than skills, different
// seeds cover different skills), then lifts every empty share to one when
// count allows.
func allot(pools [][]*bank.Question, count, total int, rng *rand.Rand) []int {
	n := len(pools)
	quota := make([]int, n)
	type rem struct {
		k    int
		frac float64
		tie  uint64
	}
	rems := make([]rem, n)
	given := 0
	for k, p := range pools {
		exact := float64(count) * float64(len(p)) / float64(total)
		quota[k] = int(exact)
		given += quota[k]
		rems[k] = rem{k: k, frac: exact - float64(quota[k]), tie: rng.Uint64()}
	}
	sort.Slice(rems, func(i, j int) bool {
		if rems[i].frac != rems[j].frac {
			return rems[i].frac > rems[j].frac
		}
		return rems[i].tie < rems[j].tie
	})
	for i := 0; given < count; i = (i + 1) % n {
		k := rems[i].k
		if quota[k] < len(pools[k]) {
			quota[k]++
			given++
		}
	}
	if count >= n {
		for k := range quota {
			if quota[k] > 0 {
				continue
			}
			// Take one from the skill with the largest share.
			big := -1
			for j := range quota {
				if quota[j] > 1 && (big < 0 || quota[j] > quota[big]) {
					big = j
				}
			}
			if big < 0 {
				break
			}
			quota[big]--
			quota[k]++
		}
	}
	return quota
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
