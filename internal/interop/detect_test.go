package interop

import "testing"

func TestDetectLang(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Apa yang dimaksud dengan SPBE dalam pemerintahan?", "id"},
		{"Which of these is the main purpose of the audit and what is its scope?", "en"},
		{"SPBE", "id"}, // too little to tell: Indonesian
		{"::Q1:: Manakah yang benar? {=Ya ~Tidak} ::Q2:: What is the capital of the country? {=Jakarta ~Bandung}", "id"},
	} {
		if got := DetectLang([]byte(c.text)); got != c.want {
			t.Errorf("%q: %s, want %s", c.text, got, c.want)
		}
	}
}
