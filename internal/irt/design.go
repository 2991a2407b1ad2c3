package irt

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// design is the data as the estimation sees it: the persons kept, grouped by
// the set of items they took (pattern) and their score.
type design struct {
	items []Item
	// off[i] is the index of item i's first threshold in the flat parameter
	// vector; M is the number of thresholds of all items.
	off []int
	M   int
	// counts[off[i]+k-1] is the number of persons kept with category k on
	// item i (k ≥ 1): the sufficient statistics of η.
	counts   []float64
	cats     [][]int // cats[i][k]: persons kept with category k on item i, k = 0..m
	n        []int   // persons kept who answered item i
	patterns []pattern
	// persons are the indices of the persons kept, with their pattern and
	// group; excluded counts the others.
	persons  []personRef
	excluded int
	resp     [][]int
}

type pattern struct {
	items    []int // administered items, increasing
	maxScore int
	groups   []group
}

type group struct {
	score int
	count float64
	theta float64 // ability estimate given the final thresholds
}

type personRef struct{ p, pattern, group int }

// name is how an error names item i.
func (ds *design) name(i int) string {
	if id := ds.items[i].ID; id != "" {
		return fmt.Sprintf("%q", id)
	}
	return fmt.Sprintf("#%d", i+1)
}

func (ds *design) names(items []int) string {
	const most = 8
	var b strings.Builder
	for j, i := range items {
		if j == most {
			fmt.Fprintf(&b, " and %d more", len(items)-most)
			break
		}
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ds.name(i))
	}
	return b.String()
}

// prepare checks d, sets aside the persons without information, groups the
// others and checks that the data can determine the thresholds.
func prepare(d Data) (*design, error) {
	ds, err := collect(d)
	if err != nil {
		return nil, err
	}
	return ds, ds.estimable()
}

// collect checks the shape of d, sets aside the persons without
// information and groups the others.
func collect(d Data) (*design, error) {
	ds := &design{items: d.Items, resp: d.Responses}
	if len(d.Items) == 0 {
		return nil, fmt.Errorf("irt: no items")
	}
	seen := map[string]int{}
	ds.off = make([]int, len(d.Items))
	for i, it := range d.Items {
		if it.Categories < 1 {
			return nil, fmt.Errorf("irt: item %s: highest category %d, want at least 1", ds.name(i), it.Categories)
		}
		if it.ID != "" {
			if j, ok := seen[it.ID]; ok {
				return nil, fmt.Errorf("irt: items #%d and #%d have the same id %q", j+1, i+1, it.ID)
			}
			seen[it.ID] = i
		}
		ds.off[i] = ds.M
		ds.M += it.Categories
	}
	nItems := len(d.Items)
	answered := make([]bool, nItems)
	for p, row := range d.Responses {
		if len(row) != nItems {
			return nil, fmt.Errorf("irt: person %d has %d responses, want one per item (%d)", p+1, len(row), nItems)
		}
		for i, x := range row {
			if x < -1 || x > d.Items[i].Categories {
				return nil, fmt.Errorf("irt: person %d, item %s: category %d outside 0..%d (or -1 for not administered)", p+1, ds.name(i), x, d.Items[i].Categories)
			}
			if x >= 0 {
				answered[i] = true
			}
		}
	}
	for i := range nItems {
		if !answered[i] {
			return nil, fmt.Errorf("irt: item %s was answered by nobody", ds.name(i))
		}
	}

	ds.counts = make([]float64, ds.M)
	ds.cats = make([][]int, nItems)
	for i, it := range d.Items {
		ds.cats[i] = make([]int, it.Categories+1)
	}
	ds.n = make([]int, nItems)
	index := map[string]int{}
	key := make([]byte, (nItems+7)/8)
	var items []int
	for p, row := range d.Responses {
		clear(key)
		items = items[:0]
		score, most := 0, 0
		for i, x := range row {
			if x >= 0 {
				items = append(items, i)
				key[i/8] |= 1 << (i % 8)
				score += x
				most += d.Items[i].Categories
			}
		}
		if len(items) < 2 || score == 0 || score == most {
			ds.excluded++
			continue
		}
		pi, ok := index[string(key)]
		if !ok {
			pi = len(ds.patterns)
			index[string(key)] = pi
			ds.patterns = append(ds.patterns, pattern{items: slices.Clone(items), maxScore: most})
		}
		pt := &ds.patterns[pi]
		gi := slices.IndexFunc(pt.groups, func(g group) bool { return g.score == score })
		if gi < 0 {
			gi = len(pt.groups)
			pt.groups = append(pt.groups, group{score: score})
		}
		pt.groups[gi].count++
		ds.persons = append(ds.persons, personRef{p: p, pattern: pi, group: gi})
		for _, i := range items {
			x := row[i]
			ds.cats[i][x]++
			ds.n[i]++
			if x > 0 {
				ds.counts[ds.off[i]+x-1]++
			}
		}
	}
	return ds, nil
}

// estimable checks that the data can determine the thresholds: persons
// kept, every category of every item used by them, Fischer's condition.
func (ds *design) estimable() error {
	if len(ds.persons) == 0 {
		return fmt.Errorf("irt: no person has a score between 0 and the maximum on at least two items (%d set aside): nothing to estimate from", ds.excluded)
	}
	for i, it := range ds.items {
		if ds.n[i] == 0 {
			return fmt.Errorf("irt: item %s was answered only by persons set aside (a score of 0 or the maximum, or fewer than two items)", ds.name(i))
		}
		for k, c := range ds.cats[i] {
			if c > 0 {
				continue
			}
			which := "middle"
			switch k {
			case 0:
				which = "bottom"
			case it.Categories:
				which = "top"
			}
			return fmt.Errorf("irt: item %s: category %d (the %s one, of 0..%d) was used by no person kept (extreme scores set aside); the thresholds next to it cannot be estimated: collapse or drop the category", ds.name(i), k, which, it.Categories)
		}
	}
	return ds.linked()
}

// linked checks Fischer's condition: in the directed graph with an edge
// i → j when some person kept took both and scored above 0 on i and below
// the maximum on j, every item must reach every other. When a set of items
// receives no edge from the rest, every person who took one of them and
// one of the others scored it at the maximum or the others at 0, and the
// likelihood grows without bound as those items are made easier: no
// estimate exists. (For the Rasch model the condition is also sufficient.)
func (ds *design) linked() error {
	nItems := len(ds.items)
	words := (nItems + 63) / 64
	adj := make([]uint64, nItems*words) // adj[i*words:]: bitset of j with i → j
	und := make([]uint64, nItems*words) // taken together
	below := make([]uint64, words)
	took := make([]uint64, words)
	for _, pr := range ds.persons {
		row := ds.resp[pr.p]
		clear(below)
		clear(took)
		for _, i := range ds.patterns[pr.pattern].items {
			took[i/64] |= 1 << (i % 64)
			if row[i] < ds.items[i].Categories {
				below[i/64] |= 1 << (i % 64)
			}
		}
		for _, i := range ds.patterns[pr.pattern].items {
			a, u := adj[i*words:(i+1)*words], und[i*words:(i+1)*words]
			for w := range words {
				u[w] |= took[w]
				if row[i] > 0 {
					a[w] |= below[w]
				}
			}
		}
	}
	has := func(bits []uint64, j int) bool { return bits[j/64]&(1<<(j%64)) != 0 }
	// Undirected connectivity first: the clearer message.
	comp := make([]int, nItems)
	for i := range comp {
		comp[i] = -1
	}
	stack := []int{0}
	comp[0] = 0
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j := range nItems {
			if comp[j] < 0 && has(und[i*words:], j) {
				comp[j] = 0
				stack = append(stack, j)
			}
		}
	}
	var apart []int
	for i, c := range comp {
		if c < 0 {
			apart = append(apart, i)
		}
	}
	if len(apart) > 0 {
		return fmt.Errorf("irt: items %s are not linked to the others (%s): no person kept took one of each, so their difficulties cannot be put on one scale", ds.names(apart), ds.names(complement(apart, nItems)))
	}
	scc := stronglyConnected(nItems, func(i, j int) bool { return i != j && has(adj[i*words:], j) })
	if len(scc) == 1 {
		return nil
	}
	// A component that no other item reaches: its items are infinitely easy
	// relative to the rest.
	in := make([]bool, len(scc))
	which := make([]int, nItems)
	for c, members := range scc {
		for _, i := range members {
			which[i] = c
		}
	}
	for i := range nItems {
		for j := range nItems {
			if which[i] != which[j] && has(adj[i*words:], j) {
				in[which[j]] = true
			}
		}
	}
	for c, members := range scc {
		if !in[c] {
			slices.Sort(members)
			return fmt.Errorf("irt: items %s have no finite estimates: every person kept who took one of them and another item scored the maximum on it or 0 on the other, so they look infinitely easy; more varied data (or dropping them) is needed", ds.names(members))
		}
	}
	return nil // not reached: a DAG of components has a source
}

func complement(set []int, n int) []int {
	var out []int
	for i := range n {
		if !slices.Contains(set, i) {
			out = append(out, i)
		}
	}
	return out
}

// stronglyConnected returns the strongly connected components of the graph
// on 0..n-1 with edges edge(i, j) (Tarjan's algorithm, iterative).
func stronglyConnected(n int, edge func(i, j int) bool) [][]int {
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var comps [][]int
	var stack []int
	next := 0
	type frame struct{ v, j int }
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		on[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.j < n {
				w := f.j
				f.j++
				if !edge(f.v, w) {
					continue
				}
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					on[w] = true
					call = append(call, frame{w, 0})
				} else if on[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				var c []int
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					on[w] = false
					c = append(c, w)
					if w == v {
						break
					}
				}
				comps = append(comps, c)
			}
		}
	}
	return comps
}

// start returns starting thresholds: adjacent-category log odds of the
// counts, centred.
func (ds *design) start() []float64 {
	tau := make([]float64, ds.M)
	for i, it := range ds.items {
		for k := 1; k <= it.Categories; k++ {
			tau[ds.off[i]+k-1] = math.Log(float64(ds.cats[i][k-1]) / float64(ds.cats[i][k]))
		}
	}
	centre(tau)
	return tau
}

func centre(x []float64) {
	s := 0.0
	for _, v := range x {
		s += v
	}
	s /= float64(len(x))
	for j := range x {
		x[j] -= s
	}
}

// diverged is the error when thresholds run off during the iteration.
func (ds *design) diverged(tau []float64) error {
	return fmt.Errorf("irt: the estimates do not converge: thresholds of items %s run off beyond %d logits; the likelihood has no maximum for these data (too few persons, or categories used too unevenly)", ds.names(ds.extreme(tau)), divergeAt)
}

// singular is the error when the information matrix cannot be inverted.
func (ds *design) singular(tau []float64) error {
	return fmt.Errorf("irt: the information matrix is singular: the data do not determine all thresholds (most extreme: items %s)", ds.names(ds.extreme(tau)))
}

// extreme lists the items whose largest absolute threshold is within a
// logit of the largest of all.
func (ds *design) extreme(tau []float64) []int {
	top := maxAbs(tau)
	var out []int
	for i, it := range ds.items {
		if maxAbs(tau[ds.off[i]:ds.off[i]+it.Categories]) >= top-1 {
			out = append(out, i)
		}
	}
	return out
}
