package answers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// sheet100 makes a CSV of rows candidates × 100 single-answer questions.
func sheet100(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("candidate,group:region")
	for q := 0; q < 100; q++ {
		fmt.Fprintf(&b, ",q%03d", q)
	}
	b.WriteByte('\n')
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "c%07d,r%d", i, i%5)
		for q := 0; q < 100; q++ {
			b.WriteByte(',')
			if r.IntN(20) > 0 {
				b.WriteByte("ABCD"[r.IntN(4)])
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkReader reads a 100-question sheet with the asnskill reader;
// compare rows/s with BenchmarkEncodingCSV on the same bytes.
func BenchmarkReader(b *testing.B) {
	data := sheet100(10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rd, err := NewReader("b.csv", bytes.NewReader(data), FormatAuto)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatal(n)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkEncodingCSV(b *testing.B) {
	data := sheet100(10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		for {
			_, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkParseChoice(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseChoice("A,C", 4, false)
	}
}
