package wire

import (
	"testing"
	"time"
)

func TestFileTime(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want uint64
	}{
		{time.Time{}, 0},
		{time.Unix(0, 0), 116444736000000000},
		{time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), 126227808000000000},
		{time.Unix(0, 150), 116444736000000001},
		{time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC), 1},
	} {
		if got := FileTime(c.t); got != c.want {
			t.Errorf("FileTime(%v) = %d, want %d", c.t, got, c.want)
		}
	}
}
