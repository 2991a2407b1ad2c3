package bank

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/asnskill/asnskill/internal/i18n"
)

// IDPattern is the pattern of bank, skill and question ids.
var IDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// The keys each part of a bank may have, in the order the format lists them.
var (
	BankKeys = []string{"format", "id", "version", "language", "languages", "title", "summary", "authors",
		"license", "passing_score", "time_limit", "quiz_size", "levels", "calibration", "skills", "questions"}
	LevelKeys          = []string{"level", "min", "name"}
	SkillKeys          = []string{"id", "name", "description", "weight", "target_level", "pass_min", "recommendations"}
	RecommendationKeys = []string{"for_levels", "kind", "title", "provider", "url", "hours", "why"}
	QuestionKeys       = []string{"id", "skill", "type", "difficulty", "points", "prompt", "options",
		"explanation", "references", "tags", "irt"}
	OptionKeys = []string{"text", "correct", "score", "feedback"}
	IRTKeys    = []string{"thresholds", "se"}
	// CalibrationKeys are the keys of a bank's calibration record.
	CalibrationKeys = []string{"date", "sample_size", "method"}
)

// Limits on hostile input.
const (
	maxDepth      = 64      // nesting of the bank's structure is under 10
	maxAliasNodes = 100_000 // nodes reached through aliases, all told
)

// Decode reads a bank from data. name is used in diagnostics. The bank is
// returned whenever the file is a YAML mapping, even with errors, so that lint
// can report everything at once; callers other than lint must refuse a bank
// whose diagnostics have errors.
func Decode(name string, data []byte) (*Bank, Diagnostics) {
	d := &decoder{file: name}
	if len(data) > MaxFileSize {
		d.errAt(1, 1, "file-too-large", i18n.Dec1(float64(len(data))/(1<<20)), MaxFileSize>>20)
		return nil, d.diags
	}
	if line, col, ok := invalidUTF8(data); ok {
		d.errAt(line, col, "invalid-utf8")
		return nil, d.diags
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data = data[3:]
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlErrorPos(err, data)
		if code, args, ok := yamlProblem(msg); ok {
			switch code {
			case "yaml-unclosed":
				if l, c, found := unclosedQuote(data, line); found {
					line, col = l, c
				}
			case "yaml-expected-key", "yaml-expected-dash", "yaml-expected-value", "yaml-expected-close":
				// yaml.v3 names a parser error's line counting from 0 (the
				// line where the mapping or list began): point at it, and
				// at its opening bracket when there is one.
				line, col = parserErrorPos(data, line+1, code == "yaml-expected-close")
			}
			d.errAt(line, col, code, args...)
		} else {
			d.errAt(line, col, "yaml-syntax", msg)
		}
		return nil, d.diags
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.errAt(1, 1, "empty-file")
		return nil, d.diags
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d.err(root, "not-a-mapping")
		return nil, d.diags
	}
	if depth(root, 0) > maxDepth {
		d.err(root, "too-deep", maxDepth)
		return nil, d.diags
	}
	sum := sha256.Sum256(data)
	b := d.bank(root)
	if b == nil {
		return nil, d.diags
	}
	b.Source = name
	b.SHA256 = hex.EncodeToString(sum[:])
	validate(d, b)
	checkQuality(d, b, root)
	b.index() // built now, so readers on several goroutines never race to build it
	d.diags.Sort()
	return b, d.diags
}

type decoder struct {
	file       string
	diags      Diagnostics
	aliasNodes int
	lang       string
	langs      []string // the bank's languages: (nil: all)
	aliasBomb  bool
}

func (d *decoder) errAt(line, col int, code string, args ...any) {
	d.diags = append(d.diags, Diagnostic{File: d.file, Line: line, Col: col, Severity: Error, Code: code, Args: args})
}

func (d *decoder) warnAt(line, col int, code string, args ...any) {
	d.diags = append(d.diags, Diagnostic{File: d.file, Line: line, Col: col, Severity: Warning, Code: code, Args: args})
}

func (d *decoder) err(n *yaml.Node, code string, args ...any) {
	d.errAt(n.Line, n.Column, code, args...)
}

func (d *decoder) warn(n *yaml.Node, code string, args ...any) {
	d.warnAt(n.Line, n.Column, code, args...)
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// resolve follows an alias, counting the nodes it brings in so that a
// billion-laughs document is refused instead of expanded.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		if d.aliasBomb {
			return nil
		}
		d.aliasNodes += size(n.Alias, 0)
		if d.aliasNodes > maxAliasNodes {
			d.aliasBomb = true
			d.err(n, "alias-bomb", maxAliasNodes)
			return nil
		}
		n = n.Alias
	}
	return n
}

func size(n *yaml.Node, depth int) int {
	if n == nil || depth > maxDepth {
		return 1
	}
	s := 1
	for _, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			s += size(c.Alias, depth+1)
		} else {
			s += size(c, depth+1)
		}
		if s > maxAliasNodes {
			return s
		}
	}
	return s
}

func depth(n *yaml.Node, d int) int {
	if d > maxDepth {
		return d
	}
	m := d
	for _, c := range n.Content {
		if x := depth(c, d+1); x > m {
			m = x
			if m > maxDepth {
				return m
			}
		}
	}
	return m
}

// field is one key/value pair of a mapping.
type field struct {
	key   string
	k, v  *yaml.Node
	found bool
}

// mapping walks a mapping node: it reports duplicate and unknown keys and
// returns the values of the known ones.
func (d *decoder) mapping(n *yaml.Node, what string, known ...string) map[string]*field {
	n = d.resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.err(n, "want-mapping", what, kindName(n))
		return nil
	}
	out := make(map[string]*field, len(known))
	for _, k := range known {
		out[k] = &field{key: k}
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.err(k, "key-not-scalar", what)
			continue
		}
		if k.Value == "<<" {
			d.err(k, "merge-key")
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.err(k, "duplicate-key", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		f, ok := out[k.Value]
		if !ok {
			if s := suggest(k.Value, known); s != "" {
				d.err(k, "unknown-key-suggest", k.Value, what, s)
			} else {
				d.err(k, "unknown-key", k.Value, what, strings.Join(known, ", "))
			}
			continue
		}
		f.k, f.v, f.found = k, v, true
	}
	return out
}

func (d *decoder) require(n *yaml.Node, fs map[string]*field, what string, keys ...string) {
	for _, k := range keys {
		if f := fs[k]; f == nil || !f.found {
			d.err(n, "missing-key", k, what)
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "scalar " + strconv.Quote(n.Value)
	case yaml.AliasNode:
		return "alias"
	}
	return "node"
}

func (d *decoder) scalar(n *yaml.Node, what string) (*yaml.Node, bool) {
	n = d.resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.err(n, "want-string", what, kindName(n))
		return n, false
	}
	return n, true
}

func (d *decoder) str(f *field, what string) string {
	if f == nil || !f.found {
		return ""
	}
	n, ok := d.scalar(f.v, what)
	if !ok {
		return ""
	}
	d.checkChars(n, n.Value, true)
	return n.Value
}

func (d *decoder) number(f *field, what string, def float64) float64 {
	if f == nil || !f.found {
		return def
	}
	n := d.resolve(f.v)
	if n == nil {
		return def
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.err(n, "want-number", what, kindName(n))
		return def
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || v != v || v > 1e300 || v < -1e300 {
		d.err(n, "want-number", what, kindName(n))
		return def
	}
	return v
}

// numbers reads a list of numbers.
func (d *decoder) numbers(f *field, what string) []float64 {
	var out []float64
	for i, n := range d.list(f, what) {
		out = append(out, d.number(&field{v: n, found: true}, fmt.Sprintf("%s[%d]", what, i), 0))
	}
	return out
}

func (d *decoder) integer(f *field, what string, def int) int {
	if f == nil || !f.found {
		return def
	}
	n := d.resolve(f.v)
	if n == nil {
		return def
	}
	v, ok := d.intNode(n, what)
	if !ok {
		return def
	}
	return v
}

func (d *decoder) intNode(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.err(n, "want-integer", what, kindName(n))
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 32)
	if err != nil {
		d.err(n, "want-integer", what, kindName(n))
		return 0, false
	}
	return int(v), true
}

func (d *decoder) boolean(f *field, what string) bool {
	if f == nil || !f.found {
		return false
	}
	n := d.resolve(f.v)
	if n == nil {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.err(n, "want-bool", what, kindName(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func (d *decoder) list(f *field, what string) []*yaml.Node {
	if f == nil || !f.found {
		return nil
	}
	n := d.resolve(f.v)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.err(n, "want-list", what, kindName(n))
		return nil
	}
	return n.Content
}

func (d *decoder) strings(f *field, what string) []string {
	var out []string
	for _, n := range d.list(f, what) {
		if s, ok := d.scalar(n, what); ok {
			d.checkChars(s, s.Value, false)
			out = append(out, s.Value)
		}
	}
	return out
}

// text decodes localized text: a plain string (in the bank's language) or a
// mapping of language code to string.
func (d *decoder) text(f *field, what string) i18n.Text {
	if f == nil || !f.found {
		return nil
	}
	n := d.resolve(f.v)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			d.err(n, "want-text", what, kindName(n))
			return nil
		}
		d.checkChars(n, n.Value, false)
		if strings.TrimSpace(n.Value) == "" {
			d.err(n, "empty-text", what)
		}
		d.checkTODO(n, what)
		t := i18n.Text{d.lang: n.Value}
		d.checkTranslations(n, t, what)
		return t
	case yaml.MappingNode:
		t := i18n.Text{}
		seen := map[string]bool{}
		todo := false // one warning per text, not per language
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			v := d.resolve(n.Content[i+1])
			if v == nil {
				continue
			}
			if k.Kind != yaml.ScalarNode {
				d.err(k, "key-not-scalar", what)
				continue
			}
			if seen[k.Value] {
				d.err(k, "duplicate-key", k.Value, k.Line)
				continue
			}
			seen[k.Value] = true
			if !i18n.Known(k.Value) {
				d.err(k, "unknown-language", k.Value, what)
				continue
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				d.err(v, "want-string", what+"."+k.Value, kindName(v))
				continue
			}
			d.checkChars(v, v.Value, false)
			if strings.TrimSpace(v.Value) == "" {
				d.err(v, "empty-text", what+"."+k.Value)
				continue
			}
			if !todo {
				todo = d.checkTODO(v, what)
			}
			t[k.Value] = v.Value
		}
		if len(t) == 0 && len(n.Content) == 0 {
			d.err(n, "empty-text", what)
		}
		d.checkTranslations(n, t, what)
		return t
	}
	d.err(n, "want-text", what, kindName(n))
	return nil
}

func (d *decoder) bank(root *yaml.Node) *Bank {
	fs := d.mapping(root, "bank", BankKeys...)
	if fs == nil {
		return nil
	}
	// format first: a file in another format gets one clear message.
	if f := fs["format"]; !f.found {
		d.errAt(root.Line, root.Column, "format-missing", Format)
		return nil
	} else if n, ok := d.scalar(f.v, "format"); !ok {
		return nil
	} else if n.Value != Format {
		d.err(n, "format-unknown", n.Value, Format)
		return nil
	}
	b := &Bank{Format: Format, Language: "id", PassingScore: 65}
	if f := fs["language"]; f.found {
		n, ok := d.scalar(f.v, "language")
		if ok {
			if !i18n.Known(n.Value) {
				d.err(n, "unknown-language", n.Value, "language")
			} else {
				b.Language = n.Value
			}
		}
	}
	d.lang = b.Language
	if f := fs["languages"]; f.found {
		for _, n := range d.list(f, "languages") {
			if s, ok := d.scalar(n, "languages"); ok {
				if !i18n.Known(s.Value) {
					d.err(s, "unknown-language", s.Value, "languages")
					continue
				}
				b.Languages = append(b.Languages, s.Value)
			}
		}
		d.langs = b.Languages
	}
	d.require(root, fs, "bank", "id", "version", "title", "summary", "skills", "questions")
	b.ID = d.id(fs["id"], "id")
	if f := fs["version"]; f.found {
		if n, ok := d.scalar(f.v, "version"); ok {
			b.Version = n.Value
			if !semverRE.MatchString(n.Value) {
				d.err(n, "bad-version", n.Value)
			}
		}
	}
	b.Title = d.text(fs["title"], "title")
	b.Summary = d.text(fs["summary"], "summary")
	b.Authors = d.strings(fs["authors"], "authors")
	b.License = d.str(fs["license"], "license")
	if f := fs["passing_score"]; f.found {
		b.PassingScore = d.number(f, "passing_score", 65)
		if b.PassingScore < 0 || b.PassingScore > 100 {
			d.err(f.v, "percent-range", "passing_score", b.PassingScore)
		}
	}
	timeLimitSet := false
	if f := fs["time_limit"]; f.found {
		if n, ok := d.scalar(f.v, "time_limit"); ok {
			dur, err := time.ParseDuration(n.Value)
			if err != nil || dur <= 0 {
				d.err(n, "bad-duration", n.Value)
			} else {
				b.TimeLimit, timeLimitSet = dur, true
			}
		}
	}
	quizSizeSet := false
	if f := fs["calibration"]; f.found {
		if c := d.mapping(f.v, "calibration", CalibrationKeys...); c != nil {
			d.require(f.v, c, "calibration", CalibrationKeys...)
			b.Calibration = &Calibration{Date: d.str(c["date"], "calibration.date"),
				SampleSize: d.integer(c["sample_size"], "calibration.sample_size", 0), Method: d.str(c["method"], "calibration.method")}
		}
	}
	if f := fs["quiz_size"]; f.found {
		b.QuizSize = d.integer(f, "quiz_size", 0)
		quizSizeSet = true
		if b.QuizSize < 1 {
			d.err(f.v, "quiz-size-range", b.QuizSize)
		}
	}
	if f := fs["levels"]; f.found {
		b.Levels = d.levels(f)
	} else {
		b.Levels = DefaultLevels()
	}
	for _, n := range d.list(fs["skills"], "skills") {
		if s, ok := d.skill(n); ok {
			b.Skills = append(b.Skills, s)
		}
	}
	if f := fs["skills"]; f.found && f.v.Kind == yaml.SequenceNode && len(f.v.Content) == 0 {
		d.err(f.v, "no-skills")
	}
	for _, n := range d.list(fs["questions"], "questions") {
		if q, ok := d.question(n); ok {
			b.Questions = append(b.Questions, q)
		}
	}
	if f := fs["questions"]; f.found && f.v.Kind == yaml.SequenceNode && len(f.v.Content) == 0 {
		d.err(f.v, "no-questions")
	}
	if !quizSizeSet || b.QuizSize < 1 {
		b.QuizSize = min(20, len(b.Questions))
	} else if b.QuizSize > len(b.Questions) && len(b.Questions) > 0 {
		d.warn(fs["quiz_size"].v, "quiz-size-large", b.QuizSize, len(b.Questions))
	}
	if !timeLimitSet {
		b.TimeLimit = time.Duration(max(1, b.QuizSize)) * time.Minute
	}
	return b
}

func (d *decoder) id(f *field, what string) string {
	if f == nil || !f.found {
		return ""
	}
	n, ok := d.scalar(f.v, what)
	if !ok {
		return ""
	}
	d.checkID(n, what)
	return n.Value
}

func (d *decoder) checkID(n *yaml.Node, what string) {
	v := n.Value
	for _, c := range scanUnsafe(v) {
		d.errAt(n.Line, n.Column, "id-invisible", what, c)
		return
	}
	switch {
	case len(v) > 40:
		d.err(n, "id-too-long", what, v, len(v))
	case !IDPattern.MatchString(v):
		d.err(n, "bad-id", what, v)
	}
}

func (d *decoder) levels(f *field) []Level {
	var out []Level
	for _, n := range d.list(f, "levels") {
		fs := d.mapping(n, "level", LevelKeys...)
		if fs == nil {
			continue
		}
		d.require(n, fs, "level", "level", "min", "name")
		l := Level{Pos: posOf(n)}
		l.Level = d.integer(fs["level"], "level", 0)
		l.Min = d.number(fs["min"], "min", -1)
		l.Name = d.text(fs["name"], "level.name")
		out = append(out, l)
	}
	if len(out) == 0 {
		d.err(f.v, "no-levels")
		return DefaultLevels()
	}
	for i, l := range out {
		if l.Level != i+1 {
			d.errAt(l.Pos.Line, l.Pos.Col, "level-number", l.Level, i+1)
		}
		if i == 0 && l.Min != 0 {
			d.errAt(l.Pos.Line, l.Pos.Col, "level-first-min", l.Min)
		}
		if i > 0 && l.Min <= out[i-1].Min {
			d.errAt(l.Pos.Line, l.Pos.Col, "level-min-order", l.Min, out[i-1].Min)
		}
		if l.Min >= 100 || l.Min < 0 {
			d.errAt(l.Pos.Line, l.Pos.Col, "level-min-range", l.Min)
		}
	}
	return out
}

func (d *decoder) skill(n *yaml.Node) (Skill, bool) {
	fs := d.mapping(n, "skill", SkillKeys...)
	if fs == nil {
		return Skill{}, false
	}
	n = d.resolve(n)
	d.require(n, fs, "skill", "id", "name", "target_level", "recommendations")
	s := Skill{Pos: posOf(n), Weight: 1}
	s.ID = d.id(fs["id"], "skill id")
	s.Name = d.text(fs["name"], "name")
	s.Description = d.text(fs["description"], "description")
	if f := fs["weight"]; f.found {
		s.Weight = d.number(f, "weight", 1)
		if s.Weight <= 0 {
			d.err(f.v, "weight-range", s.Weight)
		}
	}
	s.TargetLevel = d.integer(fs["target_level"], "target_level", 0)
	if f := fs["pass_min"]; f.found {
		v := d.number(f, "pass_min", 0)
		if v < 0 || v > 100 {
			d.err(f.v, "percent-range", "pass_min", v)
		}
		s.PassMin = &v
	}
	for _, rn := range d.list(fs["recommendations"], "recommendations") {
		if r, ok := d.recommendation(rn); ok {
			s.Recommendations = append(s.Recommendations, r)
		}
	}
	return s, true
}

func (d *decoder) recommendation(n *yaml.Node) (Recommendation, bool) {
	fs := d.mapping(n, "recommendation", RecommendationKeys...)
	if fs == nil {
		return Recommendation{}, false
	}
	n = d.resolve(n)
	d.require(n, fs, "recommendation", "for_levels", "kind", "title")
	r := Recommendation{Pos: posOf(n)}
	for _, ln := range d.list(fs["for_levels"], "for_levels") {
		if ln = d.resolve(ln); ln == nil {
			continue
		}
		if v, ok := d.intNode(ln, "for_levels"); ok {
			r.ForLevels = append(r.ForLevels, v)
		}
	}
	if f := fs["kind"]; f.found {
		if kn, ok := d.scalar(f.v, "kind"); ok {
			r.Kind = kn.Value
			if !contains(Kinds, r.Kind) {
				if s := suggest(r.Kind, Kinds); s != "" {
					d.err(kn, "bad-kind-suggest", r.Kind, s)
				} else {
					d.err(kn, "bad-kind", r.Kind, strings.Join(Kinds, ", "))
				}
			}
		}
	}
	r.Title = d.text(fs["title"], "title")
	r.Provider = d.str(fs["provider"], "provider")
	if f := fs["url"]; f.found {
		if un, ok := d.scalar(f.v, "url"); ok {
			r.URL = un.Value
			if code := checkURL(un.Value); code != "" {
				d.err(un, code, un.Value)
			}
			d.checkChars(un, un.Value, true)
		}
	}
	if f := fs["hours"]; f.found {
		r.Hours = d.number(f, "hours", 0)
		if r.Hours <= 0 {
			d.err(f.v, "hours-range", r.Hours)
		}
	}
	r.Why = d.text(fs["why"], "why")
	return r, true
}

func (d *decoder) question(n *yaml.Node) (Question, bool) {
	fs := d.mapping(n, "question", QuestionKeys...)
	if fs == nil {
		return Question{}, false
	}
	n = d.resolve(n)
	d.require(n, fs, "question", "id", "skill", "prompt", "options")
	q := Question{Pos: posOf(n), Type: Single, Difficulty: 2}
	q.ID = d.id(fs["id"], "question id")
	if f := fs["skill"]; f.found {
		if sn, ok := d.scalar(f.v, "skill"); ok {
			q.Skill, q.SkillPos = sn.Value, posOf(sn)
		}
	}
	if f := fs["type"]; f.found {
		if tn, ok := d.scalar(f.v, "type"); ok {
			q.Type = tn.Value
			types := []string{Single, Multiple, TrueFalse, Judgement}
			if !contains(types, q.Type) {
				if s := suggest(q.Type, types); s != "" {
					d.err(tn, "bad-type-suggest", q.Type, s)
				} else {
					d.err(tn, "bad-type", q.Type)
				}
				q.Type = Single
			}
		}
	}
	if f := fs["difficulty"]; f.found {
		q.Difficulty = d.integer(f, "difficulty", 2)
		if q.Difficulty < 1 || q.Difficulty > 3 {
			d.err(f.v, "difficulty-range", q.Difficulty)
			q.Difficulty = 2
		}
	}
	q.Points = float64(q.Difficulty)
	if f := fs["points"]; f.found {
		q.Points = d.number(f, "points", q.Points)
		if q.Points <= 0 {
			d.err(f.v, "points-range", q.Points)
			q.Points = float64(q.Difficulty)
		}
	}
	q.Prompt = d.text(fs["prompt"], "prompt")
	q.Explanation = d.text(fs["explanation"], "explanation")
	q.References = d.strings(fs["references"], "references")
	q.Tags = d.strings(fs["tags"], "tags")
	if f := fs["irt"]; f.found {
		irt := d.mapping(f.v, "irt", IRTKeys...)
		if irt != nil {
			d.require(f.v, irt, "irt", "thresholds")
			q.IRT = &IRT{Thresholds: d.numbers(irt["thresholds"], "irt.thresholds"), SE: d.numbers(irt["se"], "irt.se")}
		}
	}
	irtNode := fs["irt"].v
	optsNode := fs["options"].v
	for _, on := range d.list(fs["options"], "options") {
		if o, ok := d.option(on); ok {
			q.Options = append(q.Options, o)
		}
	}
	if optsNode != nil {
		d.checkOptions(&q, d.resolve(optsNode))
	}
	if q.IRT != nil && len(q.Options) > 0 {
		if want := q.Categories(); len(q.IRT.Thresholds) != want {
			d.err(irtNode, "irt-thresholds", len(q.IRT.Thresholds), want, q.Type)
		}
		if len(q.IRT.SE) != 0 && len(q.IRT.SE) != len(q.IRT.Thresholds) {
			d.err(irtNode, "irt-se", len(q.IRT.SE), len(q.IRT.Thresholds))
		}
		for _, se := range q.IRT.SE {
			if se < 0 {
				d.err(irtNode, "irt-se-negative")
				break
			}
		}
	}
	return q, true
}

func (d *decoder) option(n *yaml.Node) (Option, bool) {
	fs := d.mapping(n, "option", OptionKeys...)
	if fs == nil {
		return Option{}, false
	}
	n = d.resolve(n)
	d.require(n, fs, "option", "text")
	o := Option{Pos: posOf(n)}
	o.Text = d.text(fs["text"], "text")
	o.Correct = d.boolean(fs["correct"], "correct")
	if f := fs["score"]; f.found {
		o.Score = d.integer(f, "score", 0)
		if o.Score < 1 || o.Score > 5 {
			d.err(f.v, "score-range", o.Score)
		}
		o.Pos = posOf(f.k)
	}
	o.Feedback = d.text(fs["feedback"], "feedback")
	if f := fs["correct"]; f.found {
		o.Pos = posOf(f.k)
	}
	return o, true
}

func (d *decoder) checkOptions(q *Question, n *yaml.Node) {
	if n == nil {
		return
	}
	k := len(q.Options)
	if q.Type == TrueFalse && k != 2 {
		d.err(n, "truefalse-options", k)
		return
	}
	if k < 2 || k > 6 {
		d.err(n, "option-count", k)
		if k == 0 {
			return
		}
	}
	correct := 0
	for _, o := range q.Options {
		if o.Correct {
			correct++
		}
	}
	switch q.Type {
	case Single, TrueFalse:
		if correct != 1 {
			d.err(n, "single-keys", q.Type, correct)
		}
	case Multiple:
		if correct == 0 || correct == k {
			d.err(n, "multiple-keys", correct, k)
		}
	case Judgement:
		for i, o := range q.Options {
			if o.Correct {
				d.errAt(o.Pos.Line, o.Pos.Col, "judgement-correct", string(Letters[min(i, 5)]))
			}
			if o.Score == 0 {
				d.errAt(o.Pos.Line, o.Pos.Col, "judgement-score-missing", string(Letters[min(i, 5)]))
			}
		}
	}
	if q.Type != Judgement {
		for i, o := range q.Options {
			if o.Score != 0 {
				d.errAt(o.Pos.Line, o.Pos.Col, "score-not-judgement", string(Letters[min(i, 5)]), q.Type)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the known word closest to s, if it is close enough to be a
// typo.
func suggest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if dist := editDistance(s, k); dist < bestD {
			best, bestD = k, dist
		}
	}
	if best != "" && bestD <= max(1, len(s)/3) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func invalidUTF8(data []byte) (line, col int, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, sz := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && sz == 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += sz
	}
	return line, col, true
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErrorPos pulls the line out of a yaml.v3 error and finds a column: the
// first tab in the indentation, or the first non-blank character.
func yamlErrorPos(err error, data []byte) (int, int, string) {
	msg := err.Error()
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 1, 1, strings.TrimPrefix(msg, "yaml: ")
	}
	line, _ := strconv.Atoi(m[1])
	text := m[2]
	col := 1
	lines := bytes.Split(data, []byte("\n"))
	// yaml.v3 often names the line before a tab in the indentation.
	if strings.Contains(text, "tab") && line < len(lines) && !tabIndented(lines[line-1]) && tabIndented(lines[line]) {
		line++
	}
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		if i := bytes.IndexByte(l, '\t'); i >= 0 && len(bytes.TrimLeft(l[:i], " ")) == 0 {
			col = i + 1
		} else {
			col = len(l) - len(bytes.TrimLeft(l, " ")) + 1
		}
	}
	return line, col, text
}

// yamlProblems turn yaml.v3's messages, which are English, into codes with
// their own text in each language; a message not listed is shown as it is.
var yamlProblems = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`unexpected end of stream`), "yaml-unclosed"},
	{regexp.MustCompile(`mapping values are not allowed`), "yaml-colon"},
	{regexp.MustCompile(`tab character`), "yaml-tab"},
	{regexp.MustCompile(`cannot start any token`), "yaml-bad-start"},
	{regexp.MustCompile(`did not find expected key`), "yaml-expected-key"},
	{regexp.MustCompile(`could not find expected ':'`), "yaml-expected-colon"},
	{regexp.MustCompile(`did not find expected '-' indicator`), "yaml-expected-dash"},
	{regexp.MustCompile(`did not find expected node content`), "yaml-expected-value"},
	{regexp.MustCompile(`did not find expected ',' or '([\]}])'`), "yaml-expected-close"},
	{regexp.MustCompile(`unknown escape character`), "yaml-escape"},
	{regexp.MustCompile(`key "(.*)" already defined at line (\d+)`), "yaml-duplicate-key"},
}

func yamlProblem(msg string) (string, []any, bool) {
	for _, p := range yamlProblems {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, 0, len(m)-1)
			for _, a := range m[1:] {
				args = append(args, a)
			}
			return p.code, args, true
		}
	}
	return "", nil, false
}

// unclosedQuote finds the quote left open that made yaml.v3 run to the end
// of the file: the last line, up to where the error was found, with an odd
// number of double quotes (not escaped) outside single-quoted text.
func unclosedQuote(data []byte, upTo int) (int, int, bool) {
	lines := bytes.Split(data, []byte("\n"))
	for i := min(upTo, len(lines)) - 1; i >= 0; i-- {
		l := lines[i]
		if j := bytes.Index(l, []byte(" #")); j >= 0 && bytes.Count(l[:j], []byte(`"`))%2 == 0 {
			l = l[:j]
		}
		open, at := false, 0
		for k := 0; k < len(l); k++ {
			switch {
			case l[k] == '\\' && open:
				k++
			case l[k] == '"':
				open = !open
				if open {
					at = k
				}
			}
		}
		if open {
			return i + 1, at + 1, true
		}
	}
	return 0, 0, false
}

// parserErrorPos is line's first column after its indentation, or its last
// opening bracket when bracket is set.
func parserErrorPos(data []byte, line int, bracket bool) (int, int) {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return max(line, 1), 1
	}
	l := lines[line-1]
	if bracket {
		if i := bytes.LastIndexAny(l, "{["); i >= 0 {
			return line, i + 1
		}
	}
	return line, len(l) - len(bytes.TrimLeft(l, " ")) + 1
}

func tabIndented(l []byte) bool {
	i := bytes.IndexByte(l, '\t')
	return i >= 0 && len(bytes.TrimLeft(l[:i], " ")) == 0
}

// checkTODO warns about text still marked TODO by `asnskill new` or an
// import, so a trainer sees what is left to fill in.
func (d *decoder) checkTODO(n *yaml.Node, what string) bool {
	if strings.HasPrefix(strings.TrimSpace(n.Value), "TODO") {
		d.warn(n, "todo-text", what)
		return true
	}
	return false
}
