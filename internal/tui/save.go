package tui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
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

// MarshalResult is the result as indented JSON. Characters that are
// harmless to a JSON reader but not to a terminal (C1 controls,
// bidirectional and zero-width characters from bank text) are written as
// \uXXXX escapes, which decode to the same text: `cat result.json` stays
// safe. encoding/json already escapes the C0 controls.
func MarshalResult(r scoring.Result) ([]byte, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(escapeUnsafe(data), '\n'), nil
}

func escapeUnsafe(data []byte) []byte {
	if textsafe.Display(string(data)) == string(data) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + 32)
	for _, r := range string(data) {
		if r != '\n' && r != '\t' && textsafe.Classify(r) != textsafe.Safe {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

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
