// Command gen compiles the shipped banks (quizzes/*.yaml) into
// quizzes/shipped.gob, which the binary reads at start instead of parsing
// the YAML. Run it after editing a bank:
//
//	go generate ./quizzes
package main

import (
	"fmt"
	"os"

	"github.com/asnskill/asnskill/internal/bank"
)

func main() {
	s := bank.NewSet()
	// go generate runs in quizzes/: read the YAML from disk, so that a
	// missing or stale shipped.gob never stops this program from building.
	if err := s.LoadFS(os.DirFS("."), "embedded:quizzes/"); err != nil {
		fmt.Fprintln(os.Stderr, "gen: a shipped bank has errors; run 'go run ./cmd/asnskill lint quizzes/':", err)
		os.Exit(1)
	}
	data, err := bank.EncodeCompiled(s.List())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("shipped.gob", data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
