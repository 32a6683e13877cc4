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

const snapshotArrayFixed = 12

// SnapshotArray is SRV_SNAPSHOT_ARRAY, the output of
// FSCTL_SRV_ENUMERATE_SNAPSHOTS ([MS-SMB2] 2.2.32.2): how many snapshots
// the volume has and, when the output buffer was large enough, their @GMT
// tokens. With none returned, ArraySize is the size the array needs
// (Samba then sends the 12-byte header and 4 zero bytes).
type SnapshotArray struct {
	// Number is NumberOfSnapShots, every snapshot the volume has.
	Number uint32
	// ArraySize is SnapShotArraySize: the bytes of the tokens with their
	// terminators and the final empty string.
	ArraySize uint32
	// Snapshots are the tokens returned (NumberOfSnapShotsReturned).
	Snapshots []string
}

// Encode returns the SRV_SNAPSHOT_ARRAY bytes: ArraySize is computed from
// Snapshots when there are any.
func (a *SnapshotArray) Encode() []byte {
	b := appendU32(make([]byte, 0, snapshotArrayFixed+4), a.Number)
	b = appendU32(b, uint32(len(a.Snapshots)))
	if len(a.Snapshots) == 0 {
		return zeros(appendU32(b, a.ArraySize), 4)
	}
	var arr []byte
	for _, s := range a.Snapshots {
		arr = append(AppendUTF16(arr, s), 0, 0)
	}
	arr = append(arr, 0, 0)
	return append(appendU32(b, uint32(len(arr))), arr...)
}

// DecodeSnapshotArray decodes SRV_SNAPSHOT_ARRAY ([MS-SMB2] 2.2.32.2).
// With tokens returned, the array must hold exactly that many non-empty
// NUL-terminated UTF-16LE strings and a final empty one, and end the
// buffer; with none, whatever follows the header is ignored.
func DecodeSnapshotArray(data []byte) (*SnapshotArray, error) {
	if len(data) < snapshotArrayFixed {
		return nil, malformed("SRV_SNAPSHOT_ARRAY: %d bytes, want at least %d", len(data), snapshotArrayFixed)
	}
	r := newReader(data, 0)
	a := &SnapshotArray{Number: r.u32("NumberOfSnapShots")}
	returned := r.u32("NumberOfSnapShotsReturned")
	a.ArraySize = r.u32("SnapShotArraySize")
	if r.err != nil {
		return nil, r.err
	}
	if returned == 0 {
		return a, nil
	}
	if returned > a.Number {
		return nil, malformed("SRV_SNAPSHOT_ARRAY: %d snapshots returned of %d", returned, a.Number)
	}
	rest := data[snapshotArrayFixed:]
	if uint64(a.ArraySize) != uint64(len(rest)) {
		return nil, malformed("SRV_SNAPSHOT_ARRAY: SnapShotArraySize %d, %d bytes follow", a.ArraySize, len(rest))
	}
	if uint64(returned) > uint64(len(rest)/4) {
		return nil, malformed("SRV_SNAPSHOT_ARRAY: %d snapshots cannot fit %d bytes", returned, len(rest))
	}
	for i := range returned {
		end := -1
		for j := 0; j+1 < len(rest); j += 2 {
			if rest[j] == 0 && rest[j+1] == 0 {
				end = j
				break
			}
		}
		if end <= 0 {
			return nil, malformed("SRV_SNAPSHOT_ARRAY: snapshot %d is empty or not terminated", i)
		}
		s, err := utf16Field(rest[:end], "SRV_SNAPSHOT_ARRAY token")
		if err != nil {
			return nil, err
		}
		a.Snapshots = append(a.Snapshots, s)
		rest = rest[end+2:]
	}
	if len(rest) != 2 || rest[0] != 0 || rest[1] != 0 {
		return nil, malformed("SRV_SNAPSHOT_ARRAY: %d bytes after the last snapshot, want the 2-byte terminator", len(rest))
	}
	return a, nil
}
