package answers

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func readAll(t *testing.T, name, data string) ([]*Record, []error, error) {
	t.Helper()
	rd, err := NewReader(name, strings.NewReader(data), FormatAuto)
	if err != nil {
		return nil, nil, err
	}
	var recs []*Record
	var rowErrs []error
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs, rowErrs, nil
		}
		var re *RowError
		if errors.As(err, &re) {
			rowErrs = append(rowErrs, err)
			continue
		}
		if err != nil {
			return recs, rowErrs, err
		}
		recs = append(recs, rec)
	}
}

func TestSpreadsheetExport(t *testing.T) {
	data := "\xef\xbb\xbfcandidate;group:region;q1;q2\r\nc1;Jawa;b;A,C\r\n\r\nc2;\"Papua Barat\";;ac\r\n"
	recs, rowErrs, err := readAll(t, "x.csv", data)
	if err != nil || len(rowErrs) > 0 {
		t.Fatal(err, rowErrs)
	}
	if len(recs) != 2 || recs[0].Candidate != "c1" || recs[1].Groups[0] != "Papua Barat" || recs[0].GroupNames[0] != "region" {
		t.Fatalf("%+v", recs)
	}
	if recs[0].Responses[1] != "A,C" || recs[1].Responses[0] != "" || recs[1].Line != 4 {
		t.Fatalf("%+v %+v", recs[0], recs[1])
	}
}

func TestTSV(t *testing.T) {
	recs, _, err := readAll(t, "x.tsv", "candidate\tq1\tq2\nc1\tA\tB\n")
	if err != nil || len(recs) != 1 || recs[0].Responses[1] != "B" {
		t.Fatal(err, recs)
	}
}

func TestShortRowAndBadCandidate(t *testing.T) {
	long := strings.Repeat("x", 300)
	recs, rowErrs, err := readAll(t, "x.csv", "candidate,q1,q2\nc1,A\n"+long+",A,B\n\"bad\x1bid\",A,B\nok,A,B\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || len(rowErrs) != 3 {
		t.Fatalf("recs %d errs %v", len(recs), rowErrs)
	}
	for i, want := range []string{"x.csv:2: the row has 2 cells", "x.csv:3: the candidate id is 300 bytes", "x.csv:4: the candidate id holds the control character U+001B"} {
		if !strings.HasPrefix(rowErrs[i].Error(), want) {
			t.Errorf("error %d = %q, want prefix %q", i, rowErrs[i], want)
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"", "the sheet is empty"},
		{"name,q1\nx,A\n", "no candidate column"},
		{"candidate\nx\n", "no question columns"},
		{"candidate,q1,q1\nx,A,B\n", "appears twice"},
		{"candidate,q1,\nx,A,B\n", "has no name"},
		{"candidate," + strings.Repeat("q,", 10001) + "q\n", "more than the 10000 allowed"},
	} {
		_, _, err := readAll(t, "h.csv", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err %v, want %q", c.data[:min(len(c.data), 30)], err, c.want)
		}
	}
}

func TestLongLineRefused(t *testing.T) {
	data := "candidate,q1\nc1," + strings.Repeat("A", 2<<20) + "\n"
	_, _, err := readAll(t, "big.csv", data)
	var se *SheetError
	if !errors.As(err, &se) || se.Line != 2 || se.Code != "line-too-long" {
		t.Fatalf("err = %v", err)
	}
	_, _, err = readAll(t, "big.jsonl", `{"candidate":"c1","answers":{"q1":"`+strings.Repeat("A", 2<<20)+`"}}`+"\n")
	if !errors.As(err, &se) || se.Line != 1 {
		t.Fatalf("jsonl err = %v", err)
	}
}

func TestJSONL(t *testing.T) {
	data := `{"candidate":"c-001","bank":"ml","answers":{"q1":"B","q2":["A","C"]},"groups":{"region":"Jawa"}}
{"candidate":"c-002","answers":{"q1":"A"},"questions":["q1","q3"]}

{"candidate":"c-003","answers":{"q9":"A"},"questions":["q1"]}
not json
{"format":"asnskill/result/v1","candidate":"c-004","bank":{"id":"ml"},"answers":[{"question":"q1","response":["B"],"seconds":3.5,"flagged":true}]}
`
	recs, rowErrs, err := readAll(t, "a.jsonl", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(rowErrs) != 2 {
		t.Fatalf("recs %d errs %v", len(recs), rowErrs)
	}
	if recs[0].Questions != nil || recs[0].Answers["q2"] != "A,C" || recs[0].Bank != "ml" || recs[0].Groups[0] != "Jawa" {
		t.Errorf("line 1: %+v", recs[0])
	}
	if len(recs[1].Questions) != 2 || recs[1].Responses[0] != "A" || recs[1].Responses[1] != "" || recs[1].Line != 2 {
		t.Errorf("line 2: %+v", recs[1])
	}
	if !strings.HasPrefix(rowErrs[0].Error(), `a.jsonl:4: an answer to "q9"`) || !strings.HasPrefix(rowErrs[1].Error(), "a.jsonl:5: not a JSON object") {
		t.Errorf("errors: %v", rowErrs)
	}
	if r := recs[2]; r.Bank != "ml" || r.Questions[0] != "q1" || r.Seconds[0] != 3.5 || !r.Flagged[0] || r.Line != 6 {
		t.Errorf("result line: %+v", r)
	}
}

func TestPrettyResultFile(t *testing.T) {
	data := "{\n  \"format\": \"asnskill/result/v1\",\n  \"candidate\": \"a\",\n  \"answers\": [{\"question\": \"q1\", \"response\": [\"A\"]}]\n}\n"
	recs, _, err := readAll(t, "r.json", data)
	if err != nil || len(recs) != 1 || recs[0].Responses[0] != "A" {
		t.Fatal(err, recs)
	}
}

func TestParseChoice(t *testing.T) {
	for _, c := range []struct {
		in     string
		n      int
		single bool
		want   string
		err    string
	}{
		{"B", 4, true, "B", ""},
		{"a,c", 4, false, "AC", ""},
		{"AC", 4, false, "AC", ""},
		{" c a ", 4, false, "AC", ""},
		{"", 4, true, "", ""},
		{"E", 4, true, "", "beyond"},
		{"1", 4, true, "", "not an option letter"},
		{"AB", 4, true, "", "takes one answer"},
		// A repeated letter is not read as one (issue 15).
		{"BB", 4, true, "", "given twice"},
		{"A,A", 4, false, "", "given twice"},
		{"a,A", 4, false, "", "given twice"},
	} {
		got, err := ParseChoice(c.in, c.n, c.single)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: err %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add("candidate,q1,q2\nc1,A,B\n")
	f.Add("\xef\xbb\xbfcandidate;group:g;q1\r\nx;y;a,c\r\n")
	f.Add(`{"candidate":"c","answers":{"q1":["A"]},"questions":["q1"]}` + "\n")
	f.Add("{\n\"format\":\"asnskill/result/v1\",\"candidate\":\"c\",\"answers\":[{\"question\":\"q\",\"response\":[\"A\"]}]}\n")
	f.Fuzz(func(t *testing.T, data string) {
		rd, err := NewReader("f", strings.NewReader(data), FormatAuto)
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RowError
			if err != nil && !errors.As(err, &re) {
				return
			}
			if rec != nil {
				if rec.Questions != nil && len(rec.Questions) != len(rec.Responses) {
					t.Fatalf("misaligned record %+v", rec)
				}
				for _, r := range rec.Responses {
					ParseChoice(r, 6, false)
				}
			}
		}
	})
}
