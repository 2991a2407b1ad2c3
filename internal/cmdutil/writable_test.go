package cmdutil

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	if err := CheckWritable(filepath.Join(dir, "hasil.json")); err != nil {
		t.Errorf("a new file in a temporary folder: %v", err)
	}
	if err := CheckWritable(filepath.Join(dir, "tidak-ada", "hasil.json")); err == nil {
		t.Error("a missing folder must be refused")
	}
	if err := CheckWritable(dir); err == nil {
		t.Error("a folder must be refused")
	}
	file := filepath.Join(dir, "berkas")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckWritable(filepath.Join(file, "hasil.json")); err == nil {
		t.Error("a file as the folder must be refused")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the check left files behind: %v", entries)
	}
}
