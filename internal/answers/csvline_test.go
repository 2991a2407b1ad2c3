package answers

import (
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestSplitLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
		code string
		col  int
	}{
		{"c1,A,B", []string{"c1", "A", "B"}, "", 0},
		{"c1,,", []string{"c1", "", ""}, "", 0},
		{"", []string{""}, "", 0},
		{"c1,\"A,B\",C\r", []string{"c1", "A,B", "C"}, "", 0},
		{"\"say \"\"hi\"\"\",x", []string{"say \"hi\"", "x"}, "", 0},
		{"\"\"", []string{""}, "", 0},
		{"c2,\"B\"x,B", nil, "quote-text-after", 2},
		{"c4,\"A,B", nil, "quote-unclosed", 2},
		{"c4,\"A\"\"", nil, "quote-unclosed", 2},
		{"c5,A\"B,C", nil, "quote-inside", 2},
	} {
		got, qe := splitLine(c.line, ',', nil)
		if c.code != "" {
			if qe == nil || qe.code != c.code || qe.col != c.col {
				t.Errorf("%q: error %+v, want %s in cell %d", c.line, qe, c.code, c.col)
			}
			continue
		}
		if qe != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %q %+v, want %q", c.line, got, qe, c.want)
		}
	}
}

// The sheet: row 3 has text after a closing quote, row 5 a quote
// never closed. Every other row is read, the two are named by their line,
// and the counts add up.
func TestStrayQuotesLoseNoRow(t *testing.T) {
	sheet := "candidate,q1,q2\nc1,A,B\nc2,\"B\"x,B\nc3,A,A\nc4,\"A,B\nc5,B,B\nc6,\"C\",D\n"
	for _, mode := range []string{"sequential", "chunked"} {
		rd, err := NewReader("kelas.csv", strings.NewReader(sheet), FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		var bad []int
		add := func(rec *Record, err error) {
			var re *RowError
			switch {
			case errors.As(err, &re):
				bad = append(bad, re.Line)
			case err != nil:
				t.Fatalf("%s: %v", mode, err)
			default:
				got = append(got, rec.Candidate+":"+strings.Join(rec.Responses, "/"))
			}
		}
		if mode == "sequential" {
			for {
				rec, err := rd.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				add(rec, err)
			}
		} else {
			for {
				data, first, err := rd.NextChunk()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				rd.EachInChunk(data, first, add)
			}
		}
		if want := []string{"c1:A/B", "c3:A/A", "c5:B/B", "c6:C/D"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read %q, want %q", mode, got, want)
		}
		if !reflect.DeepEqual(bad, []int{3, 5}) {
			t.Errorf("%s: rejected lines %v, want [3 5]", mode, bad)
		}
	}
}

// On well-formed lines the splitter agrees with encoding/csv.
func FuzzSplitLine(f *testing.F) {
	f.Add("c1,\"A,B\",\"x\"\"y\",")
	f.Add("a;b;\"c;d\"")
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		got, qe := splitLine(line, ',', nil)
		r := csv.NewReader(strings.NewReader(line))
		r.FieldsPerRecord = -1
		want, err := r.Read()
		if qe == nil && err == nil && line != "" && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %q, encoding/csv %q", line, got, want)
		}
		if qe == nil && err != nil && !errors.Is(err, io.EOF) {
			t.Fatalf("%q: accepted, encoding/csv says %v", line, err)
		}
	})
}
