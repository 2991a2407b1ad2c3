package itemstats

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// Scale is the number of units a point is counted in. Every earned value is
// rounded to the nearest 1/Scale of a point when it is added, and totals are
// sums of these integer units, so that they are exact and order-independent.
// 60,000,000 = 60 × 10⁶: any points value written with up to six decimals,
// multiplied by the fractions the scoring rules produce (k/d with d ≤ 6), is a
// whole number of units.
const Scale = 60_000_000

// MaxValues is the largest number of distinct earned values one question may
// show. The scoring rules give at most one value per set of chosen options
// (2⁶ = 64 with six options); a row that would bring a 65th is refused.
const MaxValues = 64

// MaxRows is the most rows one Accumulator counts (merged ones included):
// counters are 32 bits wide, which halves the memory Add walks through.
const MaxRows = math.MaxUint32

// MaxPoints bounds the points of the whole test (the sum over its questions),
// which keeps every total and every counter far from overflow.
const MaxPoints = 1e6

// Item describes one administered question: one column of the answer sheet,
// in column order.
type Item struct {
	ID    string
	Skill string // skill id; questions with an empty skill enter no skill summary
	// Points is m_j, the question's points: > 0.
	Points float64
	// Options is the number of options, 2..6; option i is letter 'A'+i.
	Options int
	// Key marks the keyed options (len Options): the correct options, or, for
	// a judgement question, the options with the highest score. Distractor
	// flags compare the keyed against the other options.
	Key []bool
}

// Bank identifies the bank the sheet was answered on; it is copied to the
// report as given.
type Bank struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Config is what an Accumulator analyses.
type Config struct {
	Bank  Bank
	Items []Item
	// Group is the name of the group column for DIF ("" = no DIF).
	Group string
	// Focal is the focal group's value; every other non-empty value is the
	// reference group. With Focal empty, DIF runs only when exactly two
	// non-empty values are seen: the one with fewer candidates is focal (on
	// a tie, the lexicographically larger value).
	Focal string
}

// Row is one candidate's line of the sheet, already scored.
type Row struct {
	// Earned holds, per item, the points earned by the scoring rules
	// (0 when unanswered); 0 ≤ Earned[j] ≤ Items[j].Points.
	Earned []float64
	// Chosen holds, per item, the chosen options as a bit mask (bit i =
	// option i); 0 means unanswered.
	Chosen []uint8
	// Group is the row's value of the group column; "" leaves the row out of
	// DIF only.
	Group string
}

// Group classes of a block. With an explicit focal value, classRef holds the
// reference rows and classFocal the focal ones; in automatic mode they hold
// the first and second group value seen.
const (
	classNone  = 0 // no group column, or an empty group value
	classRef   = 1
	classFocal = 2
)

type itemState struct {
	full    int64   // the question's points, in units
	maxX    float64 // twice the points: earned beyond is refused before conversion
	optMask uint8   // bits of the valid options
	vals    []int64 // distinct earned values in units; vals[0] = 0, vals[1] = full
	skill   int     // index into Accumulator.skills, or -1
	valOff  int     // first value counter in a block
	optOff  int     // first option counter in a block
	unOff   int     // the unanswered counter in a block
}

// A block holds the counters of all rows with one group class and one total.
type block struct {
	class uint8
	total int64 // in units
	n     int64
	c     []uint32 // per item: a count per earned value, per option, unanswered
}

type skillState struct {
	id    string
	items int
	sum   wide // Σ subtotal (units)
	sq    wide // Σ subtotal²
}

// Accumulator collects the counters of an item analysis, one row at a time.
// Its memory grows with the number of distinct totals, never with the number
// of rows. It is not safe for concurrent use: give each goroutine its own
// Accumulator and Merge them.
type Accumulator struct {
	cfg    Config
	items  []itemState
	skills []skillState

	grouped   bool
	auto      bool      // grouped without a focal value
	names     [3]string // automatic mode: the values of classRef and classFocal
	ambiguous bool      // automatic mode: a third group value was seen
	// others are the group values past the first two (automatic mode), the
	// lexically smallest maxListedGroups of them, sorted: named when DIF
	// needs --focal. Kept this way, merging gives what one pass gives.
	others []string

	n      int64
	index  map[int64]int32 // total<<2 | class → block
	blocks []block
	width  int

	// scratch of Add
	slots []int32
	sub   []int64
}

// New returns an empty Accumulator for cfg, or an error when cfg is not a
// usable test: no items, points not in (0, MaxPoints] (or more than
// MaxPoints together), options outside 2..6, a key of the wrong length.
func New(cfg Config) (*Accumulator, error) {
	if len(cfg.Items) == 0 {
		return nil, errors.New("itemstats: no questions")
	}
	a := &Accumulator{
		cfg:     cfg,
		items:   make([]itemState, len(cfg.Items)),
		grouped: cfg.Group != "",
		index:   make(map[int64]int32),
		slots:   make([]int32, len(cfg.Items)),
	}
	a.auto = a.grouped && cfg.Focal == ""
	a.cfg.Items = make([]Item, len(cfg.Items))
	var sum float64
	skillIndex := map[string]int{}
	for j, it := range cfg.Items {
		it.Key = slices.Clone(it.Key)
		a.cfg.Items[j] = it
		if !(it.Points > 0 && it.Points <= MaxPoints) {
			return nil, fmt.Errorf("itemstats: question %q: points must be a number in (0, %v], not %v", it.ID, float64(MaxPoints), it.Points)
		}
		if it.Options < 2 || it.Options > 6 {
			return nil, fmt.Errorf("itemstats: question %q: %d options, want 2..6", it.ID, it.Options)
		}
		if len(it.Key) != it.Options {
			return nil, fmt.Errorf("itemstats: question %q: key has %d entries for %d options", it.ID, len(it.Key), it.Options)
		}
		sum += it.Points
		full := int64(math.Round(it.Points * Scale))
		if full < 1 {
			return nil, fmt.Errorf("itemstats: question %q: points %v is below 1/%d", it.ID, it.Points, Scale)
		}
		st := &a.items[j]
		st.full = full
		st.maxX = 2 * it.Points
		st.optMask = uint8(1<<it.Options - 1)
		st.vals = []int64{0, full}
		st.skill = -1
		if it.Skill != "" {
			k, ok := skillIndex[it.Skill]
			if !ok {
				k = len(a.skills)
				skillIndex[it.Skill] = k
				a.skills = append(a.skills, skillState{id: it.Skill})
			}
			a.skills[k].items++
			st.skill = k
		}
	}
	if sum > MaxPoints {
		return nil, fmt.Errorf("itemstats: the questions are worth %v points together, more than %v", sum, float64(MaxPoints))
	}
	a.sub = make([]int64, len(a.skills))
	a.layout()
	return a, nil
}

// layout sets the offsets of every item's counters in a block.
func (a *Accumulator) layout() {
	off := 0
	for j := range a.items {
		st := &a.items[j]
		st.valOff = off
		st.optOff = off + len(st.vals)
		st.unOff = st.optOff + a.cfg.Items[j].Options
		off = st.unOff + 1
	}
	a.width = off
}

// addValues registers new earned values (fresh[j] for item j) and moves
// every block's counters to the new layout. Old value slots keep their
// index, so counts stay where they were. It is rare: a question has few
// values, and 0 and its full points are there from the start.
func (a *Accumulator) addValues(fresh map[int][]int64) {
	old := make([]itemState, len(a.items))
	copy(old, a.items)
	for j, vs := range fresh {
		a.items[j].vals = append(a.items[j].vals, vs...)
	}
	a.layout()
	for b := range a.blocks {
		oc := a.blocks[b].c
		nc := make([]uint32, a.width)
		for j := range a.items {
			o, s := &old[j], &a.items[j]
			copy(nc[s.valOff:s.valOff+len(o.vals)], oc[o.valOff:o.optOff])
			copy(nc[s.optOff:s.unOff+1], oc[o.optOff:o.unOff+1])
		}
		a.blocks[b].c = nc
	}
}

func (st *itemState) slot(q int64) int32 {
	switch q { // the common cases first
	case 0:
		return 0
	case st.full:
		return 1
	}
	for s, v := range st.vals {
		if v == q {
			return int32(s)
		}
	}
	return -1
}

// Add counts one row. It returns an error, and counts nothing, when the row
// does not fit the configuration: wrong lengths, an earned value that is not
// a number in 0..points, points earned without an answer, an option outside
// the question, or a question's 65th distinct earned value.
func (a *Accumulator) Add(r Row) error {
	k := len(a.items)
	if a.n >= MaxRows {
		return fmt.Errorf("itemstats: more than %d rows", uint64(MaxRows))
	}
	if len(r.Earned) != k || len(r.Chosen) != k {
		return fmt.Errorf("itemstats: row has %d earned values and %d answers for %d questions", len(r.Earned), len(r.Chosen), k)
	}
	var total int64
	grow := false
	for j := range a.sub {
		a.sub[j] = 0
	}
	for j := range k {
		st := &a.items[j]
		x := r.Earned[j]
		// Written so that NaN fails too; 2×points keeps the conversion in range.
		if !(x >= 0 && x <= st.maxX) {
			return fmt.Errorf("itemstats: question %q: earned %v is not in 0..%v", a.cfg.Items[j].ID, x, a.cfg.Items[j].Points)
		}
		q := quantize(x)
		if q > st.full {
			return fmt.Errorf("itemstats: question %q: earned %v is not in 0..%v", a.cfg.Items[j].ID, x, a.cfg.Items[j].Points)
		}
		m := r.Chosen[j]
		if m&^st.optMask != 0 {
			return fmt.Errorf("itemstats: question %q: option %c chosen, of %d options", a.cfg.Items[j].ID, 'A'+7-bits.LeadingZeros8(m&^st.optMask), a.cfg.Items[j].Options)
		}
		if m == 0 && q != 0 {
			return fmt.Errorf("itemstats: question %q: earned %v without an answer", a.cfg.Items[j].ID, x)
		}
		var s int32 // the common values inline, the rest by search
		switch q {
		case 0:
		case st.full:
			s = 1
		default:
			s = st.slot(q)
		}
		if s < 0 {
			if len(st.vals) >= MaxValues {
				return fmt.Errorf("itemstats: question %q: more than %d distinct earned values", a.cfg.Items[j].ID, MaxValues)
			}
			grow = true
		}
		a.slots[j] = s
		total += q
		if st.skill >= 0 {
			a.sub[st.skill] += q
		}
	}
	if grow {
		fresh := map[int][]int64{}
		for j := range k {
			if a.slots[j] < 0 {
				fresh[j] = []int64{quantize(r.Earned[j])}
			}
		}
		a.addValues(fresh)
		for j := range fresh {
			a.slots[j] = a.items[j].slot(quantize(r.Earned[j]))
		}
	}

	class := a.classOf(r.Group)
	key := total<<2 | int64(class)
	bi, ok := a.index[key]
	if !ok {
		bi = int32(len(a.blocks))
		a.blocks = append(a.blocks, block{class: class, total: total, c: make([]uint32, a.width)})
		a.index[key] = bi
	}
	b := &a.blocks[bi]
	b.n++
	c := b.c
	for j := range k {
		st := &a.items[j]
		c[st.valOff+int(a.slots[j])]++
		m := r.Chosen[j]
		if m == 0 {
			c[st.unOff]++
			continue
		}
		for ; m != 0; m &= m - 1 {
			c[st.optOff+bits.TrailingZeros8(m)]++
		}
	}
	for s := range a.skills {
		u := uint64(a.sub[s])
		a.skills[s].sum.add(0, u)
		a.skills[s].sq.add(bits.Mul64(u, u))
	}
	a.n++
	return nil
}

func (a *Accumulator) classOf(g string) uint8 {
	switch {
	case !a.grouped || g == "":
		return classNone
	case !a.auto:
		if g == a.cfg.Focal {
			return classFocal
		}
		return classRef
	}
	for c := classRef; c <= classFocal; c++ {
		if a.names[c] == g {
			return uint8(c)
		}
		if a.names[c] == "" && !a.ambiguous {
			a.names[c] = g
			return uint8(c)
		}
	}
	// A third value: DIF needs a focal value now, and the classes only
	// separate empty from non-empty groups.
	a.ambiguous = true
	a.noteOther(g)
	return classRef
}

// maxListedGroups is how many group values a "choose --focal" message names.
const maxListedGroups = 10

// noteOther keeps g among the smallest maxListedGroups other values.
func (a *Accumulator) noteOther(g string) {
	i, found := slices.BinarySearch(a.others, g)
	if found || i >= maxListedGroups {
		return
	}
	a.others = slices.Insert(a.others, i, g)
	if len(a.others) > maxListedGroups {
		a.others = a.others[:maxListedGroups]
	}
}

// Merge adds the counts of b to a, as if a had been given b's rows too. Both
// must have been made from equal configurations. b is left unchanged.
func (a *Accumulator) Merge(b *Accumulator) error {
	if a == b {
		return errors.New("itemstats: an accumulator cannot be merged with itself")
	}
	if !sameConfig(a.cfg, b.cfg) {
		return errors.New("itemstats: merging accumulators of different configurations")
	}
	if a.n+b.n > MaxRows {
		return fmt.Errorf("itemstats: more than %d rows", uint64(MaxRows))
	}
	// Earned values of b that a has not seen: check the limit first, so
	// that a failed merge changes nothing.
	fresh := map[int][]int64{}
	for j := range b.items {
		var vs []int64
		for _, v := range b.items[j].vals {
			if a.items[j].slot(v) < 0 {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			if len(a.items[j].vals)+len(vs) > MaxValues {
				return fmt.Errorf("itemstats: question %q: more than %d distinct earned values", a.cfg.Items[j].ID, MaxValues)
			}
			fresh[j] = vs
		}
	}
	if len(fresh) > 0 {
		a.addValues(fresh)
	}
	var classes [3]uint8 // b's class → a's class
	classes[classRef], classes[classFocal] = classRef, classFocal
	if a.auto {
		if b.ambiguous {
			a.ambiguous = true
		}
		for _, g := range b.others {
			if g != a.names[classRef] && g != a.names[classFocal] {
				a.noteOther(g)
			}
		}
		for c := classRef; c <= classFocal; c++ {
			if b.names[c] != "" {
				classes[c] = a.classOf(b.names[c])
			}
		}
	}
	slotMap := make([][]int, len(b.items))
	for j := range b.items {
		slotMap[j] = make([]int, len(b.items[j].vals))
		for s, v := range b.items[j].vals {
			slotMap[j][s] = int(a.items[j].slot(v))
		}
	}
	for _, bb := range b.blocks {
		class := classes[bb.class]
		key := bb.total<<2 | int64(class)
		bi, ok := a.index[key]
		if !ok {
			bi = int32(len(a.blocks))
			a.blocks = append(a.blocks, block{class: class, total: bb.total, c: make([]uint32, a.width)})
			a.index[key] = bi
		}
		ab := &a.blocks[bi]
		ab.n += bb.n
		for j := range b.items {
			bs, as := &b.items[j], &a.items[j]
			for s := range bs.vals {
				ab.c[as.valOff+slotMap[j][s]] += bb.c[bs.valOff+s]
			}
			for o := 0; o <= a.cfg.Items[j].Options; o++ { // options, then unanswered
				ab.c[as.optOff+o] += bb.c[bs.optOff+o]
			}
		}
	}
	for s := range a.skills {
		a.skills[s].sum.addWide(b.skills[s].sum)
		a.skills[s].sq.addWide(b.skills[s].sq)
	}
	a.n += b.n
	return nil
}

// quantize converts earned points (≥ 0) to units, rounding half up.
func quantize(x float64) int64 { return int64(x*Scale + 0.5) }

func sameConfig(x, y Config) bool {
	if x.Group != y.Group || x.Focal != y.Focal || len(x.Items) != len(y.Items) {
		return false
	}
	for j := range x.Items {
		p, q := x.Items[j], y.Items[j]
		if p.ID != q.ID || p.Skill != q.Skill || p.Points != q.Points || p.Options != q.Options || !slices.Equal(p.Key, q.Key) {
			return false
		}
	}
	return true
}

// Rows returns the number of rows added so far.
func (a *Accumulator) Rows() int64 { return a.n }
