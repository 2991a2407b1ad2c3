package tui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/asnskill/asnskill/internal/scoring"
)

func TestMarkdown(t *testing.T) {
	plain := NewStyles(lipgloss.NewRenderer(io.Discard), false)
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"Plain text.", 40, "Plain text."},
		{"A **bold** and *italic* word.", 40, "A bold and italic word."},
		{"Run `go test` now.", 40, "Run `go test` now."},
		{"See [Perpres 95/2018](https://jdih.example/95) first.", 80, "See Perpres 95/2018 (https://jdih.example/95) first."},
		{"[https://a.example](https://a.example)", 80, "https://a.example"},
		{"[label](not a url) stays", 80, "[label](not a url) stays"},
		{"2 * 3 * 4 and a lone * star", 40, "2 * 3 * 4 and a lone * star"},
		{"**unclosed bold", 40, "**unclosed bold"},
		{"one two three four five six seven", 15, "one two three\nfour five six\nseven"},
		{"- first item that wraps around\n- second", 16, "- first item\n  that wraps\n  around\n- second"},
		{"1. numbered item wraps here", 16, "1. numbered item\n   wraps here"},
		{"Before\n```\n  indented code\n```\nAfter", 40, "Before\n    indented code\nAfter"},
		{"Para one.\n\nPara two.\n\n", 40, "Para one.\n\nPara two."},
		{"tab\there", 40, "tab    here"},
		{"esc \x1b[2J here", 40, `esc \x1b[2J here`},
		{"rtl \u202e here", 40, "rtl <U+202E> here"},
	}
	for _, c := range cases {
		got := strings.Join(plain.markdown(c.in, c.width), "\n")
		if got != c.want {
			t.Errorf("markdown(%q, %d) =\n%s\nwant\n%s", c.in, c.width, got, c.want)
		}
	}
}

func TestMarkdownStyled(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	st := NewStyles(r, true)
	got := strings.Join(st.markdown("A **bold** `code` and *it* [x](https://e.example) with a rather long tail that wraps", 30), "\n")
	if !strings.Contains(got, "\x1b[1m") {
		t.Errorf("no bold: %q", got)
	}
	for _, l := range strings.Split(got, "\n") {
		if ansi.StringWidth(l) > 30 {
			t.Errorf("styled line wider than 30: %q", l)
		}
	}
	if strip := strings.Join(strings.Fields(ansi.Strip(got)), " "); strings.Contains(strip, "**") || strings.Contains(strip, "`") || !strings.Contains(strip, "x (https://e.example)") {
		t.Errorf("markers left or link hidden: %q", strip)
	}
}

func TestOneLine(t *testing.T) {
	if got := oneLine("Look:\n```\nx := 1\n```\n**Why?**"); got != "Look: x := 1 Why?" {
		t.Errorf("oneLine = %q", got)
	}
}

func TestSaveResult(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hasil.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scoring.Result{Format: scoring.ResultFormat, Candidate: "rtl\u202e\x1b"}
	if err := SaveResult(path, r); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"candidate": "rtl\u202e\u001b"`) {
		t.Errorf("saved: %s", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A folder that does not exist: an error, and nothing written.
	if err := SaveResult(filepath.Join(dir, "nope", "x.json"), r); err == nil {
		t.Error("saved into a missing folder")
	}
	// A path that is a folder: the rename fails, no temporary file stays.
	if err := SaveResult(dir, r); err == nil {
		t.Error("saved over a folder")
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left after a failure: %v", entries)
	}
	if got := DefaultSavePath(scoring.Result{Bank: scoring.BankRef{ID: "ml-specialist"}}, time.Date(2026, 11, 27, 10, 5, 9, 0, time.UTC)); got != "asnskill-ml-specialist-20261127-100509.json" {
		t.Errorf("default path %q", got)
	}
	if got := DefaultSavePath(scoring.Result{Bank: scoring.BankRef{ID: "../../etc"}}, time.Time{}); got != "asnskill-etc-00010101-000000.json" {
		t.Errorf("default path from a hostile id: %q", got)
	}
}
