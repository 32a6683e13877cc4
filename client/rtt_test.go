package client

import (
	"testing"
	"time"
)

func TestRTTFloor(t *testing.T) {
	var r rttFloor
	if got := r.get(); got != 0 {
		t.Fatalf("estimate %v before any sample, want 0", got)
	}
	t0 := time.Unix(1000, 0)
	steps := []struct {
		at   time.Duration // since t0
		d    time.Duration
		want time.Duration
	}{
		{0, 12 * time.Millisecond, 12 * time.Millisecond},
		{time.Second, 10 * time.Millisecond, 10 * time.Millisecond}, // the least
		{2 * time.Second, 300 * time.Millisecond, 10 * time.Millisecond},
		// A new epoch: the last one's least still counts.
		{11 * time.Second, 40 * time.Millisecond, 10 * time.Millisecond},
		// Two epochs on, the path got slower: seen.
		{21 * time.Second, 41 * time.Millisecond, 40 * time.Millisecond},
		{31 * time.Second, 42 * time.Millisecond, 41 * time.Millisecond},
		// Epochs without samples keep what was known.
		{300 * time.Second, 45 * time.Millisecond, 42 * time.Millisecond},
	}
	for i, s := range steps {
		r.note(t0.Add(s.at), s.d)
		if got := r.get(); got != s.want {
			t.Errorf("step %d (sample %v at %v): estimate %v, want %v", i, s.d, s.at, got, s.want)
		}
	}
}
