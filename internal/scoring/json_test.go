package scoring

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"
)

// AppendJSON must write what encoding/json writes, byte for byte.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	b := testBank()
	r := rand.New(rand.NewPCG(7, 7))
	seed := int64(42)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 500; i++ {
		s, _ := NewScorer(b, allIDs)
		s.AllRecommendations = i%2 == 0
		sh := Sheet{Candidate: []string{"c-001", "=cmd", "Ñandú <b>&", "tab\there", "\u2028x", "ok"}[i%6], Choices: make([]Choice, 5),
			Seconds: []float64{1.5, 0, 1e-9, 3, 25}, Flagged: []bool{true, false, false, true, false}}
		for q := range sh.Choices {
			sh.Choices[q] = Choice(r.IntN(8))
		}
		if i%3 == 0 {
			sh.Groups = map[string]string{"region": "Jawa", "b": "x"}
		}
		res := s.Score(sh, i%4 == 0)
		if i%5 == 0 {
			res.Mode, res.Lang, res.Seed, res.StartedAt, res.FinishedAt = "exam", "id", &seed, &now, &now
			res.Skills[0].SelfLevel = 3
		}
		want, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("AppendJSON differs:\n got %s\nwant %s", got, want)
		}
	}
	for _, f := range []float64{0, 1, 66.66666666666667, 1e-7, 1.5e-9, 1e21, 123456789012345678, 0.1} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); string(got) != string(want) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

func BenchmarkAppendJSON(b *testing.B) {
	bk, ids := bank100()
	s, _ := NewScorer(bk, ids)
	res := s.Score(Sheet{Candidate: "c0000001", Choices: make([]Choice, 100)}, false)
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = res.AppendJSON(buf[:0])
	}
}

func BenchmarkEncodingJSON(b *testing.B) {
	bk, ids := bank100()
	s, _ := NewScorer(bk, ids)
	res := s.Score(Sheet{Candidate: "c0000001", Choices: make([]Choice, 100)}, false)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		json.Marshal(res)
	}
}
