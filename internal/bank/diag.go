package bank

import (
	"fmt"
	"sort"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// Severity of a diagnostic.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a bank: where, how bad, what and how to
// fix it. Code is a stable identifier (for scripts and tests); the message
// and hint are looked up in the catalogue as "bank.<code>" and
// "bank.<code>.hint", so they read in the user's language.
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Code     string
	Args     []any
}

// Message is the diagnostic's text in the printer's language. Arguments that
// come from the bank are sanitized for display.
func (d Diagnostic) Message(p i18n.Printer) string {
	return p.T("bank."+d.Code, textsafe.Args(d.Args)...)
}

// Hint says how to fix the problem, or "" when there is nothing to add.
func (d Diagnostic) Hint(p i18n.Printer) string {
	h := p.T("bank."+d.Code+".hint", textsafe.Args(d.Args)...)
	if h == "bank."+d.Code+".hint" {
		return ""
	}
	return h
}

// Format renders FILE:LINE:COL: severity: message (hint).
func (d Diagnostic) Format(p i18n.Printer) string {
	msg := d.Message(p)
	if h := d.Hint(p); h != "" {
		msg += " (" + h + ")"
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", textsafe.Line(d.File), d.Line, d.Col, p.T("severity."+d.Severity.String()), msg)
}

// Diagnostics is a list of problems in file order.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders diagnostics by file, line and column (stable for ties).
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// FirstError returns the first error, if any.
func (ds Diagnostics) FirstError() (Diagnostic, bool) {
	for _, d := range ds {
		if d.Severity == Error {
			return d, true
		}
	}
	return Diagnostic{}, false
}
