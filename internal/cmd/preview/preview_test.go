package preview

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
)

const fixture = "../../bank/testdata/valid/contoh-peran.yaml"

func testFactory(lang string) (*cmdutil.Factory, *bytes.Buffer) {
	ios, _, out, _ := iostreams.Test()
	return &cmdutil.Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now, LangFlag: lang}, out
}

func TestNewCmdPreviewArgs(t *testing.T) {
	for _, c := range []struct {
		args    []string
		wantErr bool
		output  string
	}{
		{[]string{"x"}, false, "text"},
		{[]string{"x", "-o", "markdown"}, false, "markdown"},
		{[]string{"x", "-o", "pdf"}, true, ""},
		{[]string{}, true, ""},
	} {
		f, _ := testFactory("en")
		var got *Options
		cmd := NewCmdPreview(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if c.wantErr {
			if err == nil {
				t.Errorf("%v: no error", c.args)
			}
			continue
		}
		if err != nil || got.Output.Value != c.output || got.Bank != "x" {
			t.Errorf("%v: %v %+v", c.args, err, got)
		}
	}
}

func TestRunText(t *testing.T) {
	f, out := testFactory("en")
	f.IO.SetStdoutTTY(true)
	if err := Run(&Options{F: f, Bank: fixture, Output: cmdutil.NewEnum("text", "text", "markdown")}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"Example Role\ncontoh-peran 1.0.0 · ",
		"[1/", "dd-001 · skill: Data Basics (dasar-data) · single choice · difficulty 1 · points 1\nWhich measure of centre is most robust to outliers?\n",
		"   A. Mean\n * B. Median\n",
		"  Key: B\n  Explanation: The median depends only on the order of the data",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("text lacks %q:\n%s", want, s)
		}
	}
}

func TestRunMarkdownAllTypes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.yaml")
	src := `format: asnskill/bank/v1
id: semua-jenis
version: 1.0.0
language: en
title: "All types"
summary: "A bank with one question of each type."
skills:
  - id: s
    name: "Skill \u202e evil"
    target_level: 1
    recommendations: []
questions:
  - id: q-multi
    skill: s
    type: multiple
    prompt: "Pick two\nof these"
    options:
      - {text: "one", correct: true, feedback: "yes"}
      - {text: "two"}
      - {text: "three", correct: true}
    explanation: "Because."
    references: ["Law 1"]
    tags: [a, b]
  - id: q-judge
    skill: s
    type: judgement
    prompt: "What now?"
    options:
      - {text: "best", score: 5}
      - {text: "meh", score: 2}
  - id: q-tf
    skill: s
    type: truefalse
    prompt: "True?"
    options:
      - {text: "True"}
      - {text: "False", correct: true}
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f, out := testFactory("en")
	if err := Run(&Options{F: f, Bank: path, Output: cmdutil.NewEnum("markdown", "text", "markdown")}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"# All types\n",
		"## 1. q-multi\n\n*skill: Skill <U+202E> evil (`s`) · multiple choice · difficulty 2 · points 2*\n\nPick two\nof these\n\n",
		"- **A.** one — **Key**\n  - *feedback:* yes\n- **B.** two\n- **C.** three — **Key**\n",
		"**Key:** A, C\n\n**Explanation:** Because.\n\n**References:**\n\n- Law 1\n\n**Tags:** a, b\n",
		"- **A.** best — score 5 — **Key**\n- **B.** meh — score 2\n\n**Key:** A (score 5)\n\n**Explanation:** *(no explanation)*\n",
		"**Key:** B\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("markdown lacks %q:\n%s", want, s)
		}
	}
	if strings.ContainsRune(s, '\u202e') {
		t.Error("a bidi override reached the output")
	}
}

func TestRunUnknownBank(t *testing.T) {
	f, _ := testFactory("en")
	err := Run(&Options{F: f, Bank: "nope", Output: cmdutil.NewEnum("text", "text")})
	var nb *cmdutil.NoBankError
	if !errors.As(err, &nb) {
		t.Errorf("%v", err)
	}
}
