package resultio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/asnskill/asnskill/internal/scoring"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// JSON is the result as indented JSON, a line at the end: scoring's encoder
// (byte for byte encoding/json's, and 4× faster), indented. Characters that
// are harmless to a JSON reader but not to a terminal (C1 controls,
// bidirectional and zero-width characters from bank or sheet text) are
// written as \uXXXX escapes, which decode to the same text: `cat
// result.json` stays safe. The C0 controls are escaped already.
func JSON(r *scoring.Result) []byte {
	var buf bytes.Buffer
	compact := r.AppendJSON(nil)
	if err := json.Indent(&buf, compact, "", "  "); err != nil {
		// AppendJSON writes valid JSON; keep the compact form if not.
		buf.Reset()
		buf.Write(compact)
	}
	return append(escapeUnsafe(buf.Bytes()), '\n')
}

// WriteJSON writes JSON(r) to w.
func WriteJSON(w io.Writer, r *scoring.Result) error {
	_, err := w.Write(JSON(r))
	return err
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
