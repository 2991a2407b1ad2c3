package interop

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readSource reads a whole source file, refusing one over MaxSourceSize, and
// returns it as valid UTF-8 with \n line ends and no byte-order mark.
func readSource(r io.Reader, file string) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSourceSize+1))
	if err != nil {
		return "", err
	}
	if len(data) > MaxSourceSize {
		return "", &Error{File: file, Line: 1, Code: "too-large", Args: []any{MaxSourceSize >> 20}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, nil
}

func sourceName(file string) string {
	if file == "" || file == "-" {
		return "stdin"
	}
	return file
}

// gchar is one character of GIFT text: escaped characters (\~, \n, …) have
// lost their special meaning.
type gchar struct {
	r    rune
	esc  bool
	line int
}

type gtext []gchar

func (t gtext) String() string {
	var b strings.Builder
	for _, c := range t {
		b.WriteRune(c.r)
	}
	return b.String()
}

// index finds the first unescaped r, or -1.
func (t gtext) index(r rune) int {
	for i, c := range t {
		if c.r == r && !c.esc {
			return i
		}
	}
	return -1
}

// indexSeq finds the first unescaped run of s, or -1.
func (t gtext) indexSeq(s string) int {
	rs := []rune(s)
outer:
	for i := 0; i+len(rs) <= len(t); i++ {
		for j, r := range rs {
			if t[i+j].r != r || t[i+j].esc {
				continue outer
			}
		}
		return i
	}
	return -1
}

// lastIndexSeq finds the last unescaped run of s, or -1.
func (t gtext) lastIndexSeq(s string) int {
	rs := []rune(s)
outer:
	for i := len(t) - len(rs); i >= 0; i-- {
		for j, r := range rs {
			if t[i+j].r != r || t[i+j].esc {
				continue outer
			}
		}
		return i
	}
	return -1
}

func isBlank(c gchar) bool {
	return !c.esc && (c.r == ' ' || c.r == '\t' || c.r == '\n')
}

func (t gtext) trim() gtext {
	for len(t) > 0 && isBlank(t[0]) {
		t = t[1:]
	}
	for len(t) > 0 && isBlank(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	return t
}

func (t gtext) hasPrefix(s string) bool {
	rs := []rune(s)
	if len(t) < len(rs) {
		return false
	}
	for i, r := range rs {
		if t[i].r != r || t[i].esc {
			return false
		}
	}
	return true
}

// splitAt splits before every unescaped rune of set; the first part is
// what comes before the first of them.
func (t gtext) splitAt(set string) []gtext {
	var out []gtext
	start := 0
	for i, c := range t {
		if !c.esc && strings.ContainsRune(set, c.r) {
			out = append(out, t[start:i])
			start = i
		}
	}
	return append(out, t[start:])
}

// giftEscapes are the characters a backslash takes the meaning from.
const giftEscapes = `~=#{}:\`

// srcLine is a line of a source file with its number.
type srcLine struct {
	n int
	s string
}

// parseGIFTLines reads the lines of one question, joined by line breaks,
// undoing escapes.
func parseGIFTLines(lines []srcLine) gtext {
	var t gtext
	for i, l := range lines {
		if i > 0 {
			t = append(t, gchar{r: '\n', line: lines[i-1].n})
		}
		t = append(t, parseGIFTText(l.s, l.n)...)
	}
	return t
}

func parseGIFTText(s string, line int) gtext {
	t := make(gtext, 0, len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\\' && i+1 < len(rs) {
			n := rs[i+1]
			if n == 'n' {
				t = append(t, gchar{r: '\n', esc: true, line: line})
				i++
				continue
			}
			if strings.ContainsRune(giftEscapes, n) {
				t = append(t, gchar{r: n, esc: true, line: line})
				i++
				continue
			}
		}
		t = append(t, gchar{r: r, line: line})
		if r == '\n' {
			line++
		}
	}
	return t
}

// formatTag reads a leading [html], [moodle], [plain] or [markdown].
func formatTag(t gtext, def textMode) (gtext, textMode) {
	for name, mode := range map[string]textMode{"[html]": modeHTML, "[moodle]": modeMoodle, "[plain]": modePlain, "[markdown]": modeMarkdown} {
		if t.hasPrefix(name) {
			return t[len([]rune(name)):], mode
		}
	}
	return t, def
}

var (
	giftWeight  = regexp.MustCompile(`^%(-?[0-9]+(?:\.[0-9]*)?)%`)
	giftIDTag   = regexp.MustCompile(`\[id:((?:\\]|[^\]\x00-\x1f])+)\]`)
	giftTagTag  = regexp.MustCompile(`\[tag:((?:\\]|[^\]<>\x00-\x1f])+)\]`)
	giftTFValue = map[string]bool{"T": true, "TRUE": true, "F": false, "FALSE": false}
)

// chunk is a run of non-blank lines: one question, category or comment.
type chunk struct {
	line  int
	lines []string
	depth int // unescaped { not yet closed
}

// ReadGIFT imports a file in Moodle's GIFT format.
func ReadGIFT(r io.Reader, opts ImportOptions) (*Result, error) {
	file := sourceName(opts.File)
	src, err := readSource(r, file)
	if err != nil {
		return nil, err
	}
	var chunks []chunk
	var cur *chunk
	for i, l := range strings.Split(src, "\n") {
		if strings.TrimSpace(l) == "" {
			// A blank line ends a question, unless its answers are still
			// open: Moodle would reject that, but the intent is clear.
			if cur != nil && cur.depth == 0 {
				chunks = append(chunks, *cur)
				cur = nil
			} else if cur != nil {
				cur.lines = append(cur.lines, "")
			}
			continue
		}
		if cur == nil {
			cur = &chunk{line: i + 1}
		}
		cur.lines = append(cur.lines, l)
		cur.depth = braceDepth(l, cur.depth)
	}
	if cur != nil {
		chunks = append(chunks, *cur)
	}
	var items []*item
	var warns []Warning
	var cat *category
	for _, c := range chunks {
		var comments strings.Builder
		var body []srcLine
		for i, l := range c.lines {
			if strings.HasPrefix(strings.TrimSpace(l), "//") {
				comments.WriteString(l + "\n")
				continue
			}
			if len(body) == 0 && strings.TrimSpace(l) == "" {
				continue
			}
			body = append(body, srcLine{n: c.line + i, s: l})
		}
		if len(body) == 0 {
			continue
		}
		idnumber, tags := giftComment(comments.String())
		if rest, ok := strings.CutPrefix(strings.TrimSpace(body[0].s), "$CATEGORY:"); ok {
			cat = &category{name: categoryName(rest), idnumber: idnumber, line: body[0].n}
			// A question right below the category line, without a blank
			// line between them, is read as well.
			body = body[1:]
			for len(body) > 0 && strings.TrimSpace(body[0].s) == "" {
				body = body[1:]
			}
			if len(body) == 0 {
				continue
			}
			idnumber, tags = "", nil
		}
		it, err := giftQuestion(body, file)
		if err != nil {
			return nil, err
		}
		it.cat, it.idnumber, it.tags = cat, idnumber, tags
		items = append(items, it)
	}
	return build(opts, items, warns)
}

// braceDepth follows unescaped braces through one more line.
func braceDepth(l string, depth int) int {
	if strings.HasPrefix(strings.TrimSpace(l), "//") {
		return depth
	}
	for _, c := range parseGIFTText(l, 0) {
		if c.esc {
			continue
		}
		switch c.r {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth
}

// giftComment reads [id:…] and [tag:…] from a question's comment lines, as
// Moodle does.
func giftComment(s string) (string, []string) {
	id := ""
	if m := giftIDTag.FindStringSubmatch(s); m != nil {
		id = strings.TrimSpace(strings.ReplaceAll(m[1], `\]`, "]"))
	}
	var tags []string
	for _, m := range giftTagTag.FindAllStringSubmatch(s, -1) {
		if t := strings.TrimSpace(strings.ReplaceAll(m[1], `\]`, "]")); t != "" {
			t, _ = cleanText(t)
			tags = append(tags, t)
		}
	}
	return id, tags
}

// categoryName is the last part of a Moodle category path; // in a name
// stands for a slash.
func categoryName(path string) string {
	path = strings.TrimSpace(path)
	const slash = "\x00"
	path = strings.ReplaceAll(path, "//", slash)
	parts := strings.Split(path, "/")
	name := ""
	for i := len(parts) - 1; i >= 0; i-- {
		if p := strings.TrimSpace(parts[i]); p != "" {
			name = p
			break
		}
	}
	name = strings.ReplaceAll(name, slash, "/")
	name, _ = cleanText(name)
	return name
}

// giftQuestion reads one question.
func giftQuestion(lines []srcLine, file string) (*item, error) {
	line := lines[0].n
	t := parseGIFTLines(lines).trim()
	it := &item{line: line}
	errAt := func(l int, code string, args ...any) error {
		return &Error{File: file, Line: l, Code: code, Args: args}
	}
	if t.hasPrefix("::") {
		t = t[2:]
		end := t.indexSeq("::")
		if end < 0 {
			return nil, errAt(line, "gift-name")
		}
		name, _ := cleanText(t[:end].String())
		it.name = strings.TrimSpace(name)
		t = t[end+2:].trim()
	}
	open, close := t.index('{'), t.index('}')
	switch {
	case open < 0 && close < 0:
		it.kind = "description"
		it.prompt = it.text(t.String(), modeMoodle)
		return it, nil
	case close < 0:
		return nil, errAt(t[open].line, "gift-brace-open")
	case open < 0 || close < open:
		return nil, errAt(t[close].line, "gift-brace-close")
	}
	after := t[close+1:]
	if i := after.index('{'); i >= 0 {
		return nil, errAt(after[i].line, "gift-two-blocks")
	}
	if i := after.index('}'); i >= 0 {
		return nil, errAt(after[i].line, "gift-brace-close")
	}
	answers := t[open+1 : close].trim()
	before := t[:open]
	var qtext gtext
	qtext = append(qtext, before...)
	if len(after.trim()) > 0 {
		// Missing-word format: the answers stand for a blank in the text.
		qtext = append(qtext, parseGIFTText("_____", 0)...)
		for i := range qtext[len(before):] {
			qtext[len(before)+i].esc = true
		}
		qtext = append(qtext, after...)
	}
	qtext, mode := formatTag(qtext.trim(), modeMoodle)
	it.prompt = it.text(qtext.trim().String(), mode)

	if gf := answers.lastIndexSeq("####"); gf >= 0 {
		fb, fmode := formatTag(answers[gf+4:].trim(), mode)
		it.explanation = it.text(fb.trim().String(), fmode)
		answers = answers[:gf].trim()
	}
	switch {
	case len(answers) == 0:
		it.kind = "essay"
		return it, nil
	case answers[0].r == '#' && !answers[0].esc:
		it.kind = "numerical"
		return it, nil
	case answers.index('~') >= 0:
		it.kind = kindChoice
	case answers.index('=') >= 0 && answers.indexSeq("->") >= 0:
		it.kind = "matching"
		return it, nil
	default:
		head := answers
		if i := answers.index('#'); i > 0 {
			head = answers[:i]
		}
		if v, ok := giftTFValue[strings.TrimSpace(head.String())]; ok {
			it.kind = kindTrueFalse
			it.tfTrue = v
			parts := answers.splitAt("#")
			var wrong, right string
			if len(parts) > 1 {
				fb, m := formatTag(parts[1][1:].trim(), mode)
				wrong = it.text(fb.trim().String(), m)
			}
			if len(parts) > 2 {
				var rest gtext
				for _, p := range parts[2:] {
					rest = append(rest, p...)
				}
				fb, m := formatTag(rest[1:].trim(), mode)
				right = it.text(fb.trim().String(), m)
			}
			if v {
				it.tfTrueFB, it.tfFalseFB = right, wrong
			} else {
				it.tfTrueFB, it.tfFalseFB = wrong, right
			}
			return it, nil
		}
		it.kind = "short answer"
		return it, nil
	}
	it.single = answers.index('=') >= 0
	parts := answers.splitAt("~=")
	if lead := parts[0].trim(); len(lead) > 0 {
		return nil, errAt(lead[0].line, "gift-answer-prefix")
	}
	for _, p := range parts[1:] {
		var o itemOption
		if p[0].r == '=' {
			o.weight = 100
		}
		p = p[1:].trim()
		if m := giftWeight.FindStringSubmatch(p.String()); m != nil {
			v, err := strconv.ParseFloat(m[1], 64)
			if err != nil || v < -100 || v > 100 {
				return nil, errAt(p[0].line, "gift-weight", m[1])
			}
			o.weight = v
			p = p[len([]rune(m[0])):]
		}
		text := p
		var fb gtext
		if i := p.index('#'); i >= 0 {
			text, fb = p[:i], p[i+1:]
		}
		tt, m := formatTag(text.trim(), mode)
		o.text = it.text(tt.trim().String(), m)
		if len(fb.trim()) > 0 {
			ft, m := formatTag(fb.trim(), mode)
			o.feedback = it.text(ft.trim().String(), m)
		}
		it.options = append(it.options, o)
	}
	return it, nil
}
