package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// Several processes starting at once on a database that does not exist yet
// all open it: none is told it is busy while another sets it up.
func TestOpenFreshConcurrently(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for round := 0; round < 10; round++ {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("h%d.db", round))
		var wg sync.WaitGroup
		errs := make([]string, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := childCmd(t, "open", path, i).CombinedOutput(); err != nil {
					errs[i] = fmt.Sprintf("%v: %s", err, out)
				}
			}()
		}
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Fatalf("round %d, process %d: %s", round, i, e)
			}
		}
	}
}
