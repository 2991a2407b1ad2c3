package itemstats_test

import (
	"fmt"
	"sync"

	"github.com/asnskill/asnskill/internal/itemstats"
)

// Two one-point questions keyed A; each row is scored before it is added.
func Example() {
	key := []bool{true, false, false, false}
	a, err := itemstats.New(itemstats.Config{Items: []itemstats.Item{
		{ID: "q1", Skill: "data", Points: 1, Options: 4, Key: key},
		{ID: "q2", Skill: "data", Points: 1, Options: 4, Key: key},
	}})
	if err != nil {
		panic(err)
	}
	const A, B, C = 1 << 0, 1 << 1, 1 << 2
	for _, r := range []itemstats.Row{
		{Earned: []float64{1, 1}, Chosen: []uint8{A, A}},
		{Earned: []float64{1, 0}, Chosen: []uint8{A, B}},
		{Earned: []float64{0, 0}, Chosen: []uint8{C, 0}}, // q2 unanswered
		{Earned: []float64{1, 1}, Chosen: []uint8{A, A}},
	} {
		if err := a.Add(r); err != nil {
			panic(err)
		}
	}
	rep := a.Report()
	q := rep.Questions[1]
	fmt.Printf("%s: facility %.2f, p_answered %.3f, discrimination %.3f\n", q.ID, *q.Facility, *q.PAnswered, *q.Discrimination)
	fmt.Printf("test: mean %.2f, sd %.3f, alpha %.3f\n", *rep.Test.Mean, *rep.Test.SD, *rep.Test.Alpha)
	fmt.Println("alpha_if_deleted:", q.AlphaIfDeleted, q.Notes)
	// Output:
	// q2: facility 0.50, p_answered 0.667, discrimination 0.577
	// test: mean 1.25, sd 0.957, alpha 0.727
	// alpha_if_deleted: <nil> [{[alpha_if_deleted] few_questions} {[options.C.mean_total options.C.r_total options.D.mean_total options.D.r_total] never_chosen}]
}

// Shards filled by goroutines, then merged.
func ExampleAccumulator_Merge() {
	cfg := itemstats.Config{Items: []itemstats.Item{
		{ID: "q1", Points: 1, Options: 2, Key: []bool{true, false}},
		{ID: "q2", Points: 2, Options: 2, Key: []bool{false, true}},
	}}
	shards := make([]*itemstats.Accumulator, 4)
	var wg sync.WaitGroup
	for s := range shards {
		shards[s], _ = itemstats.New(cfg)
		wg.Go(func() {
			for i := range 1000 {
				right1, right2 := (i+s)%3 == 0, (i+s)%2 == 0
				r := itemstats.Row{Earned: []float64{0, 0}, Chosen: []uint8{2, 1}}
				if right1 {
					r.Earned[0], r.Chosen[0] = 1, 1
				}
				if right2 {
					r.Earned[1], r.Chosen[1] = 2, 2
				}
				_ = shards[s].Add(r)
			}
		})
	}
	wg.Wait()
	for _, s := range shards[1:] {
		if err := shards[0].Merge(s); err != nil {
			panic(err)
		}
	}
	rep := shards[0].Report()
	fmt.Println(rep.Candidates, rep.Test.Totals)
	// Output:
	// 4000 [{0 1332} {1 668} {2 1334} {3 666}]
}
