package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDisplay(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text, é and ü\tand\nlines", "plain text, é and ü\tand\nlines"},
		{"\x1b[2Jclear", `\x1b[2Jclear`},
		{"\x1b]52;c;ZXZpbA==\x07", `\x1b]52;c;ZXZpbA==\x07`},
		{"a\u202eb", "a<U+202E>b"},
		{"zero\u200dwidth", "zero<U+200D>width"},
		{"del\x7f", "del<U+007F>"},
		{"c1\u009b31m", "c1<U+009B>31m"},
		{"bad\xffutf8", `bad\xffutf8`},
		{"cr\r\n", `cr\x0d` + "\n"},
	}
	for _, c := range cases {
		if got := Display(c.in); got != c.want {
			t.Errorf("Display(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\nb\tc"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1",
		"-2":                "'-2",
		"@SUM(A1)":          "'@SUM(A1)",
		"\tx":               "'\tx",
		"\rx":               "'\rx",
		"c-001":             "c-001",
		"":                  "",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScan(t *testing.T) {
	f := Scan("a\x1bb\u202ec\u200d")
	if len(f) != 3 || f[0].Offset != 1 || f[0].Class != Control || f[1].Class != Bidi || f[2].Class != ZeroWidth {
		t.Fatalf("Scan = %+v", f)
	}
}

func FuzzDisplay(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred", "\u202e", "\xff\xfe", "\u0085", "tab\there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Display(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if Classify(r) != Safe {
				t.Fatalf("Display(%q) kept %U", s, r)
			}
		}
		if isPlain(s) && out != s {
			t.Fatalf("plain text changed: %q -> %q", s, out)
		}
	})
}

func isPlain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if Classify(r) != Safe {
			return false
		}
	}
	return !strings.ContainsRune(s, utf8.RuneError)
}
