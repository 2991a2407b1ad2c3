package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden HTML files")

// sampleResult scores the example bank with fixed times, a hostile
// candidate name and an unanswered question.
func sampleResult(t *testing.T) (*bank.Bank, scoring.Result) {
	t.Helper()
	data, err := os.ReadFile("../bank/testdata/valid/contoh-peran.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := bank.Decode("contoh-peran.yaml", data)
	s, err := scoring.NewScorer(b, []string{"dd-001", "dd-002", "dd-003", "et-001"})
	if err != nil {
		t.Fatal(err)
	}
	s.Lang = "id"
	r := s.Score(scoring.Sheet{Candidate: `Siti <script>alert(1)</script> "&"`, Choices: []scoring.Choice{2, 1, 0, 1}}, true)
	start, end := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 6, 9, 21, 30, 0, time.UTC)
	r.StartedAt, r.FinishedAt, r.Mode = &start, &end, "exam"
	return b, r
}

func TestHTMLGolden(t *testing.T) {
	b, r := sampleResult(t)
	for _, lang := range []string{"id", "en"} {
		var w bytes.Buffer
		if err := HTML(&w, &r, Options{Lang: lang, Bank: b}); err != nil {
			t.Fatal(err)
		}
		out := w.String()
		// Self-contained and safe: no script, nothing fetched, the name escaped.
		for _, bad := range []string{"<script", "src=", "@import", "http://"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the page contains %q", lang, bad)
			}
		}
		if !strings.Contains(out, "Siti &lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(out, "<svg") {
			t.Errorf("%s: name not escaped or no chart", lang)
		}
		golden := filepath.Join("testdata", "report-"+lang+".html")
		if *update {
			os.WriteFile(golden, w.Bytes(), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, w.Bytes()) {
			t.Errorf("%s: the page differs from %s (go test ./internal/report -update, then look at it)", lang, golden)
		}
	}
	if s := string(mustRead(t, "testdata/report-id.html")); !strings.Contains(s, "Nilai keseluruhan") || !strings.Contains(s, "%") {
		t.Error("the Indonesian page is not in Indonesian")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Chromium finds the browser CI installs (Debian's chromium-headless-shell),
// or "" when there is none here.
func Chromium() string {
	for _, name := range []string{os.Getenv("ASNSKILL_CHROMIUM"), "chromium-headless-shell", "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// RenderInBrowser loads an HTML file in headless Chromium and returns the
// DOM it built and the browser's log; it also writes a screenshot.
func RenderInBrowser(t *testing.T, page, shot string) (dom, log string) {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no headless Chromium in CI: .ci/run installs chromium-headless-shell")
		}
		t.Skip("no headless Chromium here (apt-get install chromium-headless-shell)")
	}
	abs, _ := filepath.Abs(page)
	args := []string{"--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
		"--user-data-dir=" + t.TempDir(), "--window-size=900,1400"}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, append(args, "--dump-dom", "file://"+abs)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, stderr.String())
	}
	shotCmd := exec.Command(bin, append(args, "--screenshot="+shot, "file://"+abs)...)
	shotCmd.Stderr = &stderr
	if err := shotCmd.Run(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, stderr.String())
	}
	return string(out), stderr.String()
}

// The page renders in a real browser: no console error, the content is in
// the DOM, the chart is drawn, and the screenshot is a real image.
func TestHTMLRendersInChromium(t *testing.T) {
	dir := t.TempDir()
	page, shot := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.png")
	b, r := sampleResult(t)
	var w bytes.Buffer
	if err := HTML(&w, &r, Options{Lang: "id", Bank: b}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(page, w.Bytes(), 0o644)
	dom, log := RenderInBrowser(t, page, shot)
	if strings.Contains(log, "CONSOLE") || strings.Contains(log, "Uncaught") {
		t.Errorf("console messages:\n%s", log)
	}
	for _, want := range []string{"Nilai keseluruhan", "Dasar Data", "<svg", "Yang perlu dipelajari"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10_000 {
		t.Errorf("screenshot: %v", err)
	}
}
