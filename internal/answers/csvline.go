package answers

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
)

// A sheet's CSV is read a line at a time, each line one record (RFC 4180
// without line breaks inside cells). encoding/csv lets a quoted cell run
// over line breaks: one stray quote then swallows every row after it,
// silently. Here a quote problem is an error for its own line, and reading
// goes on at the next; answer sheets have no cells with line breaks.

// quoteError is what is wrong with the quotes of one line.
type quoteError struct {
	code string // sheet.<code> in the catalogue
	col  int    // 1-based cell number
}

// splitLine splits one line (without its line break) into cells, appending
// to out. A cell that starts with a quote is quoted: it ends at the next
// quote not doubled, which must be followed by the delimiter or the end of
// the line. A quote inside an unquoted cell is an error too: RFC 4180 wants
// such a cell quoted, and a spreadsheet writes it so.
func splitLine(line string, comma byte, out []string) ([]string, *quoteError) {
	line = strings.TrimSuffix(line, "\r")
	col := 1
	for {
		if len(line) == 0 || line[0] != '"' {
			i := strings.IndexByte(line, comma)
			cell := line
			if i >= 0 {
				cell = line[:i]
			}
			if strings.IndexByte(cell, '"') >= 0 {
				return out, &quoteError{code: "quote-inside", col: col}
			}
			if i < 0 {
				return append(out, line), nil
			}
			out = append(out, cell)
			line = line[i+1:]
			col++
			continue
		}
		// A quoted cell.
		rest := line[1:]
		var b *strings.Builder
		for {
			i := strings.IndexByte(rest, '"')
			if i < 0 {
				return out, &quoteError{code: "quote-unclosed", col: col}
			}
			if i+1 < len(rest) && rest[i+1] == '"' { // a doubled quote
				if b == nil {
					b = &strings.Builder{}
				}
				b.WriteString(rest[:i+1])
				rest = rest[i+2:]
				continue
			}
			cell := rest[:i]
			if b != nil {
				b.WriteString(cell)
				cell = b.String()
			}
			out = append(out, cell)
			rest = rest[i+1:]
			break
		}
		if len(rest) == 0 {
			return out, nil
		}
		if rest[0] != comma {
			return out, &quoteError{code: "quote-text-after", col: col}
		}
		line = rest[1:]
		col++
	}
}

// readLine returns the next line of br without its line break (io.EOF
// when there is none); a line longer than the buffer is put together.
func readLine(br *bufio.Reader) (string, error) {
	b, err := br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), b...)
		for errors.Is(err, bufio.ErrBufferFull) {
			b, err = br.ReadSlice('\n')
			long = append(long, b...)
		}
		b = long
	}
	if len(b) == 0 && err != nil {
		return "", err
	}
	if err != nil && !isEOF(err) {
		return "", err
	}
	return string(bytes.TrimSuffix(b, []byte{'\n'})), nil
}

func isEOF(err error) bool { return errors.Is(err, io.EOF) }
