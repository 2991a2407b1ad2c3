package bank

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"sync"
)

// The shipped banks are also kept compiled (gob) beside their YAML, so that
// listing them does not parse 350 KB of YAML at every start. The YAML stays
// the source: quizzes' test fails when the compiled copy is stale.

// EncodeCompiled writes banks in the compiled form. Positions in the file
// are left out: they serve lint, which reads the YAML.
func EncodeCompiled(banks []*Bank) ([]byte, error) {
	out := make([]*Bank, len(banks))
	for i, b := range banks {
		c := *b
		c.Levels = append([]Level(nil), b.Levels...)
		for j := range c.Levels {
			c.Levels[j].Pos = Pos{}
		}
		c.Skills = append([]Skill(nil), b.Skills...)
		for j := range c.Skills {
			c.Skills[j].Pos = Pos{}
			c.Skills[j].Recommendations = append([]Recommendation(nil), b.Skills[j].Recommendations...)
			for k := range c.Skills[j].Recommendations {
				c.Skills[j].Recommendations[k].Pos = Pos{}
			}
		}
		c.Questions = append([]Question(nil), b.Questions...)
		for j := range c.Questions {
			c.Questions[j].Pos, c.Questions[j].SkillPos = Pos{}, Pos{}
			c.Questions[j].Options = append([]Option(nil), b.Questions[j].Options...)
			for k := range c.Questions[j].Options {
				c.Questions[j].Options[k].Pos = Pos{}
			}
		}
		out[i] = &c
	}
	// One blob per bank, so they can be decoded in parallel.
	blobs := make([][]byte, len(out))
	for i, b := range out {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(b); err != nil {
			return nil, err
		}
		blobs[i] = buf.Bytes()
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(blobs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeCompiled reads banks written by EncodeCompiled, marked as shipped.
func DecodeCompiled(data []byte) ([]*Bank, error) {
	var blobs [][]byte
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&blobs); err != nil {
		return nil, fmt.Errorf("compiled banks: %w", err)
	}
	banks := make([]*Bank, len(blobs))
	errs := make([]error, len(blobs))
	var wg sync.WaitGroup
	for i, blob := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b Bank
			if err := gob.NewDecoder(bytes.NewReader(blob)).Decode(&b); err != nil {
				errs[i] = fmt.Errorf("compiled banks: %w", err)
				return
			}
			b.Shipped = true
			b.index()
			banks[i] = &b
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return banks, nil
}
