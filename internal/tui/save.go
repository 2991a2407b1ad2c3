package tui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/resultio"
	"github.com/asnskill/asnskill/internal/scoring"
)

// SaveResult writes r as JSON (asnskill/result/v1) to path atomically: to a
// temporary file beside it, then renamed, so a file the user already had is
// never left half written.
func SaveResult(path string, r scoring.Result) error {
	data, err := MarshalResult(r)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// MarshalResult is the result as indented JSON (resultio.JSON).
func MarshalResult(r scoring.Result) ([]byte, error) { return resultio.JSON(&r), nil }

// DefaultSavePath is the file name a result is saved to when no --save is
// given: asnskill-<bank>-<date>-<time>.json in the current folder.
func DefaultSavePath(r scoring.Result, now time.Time) string {
	id := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			return c
		}
		return -1
	}, r.Bank.ID)
	if id == "" {
		id = "result"
	}
	return fmt.Sprintf("asnskill-%s-%s.json", id, now.Format("20060102-150405"))
}
