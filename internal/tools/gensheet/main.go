// Command gensheet writes a synthetic answer sheet and the bank it answers,
// for benchmarks and load tests: N candidates × K single-answer questions
// (four options, one point each) over five skills, answered by a seeded
// three-parameter logistic model of ability and difficulty, with about 3% of
// answers left blank and a group column of five regions.
//
//	go run ./internal/tools/gensheet -n 1000000 -k 100 -o /tmp/sheet.csv -bank /tmp/bank.yaml
//	go run ./internal/tools/gensheet -n 1000 -k 40 -format jsonl -o /tmp/sheet.jsonl -bank /tmp/bank.yaml
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
)

func main() {
	n := flag.Int("n", 1000, "candidates")
	k := flag.Int("k", 100, "questions")
	seed := flag.Uint64("seed", 1, "random seed")
	format := flag.String("format", "csv", "csv or jsonl")
	out := flag.String("o", "-", "sheet file (- for stdout)")
	bankPath := flag.String("bank", "", "also write the bank here")
	flag.Parse()
	if *k < 1 || *k > 10000 || *n < 0 {
		fmt.Fprintln(os.Stderr, "gensheet: -k must be 1..10000 and -n at least 0")
		os.Exit(2)
	}
	r := rand.New(rand.NewPCG(*seed, 42))
	keys := make([]int, *k)
	diff := make([]float64, *k)
	disc := make([]float64, *k)
	for j := range keys {
		keys[j] = r.IntN(4)
		diff[j] = r.NormFloat64()
		disc[j] = 0.5 + r.Float64()*1.5
	}
	if *bankPath != "" {
		if err := writeBank(*bankPath, keys); err != nil {
			fmt.Fprintln(os.Stderr, "gensheet:", err)
			os.Exit(1)
		}
	}
	f := os.Stdout
	if *out != "-" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, "gensheet:", err)
			os.Exit(1)
		}
		defer f.Close()
	}
	w := bufio.NewWriterSize(f, 1<<20)
	defer w.Flush()
	regions := []string{"Sumatera", "Jawa", "Kalimantan", "Sulawesi", "Papua"}
	if *format == "csv" {
		w.WriteString("candidate,group:region")
		for j := range keys {
			fmt.Fprintf(w, ",q%04d", j+1)
		}
		w.WriteByte('\n')
	}
	letters := "ABCD"
	buf := make([]byte, 0, 64)
	for i := 0; i < *n; i++ {
		theta := r.NormFloat64()
		region := regions[i%len(regions)]
		if *format == "csv" {
			buf = strconv.AppendInt(buf[:0], int64(i+1), 10)
			w.WriteString("c")
			w.Write(buf)
			w.WriteString("," + region)
		} else {
			fmt.Fprintf(w, `{"candidate":"c%d","bank":"synthetic","groups":{"region":%q},"answers":{`, i+1, region)
		}
		first := true
		for j, key := range keys {
			answer := ""
			if r.IntN(33) != 0 {
				p := 0.25 + 0.75/(1+math.Exp(-1.7*disc[j]*(theta-diff[j])))
				if r.Float64() < p {
					answer = letters[key : key+1]
				} else {
					wrong := (key + 1 + r.IntN(3)) % 4
					answer = letters[wrong : wrong+1]
				}
			}
			if *format == "csv" {
				w.WriteString("," + answer)
			} else if answer != "" {
				if !first {
					w.WriteByte(',')
				}
				first = false
				fmt.Fprintf(w, `"q%04d":"%s"`, j+1, answer)
			}
		}
		if *format == "csv" {
			w.WriteByte('\n')
		} else {
			w.WriteString("}}\n")
		}
	}
}

func writeBank(path string, keys []int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	fmt.Fprintf(w, "# yaml-language-server: $schema=bank.schema.json\nformat: asnskill/bank/v1\nid: synthetic\nversion: 1.0.0\n")
	fmt.Fprintf(w, "title: {id: Bank sintetis, en: Synthetic bank}\nsummary: {id: Bank uji beban., en: A load-test bank.}\nskills:\n")
	for s := 1; s <= 5; s++ {
		fmt.Fprintf(w, "  - id: s%d\n    name: {id: Keterampilan %d, en: Skill %d}\n    target_level: 3\n    recommendations:\n", s, s, s)
		fmt.Fprintf(w, "      - {for_levels: [1, 2], kind: practice, title: {id: Latihan %d, en: Practice %d}}\n", s, s)
	}
	fmt.Fprintf(w, "questions:\n")
	for j, key := range keys {
		fmt.Fprintf(w, "  - id: q%04d\n    skill: s%d\n    points: 1\n    prompt: {id: \"Soal %d?\", en: \"Question %d?\"}\n    options:\n", j+1, j%5+1, j+1, j+1)
		for o := 0; o < 4; o++ {
			c := ""
			if o == key {
				c = ", correct: true"
			}
			fmt.Fprintf(w, "      - {text: {id: \"Pilihan %d\", en: \"Option %d\"}%s}\n", o+1, o+1, c)
		}
		fmt.Fprintf(w, "    explanation: {id: \"Pembahasan.\", en: \"Explanation.\"}\n")
	}
	return nil
}
