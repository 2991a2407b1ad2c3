package score

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/iostreams"
	"github.com/asnskill/asnskill/internal/scoring"
)

func TestProfScore(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip()
	}
	io2, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IO: io2, Now: time.Now, Getenv: func(string) string { return "" }}
	b, _ := bank.ReadFile("/tmp/syn.yaml")
	opts := &Options{F: f, Files: []string{"/tmp/s300k.csv"}, Output: cmdutil.NewEnum("jsonl", "jsonl", "csv")}
	start := time.Now()
	sum, err := Stream(opts, scoring.NewBulk(b, "id"), io.Discard)
	t.Log(sum, err, time.Since(start))
}
