// Package i18n owns the text people read: localized bank text (Text), the
// choice of language, and the catalogue of the program's own messages in
// Bahasa Indonesia and English.
//
// Messages are looked up by key with a Printer: p.T("lint.summary", n). Each
// language has one catalogue, assembled from the files named <lang>_<area>.go
// in this package; a test checks that both catalogues hold the same keys with
// the same format verbs, so no message exists in one language only.
package i18n

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Languages the program speaks, Indonesian first.
var Languages = []string{"id", "en"}

// Default is the language used when nothing else is asked for.
const Default = "id"

// Known reports whether code is a language the program knows.
func Known(code string) bool { return code == "id" || code == "en" }

// Text is localized text: language code to string.
type Text map[string]string

// Plain makes a Text of one string in one language.
func Plain(lang, s string) Text { return Text{lang: s} }

// Get returns the text in lang, falling back to Indonesian, then English, then
// any language (in code order, so the choice is stable).
func (t Text) Get(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	if s, ok := t["id"]; ok {
		return s
	}
	if s, ok := t["en"]; ok {
		return s
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		return t[keys[0]]
	}
	return ""
}

// Has reports whether t has a non-empty string in lang.
func (t Text) Has(lang string) bool { return strings.TrimSpace(t[lang]) != "" }

// Empty reports whether t has no non-empty string at all.
func (t Text) Empty() bool {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// Choose picks the language: the flag if given, then ASNSKILL_LANG, then
// LC_ALL or LANG beginning with "en" for English; otherwise Indonesian.
func Choose(flag string, getenv func(string) string) string {
	if flag != "" {
		return normalize(flag)
	}
	if v := getenv("ASNSKILL_LANG"); v != "" {
		if l := normalize(v); Known(l) {
			return l
		}
	}
	for _, k := range []string{"LC_ALL", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return "en"
			}
			return Default
		}
	}
	return Default
}

func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-."); i > 0 {
		s = s[:i]
	}
	return s
}

var catalogs = map[string]map[string]string{}

// add registers messages of one language; duplicate keys are a programming
// error caught at start-up by the catalogue test.
func add(lang string, m map[string]string) {
	c := catalogs[lang]
	if c == nil {
		c = map[string]string{}
		catalogs[lang] = c
	}
	for k, v := range m {
		if _, dup := c[k]; dup {
			panic("i18n: duplicate message key " + lang + ":" + k)
		}
		c[k] = v
	}
}

// Printer formats catalogue messages in one language.
type Printer struct{ Lang string }

// NewPrinter returns a printer for lang (unknown languages print Indonesian).
func NewPrinter(lang string) Printer {
	if !Known(lang) {
		lang = Default
	}
	return Printer{Lang: lang}
}

// Count is a count shown with the language's thousands mark (1.000.000 in
// Indonesian, 1,000,000 in English); messages take it with %s.
type Count int64

// Dec1 is an argument shown with one decimal in the reader's language
// (10,5 in Indonesian, 10.5 in English); messages take it with %s.
type Dec1 float64

// T formats the message key with args. A missing key shows the key itself, so
// a gap is visible rather than silent.
func (p Printer) T(key string, args ...any) string {
	msg, ok := catalogs[p.Lang][key]
	if !ok {
		msg, ok = catalogs[Default][key]
	}
	if !ok {
		return key
	}
	if !hasVerb(msg) {
		// Messages and their hints share arguments; one that uses none of
		// them is returned as written.
		return strings.ReplaceAll(msg, "%%", "%")
	}
	if n := countVerbs(msg); n >= 0 && n < len(args) {
		// A message may use fewer of the shared arguments than its hint.
		args = args[:n]
	}
	copied := false // the caller's slice is not changed
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case Dec1:
			s = p.Decimal(float64(v), 1)
		case Count:
			s = p.Decimal(float64(v), 0)
		default:
			continue
		}
		if !copied {
			args, copied = append([]any(nil), args...), true
		}
		args[i] = s
	}
	out := fmt.Sprintf(msg, args...)
	if strings.Contains(out, "(s)") {
		out = plural(out)
	}
	return out
}

// pluralForm is a count followed by a noun written "noun(s)" in the
// catalogue.
var pluralForm = regexp.MustCompile(`\b(\d+) ([A-Za-z-]+)\(s\)`)

// plural writes "1 question" and "2 questions" for the catalogue's
// "%d question(s)": English marks the plural, Indonesian does not ("1 soal",
// "2 soal"), so only English messages use the form.
func plural(s string) string {
	return pluralForm.ReplaceAllStringFunc(s, func(m string) string {
		g := pluralForm.FindStringSubmatch(m)
		if g[1] == "1" {
			return g[1] + " " + g[2]
		}
		return g[1] + " " + g[2] + "s"
	})
}

// countVerbs counts the formatting verbs of msg, or -1 when it uses explicit
// argument indexes (then Sprintf does not complain about extra arguments).
func countVerbs(msg string) int {
	n := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		if i+1 < len(msg) && msg[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(msg) && strings.IndexByte("+-# 0123456789.", msg[j]) >= 0 {
			j++
		}
		if j < len(msg) && msg[j] == '[' {
			return -1
		}
		n++
	}
	return n
}

// Keys lists the keys of a language's catalogue (for tests).
func Keys(lang string) []string {
	out := make([]string, 0, len(catalogs[lang]))
	for k := range catalogs[lang] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Raw returns the unformatted message (for tests).
func Raw(lang, key string) (string, bool) {
	s, ok := catalogs[lang][key]
	return s, ok
}

func hasVerb(msg string) bool {
	for i := 0; i < len(msg); i++ {
		if msg[i] == '%' {
			if i+1 < len(msg) && msg[i+1] == '%' {
				i++
				continue
			}
			return true
		}
	}
	return false
}

// Decimal writes x with prec decimals as the language writes numbers:
// Indonesian with a decimal comma and a thousands dot (1.234,5), English
// with a decimal point and a thousands comma (1,234.5). Results for people
// only; JSON and CSV keep plain numbers.
func (p Printer) Decimal(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:] // no "-0,0"
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	if p.Lang == "id" {
		group, point = ".", ","
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// Percent writes a percent rounded to one decimal: "62,5%" or "62.5%".
func (p Printer) Percent(x float64) string { return p.Decimal(x, 1) + "%" }

// Number writes a count of points or hours without needless decimals, at
// most one: "12", "12,5".
func (p Printer) Number(x float64) string {
	s := p.Decimal(x, 1)
	if strings.HasSuffix(s, ",0") || strings.HasSuffix(s, ".0") {
		s = s[:len(s)-2]
	}
	return s
}
