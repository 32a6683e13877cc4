package main

import (
	"testing"
	"time"
)

func TestParseRTTs(t *testing.T) {
	got, err := parseRTTs("0,2, 10,40,0.5")
	want := []time.Duration{0, 2 * time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond, 500 * time.Microsecond}
	if err != nil || len(got) != len(want) {
		t.Fatalf("parseRTTs = %v, %v; want %v", got, err, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("rtt %d = %v, want %v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"", "x", "-1", "10,10", "20000", "1,,2"} {
		if _, err := parseRTTs(bad); err == nil {
			t.Errorf("parseRTTs(%q) accepted", bad)
		}
	}
}

func TestShapeLabel(t *testing.T) {
	if l := (&shape{}).label(); l != "direct" {
		t.Errorf("label without proxy = %q", l)
	}
	if s := fmtRTT(2500 * time.Microsecond); s != "2.5 ms" {
		t.Errorf("fmtRTT(2.5ms) = %q", s)
	}
}

func TestFmtMBps(t *testing.T) {
	for v, want := range map[float64]string{0.32: "0.3", 9.94: "9.9", 10: "10", 604.4: "604"} {
		if got := fmtMBps(v); got != want {
			t.Errorf("fmtMBps(%v) = %q, want %q", v, got, want)
		}
	}
}
