package main

import (
	"testing"
	"time"
)

func TestRepeatFilter(t *testing.T) {
	f := &repeatFilter{window: time.Minute}
	t0 := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	steps := []struct {
		key     string
		at      time.Duration
		ok      bool
		dropped int
	}{
		{"a", 0, true, 0},
		{"a", time.Second, false, 0},                     // same line within the window
		{"a", 30 * time.Second, false, 0},                // still within a minute of the written one
		{"a", 61 * time.Second, true, 2},                 // a minute after: written, with the count
		{"b", 62 * time.Second, true, 0},                 // another error is written at once
		{"b", 63 * time.Second, false, 0},                //
		{"", 64 * time.Second, true, 1},                  // a reconnect is never held back and carries the count
		{"b", 65 * time.Second, true, 0},                 // after it, the failure is news again
		{"", 66 * time.Second, true, 0},                  //
		{"", 66*time.Second + time.Millisecond, true, 0}, // "" never repeats
	}
	for i, s := range steps {
		dropped, ok := f.admit(s.key, t0.Add(s.at))
		if ok != s.ok || dropped != s.dropped {
			t.Errorf("step %d (%q at %v): admit = (%d, %v), want (%d, %v)", i, s.key, s.at, dropped, ok, s.dropped, s.ok)
		}
	}
}
