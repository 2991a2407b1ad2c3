package store

import (
	"path/filepath"
	"testing"
	"time"
)

// Reviews and ReviewEvents return all the schedule holds, retired and
// never-wrong questions included: what the export hands to the user.
func TestReviewsExportEverything(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, ev := range []struct {
		q  string
		ok bool
	}{{"right", true}, {"wrong", false}, {"wrong", true}} {
		if err := s.RecordReview("b", ev.q, ev.ok, at); err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Minute)
	}
	items, err := s.Reviews("b")
	if err != nil || len(items) != 2 {
		t.Fatalf("reviews %+v %v", items, err)
	}
	events, err := s.ReviewEvents("")
	if err != nil || len(events) != 3 || events[0].Question != "right" || !events[0].Correct || events[1].Correct {
		t.Fatalf("events %+v %v", events, err)
	}
	if other, _ := s.Reviews("other"); len(other) != 0 {
		t.Errorf("another bank's reviews: %+v", other)
	}
}
