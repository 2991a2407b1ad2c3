package bank

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("bank.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("bank.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns YAML into the JSON value an editor's schema check sees.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every shipped bank and every valid test bank passes the schema; the broken
// banks whose mistake the schema can see fail it.
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	valid, _ := filepath.Glob("testdata/valid/*.yaml")
	shipped, _ := filepath.Glob("../../quizzes/*.yaml")
	for _, f := range append(valid, shipped...) {
		data, _ := os.ReadFile(f)
		if _, ds := Decode(f, data); ds.HasErrors() {
			continue // a shipped bank being edited; the quizzes test reports it
		}
		if err := s.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s fails the schema: %v", f, err)
		}
	}
	// Mistakes a JSON Schema can express (cross-references and YAML syntax
	// are lint's alone).
	schemaVisible := []string{"format-missing", "format-unknown", "missing-id", "bad-bank-id", "id-too-long",
		"bad-version", "unknown-top-key", "typo-correct", "passing-score-range", "bad-duration", "unknown-language",
		"empty-text", "weight-zero", "bad-kind", "url-not-https", "url-userinfo", "bad-type", "difficulty-range",
		"points-negative", "one-option", "seven-options", "score-range", "wrong-type-string", "wrong-type-bool", "level-min-100"}
	for _, name := range schemaVisible {
		data, err := os.ReadFile("testdata/invalid/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		v := asJSON(t, data)
		if v == nil {
			continue
		}
		if err := s.Validate(v); err == nil {
			t.Errorf("%s passes the schema but lint rejects it", name)
		} else if strings.Contains(err.Error(), "compil") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
