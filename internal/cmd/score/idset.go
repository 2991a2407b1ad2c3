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

// dupCheck finds candidate ids seen twice among the scored rows, in input
// order, across every file of the run.
type dupCheck struct {
	seen       *idSet
	inputBytes int64    // the CSV input's size, to size seen (0: unknown)
	names      []string // each file's name in messages, by its place
}

func newDupCheck(files []string) *dupCheck {
	return &dupCheck{seen: newIDSet(sizeFor(4096)), inputBytes: csvBytes(files), names: make([]string, len(files))}
}

// size sizes the set once from the first chunk's bytes a row, so that a
// large sheet is not rehashed as it is read.
func (d *dupCheck) size(chunkBytes, rows int) {
	if d.seen.n == 0 && chunkBytes > 0 && rows > 0 && d.inputBytes > 0 {
		d.seen = newIDSet(sizeFor(int(d.inputBytes/int64(max(1, chunkBytes/rows))) * 21 / 20))
	}
}

// note records a scored row. For a candidate seen before it reports the
// file and line of the first time (line 0 when that place was not kept).
func (d *dupCheck) note(id rowID) (file string, line int, dup bool) {
	if id.fileIdx < len(d.names) && d.names[id.fileIdx] == "" {
		d.names[id.fileIdx] = id.file
	}
	was, dup := d.seen.add(id.hash, seenAt(id.fileIdx, id.line))
	if !dup || was == 0 {
		return "", 0, dup
	}
	return d.names[min(int(was>>seenLineBits), len(d.names)-1)], int(was & (1<<seenLineBits - 1)), true
}
