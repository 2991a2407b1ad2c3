package newbank

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

func testFactory(lang string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: lang}, out, errOut
}

func TestNewCmdNewArgs(t *testing.T) {
	for _, c := range []struct {
		args    []string
		wantErr bool
		want    Options
	}{
		{[]string{"analis-kebijakan"}, false, Options{ID: "analis-kebijakan"}},
		{[]string{"x1", "--out", "b/x.yaml", "--force"}, false, Options{ID: "x1", Out: "b/x.yaml", Force: true}},
		{[]string{"Bad_Id"}, true, Options{}},
		{[]string{"a--b"}, true, Options{}},
		{[]string{strings.Repeat("a", 41)}, true, Options{}},
		{[]string{}, true, Options{}},
	} {
		f, _, _ := testFactory("en")
		var got *Options
		cmd := NewCmdNew(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		var fe *cmdutil.FlagError
		if c.wantErr {
			if !errors.As(err, &fe) {
				t.Errorf("%v: %v, want a FlagError", c.args, err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		got.F = nil
		if *got != c.want {
			t.Errorf("%v: %+v, want %+v", c.args, *got, c.want)
		}
	}
}

// The skeleton decodes without errors and without warnings in both
// languages, holds one question of each type, and names every field.
func TestSkeleton(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		f, _, _ := testFactory(lang)
		src := Skeleton(f, "contoh-baru", "contoh-baru.yaml")
		if !strings.HasPrefix(src, "# yaml-language-server: $schema=bank.schema.json\n") {
			t.Errorf("%s: no modeline on line 1", lang)
		}
		b, diags := bank.Decode("contoh-baru.yaml", []byte(src))
		todo := 0
		for _, d := range diags {
			if d.Code == "todo-text" || d.Code == "skeleton-text" {
				todo++
			}
		}
		// Only the TODO warnings that point at what to fill in.
		if b == nil || len(diags) != todo || todo == 0 {
			t.Fatalf("%s: diagnostics %v", lang, diags)
		}
		types := map[string]bool{}
		for _, q := range b.Questions {
			types[q.Type] = true
		}
		if b.ID != "contoh-baru" || len(b.Skills) != 1 || len(types) != 4 {
			t.Errorf("%s: id %s, %d skills, types %v", lang, b.ID, len(b.Skills), types)
		}
		for _, keys := range [][]string{bank.BankKeys, bank.SkillKeys, bank.RecommendationKeys, bank.QuestionKeys, bank.OptionKeys} {
			for _, k := range keys {
				if !strings.Contains(src, k+":") {
					t.Errorf("%s: the skeleton never mentions %q", lang, k)
				}
			}
		}
		if n := strings.Count(src, "TODO"); n < 10 {
			t.Errorf("%s: only %d TODO markers", lang, n)
		}
	}
}

func TestRunWritesAndRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)

	f, _, errOut := testFactory("en")
	if err := Run(&Options{F: f, ID: "data-steward"}); err != nil {
		t.Fatal(err)
	}
	if _, err := bank.ReadFile("data-steward.yaml"); err != nil {
		t.Fatalf("written skeleton: %v", err)
	}
	if !strings.Contains(errOut.String(), "wrote data-steward.yaml") || !strings.Contains(errOut.String(), "asnskill lint data-steward.yaml") {
		t.Errorf("stderr: %s", errOut.String())
	}
	// The schema the first line names is there beside the bank.
	if data, err := os.ReadFile("bank.schema.json"); err != nil || !bytes.Equal(data, bank.Schema()) {
		t.Errorf("bank.schema.json beside the skeleton: %v", err)
	}
	os.WriteFile("bank.schema.json", []byte("{}"), 0o644)
	os.WriteFile("data-steward.yaml", []byte("mine"), 0o644)
	err := Run(&Options{F: f, ID: "data-steward"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Hint == "" {
		t.Fatalf("second run: %v, want a UserError with a hint", err)
	}
	if data, _ := os.ReadFile("data-steward.yaml"); string(data) != "mine" {
		t.Error("an existing file was overwritten without --force")
	}
	if err := Run(&Options{F: f, ID: "data-steward", Force: true}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile("data-steward.yaml"); string(data) == "mine" {
		t.Error("--force did not overwrite")
	}
	if data, _ := os.ReadFile("bank.schema.json"); string(data) != "{}" {
		t.Error("an existing bank.schema.json was replaced")
	}
	if err := Run(&Options{F: f, ID: "other", Out: filepath.Join("sub", "x.yaml")}); err == nil {
		t.Error("writing into a missing folder should fail")
	}
}

func TestRunToStdout(t *testing.T) {
	f, out, errOut := testFactory("id")
	if err := Run(&Options{F: f, ID: "contoh", Out: "-"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "id: contoh\n") || !strings.Contains(out.String(), "# Nama jabatan.") || errOut.Len() != 0 {
		t.Errorf("stdout %d bytes, stderr %q", out.Len(), errOut.String())
	}
}
