package irt

import (
	"math"
	"testing"
)

// fuzzData turns bytes into a small data set: 2 to 5 items of highest
// category 1 to 3, up to 30 persons, any mix of categories and missing
// responses.
func fuzzData(b []byte) Data {
	var d Data
	if len(b) == 0 {
		return d
	}
	n := 2 + int(b[0])%4
	b = b[1:]
	for i := range n {
		c := 1
		if i < len(b) {
			c = 1 + int(b[i])%3
		}
		d.Items = append(d.Items, Item{ID: string(rune('A' + i)), Categories: c})
	}
	b = b[min(n, len(b)):]
	for len(b) >= n && len(d.Responses) < 30 {
		row := make([]int, n)
		for i := range row {
			row[i] = int(b[i])%(d.Items[i].Categories+2) - 1
		}
		d.Responses = append(d.Responses, row)
		b = b[n:]
	}
	return d
}

// FuzzCML: whatever the data, CML returns an error or finite estimates
// that keep the constraint and the counts; it never panics.
func FuzzCML(f *testing.F) {
	f.Add([]byte{0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1})
	f.Add([]byte{1, 1, 2, 0, 1, 2, 3, 0, 1, 2, 2, 1, 3, 1, 0, 2, 2, 1, 1, 0, 3, 0, 1, 2, 1})
	f.Add([]byte{3, 2, 1, 0, 2, 5, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 2, 2, 1, 4, 3, 2, 1, 0, 1, 3, 3, 2, 1, 4, 0, 0, 1, 2, 3, 4, 4, 3, 2, 1, 0})
	f.Add([]byte{2, 0, 0, 0, 2, 1, 0, 1, 2, 0, 2, 1, 1, 0, 0, 1, 2, 2, 1, 0, 0, 2, 0, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := fuzzData(b)
		res, err := CML(d, Options{})
		if err != nil {
			return
		}
		if !finite(res) {
			t.Fatalf("not finite: %+v", res)
		}
		if res.Persons+res.Excluded != len(d.Responses) || res.Persons == 0 {
			t.Fatalf("persons %d + excluded %d, of %d", res.Persons, res.Excluded, len(d.Responses))
		}
		sum := 0.0
		for _, it := range res.Items {
			if it.N < 1 || it.N > res.Persons {
				t.Fatalf("item %s: N %d of %d persons", it.ID, it.N, res.Persons)
			}
			for k, v := range it.Thresholds {
				sum += v
				if it.SE[k] < 0 {
					t.Fatalf("item %s: negative standard error %v", it.ID, it.SE)
				}
			}
			if it.Infit < 0 || it.Outfit < 0 {
				t.Fatalf("item %s: negative mean square", it.ID)
			}
		}
		if math.Abs(sum) > 1e-6 {
			t.Fatalf("thresholds sum to %g", sum)
		}
	})
}
