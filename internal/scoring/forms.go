package scoring

import (
	"strings"
	"unicode"

	"github.com/asnskill/asnskill/internal/answers"
	"github.com/asnskill/asnskill/internal/bank"
)

// Form exports (Google Forms, Microsoft Forms, Kobo) head each question's
// column with its text and fill the cells with the chosen option's text,
// checkbox answers joined with ", ". Both are matched to the bank after
// normalising: case, runs of white space, and the marks of the bank's
// inline formatting (` and *) do not count.

// normText is the form of a text that matching compares.
func normText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '`' || r == '*':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// formIndex holds the bank's prompts and option texts, normalised.
type formIndex struct {
	prompts map[string][]string   // normalised prompt → question ids
	options map[string][][]string // question id → per option, its texts
}

func newFormIndex(b *bank.Bank) *formIndex {
	fi := &formIndex{prompts: map[string][]string{}, options: map[string][][]string{}}
	for i := range b.Questions {
		q := &b.Questions[i]
		for _, t := range distinct(q.Prompt) {
			fi.prompts[t] = appendOnce(fi.prompts[t], q.ID)
		}
		opts := make([][]string, len(q.Options))
		for k, o := range q.Options {
			opts[k] = distinct(o.Text)
		}
		fi.options[q.ID] = opts
	}
	return fi
}

func distinct(t map[string]string) []string {
	var out []string
	for _, s := range t {
		if n := normText(s); n != "" {
			out = appendOnce(out, n)
		}
	}
	return out
}

func appendOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// MatchColumn says which question a sheet's column header names: its id
// exactly, else its prompt in either language; n is how many questions it
// could name (0, 1, or 2 and more: ambiguous).
func (bk *Bulk) MatchColumn(header string) (id string, n int) {
	if bk.Bank.Question(header) != nil {
		return header, 1
	}
	ids := bk.forms().prompts[normText(header)]
	if len(ids) == 0 {
		return "", 0
	}
	return ids[0], len(ids)
}

func (bk *Bulk) forms() *formIndex {
	bk.formOnce.Do(func() { bk.formIdx = newFormIndex(bk.Bank) })
	return bk.formIdx
}

// optionChoice reads a cell that holds option text: the whole cell first,
// then checkbox answers joined with ", " (Google Forms) or ";" (Microsoft
// Forms), where an option's own text may contain ", " too: the cell is cut into option texts from left to right,
// trying each option that fits (at most 6, so the search is small).
func (bk *Bulk) optionChoice(qid, cell string) (answers.Choice, bool) {
	opts := bk.forms().options[qid]
	n := normText(cell)
	var walk func(rest string, c answers.Choice) (answers.Choice, bool)
	walk = func(rest string, c answers.Choice) (answers.Choice, bool) {
		for k, texts := range opts {
			if c.Has(k) {
				continue
			}
			for _, t := range texts {
				if !strings.HasPrefix(rest, t) {
					continue
				}
				after := rest[len(t):]
				if after == "" || after == ";" { // Microsoft Forms ends with ";"
					return c.With(k), true
				}
				// Google Forms joins checkbox answers with ", ", Microsoft
				// Forms with ";".
				for _, sep := range []string{", ", "; ", ";"} {
					if strings.HasPrefix(after, sep) {
						if got, ok := walk(after[len(sep):], c.With(k)); ok {
							return got, true
						}
					}
				}
			}
		}
		return 0, false
	}
	if n == "" {
		return 0, false
	}
	for k, texts := range opts { // the whole cell is one option's text
		for _, t := range texts {
			if t == n {
				return answers.Choice(0).With(k), true
			}
		}
	}
	return walk(n, 0)
}

// letterLike reports whether a cell could be option letters ("B", "a,c",
// "A C"): only letters and the separators answers.ParseChoice skips.
func letterLike(cell string) bool {
	for i := 0; i < len(cell); i++ {
		switch c := cell[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == ',', c == ' ', c == ';', c == '\t', c == '|':
		default:
			return false
		}
	}
	return true
}
