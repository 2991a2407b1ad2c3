package interop

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
)

const (
	qtiNS     = "http://www.imsglobal.org/xsd/imsqti_v2p1"
	qtiSchema = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
	cpNS      = "http://www.imsglobal.org/xsd/imscp_v1p1"
	cpSchema  = "http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
	xsiNS     = "http://www.w3.org/2001/XMLSchema-instance"
)

// qtiID makes an identifier QTI accepts (an NCName: it must not start with
// a digit or a hyphen).
func qtiID(prefix, id string) string {
	var b strings.Builder
	for _, r := range id {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_') {
		s = prefix + s
	}
	return s
}

// WriteQTI writes one language of a bank as an IMS QTI 2.1 content package:
// a zip holding imsmanifest.xml, test.xml (an assessmentTest with one
// section per skill) and one assessmentItem per question under items/.
func WriteQTI(w io.Writer, b *bank.Bank, opts ExportOptions) error {
	lang := opts.lang()
	modified := opts.Now
	if modified.IsZero() {
		modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	zw := zip.NewWriter(w)
	put := func(name, content string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	groups := bySkill(b)
	// Two questions may map to one identifier only if their ids differ in
	// characters QTI refuses; ids in a valid bank never do, but keep the
	// package consistent whatever it is given.
	used := map[string]bool{}
	paths := map[*bank.Question]string{}
	idents := map[*bank.Question]string{}
	for _, g := range groups {
		for _, q := range g.questions {
			id := unique(qtiID("item-", q.ID), used)
			idents[q] = id
			paths[q] = "items/" + id + ".xml"
		}
	}
	if err := put("imsmanifest.xml", qtiManifest(b, groups, paths, idents)); err != nil {
		return err
	}
	if err := put("test.xml", qtiTest(b, groups, paths, idents, lang)); err != nil {
		return err
	}
	for _, g := range groups {
		for _, q := range g.questions {
			if err := put(paths[q], qtiItem(q, idents[q], lang)); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

func qtiManifest(b *bank.Bank, groups []skillGroup, paths, idents map[*bank.Question]string) string {
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&s, "<manifest xmlns=%q xmlns:xsi=%q xsi:schemaLocation=%q identifier=%q>\n", cpNS, xsiNS, cpSchema, qtiID("manifest-", b.ID))
	s.WriteString("  <metadata>\n    <schema>QTIv2.1 Package</schema>\n    <schemaversion>1.0.0</schemaversion>\n  </metadata>\n")
	s.WriteString("  <organizations/>\n  <resources>\n")
	fmt.Fprintf(&s, "    <resource identifier=%q type=\"imsqti_test_xmlv2p1\" href=\"test.xml\">\n      <file href=\"test.xml\"/>\n", "test-"+qtiID("", b.ID))
	for _, g := range groups {
		for _, q := range g.questions {
			fmt.Fprintf(&s, "      <dependency identifierref=%q/>\n", "res-"+idents[q])
		}
	}
	s.WriteString("    </resource>\n")
	for _, g := range groups {
		for _, q := range g.questions {
			fmt.Fprintf(&s, "    <resource identifier=%q type=\"imsqti_item_xmlv2p1\" href=%q>\n      <file href=%q/>\n    </resource>\n",
				"res-"+idents[q], paths[q], paths[q])
		}
	}
	s.WriteString("  </resources>\n</manifest>\n")
	return s.String()
}

func qtiTest(b *bank.Bank, groups []skillGroup, paths, idents map[*bank.Question]string, lang string) string {
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	title := oneLine(b.Title.Get(lang))
	if title == "" {
		title = b.ID
	}
	fmt.Fprintf(&s, "<assessmentTest xmlns=%q xmlns:xsi=%q xsi:schemaLocation=%q identifier=%q title=\"%s\">\n",
		qtiNS, xsiNS, qtiSchema, qtiID("test-", b.ID), xmlEscape(title))
	s.WriteString("  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\"/>\n")
	s.WriteString("  <testPart identifier=\"part-1\" navigationMode=\"nonlinear\" submissionMode=\"simultaneous\">\n")
	sections := map[string]bool{}
	for _, g := range groups {
		name := oneLine(g.skill.Name.Get(lang))
		if name == "" {
			name = g.skill.ID
		}
		fmt.Fprintf(&s, "    <assessmentSection identifier=%q title=\"%s\" visible=\"true\">\n", unique(qtiID("section-", g.skill.ID), sections), xmlEscape(name))
		for _, q := range g.questions {
			fmt.Fprintf(&s, "      <assessmentItemRef identifier=%q href=%q/>\n", idents[q], paths[q])
		}
		s.WriteString("    </assessmentSection>\n")
	}
	s.WriteString("  </testPart>\n")
	s.WriteString("  <outcomeProcessing>\n    <setOutcomeValue identifier=\"SCORE\">\n      <sum>\n        <testVariables variableIdentifier=\"SCORE\"/>\n      </sum>\n    </setOutcomeValue>\n  </outcomeProcessing>\n")
	s.WriteString("</assessmentTest>\n")
	return s.String()
}

// qtiItem writes one question. Its score is computed by a mapping whose
// values are asnskill's points: single and truefalse give the key its
// points; multiple gives each correct option points/|C| and each wrong one
// −points/|C|, bounded below by 0; judgement gives points × score/max.
func qtiItem(q *bank.Question, ident, lang string) string {
	points := q.Points
	if points <= 0 {
		points = float64(max(1, q.Difficulty))
	}
	cardinality, maxChoices := "single", 1
	if q.Type == bank.Multiple {
		cardinality, maxChoices = "multiple", len(q.Options)
	}
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&s, "<assessmentItem xmlns=%q xmlns:xsi=%q xsi:schemaLocation=%q identifier=%q title=%q adaptive=\"false\" timeDependent=\"false\" xml:lang=%q>\n",
		qtiNS, xsiNS, qtiSchema, ident, ident, qtiID("", lang))
	fmt.Fprintf(&s, "  <responseDeclaration identifier=\"RESPONSE\" cardinality=%q baseType=\"identifier\">\n", cardinality)
	s.WriteString("    <correctResponse>\n")
	keyed := q.Keyed()
	for i, k := range keyed {
		if k && i < len(bank.Letters) {
			fmt.Fprintf(&s, "      <value>%c</value>\n", bank.Letters[i])
			if cardinality == "single" {
				break
			}
		}
	}
	s.WriteString("    </correctResponse>\n")
	fmt.Fprintf(&s, "    <mapping lowerBound=\"0\" upperBound=\"%s\" defaultValue=\"0\">\n", num(points))
	weights := optionWeights(q)
	for i := range q.Options {
		if i >= len(bank.Letters) || weights[i] == 0 {
			continue
		}
		fmt.Fprintf(&s, "      <mapEntry mapKey=\"%c\" mappedValue=\"%s\"/>\n", bank.Letters[i], fmtWeight(points*weights[i]/100))
	}
	s.WriteString("    </mapping>\n  </responseDeclaration>\n")
	s.WriteString("  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\">\n    <defaultValue>\n      <value>0</value>\n    </defaultValue>\n  </outcomeDeclaration>\n")
	fmt.Fprintf(&s, "  <outcomeDeclaration identifier=\"MAXSCORE\" cardinality=\"single\" baseType=\"float\">\n    <defaultValue>\n      <value>%s</value>\n    </defaultValue>\n  </outcomeDeclaration>\n", num(points))
	s.WriteString("  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"multiple\" baseType=\"identifier\"/>\n")
	s.WriteString("  <itemBody>\n")
	prompt := mdBlocks(q.Prompt.Get(lang))
	if prompt == "" {
		prompt = "<p/>"
	}
	s.WriteString("    <div>" + prompt + "</div>\n")
	fmt.Fprintf(&s, "    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"%d\">\n", maxChoices)
	for i, o := range q.Options {
		if i >= len(bank.Letters) {
			break
		}
		fmt.Fprintf(&s, "      <simpleChoice identifier=\"%c\">%s</simpleChoice>\n", bank.Letters[i], mdHTML(o.Text.Get(lang)))
	}
	s.WriteString("    </choiceInteraction>\n  </itemBody>\n")
	// Score by the mapping; show the feedback of every chosen option and
	// the explanation.
	s.WriteString(`  <responseProcessing>
    <responseCondition>
      <responseIf>
        <isNull>
          <variable identifier="RESPONSE"/>
        </isNull>
        <setOutcomeValue identifier="SCORE">
          <baseValue baseType="float">0</baseValue>
        </setOutcomeValue>
      </responseIf>
      <responseElse>
        <setOutcomeValue identifier="SCORE">
          <mapResponse identifier="RESPONSE"/>
        </setOutcomeValue>
      </responseElse>
    </responseCondition>
    <setOutcomeValue identifier="FEEDBACK">
      <multiple>
        <variable identifier="RESPONSE"/>
        <baseValue baseType="identifier">EXPLANATION</baseValue>
      </multiple>
    </setOutcomeValue>
  </responseProcessing>
`)
	for i, o := range q.Options {
		if i >= len(bank.Letters) {
			break
		}
		if fb := o.Feedback.Get(lang); fb != "" {
			fmt.Fprintf(&s, "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"%c\" showHide=\"show\">%s</modalFeedback>\n", bank.Letters[i], mdBlocks(fb))
		}
	}
	if ex := q.Explanation.Get(lang); ex != "" {
		fmt.Fprintf(&s, "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"EXPLANATION\" showHide=\"show\">%s</modalFeedback>\n", mdBlocks(ex))
	}
	s.WriteString("</assessmentItem>\n")
	return s.String()
}
