package wire

import (
	"bytes"
	"testing"
	"time"
)

func TestTimewarpToken(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	w := &TimewarpToken{Timestamp: FileTime(at)}
	b := ftInfoRoundTrip(t, w, (*TimewarpToken).Encode, DecodeTimewarpToken)
	// [MS-SMB2] 2.2.13.2.7: one FILETIME.
	if want := ftLE(FileTime(at)); !bytes.Equal(b, want) {
		t.Fatalf("TWrp % x", b)
	}
	for _, n := range []int{0, 7, 9, 16} {
		_, err := DecodeTimewarpToken(make([]byte, n))
		ftMalformed(t, err, "TWrp length")
	}
	if len(CtxNameTimewarpToken) != 4 {
		t.Fatalf("%q is not a 4-byte tag", CtxNameTimewarpToken)
	}
}

func TestParseSnapshotTime(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, s := range []string{"@GMT-2026.01.02-03.04.05", "134117966450000000"} {
		got, err := ParseSnapshotTime(s)
		if err != nil || !got.Equal(at) {
			t.Errorf("ParseSnapshotTime(%q) = %v, %v; want %v", s, got, err, at)
		}
	}
	if FileTime(at) != 134117966450000000 {
		t.Fatalf("FILETIME of %v is %d", at, FileTime(at))
	}
	if s := GMTToken(at.In(time.FixedZone("X", 3600))); s != "@GMT-2026.01.02-03.04.05" {
		t.Errorf("GMTToken = %q", s)
	}
	for _, s := range []string{"", "@GMT-2026.13.02-03.04.05", "@GMT-2026.01.02", "@gmt-2026.01.02-03.04.05",
		"2026-01-02", "0", "-5", "99999999999999999999", "@GMT-2026.01.02-03.04.05x"} {
		if _, err := ParseSnapshotTime(s); err == nil {
			t.Errorf("ParseSnapshotTime(%q) accepted", s)
		}
	}
}

func FuzzDecodeTimewarpToken(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeTimewarpToken"], ftNoErr((*TimewarpToken).Encode), DecodeTimewarpToken, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeTimewarpToken", (&TimewarpToken{Timestamp: 134117966450000000}).Encode())
}

func TestSnapshotArray(t *testing.T) {
	a := &SnapshotArray{Number: 2, Snapshots: []string{"@GMT-2026.01.02-03.04.05", "@GMT-2025.12.31-23.59.59"}}
	b := a.Encode()
	got, err := DecodeSnapshotArray(b)
	if err != nil {
		t.Fatal(err)
	}
	// [MS-SMB2] 2.2.32.2: counts, array size, the NUL-terminated UTF-16LE
	// tokens and an empty one.
	arr := append(append(append(AppendUTF16(nil, a.Snapshots[0]), 0, 0), append(AppendUTF16(nil, a.Snapshots[1]), 0, 0)...), 0, 0)
	if want := append(ftLE(uint32(2), uint32(2), uint32(len(arr))), arr...); !bytes.Equal(b, want) {
		t.Fatalf("SRV_SNAPSHOT_ARRAY % x", b)
	}
	if got.Number != 2 || got.ArraySize != uint32(len(arr)) || len(got.Snapshots) != 2 || got.Snapshots[1] != a.Snapshots[1] {
		t.Fatalf("decoded %+v", got)
	}
	// Only the counts (a 16-byte buffer): Samba's answer to the first ask.
	head := ftLE(uint32(3), uint32(0), uint32(152), uint32(0))
	if got, err := DecodeSnapshotArray(head); err != nil || got.Number != 3 || got.ArraySize != 152 || got.Snapshots != nil {
		t.Fatalf("counts only: %+v, %v", got, err)
	}
	if got, err := DecodeSnapshotArray((&SnapshotArray{}).Encode()); err != nil || got.Number != 0 {
		t.Fatalf("none: %+v, %v", got, err)
	}
	for name, bad := range map[string][]byte{
		"short":         ftLE(uint32(1), uint32(0)),
		"more than all": append(ftLE(uint32(0), uint32(1), uint32(len(arr))), arr...),
		"size lies":     append(ftLE(uint32(2), uint32(2), uint32(len(arr)+2)), arr...),
		"trailing":      append(append(ftLE(uint32(2), uint32(2), uint32(len(arr)+2)), arr...), 0, 0),
		"too few":       append(ftLE(uint32(3), uint32(3), uint32(len(arr))), arr...),
		"empty token":   ftLE(uint32(1), uint32(1), uint32(4), uint32(0)),
		"odd":           append(ftLE(uint32(1), uint32(1), uint32(5)), 'a', 0, 0, 0, 0),
	} {
		if _, err := DecodeSnapshotArray(bad); err == nil {
			t.Errorf("%s: accepted", name)
		} else {
			ftMalformed(t, err, name)
		}
	}
}

func FuzzDecodeSnapshotArray(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeSnapshotArray"], ftNoErr((*SnapshotArray).Encode), DecodeSnapshotArray, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeSnapshotArray",
		(&SnapshotArray{Number: 2, Snapshots: []string{"@GMT-2026.01.02-03.04.05", "@GMT-2025.12.31-23.59.59"}}).Encode(),
		(&SnapshotArray{Number: 3, ArraySize: 152}).Encode())
}
