package bank

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Test-wise shortcuts: the measures of docs/writing-questions.md. A
// candidate who knows nothing should not beat a bank by the shape of its
// options: the key being the longest (or second-longest) option, absolute
// words marking the distractors, multiple-answer questions always keyed the
// same number of times, or the same scenario asked twice. Lint warns about
// each (quality), and the shipped banks are held to stricter limits by a
// test (quizzes/quizzes_test.go).

// Limits lint applies to any bank (the shipped banks meet stricter ones).
const (
	// LintLengthRankShare: a length rank holding more of the single keys
	// than this is a cue (in a bank of at least lintMinSingles).
	LintLengthRankShare = 0.40
	// AbsoluteWordGap: distractors may carry absolute words at most this
	// many percentage points more often than keys.
	AbsoluteWordGap = 6.0
	// NearDuplicate: two questions sharing this share of their content
	// words (Jaccard) ask the same thing.
	NearDuplicate = 0.40

	lintMinSingles  = 12 // fewer single questions say nothing of a pattern
	lintMinOdd      = 8
	lintMinMultiple = 3
	lintMinKeys     = 15
)

// LengthRank is the rank of the keyed option's length among q's options in
// lang (1 = the longest; ties share the better rank), or 0 when q is not a
// single question of three options or more.
func LengthRank(q *Question, lang string) int {
	if q.Type != Single || len(q.Options) < 3 {
		return 0
	}
	key := -1
	for i, o := range q.Options {
		if o.Correct {
			key = i
		}
	}
	if key < 0 {
		return 0
	}
	kl := utf8.RuneCountInString(q.Options[key].Text.Get(lang))
	rank := 1
	for _, o := range q.Options {
		if utf8.RuneCountInString(o.Text.Get(lang)) > kl {
			rank++
		}
	}
	return rank
}

// LengthRanks counts the single keys of qs by length rank in lang.
func LengthRanks(qs []Question, lang string) (byRank map[int]int, total int) {
	byRank = map[int]int{}
	for i := range qs {
		if r := LengthRank(&qs[i], lang); r > 0 {
			byRank[r]++
			total++
		}
	}
	return byRank, total
}

// BestIsLongest reports whether the best option of a judgement question is
// also its longest in lang (ties count as longest).
func BestIsLongest(q *Question, lang string) bool {
	if q.Type != Judgement || len(q.Options) == 0 {
		return false
	}
	best, longest := 0, 0
	for i, o := range q.Options {
		if o.Score > q.Options[best].Score {
			best = i
		}
		longest = max(longest, utf8.RuneCountInString(o.Text.Get(lang)))
	}
	return utf8.RuneCountInString(q.Options[best].Text.Get(lang)) == longest
}

// absoluteWords mark a claim as all-or-nothing; candidates learn that such
// options are usually wrong. Single words and two-word phrases, matched on
// whole words (lint runs them on every option, so no regular expressions).
var absoluteWords = map[string]map[string]bool{
	"id": set("selalu", "tidak pernah", "hanya", "sama sekali", "pasti", "mutlak", "sepenuhnya", "tidak mungkin", "semua", "seluruh", "seluruhnya"),
	"en": set("always", "never", "only", "at all", "certainly", "absolutely", "completely", "impossible", "all", "entire", "entirely"),
}

// reasonWords join an option to its reason ("X, karena Y").
var reasonWords = map[string]map[string]bool{
	"id": set("karena", "sehingga", "agar", "supaya"),
	"en": set("because", "so that", "since", "as it"),
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// words splits s into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// findWord returns the first word or two-word phrase of s in list, or "".
func findWord(s string, list map[string]bool) string {
	ws := words(s)
	for i, w := range ws {
		if list[w] {
			return w
		}
		if i+1 < len(ws) {
			if p := w + " " + ws[i+1]; list[p] {
				return p
			}
		}
	}
	return ""
}

// AbsoluteWord returns the first absolute word in s (lang's list), or "".
func AbsoluteWord(s, lang string) string { return findWord(s, absoluteWords[lang]) }

// AbsoluteWordRates is the percent of keys and of distractors of the single
// and multiple questions of qs that carry an absolute word in lang.
func AbsoluteWordRates(qs []Question, lang string) (keys, distractors float64, nKeys, nDistractors int) {
	var k, d int
	for i := range qs {
		q := &qs[i]
		if q.Type != Single && q.Type != Multiple {
			continue
		}
		for _, o := range q.Options {
			abs := AbsoluteWord(o.Text.Get(lang), lang) != ""
			if o.Correct {
				nKeys++
				if abs {
					k++
				}
			} else {
				nDistractors++
				if abs {
					d++
				}
			}
		}
	}
	if nKeys > 0 {
		keys = 100 * float64(k) / float64(nKeys)
	}
	if nDistractors > 0 {
		distractors = 100 * float64(d) / float64(nDistractors)
	}
	return keys, distractors, nKeys, nDistractors
}

// shapes are the marks of an option's wording that make it stand out when
// one option alone has (or alone lacks) them: a colon or semicolon ("Tidak
// sah: …"), a reason connective, a parenthesis.
var shapes = []func(text, lang string) bool{
	func(t, _ string) bool { return strings.Contains(t, ": ") || strings.Contains(t, "; ") },
	func(t, lang string) bool { return findWord(t, reasonWords[lang]) != "" },
	func(t, _ string) bool { return strings.Contains(t, "(") },
}

// OddShape returns the option of a single question that alone differs from
// the others in shape (the first mark in shapes order that singles one
// out), or −1 when none does.
func OddShape(q *Question, lang string) int {
	if q.Type != Single || len(q.Options) < 3 {
		return -1
	}
	for _, has := range shapes {
		with, at, without := 0, -1, -1
		for i, o := range q.Options {
			if has(o.Text.Get(lang), lang) {
				with++
				at = i
			} else {
				without = i
			}
		}
		switch with {
		case 1:
			return at
		case len(q.Options) - 1:
			return without
		}
	}
	return -1
}

// OddShapeKeys counts, over qs in lang, the single questions with an
// odd-shaped option and how many of those have it as the key.
func OddShapeKeys(qs []Question, lang string) (keys, total int) {
	for i := range qs {
		if k := OddShape(&qs[i], lang); k >= 0 {
			total++
			if qs[i].Options[k].Correct {
				keys++
			}
		}
	}
	return keys, total
}

// KeyCount is the number of keyed options of q.
func KeyCount(q *Question) int {
	n := 0
	for _, o := range q.Options {
		if o.Correct {
			n++
		}
	}
	return n
}

// stopwords are left out of content words: the words every question uses.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`yang dan atau untuk dengan dari pada dalam ini itu adalah akan tidak oleh agar
	sebagai karena bahwa apa anda dapat lebih harus juga sudah belum masih setiap semua para kepada tersebut
	secara antara hanya bila jika saat atas bagi sejak maka namun tetapi serta seperti yaitu ialah apakah
	manakah berikut paling mana sebuah satu dua tiga the and or for with from into this that these those are
	was were is be been being have has had not can could should would will shall what which who whom whose
	when where why how your you they their them its it's than then also only each every some such very more
	most less least about over under after before while does did do done make made per any all other another`) {
		m[w] = true
	}
	return m
}()

// ContentWords are the words of q's prompt and options in lang that carry
// meaning: lower case, at least four letters, not a stopword.
func ContentWords(q *Question, lang string) map[string]bool {
	var b strings.Builder
	b.WriteString(q.Prompt.Get(lang))
	for _, o := range q.Options {
		b.WriteByte(' ')
		b.WriteString(o.Text.Get(lang))
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(b.String()), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 4 && !stopwords[w] {
			words[w] = true
		}
	}
	return words
}

// Similarity is the share of content words two questions have in common
// (Jaccard: shared / all).
func Similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

// similarityIDs is Similarity over sorted word numbers.
func similarityIDs(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

// skeletonWords are what `asnskill new` and the format's examples leave
// for the author to replace; skeletonText finds them (TODO as a word).
var (
	skeletonWords = []string{"TODO", "example.org", "Example Academy", "Akademi Contoh"}
	skeletonText  = func() *regexp.Regexp {
		alts := make([]string, len(skeletonWords))
		for i, w := range skeletonWords {
			alts[i] = regexp.QuoteMeta(w)
		}
		alts[0] = `\b` + alts[0] + `\b`
		return regexp.MustCompile(strings.Join(alts, "|"))
	}()
)

// mayBeSkeleton is a quick test before the regular expression.
func mayBeSkeleton(s string) bool {
	for _, w := range skeletonWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// checkQuality adds lint's warnings about test-wise shortcuts (see above).
func checkQuality(d *decoder, b *Bank, root *yaml.Node) {
	qs := b.Questions
	for _, lang := range b.languages() {
		byRank, total := LengthRanks(qs, lang)
		if total >= lintMinSingles {
			for rank := 1; rank <= 6; rank++ {
				n := byRank[rank]
				if float64(n) <= LintLengthRankShare*float64(total) {
					continue
				}
				for i := range qs {
					if LengthRank(&qs[i], lang) == rank {
						d.warnAt(qs[i].Pos.Line, qs[i].Pos.Col, "length-cue", lang, rank, n, total, 100*float64(n)/float64(total))
						break
					}
				}
			}
		}
		if k, n := OddShapeKeys(qs, lang); n >= lintMinOdd && float64(k) > LintLengthRankShare*float64(n) {
			for i := range qs {
				if o := OddShape(&qs[i], lang); o >= 0 && qs[i].Options[o].Correct {
					d.warnAt(qs[i].Pos.Line, qs[i].Pos.Col, "shape-cue", lang, k, n, 100*float64(k)/float64(n))
					break
				}
			}
		}
		keys, dis, nk, _ := AbsoluteWordRates(qs, lang)
		if nk >= lintMinKeys && dis-keys > AbsoluteWordGap {
		first:
			for i := range qs {
				if qs[i].Type != Single && qs[i].Type != Multiple {
					continue
				}
				for _, o := range qs[i].Options {
					if w := AbsoluteWord(o.Text.Get(lang), lang); !o.Correct && w != "" {
						d.warnAt(o.Pos.Line, o.Pos.Col, "absolute-words", lang, dis, keys, w)
						break first
					}
				}
			}
		}
	}
	counts := map[int]int{}
	var firstMultiple *Question
	multiples := 0
	for i := range qs {
		if qs[i].Type == Multiple {
			if firstMultiple == nil {
				firstMultiple = &qs[i]
			}
			multiples++
			counts[KeyCount(&qs[i])]++
		}
	}
	if multiples >= lintMinMultiple && len(counts) == 1 {
		d.warnAt(firstMultiple.Pos.Line, firstMultiple.Pos.Col, "multiple-same-count", multiples, KeyCount(firstMultiple))
	}
	for _, lang := range b.languages() {
		// Words as sorted numbers: the pairwise comparison is a merge.
		dict := map[string]int32{}
		ids := make([][]int32, len(qs))
		for i := range qs {
			for w := range ContentWords(&qs[i], lang) {
				id, ok := dict[w]
				if !ok {
					id = int32(len(dict))
					dict[w] = id
				}
				ids[i] = append(ids[i], id)
			}
			slices.Sort(ids[i])
		}
		for j := range qs {
			for i := 0; i < j; i++ {
				if s := similarityIDs(ids[i], ids[j]); s >= NearDuplicate {
					d.warnAt(qs[j].Pos.Line, qs[j].Pos.Col, "near-duplicate", qs[j].ID, qs[i].ID, qs[i].Pos.Line, 100*s, lang)
				}
			}
		}
	}
	walkScalars(root, func(n *yaml.Node) {
		if !mayBeSkeleton(n.Value) || strings.HasPrefix(strings.TrimSpace(n.Value), "TODO") {
			return // nothing of the kind, or reported as todo-text already
		}
		if m := skeletonText.FindString(n.Value); m != "" {
			d.warn(n, "skeleton-text", m)
		}
	})
}

// languages are the languages the bank's prompts are written in, id first.
func (b *Bank) languages() []string {
	var out []string
	for _, lang := range []string{"id", "en"} {
		for i := range b.Questions {
			if b.Questions[i].Prompt[lang] != "" {
				out = append(out, lang)
				break
			}
		}
	}
	return out
}

func walkScalars(n *yaml.Node, fn func(*yaml.Node)) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode {
		fn(n)
		return
	}
	for _, c := range n.Content {
		walkScalars(c, fn)
	}
}
