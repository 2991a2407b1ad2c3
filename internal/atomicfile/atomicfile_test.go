package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.csv")
	if err := Write(p, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Fatalf("got %q", b)
	}
}

func TestFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	os.WriteFile(p, []byte("old"), 0o600)
	err := Write(p, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatalf("old file changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode changed: %v", st.Mode())
	}
}

// A target that cannot be written is named, never the temporary file.
func TestErrorNamesTheTarget(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing", "out.csv")
	err := Write(p, 0o644, func(w io.Writer) error { return nil })
	var ae *Error
	if !errors.As(err, &ae) || ae.Path != p || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %#v", err)
	}
	if strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("the message names the temporary file: %v", err)
	}
}
