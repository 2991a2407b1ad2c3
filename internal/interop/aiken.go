package interop

import (
	"io"
	"regexp"
	"strings"
)

var (
	aikenOption = regexp.MustCompile(`^([A-Z])[.)](?:[ \t]+(.*))?$`)
	aikenAnswer = regexp.MustCompile(`(?i)^ANSWER\s*:\s*(.*)$`)
)

// ReadAiken imports a file in the Aiken format: a question on one or more
// lines, options "A." or "A)" each on its own line, then "ANSWER: B". Aiken
// has no names, categories or feedback: every question goes to the
// ImportOptions skill.
func ReadAiken(r io.Reader, opts ImportOptions) (*Result, error) {
	file := sourceName(opts.File)
	src, err := readSource(r, file)
	if err != nil {
		return nil, err
	}
	errAt := func(l int, code string, args ...any) error {
		return &Error{File: file, Line: l, Code: code, Args: args}
	}
	var items []*item
	var (
		prompt  []string
		start   int
		options []itemOption
		letters string
		last    int // line of the last option
	)
	reset := func() { prompt, options, letters, start = nil, nil, "", 0 }
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		if m := aikenAnswer.FindStringSubmatch(l); m != nil {
			if len(prompt) == 0 {
				return nil, errAt(n, "aiken-answer-alone")
			}
			if len(options) == 0 {
				return nil, errAt(start, "aiken-no-options")
			}
			key := strings.ToUpper(strings.TrimSpace(m[1]))
			k := strings.Index(letters, key)
			if len(key) != 1 || k < 0 {
				return nil, errAt(n, "aiken-bad-answer", strings.TrimSpace(m[1]), letters)
			}
			it := &item{line: start, kind: kindChoice, single: true}
			it.prompt = it.text(strings.Join(prompt, "\n"), modePlain)
			for j, o := range options {
				o.text = it.text(o.text, modePlain)
				if j == k {
					o.weight = 100
				}
				it.options = append(it.options, o)
			}
			items = append(items, it)
			reset()
			continue
		}
		if m := aikenOption.FindStringSubmatch(l); m != nil {
			if len(prompt) == 0 {
				return nil, errAt(n, "aiken-option-first", m[1])
			}
			if strings.Contains(letters, m[1]) {
				return nil, errAt(n, "aiken-duplicate-letter", m[1])
			}
			letters += m[1]
			options = append(options, itemOption{text: m[2]})
			last = n
			continue
		}
		if len(options) > 0 {
			// Text after the options: the ANSWER line is missing.
			return nil, errAt(last, "aiken-no-answer")
		}
		if len(prompt) == 0 {
			start = n
		}
		prompt = append(prompt, l)
	}
	if len(prompt) > 0 {
		if len(options) == 0 {
			return nil, errAt(start, "aiken-no-options")
		}
		return nil, errAt(last, "aiken-no-answer")
	}
	return build(opts, items, nil)
}
