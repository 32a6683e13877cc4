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
