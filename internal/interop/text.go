package interop

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// cleanText makes imported text fit a bank: valid UTF-8, \n line ends, and no
// control characters (which lint rejects because they can rewrite a
// terminal). It reports whether anything was removed.
func cleanText(s string) (string, bool) {
	removed := false
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s, false
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			removed = true
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), removed
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// textMode says how a source text is written.
type textMode int

const (
	modePlain    textMode = iota // kept as written
	modeHTML                     // HTML: whitespace collapses
	modeMoodle                   // Moodle auto-format: HTML tags, newlines kept
	modeMarkdown                 // already Markdown
)

var (
	attrHref  = regexp.MustCompile(`(?is)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	attrClass = regexp.MustCompile(`(?is)\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	tagName   = regexp.MustCompile(`^/?([A-Za-z][A-Za-z0-9]*)`)
	manyNL    = regexp.MustCompile(`\n{3,}`)
)

func attr(re *regexp.Regexp, tag string) string {
	m := re.FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1] + m[2] + m[3])
}

// toMarkdown converts text in mode to the bank's Markdown subset. It reports
// how many images were dropped.
func toMarkdown(s string, mode textMode) (string, int) {
	switch mode {
	case modePlain, modeMarkdown:
		return strings.TrimSpace(s), 0
	}
	c := &mdConv{collapse: mode == modeHTML}
	c.run(s)
	return c.result(), c.images
}

// mdConv turns HTML into Markdown. Inline markers (**, *, `) are opened
// lazily, at the first non-blank text, and closed before trailing blanks,
// because "** bold **" is not emphasis in Markdown.
type mdConv struct {
	buf      []byte
	collapse bool
	images   int

	pending []string // markers opened but not yet written
	open    []string // markers written and not yet closed
	code    int      // depth of <code> outside <pre>

	inPre      bool
	preStarted bool
	preLang    string
	skipUntil  string // inside <script> or <style>
	href       []string
}

func (c *mdConv) run(s string) {
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			c.text(s[i : i+j])
			i += j
			continue
		}
		rest := s[i:]
		if strings.HasPrefix(rest, "<!--") {
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return
			}
			i += 4 + end + 3
			continue
		}
		if len(rest) < 2 || !(isASCIILetter(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?') {
			c.text("<")
			i++
			continue
		}
		end := tagEnd(rest)
		if end < 0 {
			c.text(rest[:1])
			i++
			continue
		}
		c.tag(rest[1:end])
		i += end + 1
	}
}

func isASCIILetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// tagEnd finds the > that closes the tag at s[0], skipping quoted attribute
// values.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch {
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == '>':
			return i
		}
	}
	return -1
}

func (c *mdConv) tag(t string) {
	m := tagName.FindStringSubmatch(t)
	if m == nil {
		return // <!DOCTYPE …>, <?xml …?>
	}
	name := strings.ToLower(m[1])
	closing := strings.HasPrefix(t, "/")
	if c.skipUntil != "" {
		if closing && name == c.skipUntil {
			c.skipUntil = ""
		}
		return
	}
	if c.inPre {
		switch {
		case name == "pre" && closing:
			c.endPre()
		case name == "code" && !closing && !c.preStarted:
			for _, cl := range strings.Fields(attr(attrClass, t)) {
				if l, ok := strings.CutPrefix(cl, "language-"); ok && isFenceLang(l) {
					c.preLang = l
				}
			}
		case name == "br":
			c.preText("\n")
		}
		return
	}
	switch name {
	case "script", "style":
		if !closing {
			c.skipUntil = name
		}
	case "b", "strong":
		c.marker("**", closing)
	case "i", "em":
		c.marker("*", closing)
	case "code", "tt", "kbd", "samp":
		if closing {
			if c.code > 0 {
				c.code--
				if c.code == 0 {
					c.closeMarker("`")
				}
			}
		} else {
			if c.code == 0 {
				c.openMarker("`")
			}
			c.code++
		}
	case "br":
		c.flushPending()
		c.trimTrailingBlanks()
		c.write("\n")
	case "pre":
		if !closing {
			c.block()
			c.inPre, c.preStarted, c.preLang = true, false, ""
		}
	case "li":
		c.block()
		if !closing {
			c.write("- ")
		}
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "hr",
		"section", "article", "header", "footer", "dl", "dt", "dd", "figure", "figcaption", "center":
		c.block()
	case "td", "th":
		if closing {
			c.text(" ")
		}
	case "a":
		if !closing {
			c.href = append(c.href, attr(attrHref, t))
		} else if n := len(c.href); n > 0 {
			h := strings.TrimSpace(c.href[n-1])
			c.href = c.href[:n-1]
			if h != "" && !strings.HasPrefix(strings.ToLower(h), "javascript:") && !c.endsWith(h) {
				c.text(" (" + h + ")")
			}
		}
	case "img":
		c.images++
	}
}

func isFenceLang(l string) bool {
	if l == "" || len(l) > 20 {
		return false
	}
	for i := 0; i < len(l); i++ {
		ch := l[i]
		if !(isASCIILetter(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '_') {
			return false
		}
	}
	return true
}

func (c *mdConv) marker(m string, closing bool) {
	if c.code > 0 {
		return
	}
	if closing {
		c.closeMarker(m)
	} else {
		c.openMarker(m)
	}
}

func (c *mdConv) openMarker(m string) { c.pending = append(c.pending, m) }

func (c *mdConv) closeMarker(m string) {
	for i := len(c.pending) - 1; i >= 0; i-- {
		if c.pending[i] == m {
			// Opened and closed around nothing: drop both.
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			return
		}
	}
	for i := len(c.open) - 1; i >= 0; i-- {
		if c.open[i] == m {
			c.open = append(c.open[:i], c.open[i+1:]...)
			n := len(c.buf)
			for n > 0 && (c.buf[n-1] == ' ' || c.buf[n-1] == '\t' || c.buf[n-1] == '\n') {
				n--
			}
			tail := string(c.buf[n:])
			c.buf = append(append(c.buf[:n], m...), tail...)
			return
		}
	}
}

func (c *mdConv) flushPending() {
	for _, m := range c.pending {
		c.write(m)
		c.open = append(c.open, m)
	}
	c.pending = c.pending[:0]
}

// closeAll ends every open marker at a block boundary: Markdown emphasis
// does not span paragraphs.
func (c *mdConv) closeAll() {
	c.pending = c.pending[:0]
	for len(c.open) > 0 {
		c.closeMarker(c.open[len(c.open)-1])
	}
}

func (c *mdConv) write(s string) { c.buf = append(c.buf, s...) }

func (c *mdConv) endsWith(s string) bool {
	return len(c.buf) >= len(s) && string(c.buf[len(c.buf)-len(s):]) == s
}

func (c *mdConv) text(s string) {
	if c.skipUntil != "" {
		return
	}
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if c.inPre {
		c.preText(s)
		return
	}
	if c.collapse {
		s = collapseSpace(s)
		if strings.HasPrefix(s, " ") && (len(c.buf) == 0 || c.endsWith(" ") || c.endsWith("\n")) {
			s = s[1:]
		}
	}
	if s == "" {
		return
	}
	if len(c.pending) > 0 {
		t := strings.TrimLeft(s, " \t\n")
		if t == "" {
			c.write(s)
			return
		}
		c.write(s[:len(s)-len(t)])
		c.flushPending()
		s = t
	}
	c.write(s)
}

func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

func (c *mdConv) preText(s string) {
	if !c.preStarted {
		s = strings.TrimPrefix(s, "\n")
		c.write("```" + c.preLang + "\n")
		c.preStarted = true
	}
	c.write(s)
}

func (c *mdConv) endPre() {
	if !c.preStarted {
		c.preText("")
	}
	if !c.endsWith("\n") {
		c.write("\n")
	}
	c.write("```")
	c.inPre = false
	c.block()
}

func (c *mdConv) trimTrailingBlanks() {
	n := len(c.buf)
	for n > 0 && (c.buf[n-1] == ' ' || c.buf[n-1] == '\t') {
		n--
	}
	c.buf = c.buf[:n]
}

// block ends the current paragraph.
func (c *mdConv) block() {
	c.closeAll()
	c.code = 0
	n := len(c.buf)
	for n > 0 && (c.buf[n-1] == ' ' || c.buf[n-1] == '\t' || c.buf[n-1] == '\n') {
		n--
	}
	c.buf = c.buf[:n]
	if n > 0 {
		c.write("\n\n")
	}
}

func (c *mdConv) result() string {
	if c.inPre {
		c.endPre()
	}
	c.closeAll()
	lines := strings.Split(string(c.buf), "\n")
	fence := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "```") {
			fence = !fence
			lines[i] = strings.TrimRight(l, " \t")
			continue
		}
		if !fence {
			lines[i] = strings.TrimRight(l, " \t")
		}
	}
	s := strings.Join(lines, "\n")
	s = manyNL.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

// mdBlocks converts Markdown to XHTML block elements: paragraphs (<p>, with
// <br/> for single line breaks) and fenced code (<pre><code>).
func mdBlocks(s string) string {
	var b strings.Builder
	lines := strings.Split(s, "\n")
	var para []string
	flush := func() {
		if len(para) == 0 {
			return
		}
		b.WriteString("<p>")
		for i, l := range para {
			if i > 0 {
				b.WriteString("<br/>")
			}
			b.WriteString(mdInline(l))
		}
		b.WriteString("</p>")
		para = para[:0]
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "```") {
			end := -1
			for j := i + 1; j < len(lines); j++ {
				if strings.HasPrefix(strings.TrimSpace(lines[j]), "```") && strings.TrimSpace(lines[j]) == "```" {
					end = j
					break
				}
			}
			if end >= 0 {
				flush()
				lang := strings.TrimSpace(strings.TrimPrefix(t, "```"))
				b.WriteString("<pre><code")
				if isFenceLang(lang) {
					b.WriteString(` class="language-` + lang + `"`)
				}
				b.WriteString(">")
				b.WriteString(xmlEscape(strings.Join(lines[i+1:end], "\n")))
				b.WriteString("</code></pre>")
				i = end
				continue
			}
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		para = append(para, l)
	}
	flush()
	return b.String()
}

// mdHTML is mdBlocks without the <p> around a text that is one paragraph,
// for option texts and feedback.
func mdHTML(s string) string {
	h := mdBlocks(s)
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 && !strings.Contains(h, "<pre>") {
		return h[3 : len(h)-4]
	}
	return h
}

// mdInline converts the inline Markdown of one line: `code`, **bold** and
// *italic*. Anything else is escaped text.
func mdInline(s string) string {
	if len(s) > 20000 {
		// Emphasis matching is quadratic in the worst case; a line this
		// long is data, not prose.
		return xmlEscape(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '`':
			if j := strings.IndexByte(s[i+1:], '`'); j > 0 {
				b.WriteString("<code>" + xmlEscape(s[i+1:i+1+j]) + "</code>")
				i += j + 2
				continue
			}
		case strings.HasPrefix(s[i:], "**"):
			if j := closeEmphasis(s, i+2, "**"); j > 0 {
				b.WriteString("<strong>" + mdInline(s[i+2:j]) + "</strong>")
				i = j + 2
				continue
			}
		case s[i] == '*':
			if j := closeEmphasis(s, i+1, "*"); j > 0 {
				b.WriteString("<em>" + mdInline(s[i+1:j]) + "</em>")
				i = j + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(xmlEscape(s[i : i+size]))
		}
		i += size
	}
	return b.String()
}

// closeEmphasis finds the closing marker of emphasis whose content starts at
// from: the content must not start or end with a blank, and a single * does
// not close on a **.
func closeEmphasis(s string, from int, m string) int {
	if from >= len(s) || s[from] == ' ' || s[from] == '\t' || (m == "*" && s[from] == '*') {
		return -1
	}
	for j := from + 1; j+len(m) <= len(s); j++ {
		if s[j] == '`' {
			if k := strings.IndexByte(s[j+1:], '`'); k > 0 {
				j += k + 1
				continue
			}
		}
		if !strings.HasPrefix(s[j:], m) || s[j-1] == ' ' || s[j-1] == '\t' {
			continue
		}
		if m == "*" && (strings.HasPrefix(s[j:], "**") || s[j-1] == '*') {
			continue
		}
		return j
	}
	return -1
}

// xmlEscape escapes text for XML content or a double-quoted attribute and
// replaces characters XML cannot hold with U+FFFD.
func xmlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			b.WriteString("\uFFFD")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlSafe drops what XML 1.0 cannot hold (for CDATA).
func xmlSafe(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for _, r := range s {
			if !xmlChar(r) {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			b.WriteString("\uFFFD")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

var translit = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}

// slugify makes an id from a name: lowercase ASCII letters and digits joined
// by single hyphens, at most 40 characters. It may return "".
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if t, ok := translit[r]; ok {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(t)
			continue
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return clip(b.String(), 40)
}

// clip shortens an id to n bytes, preferring to cut at a hyphen.
func clip(id string, n int) string {
	if len(id) <= n {
		return id
	}
	id = id[:n]
	if i := strings.LastIndexByte(id, '-'); i >= n/2 {
		id = id[:i]
	}
	return strings.Trim(id, "-")
}
