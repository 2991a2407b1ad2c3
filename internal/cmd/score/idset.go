package score

import "math/bits"

// idSet remembers the candidates seen, for the duplicate-id warning, in
// 12 bytes a candidate: a 64-bit hash of the id and where it was first seen
// (seenAt). Open addressing with linear probing over two flat arrays, sized
// once from an estimate of the rows (sizeFor) so that a national try-out is
// not rehashed on the writer's path; it grows if the estimate was short.
// Go's map costs 16 bytes a slot here (alignment) and rehashes as it grows.
type idSet struct {
	keys []uint64 // 0: empty slot (hash 0 is stored as 1)
	vals []uint32
	n    int
}

func newIDSet(capacity int) *idSet {
	capacity = max(capacity, 1024)
	return &idSet{keys: make([]uint64, capacity), vals: make([]uint32, capacity)}
}

// sizeFor is the number of slots for rows at a load of about 0.8.
func sizeFor(rows int) int { return rows + rows/4 + 1024 }

// slot is where h starts probing: the high bits of h × len, a spread
// without a power-of-two size.
func (s *idSet) slot(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(s.keys)))
	return int(hi)
}

// add records h at v unless it is there already; it reports the value
// first recorded and whether h was there.
func (s *idSet) add(h uint64, v uint32) (uint32, bool) {
	if h == 0 {
		h = 1
	}
	if (s.n+1)*5 > len(s.keys)*4 { // above 0.8: grow
		s.grow()
	}
	for i := s.slot(h); ; i++ {
		if i == len(s.keys) {
			i = 0
		}
		switch s.keys[i] {
		case 0:
			s.keys[i], s.vals[i] = h, v
			s.n++
			return 0, false
		case h:
			return s.vals[i], true
		}
	}
}

func (s *idSet) grow() {
	old := *s
	*s = idSet{keys: make([]uint64, 2*len(old.keys)), vals: make([]uint32, 2*len(old.keys))}
	for i, k := range old.keys {
		if k != 0 {
			s.add(k, old.vals[i])
		}
	}
}
