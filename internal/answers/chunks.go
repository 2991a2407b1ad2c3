package answers

import (
	"bytes"
	"errors"
	"io"
	"strings"
)

// ErrSequential says that the sheet cannot be read in chunks (JSONL): read
// it with Next.
var ErrSequential = errors.New("answers: the sheet must be read record by record")

// ChunkSize is about how much of a sheet NextChunk returns at a time (more
// when a line is longer): small enough that the chunks in flight, parsed,
// stay within the memory budget.
const ChunkSize = 64 << 10

// NextChunk returns the next run of whole lines of a CSV sheet and the line
// number of the first, for EachInChunk, which may run on another goroutine:
// so a sheet is parsed on all cores. Call it instead of Next, until it
// returns io.EOF or an error refusing the sheet; ErrSequential at once for
// a sheet that is not CSV (read it with Next). Every line is one record
// (csvline.go), so a chunk of whole lines is a chunk of whole records.
func (rd *Reader) NextChunk() ([]byte, int, error) {
	if rd.format != FormatCSV {
		return nil, 0, ErrSequential
	}
	if rd.eof {
		return nil, 0, io.EOF
	}
	if !rd.chunks {
		rd.chunks = true
		rd.nextLine = rd.csvLine + 1
	}
	data := append(make([]byte, 0, ChunkSize+len(rd.carry)), rd.carry...)
	rd.carry = nil
	for {
		// Read until the new bytes hold a line break, so that the chunk
		// ends on a whole line; the line limiter bounds a line's length.
		start := len(data)
		want := max(ChunkSize, len(data)+ChunkSize/2)
		if cap(data) < want {
			data = append(data, make([]byte, want-len(data))...)[:start]
		}
		m, err := io.ReadFull(rd.br, data[start:want])
		data = data[:start+m]
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			rd.eof = true
			break
		}
		if err != nil {
			return nil, 0, rd.wrap(err)
		}
		if bytes.IndexByte(data[start:], '\n') >= 0 {
			break
		}
	}
	if len(data) == 0 {
		return nil, 0, io.EOF
	}
	end := len(data)
	if !rd.eof {
		i := bytes.LastIndexByte(data, '\n')
		end = i + 1
		rd.carry = append([]byte(nil), data[end:]...)
	}
	first := rd.nextLine
	rd.nextLine += bytes.Count(data[:end], []byte{'\n'})
	return data[:end], first, nil
}

// EachInChunk reads a chunk from NextChunk row by row and calls fn with
// each record or row error, in line order. The record and its cells are
// reused for the next row: fn must be done with them when it returns. It
// only reads the Reader's header, so several goroutines may call it at once.
func (rd *Reader) EachInChunk(data []byte, firstLine int, fn func(*Record, error)) {
	// One record and one row of cells, reused: rows are scored as they are
	// read, while they are still in the cache.
	a := arena{recs: make([]Record, 1), slab: make([]string, len(rd.qCols)+len(rd.groupCols)+len(rd.keptCols))}
	rec0, slab0 := a.recs, a.slab
	text := string(data) // one string for the chunk: the cells are slices of it
	var cells []string
	for line := firstLine; len(text) > 0; line++ {
		row := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			row, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		var qe *quoteError
		cells, qe = splitLine(row, rd.comma, cells[:0])
		if qe != nil {
			fn(nil, NewRowError(rd.file, line, qe.code, qe.col))
			continue
		}
		a.recs, a.slab = rec0, slab0
		rec, err := rd.record(cells, line, &a)
		if rec == nil && err == nil {
			continue
		}
		fn(rec, err)
	}
}
