package answers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Limits on sheets: beyond them a sheet is refused or a row rejected.
const (
	MaxLineBytes    = 1 << 20 // a line over 1 MiB refuses the sheet
	MaxColumns      = 10_000  // a header with more columns refuses the sheet
	maxHeaderLines  = 200     // lines a quoted header cell may run on over
	MaxCandidateLen = 256     // a longer candidate id rejects the row
)

// Format of a sheet.
type Format int

const (
	FormatAuto Format = iota
	FormatCSV
	FormatJSONL // one object a line, or result files (pretty JSON objects)
)

// Record is one candidate's answers as read, before they meet a bank.
type Record struct {
	File      string
	Line      int
	Candidate string
	Bank      string
	// Questions are the ids administered, aligned with Responses. For a CSV
	// sheet every record shares the header's slice: do not modify it. Nil
	// means every question of the bank (a JSONL line without "questions").
	Questions []string
	// Responses hold the raw answers ("B", "A,C", "" unanswered).
	Responses []string
	// Answers maps question → raw answer when the line listed no
	// questions (JSONL); Questions is then nil.
	Answers map[string]string
	// Groups are the values of the group columns, in GroupNames order.
	Groups []string
	// GroupNames name the group columns (shared; do not modify).
	GroupNames []string
	// Kept are the values of the --keep columns, in KeptNames order.
	Kept []string
	// KeptNames name the kept columns (shared; do not modify).
	KeptNames []string
	// Seconds and Flagged come from result files written by the quiz.
	Seconds []float64
	Flagged []bool
}

// RowError is a bad row: reported with its file and line and skipped (or,
// with --strict, the end of the run). Its message is the catalogue's
// "sheet.<Code>" with Args, so it reads in the user's language; Error gives
// it in English.
type RowError struct {
	File string
	Line int
	Code string
	Args []any
}

// NewRowError builds a located row error from a catalogue code.
func NewRowError(file string, line int, code string, args ...any) *RowError {
	return &RowError{File: file, Line: line, Code: code, Args: args}
}

func (e *RowError) Error() string { return e.Message(english) }

// Message is the located message in p's language.
func (e *RowError) Message(p i18n.Printer) string {
	return fmt.Sprintf("%s:%d: %s", textsafe.Line(e.File), e.Line, p.T("sheet."+e.Code, e.Args...))
}

// SheetError refuses a whole sheet: the header, the format, a limit.
type SheetError struct {
	File string
	Line int // 0 when the problem is not on one line
	Code string
	Args []any
}

// NewSheetError builds a sheet error from a catalogue code.
func NewSheetError(file string, line int, code string, args ...any) *SheetError {
	return &SheetError{File: file, Line: line, Code: code, Args: args}
}

func (e *SheetError) Error() string { return e.Message(english) }

// Message is the located message in p's language.
func (e *SheetError) Message(p i18n.Printer) string {
	msg := p.T("sheet."+e.Code, e.Args...)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", textsafe.Line(e.File), e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", textsafe.Line(e.File), msg)
}

// Hint says how to fix the sheet, or "".
func (e *SheetError) Hint(p i18n.Printer) string {
	key := "sheet." + e.Code + ".hint"
	if h := p.T(key, e.Args...); h != key {
		return h
	}
	return ""
}

var english = i18n.NewPrinter("en")

// Reader streams the records of one sheet.
type Reader struct {
	file   string
	format Format
	lr     *lineLimiter
	br     *bufio.Reader

	opts    Options
	ignored []string // columns a form export's matching dropped

	// CSV
	comma      byte
	header     []string
	candCol    int
	bankCol    int
	groupCols  []int
	groupNames []string
	keptCols   []int
	keptNames  []string
	qCols      []int
	questions  []string
	responses  []string
	groups     []string
	arena      arena
	csvLine    int // the line number of the last line read by Next
	cells      []string
	chunks     bool
	carry      []byte // the start of a line read past a chunk's last newline
	nextLine   int    // the line number NextChunk's next chunk starts at
	eof        bool

	// JSON
	pretty bool
	dec    *json.Decoder
	line   int
}

// NewReader reads a sheet from r; name is the file name used in messages.
// The format is guessed from the content when f is FormatAuto.
func NewReader(name string, r io.Reader, f Format) (*Reader, error) {
	return NewReaderWith(name, r, f, Options{})
}

// Options change how a CSV sheet's header is read.
type Options struct {
	// IDColumn names the candidate column (any case). Empty: "candidate",
	// else an e-mail column of a form export ("Email Address", "Alamat
	// email", "Email").
	IDColumn string
	// Sheet is the sheet of a workbook to read (the opener's business:
	// the reader itself reads CSV and JSONL).
	Sheet string
	// Keep names columns that are not questions (Nama, NIP) to carry into
	// the results as they are (any case).
	Keep []string
	// Match, when set, maps question columns to the bank's questions for
	// form exports (MatchQuestions); the columns it drops are Ignored.
	Match func(header string) (id string, n int)
}

// emailColumns are the candidate columns of form exports, lower case.
var emailColumns = []string{"email address", "alamat email", "email", "e-mail", "surel", "alamat surel"}

// NewReaderWith is NewReader with options.
func NewReaderWith(name string, r io.Reader, f Format, o Options) (*Reader, error) {
	lr := &lineLimiter{r: r, line: 1}
	br := bufio.NewReaderSize(lr, 64<<10)
	// Skip a UTF-8 byte-order mark (spreadsheet exports).
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	rd := &Reader{file: name, format: f, lr: lr, br: br, opts: o}
	if f == FormatAuto {
		first, err := peekNonSpace(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, rd.wrap(err)
		}
		if first == '{' {
			rd.format = FormatJSONL
		} else {
			rd.format = FormatCSV
		}
	}
	if rd.format == FormatJSONL {
		return rd, rd.initJSON()
	}
	if err := rd.initCSV(); err != nil {
		return rd, err
	}
	if o.Match != nil {
		ignored, err := rd.MatchQuestions(o.Match)
		rd.ignored = ignored
		return rd, err
	}
	return rd, nil
}

// MatchQuestions maps a CSV sheet's question columns to the bank's ids, for
// form exports that head each column with the question's text. match says
// which question a header names and how many it could name (0, 1, or more).
// A header naming two questions refuses the sheet. When at least one column
// was found by its text, the sheet is a form export: columns that name no
// question (Timestamp, Score, Nama...) are dropped and returned, to be listed
// as ignored. Otherwise nothing is dropped, and an unknown column stays an
// error for the caller to report.
func (rd *Reader) MatchQuestions(match func(header string) (id string, n int)) (ignored []string, err error) {
	if rd.format != FormatCSV {
		return nil, nil
	}
	byText := false
	ids := make([]string, len(rd.questions))
	for k, h := range rd.questions {
		id, n := match(h)
		if n > 1 {
			return nil, NewSheetError(rd.file, 1, "ambiguous-column", textsafe.Line(h))
		}
		if n == 1 {
			ids[k] = id
			if id != h {
				byText = true
			}
		}
	}
	if !byText {
		return nil, nil
	}
	var qCols []int
	var questions []string
	for k, c := range rd.qCols {
		if ids[k] == "" {
			ignored = append(ignored, rd.questions[k])
			continue
		}
		qCols = append(qCols, c)
		questions = append(questions, ids[k])
	}
	rd.qCols, rd.questions = qCols, questions
	rd.responses = make([]string, len(rd.questions))
	return ignored, nil
}

// Ignored are the columns of a form export that name no question, dropped
// by Options.Match (nil for other sheets).
func (rd *Reader) Ignored() []string { return rd.ignored }

// File is the name the sheet is reported under.
func (rd *Reader) File() string { return rd.file }

// Format reports the format being read.
func (rd *Reader) Format() Format { return rd.format }

// GroupNames are the group columns of a CSV sheet.
func (rd *Reader) GroupNames() []string { return rd.groupNames }

// Questions are the question columns of a CSV sheet (nil for JSONL).
func (rd *Reader) Questions() []string { return rd.questions }

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return 0, err
		}
		c := b[n-1]
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return c, nil
		}
	}
	return 0, nil
}

func (rd *Reader) wrap(err error) error {
	var tl *lineTooLong
	if errors.As(err, &tl) {
		return NewSheetError(rd.file, tl.line, "line-too-long", MaxLineBytes)
	}
	return NewSheetError(rd.file, 0, "read", err.Error())
}

func (rd *Reader) initCSV() error {
	// The delimiter is the most frequent of , ; and tab in the header line.
	head, err := rd.br.Peek(min(rd.br.Buffered()+MaxLineBytes, 64<<10))
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return rd.wrap(err)
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	delim := ','
	best := bytes.Count(head, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if n := bytes.Count(head, []byte(string(d))); n > best {
			delim, best = d, n
		}
	}
	rd.comma = byte(delim)
	// The header is the first line that is not blank.
	var hdr []string
	for {
		line, err := readLine(rd.br)
		if errors.Is(err, io.EOF) {
			return NewSheetError(rd.file, 0, "empty")
		}
		if err != nil {
			return rd.wrap(err)
		}
		rd.csvLine++
		if strings.TrimSpace(line) == "" {
			continue
		}
		var qe *quoteError
		first := rd.csvLine
		hdr, qe = splitLine(line, rd.comma, nil)
		// A form export heads a column with the question's text, which may
		// hold line breaks inside its quotes: the header alone may run on
		// over the next lines (rows may not).
		for more := 0; qe != nil && qe.code == "quote-unclosed" && more < maxHeaderLines; more++ {
			next, err := readLine(rd.br)
			if err != nil {
				break
			}
			rd.csvLine++
			line += "\n" + next
			hdr, qe = splitLine(line, rd.comma, nil)
		}
		if qe != nil {
			return NewSheetError(rd.file, first, qe.code, qe.col)
		}
		break
	}
	if len(hdr) > MaxColumns {
		return NewSheetError(rd.file, 1, "too-many-columns", len(hdr), MaxColumns)
	}
	rd.header = append([]string(nil), hdr...)
	rd.candCol, rd.bankCol = -1, -1
	seen := map[string]int{}
	for i, h := range rd.header {
		h = strings.TrimSpace(h)
		rd.header[i] = h
		if j, dup := seen[strings.ToLower(h)]; dup && h != "" {
			return NewSheetError(rd.file, 1, "duplicate-column", textsafe.Line(h), j+1, i+1)
		}
		seen[strings.ToLower(h)] = i
		idCol := strings.ToLower(strings.TrimSpace(rd.opts.IDColumn))
		switch low := strings.ToLower(h); {
		case idCol != "" && low == idCol:
			rd.candCol = i
		case idCol == "" && low == "candidate":
			rd.candCol = i
		case low == "bank":
			rd.bankCol = i
		case strings.HasPrefix(low, "group:"):
			rd.groupCols = append(rd.groupCols, i)
			rd.groupNames = append(rd.groupNames, h[len("group:"):])
		case h == "":
			return NewSheetError(rd.file, 1, "unnamed-column", i+1)
		default:
			rd.qCols = append(rd.qCols, i)
			rd.questions = append(rd.questions, h)
		}
	}
	if rd.candCol < 0 && rd.opts.IDColumn != "" {
		return NewSheetError(rd.file, 1, "no-id-column", textsafe.Line(rd.opts.IDColumn))
	}
	if rd.candCol < 0 {
		// A form export: the respondent's e-mail address is the id.
	email:
		for _, name := range emailColumns {
			for k, h := range rd.questions {
				if strings.ToLower(h) == name {
					rd.candCol = rd.qCols[k]
					rd.qCols = append(rd.qCols[:k:k], rd.qCols[k+1:]...)
					rd.questions = append(rd.questions[:k:k], rd.questions[k+1:]...)
					break email
				}
			}
		}
	}
	if rd.candCol < 0 {
		return NewSheetError(rd.file, 1, "no-candidate")
	}
	for _, name := range rd.opts.Keep {
		found := false
		for k := 0; k < len(rd.questions); k++ {
			if strings.EqualFold(rd.questions[k], strings.TrimSpace(name)) {
				rd.keptCols = append(rd.keptCols, rd.qCols[k])
				rd.keptNames = append(rd.keptNames, rd.questions[k])
				rd.qCols = append(rd.qCols[:k:k], rd.qCols[k+1:]...)
				rd.questions = append(rd.questions[:k:k], rd.questions[k+1:]...)
				found = true
				break
			}
		}
		if !found {
			return NewSheetError(rd.file, 1, "no-keep-column", textsafe.Line(name))
		}
	}
	if len(rd.questions) == 0 {
		return NewSheetError(rd.file, 1, "no-questions")
	}
	rd.responses = make([]string, len(rd.questions))
	rd.groups = make([]string, len(rd.groupCols))
	return nil
}

// Next returns the next record, io.EOF at the end, a *RowError for a bad row
// (reading may go on), or a *SheetError when the sheet cannot be read further.
func (rd *Reader) Next() (*Record, error) {
	if rd.format == FormatJSONL {
		return rd.nextJSON()
	}
	return rd.nextCSV()
}

func (rd *Reader) nextCSV() (*Record, error) {
	for {
		text, err := readLine(rd.br)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return nil, rd.wrap(err)
		}
		rd.csvLine++
		row, qe := splitLine(text, rd.comma, rd.cells[:0])
		rd.cells = row
		if qe != nil {
			return nil, NewRowError(rd.file, rd.csvLine, qe.code, qe.col)
		}
		rec, err := rd.record(row, rd.csvLine, &rd.arena)
		if rec == nil && err == nil {
			continue // blank line
		}
		return rec, err
	}
}

// record turns one CSV row into a Record (nil, nil for a blank line),
// taking its memory from a.
func (rd *Reader) record(row []string, line int, a *arena) (*Record, error) {
	if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
		return nil, nil
	}
	if len(row) != len(rd.header) {
		return nil, NewRowError(rd.file, line, "short-row", len(row), len(rd.header))
	}
	rec := a.record()
	*rec = Record{File: rd.file, Line: line, Questions: rd.questions, GroupNames: rd.groupNames, KeptNames: rd.keptNames}
	rec.Candidate = strings.TrimSpace(row[rd.candCol])
	if err := checkCandidate(rec.Candidate); err != nil {
		return nil, NewRowError(rd.file, line, err.code, err.args...)
	}
	if rd.bankCol >= 0 {
		rec.Bank = strings.TrimSpace(row[rd.bankCol])
	}
	// Each record gets its own cells (records may be scored on other
	// goroutines), carved from a slab so that rows cost one allocation per
	// few hundred.
	resp := a.take(len(rd.qCols))
	for k, c := range rd.qCols {
		resp[k] = row[c]
	}
	rec.Responses = resp
	if len(rd.groupCols) > 0 {
		g := a.take(len(rd.groupCols))
		for k, c := range rd.groupCols {
			g[k] = strings.TrimSpace(row[c])
		}
		rec.Groups = g
	}
	if len(rd.keptCols) > 0 {
		kept := a.take(len(rd.keptCols))
		for k, c := range rd.keptCols {
			kept[k] = strings.TrimSpace(row[c])
		}
		rec.Kept = kept
	}
	return rec, nil
}

// arena hands out records and cells a slab at a time.
type arena struct {
	slab []string
	recs []Record
}

func (a *arena) record() *Record {
	if len(a.recs) == 0 {
		a.recs = make([]Record, 256)
	}
	r := &a.recs[0]
	a.recs = a.recs[1:]
	return r
}

// take returns n fresh cells from the slab.
func (a *arena) take(n int) []string {
	if len(a.slab) < n {
		a.slab = make([]string, max(n*256, 4096))
	}
	out := a.slab[:n:n]
	a.slab = a.slab[n:]
	return out
}

// problem is a catalogue code with its arguments.
type problem struct {
	code string
	args []any
}

func checkCandidate(c string) *problem {
	if c == "" {
		return &problem{code: "no-candidate-id"}
	}
	if len(c) > MaxCandidateLen {
		return &problem{"candidate-too-long", []any{len(c), MaxCandidateLen}}
	}
	if !utf8.ValidString(c) {
		return &problem{code: "candidate-utf8"}
	}
	for _, f := range textsafe.Scan(c) {
		if f.Class == textsafe.Control || f.Rune == '\t' || f.Rune == '\n' {
			return &problem{"candidate-control", []any{textsafe.CodePoint(f.Rune)}}
		}
	}
	if strings.ContainsAny(c, "\t\n") {
		return &problem{code: "candidate-control", args: []any{"U+0009"}}
	}
	return nil
}

// jsonLine is one JSONL answer line, or a result file.
type jsonLine struct {
	Format    string            `json:"format"`
	Candidate string            `json:"candidate"`
	Bank      json.RawMessage   `json:"bank"`
	Answers   json.RawMessage   `json:"answers"`
	Questions []string          `json:"questions"`
	Groups    map[string]string `json:"groups"`
}

type resultAnswer struct {
	Question string   `json:"question"`
	Response []string `json:"response"`
	Seconds  float64  `json:"seconds"`
	Flagged  bool     `json:"flagged"`
}

func (rd *Reader) initJSON() error {
	// A result file written by the quiz is pretty-printed: its first line is
	// a lone "{". JSONL has a whole object on each line.
	b, _ := rd.br.Peek(min(rd.br.Buffered(), 4096))
	t := bytes.TrimLeft(b, " \t\r\n")
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		rd.pretty = len(bytes.TrimSpace(t[:i])) == 1
	}
	if rd.pretty {
		rd.dec = json.NewDecoder(rd.br)
	}
	return nil
}

func (rd *Reader) nextJSON() (*Record, error) {
	var raw []byte
	var line int
	if rd.pretty {
		var m json.RawMessage
		line = rd.lr.lineAt(rd.dec.InputOffset())
		if err := rd.dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return nil, NewSheetError(rd.file, line, "not-json", err.Error())
		}
		raw = m
	} else {
		for {
			l, err := rd.br.ReadSlice('\n')
			if errors.Is(err, bufio.ErrBufferFull) {
				// Longer than the buffer: gather it (bounded by the limiter).
				buf := append([]byte(nil), l...)
				for errors.Is(err, bufio.ErrBufferFull) {
					l, err = rd.br.ReadSlice('\n')
					buf = append(buf, l...)
				}
				l = buf
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, rd.wrap(err)
			}
			rd.line++
			line = rd.line
			if len(bytes.TrimSpace(l)) == 0 {
				if errors.Is(err, io.EOF) {
					return nil, io.EOF
				}
				continue
			}
			raw = l
			break
		}
	}
	var jl jsonLine
	if err := json.Unmarshal(raw, &jl); err != nil {
		return nil, NewRowError(rd.file, line, "not-json", err.Error())
	}
	rec := &Record{File: rd.file, Line: line, Candidate: strings.TrimSpace(jl.Candidate)}
	if msg := checkCandidate(rec.Candidate); msg != nil {
		return nil, NewRowError(rd.file, line, msg.code, msg.args...)
	}
	if len(jl.Bank) > 0 {
		var s string
		if json.Unmarshal(jl.Bank, &s) == nil {
			rec.Bank = s
		} else {
			var ref struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(jl.Bank, &ref) != nil {
				return nil, NewRowError(rd.file, line, "bad-bank-field")
			}
			rec.Bank = ref.ID
		}
	}
	if len(jl.Groups) > 0 {
		for k := range jl.Groups {
			rec.GroupNames = append(rec.GroupNames, k)
		}
		sortStrings(rec.GroupNames)
		for _, k := range rec.GroupNames {
			rec.Groups = append(rec.Groups, jl.Groups[k])
		}
	}
	if jl.Format != "" {
		if jl.Format != "asnskill/result/v1" {
			return nil, NewRowError(rd.file, line, "unknown-format", textsafe.Line(jl.Format))
		}
		var as []resultAnswer
		if err := json.Unmarshal(jl.Answers, &as); err != nil {
			return nil, NewRowError(rd.file, line, "result-answers", err.Error())
		}
		if len(as) == 0 {
			return nil, NewRowError(rd.file, line, "result-no-answers")
		}
		for _, a := range as {
			rec.Questions = append(rec.Questions, a.Question)
			rec.Responses = append(rec.Responses, strings.Join(a.Response, ","))
			rec.Seconds = append(rec.Seconds, a.Seconds)
			rec.Flagged = append(rec.Flagged, a.Flagged)
		}
		return rec, nil
	}
	answers := map[string]string{}
	if len(jl.Answers) > 0 && string(jl.Answers) != "null" {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(jl.Answers, &m); err != nil {
			return nil, NewRowError(rd.file, line, "answers-map")
		}
		for q, v := range m {
			var s string
			if json.Unmarshal(v, &s) == nil {
				answers[q] = s
				continue
			}
			var list []string
			if json.Unmarshal(v, &list) == nil {
				answers[q] = strings.Join(list, ",")
				continue
			}
			if string(v) == "null" {
				answers[q] = ""
				continue
			}
			return nil, NewRowError(rd.file, line, "answer-letters", textsafe.Line(q))
		}
	}
	if jl.Questions != nil {
		rec.Questions = jl.Questions
		rec.Responses = make([]string, len(jl.Questions))
		for i, q := range jl.Questions {
			rec.Responses[i] = answers[q]
			delete(answers, q)
		}
		for q := range answers {
			return nil, NewRowError(rd.file, line, "answer-not-listed", textsafe.Line(q))
		}
		return rec, nil
	}
	rec.Answers = answers
	return rec, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// lineLimiter passes bytes through, counting lines, and fails when one line
// grows beyond MaxLineBytes, so that a hostile sheet cannot make the reader
// buffer without bound.
type lineLimiter struct {
	r       io.Reader
	line    int
	cur     int
	offsets []int64 // byte offset of the start of recent lines (pretty JSON)
	total   int64
}

type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string { return fmt.Sprintf("line %d is too long", e.line) }

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	b := p[:n]
	off := 0
	for {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			l.cur += n - off
			if l.cur > MaxLineBytes {
				return n - (l.cur - MaxLineBytes - 1), &lineTooLong{line: l.line}
			}
			break
		}
		if l.cur+i > MaxLineBytes {
			return off + MaxLineBytes - l.cur, &lineTooLong{line: l.line}
		}
		l.line++
		l.cur = 0
		if len(l.offsets) < 1<<16 {
			l.offsets = append(l.offsets, l.total+int64(off+i)+1)
		}
		off += i + 1
	}
	l.total += int64(n)
	return n, err
}

// lineAt converts a byte offset to a line number (approximate beyond the
// offsets kept).
func (l *lineLimiter) lineAt(off int64) int {
	line := 1
	for _, o := range l.offsets {
		if o > off {
			break
		}
		line++
	}
	return line
}
