package bank

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

// The committed quizzes/bank.schema.json is what editors read; it must equal
// what `asnskill schema` prints.
func TestCommittedSchemaIsCurrent(t *testing.T) {
	const path = "../../quizzes/bank.schema.json"
	want := Schema()
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("quizzes/bank.schema.json is stale: run go test ./internal/bank -run TestCommittedSchemaIsCurrent -update")
	}
}
