package answers

import (
	"fmt"
	"math/bits"
	"strings"
)

// Letters names option positions: the canonical identity of an option.
const Letters = "ABCDEF"

// Choice is a set of chosen options by canonical position (bit 0 = A).
type Choice uint8

// Has reports whether option i is chosen.
func (c Choice) Has(i int) bool { return c&(1<<uint(i)) != 0 }

// Count is the number of options chosen.
func (c Choice) Count() int { return bits.OnesCount8(uint8(c)) }

// With returns c with option i chosen.
func (c Choice) With(i int) Choice { return c | 1<<uint(i) }

// Toggle flips option i.
func (c Choice) Toggle(i int) Choice { return c ^ 1<<uint(i) }

// Letters lists the chosen letters in order, e.g. ["A", "C"]; never nil.
func (c Choice) Letters() []string {
	out := make([]string, 0, c.Count())
	for i := 0; i < len(Letters); i++ {
		if c.Has(i) {
			out = append(out, Letters[i:i+1])
		}
	}
	return out
}

// String is the letters joined, e.g. "AC"; "" when unanswered.
func (c Choice) String() string {
	var b [6]byte
	n := 0
	for i := 0; i < len(Letters); i++ {
		if c.Has(i) {
			b[n] = Letters[i]
			n++
		}
	}
	return string(b[:n])
}

// ChoiceError says why a cell is not a valid answer.
type ChoiceError struct {
	Cell   string
	Reason string // "letter" (not A–F), "range" (beyond the options), "many" (several for a one-answer question)
	Letter byte
	Max    int
}

func (e *ChoiceError) Error() string {
	switch e.Reason {
	case "range":
		return fmt.Sprintf("answer %q: letter %c is beyond the %d options (A–%c)", e.Cell, e.Letter, e.Max, Letters[e.Max-1])
	case "many":
		return fmt.Sprintf("answer %q: this question takes one answer", e.Cell)
	case "repeat":
		return fmt.Sprintf("answer %q: letter %c is given twice", e.Cell, e.Letter)
	}
	return fmt.Sprintf("answer %q: %q is not an option letter", e.Cell, e.Letter)
}

// ParseChoice reads a cell such as "B", "a,c", "AC" or "A C" for a question
// with n options. Empty (or only separators) means unanswered. single says the
// question takes one answer.
func ParseChoice(cell string, n int, single bool) (Choice, error) {
	var c Choice
	for i := 0; i < len(cell); i++ {
		ch := cell[i]
		switch {
		case ch == ',' || ch == ' ' || ch == ';' || ch == '\t' || ch == '|':
			continue
		case ch >= 'a' && ch <= 'z':
			ch -= 'a' - 'A'
		}
		if ch < 'A' || ch > 'Z' {
			return 0, &ChoiceError{Cell: cell, Reason: "letter", Letter: cell[i]}
		}
		k := int(ch - 'A')
		if k >= n || k >= len(Letters) {
			return 0, &ChoiceError{Cell: cell, Reason: "range", Letter: ch, Max: n}
		}
		if c.Has(k) {
			// "BB" or "A,A": a slip or a mangled cell, not an answer to
			// read as B or A.
			return 0, &ChoiceError{Cell: cell, Reason: "repeat", Letter: ch}
		}
		c = c.With(k)
	}
	if single && c.Count() > 1 {
		return 0, &ChoiceError{Cell: cell, Reason: "many"}
	}
	return c, nil
}

// ParseLetters is ParseChoice over a list of letters (a JSON answer).
func ParseLetters(list []string, n int, single bool) (Choice, error) {
	return ParseChoice(strings.Join(list, ","), n, single)
}
