// Package answers reads answer sheets: CSV, TSV and JSONL exported from forms
// and spreadsheets, and result files written by `asnskill quiz --save`. It
// owns the shared answer type, Choice, and the parsing of a cell such as
// "B", "a,c" or "AC" into canonical option letters.
//
// Readers stream: one row at a time, with the file and line of each, so a
// bad row is reported where it stands and memory does not grow with the
// number of candidates.
package answers
