package scoring

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// AppendJSON appends r as encoding/json would marshal it (byte for byte; a
// test holds it to that), without reflection: bulk scoring writes a million
// results, and this is most of what it does per row.
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, `{"format":`...)
	b = appendStatic(b, r.Format)
	b = append(b, `,"candidate":`...)
	b = appendString(b, r.Candidate)
	b = append(b, `,"bank":{"id":`...)
	b = appendStatic(b, r.Bank.ID)
	b = append(b, `,"version":`...)
	b = appendStatic(b, r.Bank.Version)
	b = append(b, `,"sha256":`...)
	b = appendStatic(b, r.Bank.SHA256)
	b = append(b, '}')
	if r.Mode != "" {
		b = append(b, `,"mode":`...)
		b = appendStatic(b, r.Mode)
	}
	if r.Seed != nil {
		b = append(b, `,"seed":`...)
		b = strconv.AppendInt(b, *r.Seed, 10)
	}
	if r.Lang != "" {
		b = append(b, `,"lang":`...)
		b = appendStatic(b, r.Lang)
	}
	if r.StartedAt != nil {
		b = append(b, `,"started_at":`...)
		b = appendTime(b, *r.StartedAt)
	}
	if r.FinishedAt != nil {
		b = append(b, `,"finished_at":`...)
		b = appendTime(b, *r.FinishedAt)
	}
	if len(r.Groups) > 0 {
		b = append(b, `,"groups":`...)
		b = appendGroups(b, r.Groups)
	}
	if len(r.Kept) > 0 {
		b = append(b, `,"kept":`...)
		b = appendGroups(b, r.Kept)
	}
	s := &r.Score
	b = append(b, `,"score":{"earned":`...)
	b = appendFloat(b, s.Earned)
	b = append(b, `,"possible":`...)
	b = appendFloat(b, s.Possible)
	b = append(b, `,"percent":`...)
	b = appendFloat(b, s.Percent)
	b = append(b, `,"passed":`...)
	b = strconv.AppendBool(b, s.Passed)
	b = append(b, `,"passing_score":`...)
	b = appendFloat(b, s.PassingScore)
	if len(s.FailedSkills) > 0 {
		b = append(b, `,"failed_skills":[`...)
		for i, f := range s.FailedSkills {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStatic(b, f)
		}
		b = append(b, ']')
	}
	b = append(b, `,"counts":{"correct":`...)
	b = strconv.AppendInt(b, int64(s.Counts.Correct), 10)
	b = append(b, `,"partial":`...)
	b = strconv.AppendInt(b, int64(s.Counts.Partial), 10)
	b = append(b, `,"wrong":`...)
	b = strconv.AppendInt(b, int64(s.Counts.Wrong), 10)
	b = append(b, `,"blank":`...)
	b = strconv.AppendInt(b, int64(s.Counts.Blank), 10)
	b = append(b, `}},"skills":`...)
	if r.Skills == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Skills {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Skills[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"recommendations":`...)
	if r.Recommendations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Recommendations {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Recommendations[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if len(r.Answers) > 0 {
		b = append(b, `,"answers":[`...)
		for i := range r.Answers {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Answers[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if r.Calibrated != nil {
		b = append(b, `,"calibrated":`...)
		b = strconv.AppendBool(b, *r.Calibrated)
	}
	return append(b, '}')
}

func (s *SkillResult) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendStatic(b, s.ID)
	b = append(b, `,"earned":`...)
	b = appendFloat(b, s.Earned)
	b = append(b, `,"possible":`...)
	b = appendFloat(b, s.Possible)
	b = append(b, `,"percent":`...)
	b = appendFloat(b, s.Percent)
	b = append(b, `,"ci95":[`...)
	b = appendFloat(b, s.CI95[0])
	b = append(b, ',')
	b = appendFloat(b, s.CI95[1])
	b = append(b, `],"items":`...)
	b = strconv.AppendInt(b, int64(s.Items), 10)
	b = append(b, `,"low_evidence":`...)
	b = strconv.AppendBool(b, s.LowEvidence)
	known := s.Known()
	b = append(b, `,"level":`...)
	b = appendOptInt(b, s.Level, known)
	b = append(b, `,"level_range":`...)
	if known {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.LevelRange[0]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.LevelRange[1]), 10)
		b = append(b, ']')
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"target_level":`...)
	b = strconv.AppendInt(b, int64(s.TargetLevel), 10)
	b = append(b, `,"gap":`...)
	b = appendOptInt(b, s.Gap, known)
	b = append(b, `,"gap_status":`...)
	b = appendStatic(b, s.GapStatus)
	b = append(b, `,"weight":`...)
	b = appendFloat(b, s.Weight)
	if s.PassMin != nil {
		b = append(b, `,"pass_min":`...)
		b = appendFloat(b, *s.PassMin)
	}
	if s.BelowPassMin {
		b = append(b, `,"below_pass_min":true`...)
	}
	if s.Seconds != 0 {
		b = append(b, `,"seconds":`...)
		b = appendFloat(b, s.Seconds)
	}
	if s.SelfLevel != 0 {
		b = append(b, `,"self_level":`...)
		b = strconv.AppendInt(b, int64(s.SelfLevel), 10)
	}
	if s.Theta != nil {
		b = append(b, `,"theta":`...)
		b = appendFloat(b, *s.Theta)
	}
	if s.ThetaSE != nil {
		b = append(b, `,"theta_se":`...)
		b = appendFloat(b, *s.ThetaSE)
	}
	if len(s.Questions) > 0 {
		b = append(b, `,"questions":[`...)
		for i, q := range s.Questions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStatic(b, q)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendOptInt(b []byte, v int, known bool) []byte {
	if !known {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// MarshalJSON writes the skill with null level, level_range and gap when
// they are unknown (docs/scoring.md).
func (s SkillResult) MarshalJSON() ([]byte, error) { return s.appendJSON(nil), nil }

// UnmarshalJSON reads a skill; null level, level_range and gap read as 0.
// A result written before gap_status existed leaves it empty: the reader
// fills it with Classify when it has the bank's levels.
func (s *SkillResult) UnmarshalJSON(data []byte) error {
	type plain SkillResult
	var aux struct {
		*plain
		Level      *int    `json:"level"`
		LevelRange *[2]int `json:"level_range"`
		Gap        *int    `json:"gap"`
	}
	aux.plain = (*plain)(s)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	s.Level, s.LevelRange, s.Gap = 0, [2]int{}, 0
	if aux.Level != nil {
		s.Level = *aux.Level
	}
	if aux.LevelRange != nil {
		s.LevelRange = *aux.LevelRange
	}
	if aux.Gap != nil {
		s.Gap = *aux.Gap
	}
	return nil
}

func (r *Recommendation) appendJSON(b []byte) []byte {
	b = append(b, `{"skill":`...)
	b = appendStatic(b, r.Skill)
	b = append(b, `,"gap":`...)
	b = strconv.AppendInt(b, int64(r.Gap), 10)
	b = append(b, `,"kind":`...)
	b = appendStatic(b, r.Kind)
	b = append(b, `,"title":`...)
	b = appendStatic(b, r.Title)
	if r.Provider != "" {
		b = append(b, `,"provider":`...)
		b = appendStatic(b, r.Provider)
	}
	if r.URL != "" {
		b = append(b, `,"url":`...)
		b = appendStatic(b, r.URL)
	}
	if r.Hours != 0 {
		b = append(b, `,"hours":`...)
		b = appendFloat(b, r.Hours)
	}
	if r.Why != "" {
		b = append(b, `,"why":`...)
		b = appendStatic(b, r.Why)
	}
	return append(b, '}')
}

func (a *Answer) appendJSON(b []byte) []byte {
	b = append(b, `{"question":`...)
	b = appendStatic(b, a.Question)
	b = append(b, `,"response":`...)
	if a.Response == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, l := range a.Response {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStatic(b, l)
		}
		b = append(b, ']')
	}
	b = append(b, `,"earned":`...)
	b = appendFloat(b, a.Earned)
	b = append(b, `,"points":`...)
	b = appendFloat(b, a.Points)
	if a.Seconds != 0 {
		b = append(b, `,"seconds":`...)
		b = appendFloat(b, a.Seconds)
	}
	if a.Flagged {
		b = append(b, `,"flagged":true`...)
	}
	return append(b, '}')
}

// AppendNumber appends f as asnskill writes numbers in JSON and CSV: the
// shortest decimal that reads back the same, never rounded.
func AppendNumber(b []byte, f float64) []byte { return appendFloat(b, f) }

// appendFloat formats like encoding/json's float64 encoder.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...) // never produced by scoring
	}
	abs := math.Abs(f)
	if abs < 1e15 && f == math.Trunc(f) && !(f == 0 && math.Signbit(f)) {
		return strconv.AppendInt(b, int64(f), 10) // whole numbers: most points and weights
	}
	// Bulk results repeat the same few hundred percents and intervals:
	// formatting the shortest decimal is the costly part, so it is cached.
	key := math.Float64bits(f)
	if v, ok := floatCache.Load(key); ok {
		return append(b, v.(string)...)
	}
	start := len(b)
	defer func() {
		if floatCacheSize.Load() < 1<<16 {
			floatCacheSize.Add(1)
			floatCache.Store(key, string(b[start:]))
		}
	}()
	fmtc := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmtc = 'e'
	}
	b = strconv.AppendFloat(b, f, fmtc, -1, 64)
	if fmtc == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

var (
	floatCache     sync.Map // float64 bits → JSON text
	floatCacheSize atomic.Int64
)

// appendStatic quotes a string that recurs across results (ids, titles,
// URLs): its quoted form is cached, bounded like the numbers.
func appendStatic(b []byte, s string) []byte {
	if v, ok := stringCache.Load(s); ok {
		return append(b, v.(string)...)
	}
	q := appendString(nil, s)
	if stringCacheSize.Load() < 1<<14 {
		stringCacheSize.Add(1)
		stringCache.Store(s, string(q))
	}
	return append(b, q...)
}

var (
	stringCache     sync.Map // string → its JSON text
	stringCacheSize atomic.Int64
)

// appendString quotes s like encoding/json (HTML-safe escaping included);
// plain ASCII takes the fast path.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendTime(b []byte, t time.Time) []byte {
	q, _ := json.Marshal(t)
	return append(b, q...)
}

// appendGroups writes the map with sorted keys, as encoding/json does.
func appendGroups(b []byte, m map[string]string) []byte {
	var buf [8]string
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, m[k])
	}
	return append(b, '}')
}
