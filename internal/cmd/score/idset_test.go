package score

import (
	"math/rand/v2"
	"testing"
)

// The set finds every repeat and nothing else, through growth, against a
// map; hash 0 is kept (as 1: a collision like any other of 64 bits).
func TestIDSet(t *testing.T) {
	s := newIDSet(10)
	want := map[uint64]uint32{}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50000; i++ {
		h := rng.Uint64()%20000 + 2 // many repeats (1 is where 0 is kept)
		if i == 7 {
			h = 0
		}
		v := uint32(i + 1)
		got, dup := s.add(h, v)
		first, seen := want[h]
		if dup != seen || (seen && got != first) {
			t.Fatalf("add(%d): %d %v, want %d %v", h, got, dup, first, seen)
		}
		if !seen {
			want[h] = v
		}
	}
	if s.n != len(want) {
		t.Errorf("%d ids held, want %d", s.n, len(want))
	}
}

// Adding a national try-out's ids does not allocate past the first sizing.
func BenchmarkIDSet(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	hs := make([]uint64, 1_000_000)
	for i := range hs {
		hs[i] = rng.Uint64()
	}
	b.ReportAllocs()
	for b.Loop() {
		s := newIDSet(sizeFor(len(hs)))
		for i, h := range hs {
			s.add(h, uint32(i+1))
		}
	}
}

// A repeat names the file where the candidate was first seen, by the name
// its rows carry (standard input as "<stdin>"), not the current file's.
func TestDupCheckNamesTheFirstFile(t *testing.T) {
	d := newDupCheck([]string{"-", "b.csv"})
	if _, _, dup := d.note(rowID{hash: 7, file: "<stdin>", fileIdx: 0, line: 5}); dup {
		t.Fatal("a first sight is a repeat")
	}
	file, line, dup := d.note(rowID{hash: 7, file: "b.csv", fileIdx: 1, line: 2})
	if !dup || file != "<stdin>" || line != 5 {
		t.Errorf("repeat: %q:%d %v, want <stdin>:5", file, line, dup)
	}
}

// Standard input's rows ("<stdin>") belong to the "-" among the files.
func TestFileIndexOfStandardInput(t *testing.T) {
	files := []string{"a.csv", "-", "b.csv"}
	for name, want := range map[string]int{"a.csv": 0, "<stdin>": 1, "b.csv": 2} {
		if got := fileIndex(files, name); got != want {
			t.Errorf("fileIndex(%q) = %d, want %d", name, got, want)
		}
	}
}
