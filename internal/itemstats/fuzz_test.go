package itemstats

import (
	"math"
	"testing"
)

// FuzzAccumulator turns bytes into a test and rows (valid or not), and
// asserts that nothing panics, that the report marshals without NaN or
// infinity with a note for every null, and that merging two halves gives the
// report of one accumulator.
func FuzzAccumulator(f *testing.F) {
	f.Add([]byte{3, 2, 0, 1, 4, 1, 2, 2, 3, 4, 1, 1, 1, 1, 2, 2, 3, 3, 0, 0, 0, 0})
	f.Add([]byte{1, 0, 1, 1, 2, 1, 1, 1, 255, 0, 0, 1})
	f.Add([]byte{6, 4, 7, 63, 3, 5, 9, 2, 1, 2, 0, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{2, 0, 0, 1, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	points := []float64{1, 2, 0.5, 1.5, 1.0 / 3, 2.5, 3, 0.25}
	f.Fuzz(func(t *testing.T, data []byte) {
		pos := 0
		next := func() byte {
			if pos >= len(data) {
				pos++
				return 0
			}
			pos++
			return data[pos-1]
		}
		k := 1 + int(next()%6)
		items := make([]Item, k)
		for j := range items {
			o := 2 + int(next()%5)
			key := next()
			it := Item{ID: string(rune('a' + j)), Skill: string(rune('x' + j%2)), Options: o, Points: points[next()%8], Key: make([]bool, o)}
			for i := range o {
				it.Key[i] = key&(1<<i) != 0
			}
			items[j] = it
		}
		cfg := Config{Items: items}
		switch next() % 3 {
		case 1:
			cfg.Group, cfg.Focal = "g", "f"
		case 2:
			cfg.Group = "g"
		}
		one, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		halves := [2]*Accumulator{}
		for i := range halves {
			halves[i], _ = New(cfg)
		}
		groups := []string{"", "f", "r", "s"}
		diverged := false
		for n := 0; pos < len(data) && n < 400; n++ {
			r := Row{Earned: make([]float64, k), Chosen: make([]uint8, k), Group: groups[next()%4]}
			for j, it := range items {
				r.Chosen[j] = next()
				if r.Chosen[j] > 127 {
					r.Chosen[j] &= 1<<it.Options - 1 // mostly valid
				}
				e := next()
				switch e % 8 {
				case 0, 1, 2:
					r.Earned[j] = 0
				case 3, 4:
					r.Earned[j] = it.Points
				case 5:
					r.Earned[j] = it.Points * float64(e>>3) / 31
				case 6:
					r.Earned[j] = it.Points * float64(e>>3%4) / 3
				case 7:
					r.Earned[j] = []float64{math.NaN(), -1, math.Inf(1), it.Points * 1.5, 1e300}[e>>3%5]
				}
			}
			err := one.Add(r)
			err2 := halves[n%2].Add(r)
			switch {
			case err == nil && err2 != nil:
				t.Fatalf("a half refused a row the whole took: %v", err2)
			case err != nil && err2 == nil:
				// Only the limit of distinct values, which a half
				// reaches later: the halves now hold other rows.
				diverged = true
			}
		}
		want := checkReport(t, one.Report())
		if err := halves[0].Merge(halves[1]); err != nil || diverged {
			// Only the value limit may stop a merge.
			return
		}
		if got := checkReport(t, halves[0].Report()); string(got) != string(want) {
			t.Errorf("merged halves differ from one accumulator")
		}
	})
}
