package bank

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// BenchmarkDecodeShipped decodes every shipped bank; compare with
// BenchmarkYAMLNode, the bare yaml.v3 parse of the same bytes (the lint
// budget: within 2x of it).
func BenchmarkDecodeShipped(b *testing.B) {
	files, _ := filepath.Glob("../../quizzes/*.yaml")
	var data [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range data {
			Decode(files[j], d)
		}
	}
}

func BenchmarkYAMLNode(b *testing.B) {
	files, _ := filepath.Glob("../../quizzes/*.yaml")
	var data [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range data {
			var n yaml.Node
			yaml.Unmarshal(d, &n)
		}
	}
}
