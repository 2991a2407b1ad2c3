// Package quizzes holds the shipped question banks, one per role, embedded
// in the binary. bank.schema.json beside them is the JSON Schema of the
// format for editors (a copy of `asnskill schema`, kept equal by a test).
//
// shipped.gob is the same banks compiled, read at start so that listing the
// roles does not parse the YAML every time. After editing a bank, run
//
//	go generate ./quizzes
//
// (the test of this package fails while shipped.gob is stale).
package quizzes

import "embed"

//go:generate go run ./gen

// FS holds the shipped banks (*.yaml), the source of truth.
//
//go:embed *.yaml
var FS embed.FS

// Compiled holds the shipped banks compiled by ./gen.
//
//go:embed shipped.gob
var Compiled []byte
