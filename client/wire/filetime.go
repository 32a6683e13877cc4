package wire

import (
	"math"
	"time"
)

// FileTimeEpochUnix is 1601-01-01, the origin of a FILETIME ([MS-DTYP]
// 2.3.3: 100 ns intervals since then), in Unix seconds.
const FileTimeEpochUnix = -11644473600

// FileTime converts t to a FILETIME, truncated to its 100 ns units. The zero
// time is 0, which SET_INFO reads as "leave unchanged" ([MS-FSCC]
// 2.4.7); any other time before 1601 becomes the earliest FILETIME there is
// (1), so that it is never sent as 0, and times past year 30828 the latest.
func FileTime(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	sec := t.Unix()
	switch {
	case sec < FileTimeEpochUnix:
		return 1
	case sec-FileTimeEpochUnix > math.MaxInt64/10_000_000-1:
		return math.MaxInt64
	}
	ft := uint64(sec-FileTimeEpochUnix)*1e7 + uint64(t.Nanosecond()/100)
	return max(ft, 1)
}
