package cmdutil

import (
	"fmt"
	"github.com/asnskill/asnskill/internal/i18n"
	"sync"
	"time"
)

// Progress draws rows, rate and elapsed time on stderr for long bulk jobs,
// at most five times a second, and only when stderr is a terminal: scripts
// and logs get nothing.
type Progress struct {
	f     *Factory
	on    bool
	mu    sync.Mutex
	start time.Time
	last  time.Time
	drawn bool
}

// NewProgress starts a progress line.
func NewProgress(f *Factory) *Progress {
	now := time.Now()
	return &Progress{f: f, on: f.IO.IsStderrTTY(), start: now, last: now}
}

// Update shows the number of rows done so far. It is safe for concurrent use.
func (pr *Progress) Update(rows int) {
	if !pr.on {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	now := time.Now()
	if now.Sub(pr.last) < 200*time.Millisecond {
		return
	}
	pr.last, pr.drawn = now, true
	el := now.Sub(pr.start)
	rate := float64(rows) / el.Seconds()
	fmt.Fprintf(pr.f.IO.ErrOut, "\r\x1b[K%s", pr.f.Printer().T("score.progress", i18n.Count(rows), i18n.Count(int64(rate)), el.Truncate(time.Second)))
}

// Done clears the line.
func (pr *Progress) Done() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.on && pr.drawn {
		fmt.Fprint(pr.f.IO.ErrOut, "\r\x1b[K")
	}
}
