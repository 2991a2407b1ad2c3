// Command classsheet writes a class's answer sheet for a bank, drawn by the
// bank's item model (provisional parameters from difficulty when it is not
// calibrated), with a region column: the sheet docs/screenshots.sh shows the
// class page (stats -o html) with. Question 3's key is reversed on purpose
// (strong candidates miss it: a "miskeyed" question), and the Papua group
// finds question 6 much harder (DIF), so the page shows what it is for.
//
//	go run ./internal/tools/classsheet -bank quizzes/cyber-security.yaml -n 600 -k 20 > kelas.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/asnskill/asnskill/internal/adaptive"
	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/simulate"
)

func main() {
	bankPath := flag.String("bank", "", "bank file")
	n := flag.Int("n", 600, "candidates")
	k := flag.Int("k", 20, "questions (the bank's first k)")
	seed := flag.Uint64("seed", 11, "random seed")
	flag.Parse()
	b, err := bank.ReadFile(*bankPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "classsheet:", err)
		os.Exit(1)
	}
	rng := rand.New(rand.NewPCG(*seed, *seed))
	qs := b.Questions[:min(*k, len(b.Questions))]
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	w.WriteString("candidate,group:region")
	for _, q := range qs {
		w.WriteString("," + q.ID)
	}
	w.WriteString("\n")
	for c := 0; c < *n; c++ {
		region := "Jawa"
		if c%3 == 0 {
			region = "Papua"
		}
		theta := rng.NormFloat64()
		fmt.Fprintf(w, "c%03d,%s", c+1, region)
		for i := range qs {
			q := &qs[i]
			it, _ := adaptive.ItemOf(q)
			th := theta
			if i == 5 && region == "Papua" {
				th -= 2
			}
			var buf [8]float64
			p := it.Probs(th, buf[:0])
			u, cat := rng.Float64(), 0
			for acc := 0.0; cat < len(p)-1; cat++ {
				if acc += p[cat]; u < acc {
					break
				}
			}
			if i == 2 {
				cat = len(p) - 1 - cat
			}
			w.WriteString("," + strings.Join(simulate.ChoiceFor(q, cat, rng).Letters(), ""))
		}
		w.WriteString("\n")
	}
}
