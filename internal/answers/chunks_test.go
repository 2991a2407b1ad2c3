package answers

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// readChunked reads a sheet the way score does: chunks while it can, then
// record by record.
func readChunked(t *testing.T, data string) ([]string, error) {
	t.Helper()
	rd, err := NewReader("c.csv", strings.NewReader(data), FormatAuto)
	if err != nil {
		return nil, err
	}
	var out []string
	add := func(rec *Record, err error) {
		if err != nil {
			out = append(out, "ERR "+err.Error())
			return
		}
		out = append(out, fmt.Sprintf("%d %s %s", rec.Line, rec.Candidate, strings.Join(rec.Responses, "|")))
	}
	for {
		chunk, first, err := rd.NextChunk()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if errors.Is(err, ErrSequential) {
			break
		}
		if err != nil {
			return out, err
		}
		rd.EachInChunk(chunk, first, add)
	}
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			return out, err
		}
		add(rec, err)
	}
}

func readSequential(t *testing.T, data string) []string {
	t.Helper()
	rd, err := NewReader("c.csv", strings.NewReader(data), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			return out
		}
		if err != nil {
			out = append(out, "ERR "+err.Error())
			continue
		}
		out = append(out, fmt.Sprintf("%d %s %s", rec.Line, rec.Candidate, strings.Join(rec.Responses, "|")))
	}
}

// Chunked reading gives the same records, lines and errors as reading
// record by record, with or without quotes, CRLF, a missing final newline,
// and chunk boundaries anywhere.
func TestChunksEqualSequential(t *testing.T) {
	var big strings.Builder
	big.WriteString("candidate;q1;q2\r\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&big, "c%d;A;B,C\r\n", i)
		if i == 150000 {
			big.WriteString("short\r\n\r\n")
		}
	}
	quotedLate := big.String() + "\"quoted\nname\";A;B\r\nlast;C;D"
	for name, data := range map[string]string{
		"small":        "candidate,q1\nc1,A\nc2,B",
		"crlf-big":     big.String(),
		"quoted-late":  quotedLate,
		"quoted-early": "candidate,q1\n\"a,b\",A\nc2,B\n",
		"blank-lines":  "candidate,q1\n\nc1,A\n\n",
	} {
		got, err := readChunked(t, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := readSequential(t, data)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			for i := range want {
				if i >= len(got) || got[i] != want[i] {
					t.Fatalf("%s: first difference at %d: got %q, want %q", name, i, got[min(i, len(got)-1)], want[i])
				}
			}
			t.Fatalf("%s: %d records, want %d", name, len(got), len(want))
		}
	}
}

func TestChunkLongLineRefused(t *testing.T) {
	_, err := readChunked(t, "candidate,q1\nc1,"+strings.Repeat("A", 2<<20)+"\n")
	var se *SheetError
	if !errors.As(err, &se) || se.Code != "line-too-long" {
		t.Fatalf("err = %v", err)
	}
}

// Reading in chunks never differs from reading record by record.
func FuzzChunks(f *testing.F) {
	f.Add("candidate,q1\nc1,A\nc2,B")
	f.Add("candidate;q1;q2\r\nc1;a;b,c\r\n\r\nshort\r\n")
	f.Add("candidate,q1\n\"x\ny\",A\n")
	f.Fuzz(func(t *testing.T, data string) {
		got, err := readChunked(t, data)
		if err != nil {
			return
		}
		want := readSequential(t, data)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("chunked %q\nsequential %q", got, want)
		}
	})
}
