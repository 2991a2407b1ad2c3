package interop

import (
	"archive/zip"
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

const (
	giftFixture = "../../interop/testdata/all.gift"
	bankFixture = "../../bank/testdata/valid/contoh-peran.yaml"
)

func testFactory(lang string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	ios, in, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: lang}
	return f, in, out, errOut
}

func TestNewCmdImportArgs(t *testing.T) {
	cases := []struct {
		args    []string
		wantErr bool
		want    ImportOptions
	}{
		{args: []string{"gift", "a.txt"}, want: ImportOptions{Format: "gift", File: "a.txt"}},
		{args: []string{"moodlexml", "-", "--out", "b.yaml", "--id", "my-bank", "--skill", "umum"},
			want: ImportOptions{Format: "moodlexml", File: "-", Out: "b.yaml", ID: "my-bank", Skill: "umum"}},
		{args: []string{"docx", "a.docx"}, wantErr: true},
		{args: []string{"gift"}, wantErr: true},
		{args: []string{"gift", "a", "--id", "Bad ID"}, wantErr: true},
		{args: []string{"gift", "a", "--skill", "-x"}, wantErr: true},
	}
	for _, c := range cases {
		f, _, _, _ := testFactory("en")
		var got *ImportOptions
		cmd := NewCmdImport(f, func(o *ImportOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		var fe *cmdutil.FlagError
		if c.wantErr {
			if !errors.As(err, &fe) {
				t.Errorf("%v: error %v, want a FlagError", c.args, err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		got.F = nil
		if *got != c.want {
			t.Errorf("%v: options %+v, want %+v", c.args, *got, c.want)
		}
	}
}

func TestRunImportToStdout(t *testing.T) {
	f, _, out, errOut := testFactory("en")
	err := RunImport(&ImportOptions{F: f, Format: "gift", File: giftFixture, Skill: "dasar"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "# yaml-language-server: $schema=bank.schema.json\n") {
		t.Errorf("stdout does not start with the modeline:\n%s", out.String())
	}
	b, diags := bank.Decode("out.yaml", out.Bytes())
	if b == nil || diags.HasErrors() {
		t.Fatalf("output does not decode: %v", diags)
	}
	// The text is Indonesian: that, not the language of the messages
	// (English here), is the bank's language, and the only one it declares.
	if b.Language != "id" || len(b.Languages) != 1 || b.Languages[0] != "id" || b.Skills[0].ID != "dasar" {
		t.Errorf("language %s %v, first skill %s", b.Language, b.Languages, b.Skills[0].ID)
	}
	for _, d := range diags {
		if d.Code == "missing-translation" {
			t.Errorf("an imported one-language bank warns: %v", d)
		}
	}
	for _, want := range []string{
		giftFixture + ":67: warning: question \"Essay\": essay questions are not supported; skipped\n",
		giftFixture + ":78: warning: question \"Description\"",
		"imported 12 of 17 questions into 3 skills as bank all",
		"run 'asnskill lint all.yaml'",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
}

func TestRunImportOutFileAndStdin(t *testing.T) {
	f, in, out, errOut := testFactory("id")
	in.WriteString("Apa kepanjangan SPBE?\nA) Sistem Pemerintahan Berbasis Elektronik\nB) Lainnya\nANSWER: A\n")
	path := filepath.Join(t.TempDir(), "spbe.yaml")
	if err := RunImport(&ImportOptions{F: f, Format: "aiken", File: "-", Out: path, ID: "spbe"}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout should be empty with --out: %q", out.String())
	}
	b, err := bank.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != "spbe" || b.Questions[0].Skill != "umum" || !b.Questions[0].Options[0].Correct {
		t.Errorf("bank %+v", b.Questions[0])
	}
	if !strings.Contains(errOut.String(), "sebagai bank spbe") {
		t.Errorf("stderr: %s", errOut.String())
	}
}

func TestRunImportMalformed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.gift")
	os.WriteFile(path, []byte("::ok:: Q {=a ~b}\n\n::bad:: Question {\n=a\n~b\n"), 0o644)
	f, _, out, _ := testFactory("en")
	err := RunImport(&ImportOptions{F: f, Format: "gift", File: path, Out: filepath.Join(dir, "out.yaml")})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) {
		t.Fatalf("error %v, want a UserError (exit 1)", err)
	}
	if !strings.HasPrefix(ue.Msg, path+":3: ") || ue.Hint == "" {
		t.Errorf("message %q, hint %q", ue.Msg, ue.Hint)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.yaml")); err == nil || out.Len() > 0 {
		t.Error("a failed import wrote output")
	}
	err = RunImport(&ImportOptions{F: f, Format: "gift", File: filepath.Join(dir, "missing.gift")})
	if !errors.As(err, &ue) {
		t.Errorf("missing file: %v", err)
	}
}

func TestNewCmdExportArgs(t *testing.T) {
	for _, c := range []struct {
		args    []string
		tty     bool
		wantErr bool
	}{
		{[]string{"gift", "x"}, true, false},
		{[]string{"moodlexml", "x", "--out", "x.xml"}, false, false},
		{[]string{"qti", "x"}, false, false},
		{[]string{"qti", "x"}, true, true},
		{[]string{"qti", "x", "--out", "x.zip"}, true, false},
		{[]string{"pdf", "x"}, false, true},
		{[]string{"gift"}, false, true},
	} {
		f, _, _, _ := testFactory("en")
		f.IO.SetStdoutTTY(c.tty)
		ran := false
		cmd := NewCmdExport(f, func(o *ExportOptions) error { ran = o.Format == c.args[0]; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		var fe *cmdutil.FlagError
		if c.wantErr != errors.As(err, &fe) || (!c.wantErr && !ran) {
			t.Errorf("%v tty=%v: err %v ran %v", c.args, c.tty, err, ran)
		}
	}
}

func TestRunExport(t *testing.T) {
	for _, c := range []struct {
		format, lang string
		stdout       []string
		stderr       []string
	}{
		{"gift", "en", []string{"$CATEGORY: $course$/top/Example Role/Data Basics\n", "::dd-001::[markdown]Which measure of centre is most robust to outliers?{"},
			[]string{"not carried by GIFT:\n  - levels (5 bands)\n", "  - recommendations (2)\n", "  - text in id\n"}},
		{"moodlexml", "id", []string{"<quiz>", "<idnumber>dd-001</idnumber>", `<answer fraction="100" format="html">`},
			[]string{"tidak terbawa oleh Moodle XML:", "teks berbahasa en"}},
	} {
		f, _, out, errOut := testFactory(c.lang)
		if err := RunExport(&ExportOptions{F: f, Format: c.format, Bank: bankFixture}); err != nil {
			t.Fatal(err)
		}
		for _, want := range c.stdout {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: stdout lacks %q:\n%s", c.format, want, out.String())
			}
		}
		for _, want := range c.stderr {
			if !strings.Contains(errOut.String(), want) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.format, want, errOut.String())
			}
		}
	}
}

func TestRunExportQTIFile(t *testing.T) {
	f, _, out, errOut := testFactory("en")
	path := filepath.Join(t.TempDir(), "pkg.zip")
	if err := RunExport(&ExportOptions{F: f, Format: "qti", Bank: bankFixture, Out: path}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	names := map[string]bool{}
	for _, file := range zr.File {
		names[file.Name] = true
	}
	if !names["imsmanifest.xml"] || !names["items/dd-001.xml"] || out.Len() != 0 {
		t.Errorf("package holds %v; stdout %d bytes", names, out.Len())
	}
	if !strings.Contains(errOut.String(), "wrote "+path) || !strings.Contains(errOut.String(), "not carried by QTI 2.1:") {
		t.Errorf("stderr: %s", errOut.String())
	}
}

func TestRunExportUnknownBank(t *testing.T) {
	f, _, _, _ := testFactory("en")
	err := RunExport(&ExportOptions{F: f, Format: "gift", Bank: "no-such-bank"})
	var nb *cmdutil.NoBankError
	if !errors.As(err, &nb) {
		t.Errorf("error %v, want NoBankError", err)
	}
}
