package bank

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// SetCalibration writes item parameters into a bank's YAML source: each
// question in params gets `irt: {thresholds: […], se: […]}` (replacing any
// it had), every other question loses a stale irt, and the bank gets
// `calibration: {date, sample_size, method}`. The file is edited as text at
// the positions its node tree gives, so comments, quoting and layout are
// kept everywhere else; the result is decoded again and refused if it no
// longer is a valid bank.
func SetCalibration(name string, src []byte, params map[string]IRT, cal Calibration) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("not a bank: the document is not a mapping")
	}
	root := doc.Content[0]
	lines := strings.Split(string(src), "\n")
	type edit struct {
		from, to int // 0-based lines [from, to) replaced by text
		text     []string
	}
	var edits []edit
	calLine := fmt.Sprintf("calibration: {date: %q, sample_size: %d, method: %q}", cal.Date, cal.SampleSize, cal.Method)
	if k, v := lookup(root, "calibration"); k != nil {
		edits = append(edits, edit{k.Line - 1, lastLine(v), []string{indent(k.Column) + calLine}})
	} else if k, v := lookup(root, "version"); k != nil {
		edits = append(edits, edit{lastLine(v), lastLine(v), []string{indent(k.Column) + calLine}})
	} else {
		return nil, errors.New("not a bank: no version key")
	}
	_, qs := lookup(root, "questions")
	if qs == nil || qs.Kind != yaml.SequenceNode {
		return nil, errors.New("not a bank: no list of questions")
	}
	for _, q := range qs.Content {
		if q.Kind != yaml.MappingNode {
			continue
		}
		idKey, idVal := lookup(q, "id")
		if idVal == nil {
			continue
		}
		irtKey, irtVal := lookup(q, "irt")
		p, ok := params[idVal.Value]
		switch {
		case ok && irtKey != nil:
			edits = append(edits, edit{irtKey.Line - 1, lastLine(irtVal), []string{indent(irtKey.Column) + irtLine(p)}})
		case ok:
			edits = append(edits, edit{lastLine(idVal), lastLine(idVal), []string{indent(idKey.Column) + irtLine(p)}})
		case irtKey != nil:
			edits = append(edits, edit{irtKey.Line - 1, lastLine(irtVal), nil})
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
	for _, e := range edits {
		tail := append(append([]string{}, e.text...), lines[e.to:]...)
		lines = append(lines[:e.from], tail...)
	}
	out := []byte(strings.Join(lines, "\n"))
	if _, ds := Decode(name, out); ds.HasErrors() {
		var b bytes.Buffer
		for _, d := range ds {
			if d.Severity == Error {
				fmt.Fprintf(&b, "%d:%d %s; ", d.Line, d.Col, d.Code)
			}
		}
		return nil, fmt.Errorf("the edited bank does not decode (%s): the file is left as it was", strings.TrimSuffix(b.String(), "; "))
	}
	return out, nil
}

func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// lastLine is the 0-based index of the line after the last line of n (the
// greatest line of any node under it).
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

func indent(col int) string { return strings.Repeat(" ", max(0, col-1)) }

func irtLine(p IRT) string {
	s := "irt: {thresholds: " + flowNums(p.Thresholds)
	if len(p.SE) > 0 {
		s += ", se: " + flowNums(p.SE)
	}
	return s + "}"
}

func flowNums(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
