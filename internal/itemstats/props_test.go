package itemstats

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"testing"
)

func accumulate(t testing.TB, cfg Config, rows []Row) *Accumulator {
	t.Helper()
	a := mustNew(t, cfg)
	for _, r := range rows {
		mustAdd(t, a, r)
	}
	return a
}

// Merging shards gives the very report of one accumulator over all rows,
// however the rows are split and whatever each shard saw first.
func TestMergeEqualsOne(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		for _, focal := range []string{"f", ""} {
			groups := []string{"f", "r", "", "r"}
			if seed%3 == 0 {
				groups = []string{"f", "r", "s", ""} // three values: no automatic focal
			}
			s := generate(seed, 40+int(seed)*37, 3+int(seed)%9, groups, -1, 0)
			cfg := Config{Items: s.items, Group: "g", Focal: focal}
			one := checkReport(t, accumulate(t, cfg, s.rows).Report())

			rng := rand.New(rand.NewPCG(seed, 7))
			shards := make([][]Row, 1+rng.IntN(5))
			for _, r := range s.rows {
				i := rng.IntN(len(shards))
				shards[i] = append(shards[i], r)
			}
			// Some shards see the rows backwards, so values arrive in
			// another order.
			for i := range shards {
				if rng.IntN(2) == 0 {
					for l, h := 0, len(shards[i])-1; l < h; l, h = l+1, h-1 {
						shards[i][l], shards[i][h] = shards[i][h], shards[i][l]
					}
				}
			}
			acc := make([]*Accumulator, len(shards))
			for i, sh := range shards {
				acc[i] = accumulate(t, cfg, sh)
			}
			// Merge in a random tree order.
			for len(acc) > 1 {
				i := rng.IntN(len(acc) - 1)
				if err := acc[i].Merge(acc[i+1]); err != nil {
					t.Fatal(err)
				}
				acc = append(acc[:i+1], acc[i+2:]...)
			}
			merged := checkReport(t, acc[0].Report())
			if string(merged) != string(one) {
				i := 0
				for i < len(one) && i < len(merged) && one[i] == merged[i] {
					i++
				}
				lo := max(0, i-300)
				t.Errorf("seed %d focal %q: merged report differs at byte %d\n   one: …%.400s\nmerged: …%.400s", seed, focal, i, one[lo:], merged[lo:])
			}
		}
	}
}

func TestMergeRejects(t *testing.T) {
	a := mustNew(t, Config{Items: single("AB", 2)})
	b := mustNew(t, Config{Items: single("AA", 2)})
	if err := a.Merge(b); err == nil {
		t.Errorf("merged different keys")
	}
	if err := a.Merge(a); err == nil {
		t.Errorf("merged with itself")
	}
	c := mustNew(t, Config{Items: single("AB", 2), Group: "g"})
	if err := a.Merge(c); err == nil {
		t.Errorf("merged different groups")
	}
}

// Adding each question a second time (a test twice as long of parallel
// halves) raises alpha, by the Spearman–Brown argument.
func TestDuplicatingItemsRaisesAlpha(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		s := generate(seed, 300, 2+int(seed), []string{""}, -1, 0)
		base := accumulate(t, Config{Items: s.items}, s.rows).Report()

		items := append([]Item(nil), s.items...)
		for _, it := range s.items {
			it.ID += "-copy"
			items = append(items, it)
		}
		rows := make([]Row, len(s.rows))
		for i, r := range s.rows {
			rows[i] = Row{Earned: append(append([]float64(nil), r.Earned...), r.Earned...),
				Chosen: append(append([]uint8(nil), r.Chosen...), r.Chosen...)}
		}
		twice := accumulate(t, Config{Items: items}, rows).Report()
		checkReport(t, twice)
		if base.Test.Alpha == nil || twice.Test.Alpha == nil || !(*twice.Test.Alpha > *base.Test.Alpha) {
			t.Errorf("seed %d: alpha %v, doubled %v", seed, fmtNum(base.Test.Alpha), fmtNum(twice.Test.Alpha))
		}
	}
}

func fmtNum(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// Ranges and notes hold on many small and odd sheets (checkReport asserts
// facility and shares in 0..1, correlations in −1..1, efficiency ≤ 1, no
// NaN, a note for every null).
func TestRanges(t *testing.T) {
	for seed := uint64(1); seed <= 300; seed++ {
		n := int(seed % 13)
		if seed%5 == 0 {
			n = 200
		}
		s := generate(seed, n, 1+int(seed%7), []string{"f", "r", ""}, int(seed%3), 2)
		for _, focal := range []string{"f", ""} {
			a := accumulate(t, Config{Items: s.items, Group: "g", Focal: focal}, s.rows)
			checkReport(t, a.Report())
		}
	}
}

// The 192-bit sums agree with math/big, carries included.
func TestWide(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var w wide
	want := new(big.Int)
	for i := range 10000 {
		u := rng.Uint64()
		if i%3 == 0 {
			u = math.MaxUint64 - uint64(i)
		}
		hi, lo := bits.Mul64(u, u)
		w.add(hi, lo)
		want.Add(want, new(big.Int).Mul(new(big.Int).SetUint64(u), new(big.Int).SetUint64(u)))
	}
	var v wide
	v.addWide(w)
	v.addWide(w)
	want.Lsh(want, 1)
	if v.big().Cmp(want) != 0 {
		t.Errorf("wide sum %v, want %v", v.big(), want)
	}
}

func TestCategoryJSON(t *testing.T) {
	for _, c := range []Category{"", CategoryA, CategoryB, CategoryC} {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back Category
		if err := json.Unmarshal(b, &back); err != nil || back != c {
			t.Errorf("%q → %s → %q, %v", c, b, back, err)
		}
	}
	var c Category
	if err := json.Unmarshal([]byte(`"D"`), &c); err == nil {
		t.Errorf("category D accepted")
	}
}
