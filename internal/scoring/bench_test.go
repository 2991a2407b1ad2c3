package scoring

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/i18n"
)

func bank100() (*bank.Bank, []string) {
	b := &bank.Bank{ID: "b", Version: "1.0.0", PassingScore: 65, Levels: bank.DefaultLevels()}
	for s := 0; s < 5; s++ {
		b.Skills = append(b.Skills, bank.Skill{ID: fmt.Sprintf("s%d", s), Weight: 1, TargetLevel: 4,
			Recommendations: []bank.Recommendation{{ForLevels: []int{1, 2, 3}, Kind: "course", Title: i18n.Text{"id": "k"}}}})
	}
	var ids []string
	for q := 0; q < 100; q++ {
		id := fmt.Sprintf("q%03d", q)
		ids = append(ids, id)
		b.Questions = append(b.Questions, bank.Question{ID: id, Skill: fmt.Sprintf("s%d", q%5), Type: bank.Single,
			Difficulty: 2, Points: 2, Options: opts(q%4 == 0, q%4 == 1, q%4 == 2, q%4 == 3)})
	}
	return b, ids
}

// BenchmarkScore scores 100-question sheets (rows/s).
func BenchmarkScore(b *testing.B) {
	bk, ids := bank100()
	s, err := NewScorer(bk, ids)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	sheets := make([]Sheet, 256)
	for i := range sheets {
		sheets[i].Choices = make([]Choice, 100)
		for q := range sheets[i].Choices {
			sheets[i].Choices[q] = answers.Choice(1 << r.IntN(4))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Score(sheets[i%len(sheets)], false)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBulk goes from raw cells to a result, as `score` does per row.
func BenchmarkBulk(b *testing.B) {
	bk, ids := bank100()
	bulk := NewBulk(bk, "id")
	rec := &answers.Record{File: "b", Line: 2, Candidate: "c", Questions: ids, Responses: make([]string, 100)}
	for q := range rec.Responses {
		rec.Responses[q] = string("ABCD"[q%4])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := bulk.Score(rec); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
