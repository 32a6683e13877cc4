package wire

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Previous versions ("snapshots"): a CREATE carrying a TWrp context opens
// the file as it was at a snapshot's time ([MS-SMB2] 2.2.13.2.7,
// 3.3.5.9.6). Windows and Samba name a snapshot by an @GMT token, the
// time in UTC (MS-SMB2 2.2.32.2, SRV_SNAPSHOT_ARRAY).

const timewarpTokenSize = 8

// TimewarpToken is SMB2_CREATE_TIMEWARP_TOKEN, the data of a TWrp request
// context ([MS-SMB2] 2.2.13.2.7): the snapshot's time as a FILETIME.
type TimewarpToken struct {
	Timestamp uint64
}

// Encode returns the 8-byte context data.
func (w *TimewarpToken) Encode() []byte {
	return appendU64(make([]byte, 0, timewarpTokenSize), w.Timestamp)
}

// DecodeTimewarpToken decodes TWrp data ([MS-SMB2] 2.2.13.2.7); it must
// be exactly 8 bytes.
func DecodeTimewarpToken(data []byte) (*TimewarpToken, error) {
	if len(data) != timewarpTokenSize {
		return nil, malformed("TWrp: %d bytes, want %d", len(data), timewarpTokenSize)
	}
	r := newReader(data, 0)
	return &TimewarpToken{Timestamp: r.u64("Timestamp")}, r.err
}

// GMTTokenLayout is the time layout of an @GMT token,
// @GMT-YYYY.MM.DD-HH.MM.SS, always in UTC ([MS-SMB2] 2.2.32.2).
const GMTTokenLayout = "@GMT-2006.01.02-15.04.05"

// GMTToken returns t's @GMT token (UTC, whole seconds).
func GMTToken(t time.Time) string { return t.UTC().Format(GMTTokenLayout) }

// ParseSnapshotTime parses a snapshot time as mount.cifs takes it
// (snapshot=): an @GMT-YYYY.MM.DD-HH.MM.SS token, or a FILETIME, a
// decimal count of 100 ns units since 1601. The time is in UTC.
func ParseSnapshotTime(s string) (time.Time, error) {
	if len(s) == len(GMTTokenLayout) && s[:5] == "@GMT-" {
		t, err := time.ParseInLocation(GMTTokenLayout, s, time.UTC)
		if err != nil {
			return time.Time{}, fmt.Errorf("bad @GMT token: %w", err)
		}
		return t, nil
	}
	ft, err := strconv.ParseUint(s, 10, 63)
	if err != nil || ft == 0 {
		return time.Time{}, errors.New("want @GMT-YYYY.MM.DD-HH.MM.SS or a FILETIME (100 ns units since 1601)")
	}
	return time.Unix(FileTimeEpochUnix+int64(ft/1e7), int64(ft%1e7)*100).UTC(), nil
}
