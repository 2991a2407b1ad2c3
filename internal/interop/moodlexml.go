package interop

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

type mxText struct {
	Format string `xml:"format,attr"`
	Text   string `xml:"text"`
}

type mxAnswer struct {
	Fraction string `xml:"fraction,attr"`
	Format   string `xml:"format,attr"`
	Text     string `xml:"text"`
	Feedback mxText `xml:"feedback"`
}

type mxQuestion struct {
	Type            string     `xml:"type,attr"`
	Name            mxText     `xml:"name"`
	QuestionText    mxText     `xml:"questiontext"`
	GeneralFeedback mxText     `xml:"generalfeedback"`
	DefaultGrade    string     `xml:"defaultgrade"`
	Single          string     `xml:"single"`
	IDNumber        string     `xml:"idnumber"`
	Answers         []mxAnswer `xml:"answer"`
	Category        mxText     `xml:"category"`
	Info            mxText     `xml:"info"`
	Tags            []mxText   `xml:"tags>tag"`
}

func moodleMode(format string) textMode {
	switch format {
	case "moodle_auto_format":
		return modeMoodle
	case "plain_text":
		return modePlain
	case "markdown":
		return modeMarkdown
	}
	return modeHTML
}

// ReadMoodleXML imports a Moodle XML question export (<quiz>).
func ReadMoodleXML(r io.Reader, opts ImportOptions) (*Result, error) {
	file := sourceName(opts.File)
	data, err := io.ReadAll(io.LimitReader(r, MaxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSourceSize {
		return nil, &Error{File: file, Line: 1, Code: "too-large", Args: []any{MaxSourceSize >> 20}}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charsetReader
	errAt := func(err error) error {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return &Error{File: file, Line: se.Line, Code: "xml", Args: []any{se.Msg}}
		}
		line, _ := dec.InputPos()
		return &Error{File: file, Line: line, Code: "xml", Args: []any{err.Error()}}
	}
	var items []*item
	var cat *category
	depth, sawQuiz := 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errAt(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := dec.InputPos()
			if depth == 0 {
				if t.Name.Local != "quiz" {
					return nil, &Error{File: file, Line: line, Code: "moodle-root", Args: []any{t.Name.Local}}
				}
				sawQuiz = true
			}
			if depth == 1 && t.Name.Local == "question" {
				var q mxQuestion
				if err := dec.DecodeElement(&q, &t); err != nil {
					return nil, errAt(err)
				}
				if q.Type == "category" {
					c := &category{line: line, idnumber: strings.TrimSpace(q.IDNumber)}
					c.name = categoryName(q.Category.Text)
					var it item
					c.info = it.text(q.Info.Text, moodleMode(q.Info.Format))
					cat = c
					continue
				}
				it, err := moodleQuestion(&q, line, file)
				if err != nil {
					return nil, err
				}
				it.cat = cat
				items = append(items, it)
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if !sawQuiz {
		return nil, &Error{File: file, Line: 1, Code: "moodle-root", Args: []any{""}}
	}
	return build(opts, items, nil)
}

func moodleQuestion(q *mxQuestion, line int, file string) (*item, error) {
	it := &item{line: line, kind: q.Type, single: true}
	it.name, _ = cleanText(strings.TrimSpace(q.Name.Text))
	it.idnumber = strings.TrimSpace(q.IDNumber)
	mode := moodleMode(q.QuestionText.Format)
	it.prompt = it.text(q.QuestionText.Text, mode)
	it.explanation = it.text(q.GeneralFeedback.Text, moodleMode(q.GeneralFeedback.Format))
	if v, err := strconv.ParseFloat(strings.TrimSpace(q.DefaultGrade), 64); err == nil && v > 0 && v < 1e6 {
		it.points = v
	}
	for _, t := range q.Tags {
		if s, _ := cleanText(strings.TrimSpace(t.Text)); s != "" {
			it.tags = append(it.tags, s)
		}
	}
	switch q.Type {
	case "multichoice":
		it.kind = kindChoice
		switch strings.ToLower(strings.TrimSpace(q.Single)) {
		case "false", "0":
			it.single = false
		}
	case "truefalse":
		it.kind = kindTrueFalse
	default:
		return it, nil
	}
	for _, a := range q.Answers {
		f := strings.TrimSpace(a.Fraction)
		w := 0.0
		if f != "" {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil || math.IsNaN(v) || v < -100 || v > 100 {
				return nil, &Error{File: file, Line: line, Code: "moodle-fraction", Args: []any{f}}
			}
			w = v
		}
		amode := moodleMode(a.Format)
		if a.Format == "" {
			amode = modeHTML
		}
		o := itemOption{weight: w, text: it.text(a.Text, amode), feedback: it.text(a.Feedback.Text, moodleMode(a.Feedback.Format))}
		it.options = append(it.options, o)
	}
	if it.kind == kindTrueFalse {
		// Moodle writes the answers "true" and "false", in either order.
		var tru, fal *itemOption
		for i := range it.options {
			switch strings.ToLower(strings.TrimSpace(it.options[i].text)) {
			case "true":
				tru = &it.options[i]
			case "false":
				fal = &it.options[i]
			}
		}
		if tru == nil || fal == nil || len(it.options) != 2 {
			return nil, &Error{File: file, Line: line, Code: "moodle-truefalse"}
		}
		it.tfTrue = tru.weight > fal.weight
		it.tfTrueFB, it.tfFalseFB = tru.feedback, fal.feedback
		it.options = nil
	}
	return it, nil
}

// charsetReader accepts the encodings a Moodle XML file may declare.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
		data, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return &b, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q: save the file as UTF-8", label)
}
