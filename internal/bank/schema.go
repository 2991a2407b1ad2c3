package bank

import (
	"encoding/json"
)

// obj is a JSON Schema object; encoding/json writes its keys sorted, so the
// schema's text is stable.
type obj = map[string]any

func text(desc string) obj {
	return obj{
		"description": desc + " Localized text: a string in the bank's language, or a mapping of language code (id, en) to string.",
		"oneOf": []any{
			obj{"type": "string", "minLength": 1},
			obj{
				"type":                 "object",
				"properties":           obj{"id": obj{"type": "string", "minLength": 1}, "en": obj{"type": "string", "minLength": 1}},
				"additionalProperties": false,
				"minProperties":        1,
			},
		},
	}
}

var idSchema = obj{"type": "string", "pattern": IDPattern.String(), "maxLength": 40}

func object(required []string, props obj, keys []string) obj {
	// The properties must be exactly the keys the decoder knows; schema_test
	// checks it, so the schema cannot drift from the loader.
	if len(props) != len(keys) {
		panic("bank: schema properties differ from decoder keys")
	}
	for _, k := range keys {
		if _, ok := props[k]; !ok {
			panic("bank: schema lacks key " + k)
		}
	}
	return obj{"type": "object", "required": required, "properties": props, "additionalProperties": false}
}

// Schema returns the JSON Schema (draft-07) of the bank format.
func Schema() []byte {
	level := object([]string{"level", "min", "name"}, obj{
		"level": obj{"type": "integer", "minimum": 1, "description": "Levels are numbered 1..N without holes."},
		"min":   obj{"type": "number", "minimum": 0, "exclusiveMaximum": 100, "description": "Lowest percent of this band; the first is 0 and each is higher than the one before."},
		"name":  text("The level's name."),
	}, LevelKeys)
	rec := object([]string{"for_levels", "kind", "title"}, obj{
		"for_levels": obj{"type": "array", "minItems": 1, "items": obj{"type": "integer", "minimum": 1}, "description": "Shown when the achieved level is one of these."},
		"kind":       obj{"type": "string", "enum": Kinds},
		"title":      text("What to study."),
		"provider":   obj{"type": "string", "description": "Who offers it."},
		"url":        obj{"type": "string", "pattern": "^https://[^@/]+(/.*)?$", "description": "https:// only, without user information."},
		"hours":      obj{"type": "number", "exclusiveMinimum": 0, "description": "Rough study time."},
		"why":        text("One sentence: what it fixes."),
	}, RecommendationKeys)
	skill := object([]string{"id", "name", "target_level", "recommendations"}, obj{
		"id":              idSchema,
		"name":            text("The skill's name."),
		"description":     text("What the skill covers."),
		"weight":          obj{"type": "number", "exclusiveMinimum": 0, "default": 1, "description": "Importance for this role; orders gaps and recommendations."},
		"target_level":    obj{"type": "integer", "minimum": 1, "description": "The level this role needs: one of the bank's levels."},
		"pass_min":        obj{"type": "number", "minimum": 0, "maximum": 100, "description": "The skill's own pass mark in percent: below it the candidate fails whatever the total."},
		"recommendations": obj{"type": "array", "items": rec, "description": "At least one for every level below target_level."},
	}, SkillKeys)
	option := object([]string{"text"}, obj{
		"text":     text("The option as the candidate reads it."),
		"correct":  obj{"type": "boolean", "description": "single/truefalse: exactly one true; multiple: at least one true and one false."},
		"score":    obj{"type": "integer", "minimum": 1, "maximum": 5, "description": "judgement only: every option has one."},
		"feedback": text("Why this option is right or wrong."),
	}, OptionKeys)
	question := object([]string{"id", "skill", "prompt", "options"}, obj{
		"id":          idSchema,
		"skill":       obj{"type": "string", "pattern": IDPattern.String(), "description": "A skill id of this bank."},
		"type":        obj{"type": "string", "enum": []string{Single, Multiple, TrueFalse, Judgement}, "default": Single},
		"difficulty":  obj{"type": "integer", "enum": []int{1, 2, 3}, "default": 2, "description": "1 easy, 2 medium, 3 hard."},
		"points":      obj{"type": "number", "exclusiveMinimum": 0, "description": "Default: the difficulty."},
		"prompt":      text("The question."),
		"options":     obj{"type": "array", "minItems": 2, "maxItems": 6, "items": option, "description": "Options A..F in this order; truefalse has exactly 2."},
		"explanation": text("Why the keyed answer is right; shown after answering."),
		"references":  obj{"type": "array", "items": obj{"type": "string"}, "description": "Laws, standards or sources."},
		"tags":        obj{"type": "array", "items": obj{"type": "string"}},
		"irt": object([]string{"thresholds"}, obj{
			"thresholds": obj{"type": "array", "minItems": 1, "items": obj{"type": "number"}, "description": "Partial credit thresholds in logits, written by asnskill calibrate."},
			"se":         obj{"type": "array", "items": obj{"type": "number", "minimum": 0}, "description": "Standard errors of the thresholds."},
		}, IRTKeys),
	}, QuestionKeys)
	root := object([]string{"format", "id", "version", "title", "summary", "skills", "questions"}, obj{
		"format":   obj{"const": Format, "description": "Exactly " + Format + "."},
		"id":       idSchema,
		"version":  obj{"type": "string", "pattern": semverRE.String(), "description": "Semantic version of the content."},
		"language": obj{"type": "string", "enum": []string{"id", "en"}, "default": "id", "description": "Language of plain strings."},
		"languages": obj{"type": "array", "items": obj{"type": "string", "enum": []string{"id", "en"}}, "minItems": 1, "uniqueItems": true,
			"description": "The languages the bank is written in (default: all); a text lacking another language is not a missing translation."},
		"calibration": object(CalibrationKeys, obj{
			"date":        obj{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "When the items were calibrated (YYYY-MM-DD)."},
			"sample_size": obj{"type": "integer", "minimum": 1, "description": "Candidates whose answers were used."},
			"method":      obj{"type": "string", "description": "How the parameters were estimated."},
		}, CalibrationKeys),
		"title":         text("The role's name."),
		"summary":       text("What the role does in government."),
		"authors":       obj{"type": "array", "items": obj{"type": "string"}},
		"license":       obj{"type": "string", "description": "SPDX identifier of the content, e.g. CC-BY-4.0."},
		"passing_score": obj{"type": "number", "minimum": 0, "maximum": 100, "default": 65},
		"time_limit":    obj{"type": "string", "pattern": `^([0-9]+(\.[0-9]+)?(h|m|s|ms))+$`, "description": "Go duration, e.g. 30m."},
		"quiz_size":     obj{"type": "integer", "minimum": 1},
		"levels":        obj{"type": "array", "minItems": 1, "items": level},
		"skills":        obj{"type": "array", "minItems": 1, "items": skill},
		"questions":     obj{"type": "array", "minItems": 1, "items": question},
	}, BankKeys)
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["$id"] = "https://raw.githubusercontent.com/asnskill/asnskill/main/quizzes/bank.schema.json"
	root["title"] = "asnskill question bank (" + Format + ")"
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}
