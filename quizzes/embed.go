// Package quizzes holds the shipped question banks, one per role, embedded
// in the binary. bank.schema.json beside them is the JSON Schema of the
// format for editors (a copy of `asnskill schema`, kept equal by a test).
package quizzes

import "embed"

// FS holds the shipped banks (*.yaml).
//
//go:embed *.yaml
var FS embed.FS
