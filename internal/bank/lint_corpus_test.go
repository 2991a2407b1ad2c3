package bank

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asnskill/asnskill/internal/i18n"
)

// Every file under testdata/invalid holds one mistake. The golden file lists
// what lint says about each, with positions; every file must give at least
// one error, and its name must be the code of one of them (or its cause).
func TestInvalidCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) < 30 {
		t.Fatalf("only %d broken banks", len(files))
	}
	sort.Strings(files)
	p := i18n.NewPrinter("en")
	var out bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		_, ds := Decode(name, data)
		if !ds.HasErrors() {
			t.Errorf("%s: no error reported", name)
		}
		for _, d := range ds {
			if d.Severity != Error {
				continue
			}
			fmt.Fprintf(&out, "%s [%s]\n", d.Format(p), d.Code)
			if d.Line < 1 || d.Col < 1 {
				t.Errorf("%s: diagnostic without a position: %+v", name, d)
			}
		}
	}
	golden := "testdata/invalid.golden"
	if *update {
		os.WriteFile(golden, out.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, out.Bytes()) {
		t.Errorf("diagnostics differ from %s (run with -update and review the diff):\n%s", golden, diffLines(string(want), out.String()))
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
		}
		if len(out) > 20 {
			break
		}
	}
	return strings.Join(out, "\n")
}

// A 20 MB bank is refused from its size, without being parsed.
func TestHugeFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	data := bytes.Repeat([]byte("# padding line for a huge file\n"), 20<<20/31)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds, err := ReadFileDiags(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Code != "file-too-large" || ds[0].Line != 1 {
		t.Fatalf("diags = %+v", ds)
	}
	if _, ds := Decode("huge.yaml", data); len(ds) != 1 || ds[0].Code != "file-too-large" {
		t.Fatalf("Decode diags = %+v", ds)
	}
}

func TestValidBanksAreClean(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		b, ds := Decode(f, data)
		if b == nil || ds.HasErrors() {
			t.Errorf("%s: %v", f, ds)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, glob := range []string{"testdata/invalid/*.yaml", "testdata/valid/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 4096 {
				f.Add(data)
			}
		}
	}
	p := i18n.NewPrinter("en")
	f.Fuzz(func(t *testing.T, data []byte) {
		b, ds := Decode("fuzz.yaml", data)
		for _, d := range ds {
			if d.Line < 0 || d.Col < 0 {
				t.Fatalf("negative position: %+v", d)
			}
			_ = d.Format(p)
		}
		if b != nil && !ds.HasErrors() {
			for _, q := range b.Questions {
				if q.Points <= 0 || len(q.Options) < 2 {
					t.Fatalf("clean bank with bad question %+v", q)
				}
			}
		}
	})
}
